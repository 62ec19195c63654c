import { useState, type ReactElement, type ReactNode } from 'react';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { Button, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { projectErrorText } from './project-format';

export interface ActionField {
  name: string;
  /** i18n key of the label */
  label: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'date' | 'url';
  /** i18n key of the helper text */
  helper?: string;
  initial?: string;
  maxLength?: number;
}

/**
 * A workflow step in a dialog: a button opens it, the fields (a note, a comment, a date) are filled, the step is
 * called; an error of the API (409 with its code, 400 naming the field) shows in the dialog, in the UI's language.
 * On success the dialog closes, the notification says so and the page is read again.
 */
export const ActionDialogButton = ({
  id,
  label,
  ariaLabel,
  title,
  explain,
  submitLabel,
  done,
  fields = [],
  color = 'primary',
  icon,
  disabled = false,
  describedBy,
  variant = 'text',
  onConfirm,
}: {
  /** unique on the page: names the dialog's elements */
  id: string;
  /** i18n key */
  label: string;
  /** the button's accessible name (already translated), when the label alone is ambiguous on the page */
  ariaLabel?: string;
  title: string;
  explain?: ReactNode;
  /** i18n key */
  submitLabel: string;
  /** i18n key of the success notification */
  done: string;
  fields?: ActionField[];
  color?: 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';
  icon?: ReactElement;
  disabled?: boolean;
  describedBy?: string;
  variant?: 'text' | 'contained' | 'outlined';
  onConfirm: (values: Record<string, string>) => Promise<unknown>;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const missing = fields.some((f) => f.required && !(values[f.name] ?? '').trim());
  const titleId = `${id}-title`;

  const close = () => {
    setOpen(false);
    // the record may have moved on meanwhile (someone else acted): read the page again
    if (error) refresh();
  };

  const run = async () => {
    if (missing) return;
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const trimmed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
      await onConfirm(trimmed);
      setOpen(false);
      notify(done, { type: 'success' });
      refresh();
    } catch (e) {
      setError(projectErrorText(translate, e, locale));
      const problems = (e as { body?: { errors?: unknown } })?.body?.errors;
      if (problems && typeof problems === 'object' && !Array.isArray(problems)) {
        setFieldErrors(problems as Record<string, string>);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={label}
        color={color}
        variant={variant}
        disabled={disabled}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        onClick={() => {
          setValues(Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
          setError(null);
          setFieldErrors({});
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <Dialog open={open} onClose={() => !busy && close()} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          {explain ? <DialogContentText component="div">{explain}</DialogContentText> : null}
          {fields.map((f) => (
            <TextField
              key={f.name}
              id={`${id}-${f.name}`}
              label={translate(f.label)}
              required={f.required}
              type={f.type === 'date' ? 'date' : f.type === 'url' ? 'url' : 'text'}
              value={values[f.name] ?? ''}
              onChange={(event) => setValues((v) => ({ ...v, [f.name]: event.target.value }))}
              multiline={f.multiline}
              minRows={f.multiline ? 3 : undefined}
              fullWidth
              margin="normal"
              error={!!fieldErrors[f.name]}
              helperText={fieldErrors[f.name] ?? (f.helper ? translate(f.helper) : undefined)}
              slotProps={{
                htmlInput: { maxLength: f.maxLength ?? 5000 },
                inputLabel: f.type === 'date' ? { shrink: true } : undefined,
              }}
            />
          ))}
          {error ? (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" color={color} onClick={() => void run()} disabled={busy || missing}>
            {translate(submitLabel)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
