import { useState } from 'react';
import LockOpenIcon from '@mui/icons-material/LockOpen';
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
import { canDo } from '../access';
import { useNotifyApiError } from '../common/api-error-notify';
import type { AppDataProvider } from '../providers/data-provider';
import { useRoles } from '../proposals/proposal-access';
import type { Assignment } from '../types';
import { assignmentLabel } from './assignment-fields';

/** The error codes of a reopening (NOT_SUBMITTED, REVIEW_CLOSED), then the review stage's. */
export const REOPEN_ERROR_NAMESPACES = ['cf.reopen_review.errors', 'cf.review_errors'] as const;

/**
 * A program officer reopens the submitted review of the assignment (in the record context), with a
 * reason: the review goes back to draft so that the reviewer can change it and submit it again.
 * Rendered on the board's rows and on the assignment's page; nothing unless the review is submitted.
 */
export const ReopenReviewButton = () => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError(REOPEN_ERROR_NAMESPACES);
  const refresh = useRefresh();
  const roles = useRoles();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || record.reviewStatus !== 'submitted' || !record.reviewId || !canDo('assignments', 'reopen', roles)) {
    return null;
  }
  const reviewId = record.reviewId;
  const titleId = `reopen-title-${record.id}`;

  const reopen = async () => {
    if (!reason.trim()) return;
    setBusy(true);
    try {
      await dataProvider.reopenReview(reviewId, reason.trim());
      setOpen(false);
      notify('cf.reopen_review.done', { type: 'success', messageArgs: { name: record.reviewerName } });
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
        label="cf.reopen_review.action"
        onClick={(event) => {
          // on the board, the row opens the assignment
          event.stopPropagation();
          setReason('');
          setOpen(true);
        }}
      >
        <LockOpenIcon />
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
          {translate('cf.reopen_review.title', {
            proposal: assignmentLabel(record, translate('cf.proposals.untitled')),
          })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('cf.reopen_review.explain', { name: record.reviewerName })}</DialogContentText>
          <TextField
            id={`reopen-reason-${record.id}`}
            label={translate('cf.reopen_review.reason')}
            helperText={translate('cf.reopen_review.reason_help')}
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
          <MuiButton variant="contained" color="warning" onClick={() => void reopen()} disabled={busy || !reason.trim()}>
            {translate('cf.reopen_review.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
