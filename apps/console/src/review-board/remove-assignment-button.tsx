import { useState } from 'react';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Button, Confirm, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useNotifyApiError } from '../common/api-error-notify';
import type { AppDataProvider } from '../providers/data-provider';
import { assignmentLabel } from '../assignments/assignment-fields';
import type { Assignment } from '../types';

/** Removes the assignment (program officer); not once the review is submitted (409 REVIEW_SUBMITTED). */
export const RemoveAssignmentButton = () => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError('cf.review_errors');
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || record.reviewStatus === 'submitted') return null;

  const remove = async () => {
    setBusy(true);
    try {
      await dataProvider.removeAssignment(record.id);
      notify('cf.review_board.removed', { type: 'info', messageArgs: { name: record.reviewerName } });
      refresh();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button
        label="cf.review_board.remove"
        color="error"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        <PersonRemoveIcon />
      </Button>
      {/* the dialog's clicks must not reach the row (which opens the assignment) */}
      <span onClick={(event) => event.stopPropagation()}>
        <Confirm
          isOpen={open}
          loading={busy}
          title="cf.review_board.remove_title"
          titleTranslateOptions={{ name: record.reviewerName }}
          content="cf.review_board.remove_content"
          translateOptions={{
            name: record.reviewerName,
            proposal: assignmentLabel(record, translate('cf.proposals.untitled')),
          }}
          confirm="cf.review_board.remove"
          confirmColor="warning"
          onConfirm={() => void remove()}
          onClose={() => setOpen(false)}
        />
      </span>
    </>
  );
};
