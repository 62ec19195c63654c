import { Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { Assignment, ReviewStatus } from '../types';
import { reviewStatusColor } from './assignment-choices';

/** A review status as a chip. */
export const ReviewStatusChip = ({ status }: { status: ReviewStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={reviewStatusColor(status)}
      variant={status === 'not_started' ? 'outlined' : 'filled'}
      label={translate(`cf.review_statuses.${status}`, { _: status })}
    />
  );
};

/** The assignment's review status, as a chip. */
export const ReviewStatusField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<Assignment>();
  if (!record) return null;
  return <ReviewStatusChip status={record.reviewStatus} />;
};

/** "Overdue", in words and colour. */
export const OverdueChip = () => {
  const translate = useTranslate();
  return <Chip size="small" color="error" label={translate('cf.assignments.overdue')} />;
};

/** The due date on Toronto's clocks, with an "Overdue" chip when the review is late. */
export const DueDateField = ({ long }: Partial<FieldProps> & { long?: boolean }) => {
  const record = useRecordContext<Assignment>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
        {record.dueAt ? formatTorontoDateTime(record.dueAt, locale, long ? 'long' : 'medium') : '—'}
      </Typography>
      {record.overdue && record.reviewStatus !== 'submitted' ? <OverdueChip /> : null}
    </Stack>
  );
};

/** "TRK-0042 — Title": the proposal the assignment is about. */
export const assignmentLabel = (record: Pick<Assignment, 'trackingNumber' | 'proposalTitle'>, untitled: string): string => {
  const title = record.proposalTitle || untitled;
  return record.trackingNumber ? `${record.trackingNumber} — ${title}` : title;
};

/** The page title of an assignment: its proposal. */
export const AssignmentTitle = () => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{assignmentLabel(record, translate('cf.proposals.untitled'))}</>;
};

/** How the reviewer was assigned: automatically or by an officer. */
export const AssignmentSourceField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<Assignment>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`cf.assignments.sources.${record.source}`, { _: record.source })}
    </Typography>
  );
};
