import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Reviewer } from '../types';

/** Translated chips of a list of values (`cf.sectors.*`, `cf.regions.*`). */
export const TranslatedChipsField = ({ source, prefix }: FieldProps & { prefix: string }) => {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as string[] | undefined;
  if (!Array.isArray(value) || value.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {value.map((v) => (
        <Chip key={v} size="small" label={translate(`${prefix}.${v}`, { _: v })} />
      ))}
    </Stack>
  );
};

/** Whether the reviewer takes assignments, in words. */
export const ReviewerActiveField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<Reviewer>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={record.active ? 'success' : 'default'}
      variant={record.active ? 'filled' : 'outlined'}
      label={translate(record.active ? 'cf.reviewers.active' : 'cf.reviewers.inactive')}
    />
  );
};
