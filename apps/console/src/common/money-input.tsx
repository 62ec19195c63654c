import { useEffect, useState } from 'react';
import { InputAdornment, TextField, type SxProps, type Theme } from '@mui/material';
import {
  FieldTitle,
  InputHelperText,
  useInput,
  useLocaleState,
  useTranslate,
  type InputProps,
  type Validator,
} from 'react-admin';
import { centsToInputText, parseDollarsToCents } from './money';

/** The amount is not a valid number of dollars (at most 2 decimals), or is negative. */
const validAmount: Validator = (value: unknown) =>
  typeof value === 'number' && Number.isNaN(value) ? 'cf.validation.amount_invalid' : undefined;

const sameAmount = (a: number | null, b: unknown) =>
  (a === null && (b === null || b === undefined || b === '')) || Object.is(a, b);

export type MoneyInputProps = InputProps & { fullWidth?: boolean; className?: string; sx?: SxProps<Theme> };

/**
 * An amount typed in dollars and kept in the form as integer cents (what the API takes).
 * The text is parsed exactly, never through floating point: "1234.56" is 123456 cents.
 * Empty is null; a text that is not an amount is NaN, which fails validation.
 */
export const MoneyInput = ({ validate, fullWidth = false, className, sx, helperText, label, ...props }: MoneyInputProps) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const validators = [validAmount, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const { field, fieldState, isRequired, id } = useInput({ ...props, validate: validators });
  const [text, setText] = useState(() => centsToInputText(field.value, locale));

  // the value changed from outside (form reset, reload, language): show it
  useEffect(() => {
    setText((current) =>
      sameAmount(parseDollarsToCents(current, locale), field.value) ? current : centsToInputText(field.value, locale),
    );
  }, [field.value, locale]);

  const error = fieldState.error;
  const invalid = !!error && (fieldState.isTouched || fieldState.invalid);
  const dollar = <InputAdornment position={locale === 'fr' ? 'end' : 'start'}>$</InputAdornment>;

  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      className={className}
      sx={sx}
      value={text}
      disabled={props.disabled}
      onChange={(event) => {
        setText(event.target.value);
        field.onChange(parseDollarsToCents(event.target.value, locale));
      }}
      onBlur={() => {
        const cents = parseDollarsToCents(text, locale);
        if (typeof cents === 'number' && !Number.isNaN(cents)) setText(centsToInputText(cents, locale));
        field.onBlur();
      }}
      label={
        label === false ? undefined : (
          <FieldTitle label={label} source={props.source} resource={props.resource} isRequired={isRequired} />
        )
      }
      error={invalid}
      helperText={
        <InputHelperText
          error={invalid ? error?.message : undefined}
          helperText={helperText === false ? undefined : (helperText ?? translate('cf.money.helper'))}
        />
      }
      fullWidth={fullWidth}
      size="small"
      margin="dense"
      slotProps={{
        input: locale === 'fr' ? { endAdornment: dollar } : { startAdornment: dollar },
        htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
      }}
    />
  );
};
