import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatCalendarDate, formatTorontoDateTime } from '../common/zoned-time';
import type { Fund, IntakeState } from '../types';
import { localized } from './fund-choices';

/** A bilingual text of the record (`<field>En` / `<field>Fr`) in the UI's language. */
export const LocalizedTextField = ({ field, multiline }: { field: string; multiline?: boolean } & Partial<FieldProps>) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const text = localized(record, field, locale);
  return (
    <Typography component="span" variant="body2" sx={multiline ? { whiteSpace: 'pre-line' } : undefined}>
      {text || '—'}
    </Typography>
  );
};

/** Whether the fund takes submissions now (by the server's clock), in words. */
export const IntakeChip = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<Fund>();
  const translate = useTranslate();
  if (!record) return null;
  const intake: IntakeState = record.intake;
  const color = intake === 'open' ? 'success' : 'default';
  return (
    <Chip
      size="small"
      color={color}
      variant={intake === 'open' ? 'filled' : 'outlined'}
      label={translate(`cf.intake.${intake}`, { _: intake })}
    />
  );
};

/** An ISO instant on Toronto's clocks, with the zone abbreviation. */
export const TorontoDateTimeField = ({ source, long }: FieldProps & { long?: boolean }) => {
  const [locale] = useLocaleState();
  const value = useFieldValue({ source }) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {value ? formatTorontoDateTime(value, locale, long ? 'long' : 'medium') : '—'}
    </Typography>
  );
};

/** A calendar date (YYYY-MM-DD), shown without time zone shifts. */
export const CalendarDateField = ({ source }: FieldProps) => {
  const [locale] = useLocaleState();
  const value = useFieldValue({ source }) as string | null | undefined;
  return (
    <Typography component="span" variant="body2">
      {value ? formatCalendarDate(value, locale) : '—'}
    </Typography>
  );
};

/** The institution types eligible for the fund, as chips. */
export const InstitutionTypesField = ({ source }: FieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue({ source }) as string[] | undefined;
  if (!Array.isArray(value) || value.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {value.map((type) => (
        <Chip key={type} size="small" label={translate(`cf.institution_types.${type}`, { _: type })} />
      ))}
    </Stack>
  );
};
