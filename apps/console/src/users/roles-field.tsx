import { Chip, Stack } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** The user's roles as translated chips. */
export const RolesField = (props: FieldProps) => {
  const translate = useTranslate();
  const roles = useFieldValue({ ...props, source: props.source ?? 'roles' }) as string[] | undefined;
  if (!Array.isArray(roles) || roles.length === 0) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {roles.map((role) => (
        <Chip key={role} size="small" label={translate(`cf.roles.${role}`, { _: role })} />
      ))}
    </Stack>
  );
};
