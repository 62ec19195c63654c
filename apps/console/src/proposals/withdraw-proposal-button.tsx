import { useState } from 'react';
import UndoIcon from '@mui/icons-material/Undo';
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
import { Button, useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import type { AppDataProvider } from '../providers/data-provider';
import type { Proposal } from '../types';
import { useApplicantCan } from './proposal-access';

/** Withdraw a draft or submitted proposal, with a confirmation and an optional reason. */
export const WithdrawProposalButton = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const dataProvider = useDataProvider<AppDataProvider>();
  const allowed = useApplicantCan(record, 'withdraw');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!record || !allowed) return null;

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.withdrawProposal(record.id, reason.trim() || undefined);
      setOpen(false);
      notify('cf.withdraw.done', { type: 'info' });
      refresh();
      // a withdrawn proposal is read-only: leave the edit page
      redirect('show', 'proposals', record.id);
    } catch (e) {
      setError(errorMessage(e) || translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cf.withdraw.action" color="error" onClick={() => setOpen(true)}>
        <UndoIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby="withdraw-title" fullWidth maxWidth="sm">
        <DialogTitle id="withdraw-title">{translate('cf.withdraw.confirm_title', { title: record.title || '' })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('cf.withdraw.confirm_content')}</DialogContentText>
          <TextField
            label={translate('cf.withdraw.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
          {error ? <Alert severity="error">{error}</Alert> : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" color="error" onClick={() => void withdraw()} disabled={busy}>
            {translate('cf.withdraw.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
