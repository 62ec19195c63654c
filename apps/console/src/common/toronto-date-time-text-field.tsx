import { useEffect, useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { zonedInputToIso, zonedInputValue } from './zoned-time';

export type TorontoDateTimeTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  /** an ISO instant, or null */
  value: string | null;
  onChange: (iso: string | null) => void;
  /** the chosen minute is included: 11:59 p.m. means until 23:59:59.999 */
  endOfMinute?: boolean;
};

/**
 * A date and time on Toronto's clocks outside react-admin forms (dialogs), whatever the browser's
 * time zone: the value is an ISO instant with the offset Toronto has on that date.
 */
export const TorontoDateTimeTextField = ({
  value,
  onChange,
  endOfMinute,
  helperText,
  ...props
}: TorontoDateTimeTextFieldProps) => {
  const translate = useTranslate();
  const [text, setText] = useState(() => zonedInputValue(value));

  useEffect(() => {
    setText((current) => (zonedInputValue(value) === current ? current : zonedInputValue(value)));
  }, [value]);

  return (
    <TextField
      {...props}
      type="datetime-local"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(event.target.value ? zonedInputToIso(event.target.value, { endOfMinute }) : null);
      }}
      helperText={helperText ?? translate('cf.time.toronto_input')}
      slotProps={{ ...props.slotProps, inputLabel: { shrink: true } }}
    />
  );
};
