import { useState } from 'react';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
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
import { ReviewerOptionsPicker } from './reviewer-options-picker';

/** Gives the assignment to another reviewer (program officer); not once the review is submitted. */
export const MoveAssignmentButton = () => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError('cf.review_errors');
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || record.reviewStatus === 'submitted') return null;

  const move = async () => {
    if (!reviewerId) return;
    setBusy(true);
    try {
      const moved = await dataProvider.moveAssignment(record.id, reviewerId, reason.trim() || undefined);
      setOpen(false);
      notify('cf.review_board.moved', { type: 'success', messageArgs: { name: moved?.reviewerName ?? '' } });
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
        label="cf.review_board.move"
        onClick={(event) => {
          event.stopPropagation();
          setReviewerId(null);
          setReason('');
          setOpen(true);
        }}
      >
        <SwapHorizIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        onClick={(event) => event.stopPropagation()}
        aria-labelledby={`move-title-${record.id}`}
        fullWidth
        maxWidth="md"
      >
        <DialogTitle id={`move-title-${record.id}`}>
          {translate('cf.review_board.move_title', {
            proposal: assignmentLabel(record, translate('cf.proposals.untitled')),
          })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            {translate('cf.review_board.move_explain', { name: record.reviewerName })}
          </DialogContentText>
          {open ? <ReviewerOptionsPicker proposalId={record.proposalId} value={reviewerId} onChange={setReviewerId} /> : null}
          <TextField
            label={translate('cf.review_board.move_reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={2}
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => void move()} disabled={busy || !reviewerId}>
            {translate('cf.review_board.move_confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
