import { useEffect, useState } from 'react';
import { TextField } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, useTranslate, type InputProps } from 'react-admin';
import { zonedInputToIso, zonedInputValue, zoneOffsetMs } from './zoned-time';

const offsetLabel = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const minutes = zoneOffsetMs(instant) / 60_000;
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

export type TorontoDateTimeInputProps = InputProps & {
  /** the chosen minute is included: 11:59 p.m. means until 23:59:59.999 */
  endOfMinute?: boolean;
  fullWidth?: boolean;
};

/**
 * A date and time on Toronto's clocks, whatever the browser's time zone, kept in the form as
 * an ISO 8601 instant with the offset Toronto has on that date (DST-aware).
 */
export const TorontoDateTimeInput = ({ endOfMinute, fullWidth, helperText, label, ...props }: TorontoDateTimeInputProps) => {
  const translate = useTranslate();
  const { field, fieldState, isRequired, id } = useInput(props);
  const [text, setText] = useState(() => zonedInputValue(field.value));

  useEffect(() => {
    setText((current) => (zonedInputValue(field.value) === current ? current : zonedInputValue(field.value)));
  }, [field.value]);

  const error = fieldState.error;
  const invalid = !!error && (fieldState.isTouched || fieldState.invalid);
  const offset = offsetLabel(field.value);

  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      type="datetime-local"
      value={text}
      disabled={props.disabled}
      onChange={(event) => {
        setText(event.target.value);
        field.onChange(event.target.value ? zonedInputToIso(event.target.value, { endOfMinute }) : null);
      }}
      onBlur={field.onBlur}
      label={
        label === false ? undefined : (
          <FieldTitle label={label} source={props.source} resource={props.resource} isRequired={isRequired} />
        )
      }
      error={invalid}
      helperText={
        <InputHelperText
          error={invalid ? error?.message : undefined}
          helperText={
            helperText === false
              ? undefined
              : (helperText ??
                (offset ? translate('cf.time.toronto_input_offset', { offset }) : translate('cf.time.toronto_input')))
          }
        />
      }
      fullWidth={fullWidth}
      size="small"
      margin="dense"
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
};
