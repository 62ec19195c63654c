import { useState } from 'react';
import MoreTimeIcon from '@mui/icons-material/MoreTime';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { Button, useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { canDo } from '../access';
import { errorMessage, errorProblems } from '../common/api-error';
import { formatTorontoDateTime, zonedInputToIso, zonedInputValue } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import type { Proposal } from '../types';
import { useRoles } from './proposal-access';

/**
 * Grant one proposal more time (program officer): a date and time on Toronto's clocks and a
 * reason. The instant is sent with the offset Toronto has on that date (EDT or EST), whatever
 * the officer's own time zone.
 */
export const GrantExtensionButton = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const roles = useRoles();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [local, setLocal] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!record || !canDo('proposals', 'extend', roles) || !['draft', 'submitted'].includes(record.status)) return null;

  const until = local ? zonedInputToIso(local) : null;
  const afterDeadline = !!until && !!record.deadline && Date.parse(until) > Date.parse(record.deadline.closesAt);

  const start = () => {
    // start from the current effective deadline, on Toronto's clocks
    setLocal(zonedInputValue(record.deadline?.effectiveDeadline));
    setReason('');
    setError(null);
    setOpen(true);
  };

  const grant = async () => {
    if (!until) return;
    setBusy(true);
    setError(null);
    try {
      const extension = await dataProvider.grantProposalExtension(record.id, until, reason.trim());
      setOpen(false);
      notify('cf.extensions.granted', {
        type: 'success',
        messageArgs: { date: formatTorontoDateTime(extension.until, locale, 'long') },
      });
      refresh();
    } catch (e) {
      const problems = errorProblems(e);
      setError(problems.length ? problems.map((p) => `${p.field}: ${p.reason}`).join('; ') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cf.extensions.grant" onClick={start}>
        <MoreTimeIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby="extension-title" fullWidth maxWidth="sm">
        <DialogTitle id="extension-title">{translate('cf.extensions.grant_title', { title: record.title })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            {translate('cf.extensions.explain', {
              date: record.deadline ? formatTorontoDateTime(record.deadline.closesAt, locale, 'long') : '—',
            })}
          </DialogContentText>
          <TextField
            type="datetime-local"
            label={translate('cf.extensions.until')}
            value={local}
            onChange={(event) => setLocal(event.target.value)}
            required
            fullWidth
            margin="normal"
            error={!!local && !afterDeadline}
            helperText={
              !local
                ? translate('cf.time.toronto_input')
                : !afterDeadline
                  ? translate('cf.extensions.must_be_after')
                  : translate('cf.extensions.preview', { date: formatTorontoDateTime(until, locale, 'long'), iso: until ?? '' })
            }
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={translate('cf.extensions.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
          <Typography variant="caption">{translate('cf.extensions.audited')}</Typography>
          {error ? (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => void grant()} disabled={busy || !afterDeadline || !reason.trim()}>
            {translate('cf.extensions.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
