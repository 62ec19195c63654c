import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
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
import {
  Button,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { canDo } from '../access';
import { apiErrorText } from '../common/api-error';
import type { AppDataProvider } from '../providers/data-provider';
import { useRoles } from '../proposals/proposal-access';
import type { Assignment } from '../types';
import { assignmentLabel } from './assignment-fields';

/**
 * The assigned reviewer declares a conflict of interest, with a reason: the API records it and
 * removes the assignment, so the reviewer goes back to their list.
 */
export const DeclareConflictButton = () => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const roles = useRoles();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (
    !record ||
    !canDo('assignments', 'declare_conflict', roles) ||
    !identity ||
    String(identity.id) !== String(record.reviewerId) ||
    record.reviewStatus === 'submitted'
  ) {
    return null;
  }

  const declare = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.declareConflict(record.id, reason.trim());
      setOpen(false);
      notify('cf.conflicts.declared', { type: 'info' });
      refresh();
      redirect('list', 'assignments');
    } catch (e) {
      setError(apiErrorText(translate, e, 'cf.review_errors'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cf.conflicts.declare" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        aria-labelledby="declare-conflict-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="declare-conflict-title">
          {translate('cf.conflicts.declare_title', {
            proposal: assignmentLabel(record, translate('cf.proposals.untitled')),
          })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('cf.conflicts.declare_explain')}</DialogContentText>
          <TextField
            label={translate('cf.conflicts.reason')}
            helperText={translate('cf.conflicts.reason_help')}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={3}
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
          <MuiButton variant="contained" color="warning" onClick={() => void declare()} disabled={busy || !reason.trim()}>
            {translate('cf.conflicts.declare_confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
