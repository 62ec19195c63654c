import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNotifyApiError } from '../common/api-error-notify';
import type { AppDataProvider } from '../providers/data-provider';
import { assignmentLabel } from '../assignments/assignment-fields';
import type { Assignment } from '../types';

/** The error codes of recording a conflict (CONFLICT_ALREADY_RECORDED...), then the review stage's. */
const RECORD_CONFLICT_ERROR_NAMESPACES = ['cf.record_conflict.errors', 'cf.review_errors'] as const;

/**
 * A program officer records a conflict of interest between the assignment's proposal and reviewer
 * (a disclosure, say), with a reason: the API removes the assignment and never assigns that reviewer
 * to the proposal again. Not once the review is submitted (409 REVIEW_SUBMITTED: reopen it first).
 */
export const RecordConflictButton = () => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError(RECORD_CONFLICT_ERROR_NAMESPACES);
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || record.reviewStatus === 'submitted') return null;
  const titleId = `record-conflict-title-${record.id}`;

  const recordConflict = async () => {
    if (!reason.trim()) return;
    setBusy(true);
    try {
      await dataProvider.recordConflict({
        proposalId: record.proposalId,
        reviewerId: record.reviewerId,
        reason: reason.trim(),
      });
      setOpen(false);
      notify('cf.record_conflict.done', { type: 'info', messageArgs: { name: record.reviewerName } });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label="cf.record_conflict.action"
        onClick={(event) => {
          event.stopPropagation();
          setReason('');
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        onClick={(event) => event.stopPropagation()}
        aria-labelledby={titleId}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id={titleId}>
          {translate('cf.record_conflict.title', {
            proposal: assignmentLabel(record, translate('cf.proposals.untitled')),
          })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('cf.record_conflict.explain', { name: record.reviewerName })}</DialogContentText>
          <TextField
            id={`record-conflict-reason-${record.id}`}
            label={translate('cf.record_conflict.reason')}
            helperText={translate('cf.record_conflict.reason_help')}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" color="warning" onClick={() => void recordConflict()} disabled={busy || !reason.trim()}>
            {translate('cf.record_conflict.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
