import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, type FieldProps } from 'react-admin';
import { formatCents } from './money';

/** Integer cents shown as dollars in the UI's language. */
export const MoneyField = (props: FieldProps) => {
  const [locale] = useLocaleState();
  const value = useFieldValue(props) as number | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {typeof value === 'number' ? formatCents(value, locale) : '—'}
    </Typography>
  );
};
