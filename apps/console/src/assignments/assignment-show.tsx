import { Box, Stack } from '@mui/material';
import { Labeled, ListButton, Show, TextField, TopToolbar, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/date-time-field';
import type { Assignment } from '../types';
import { AssignmentSourceField, AssignmentTitle, DueDateField, ReviewStatusField } from './assignment-fields';
import { AssignmentProposalPanel } from './assignment-proposal-panel';
import { DeclareConflictButton } from './declare-conflict-button';
import { PeerReviewsPanel } from './peer-reviews-panel';
import { ReopenReviewButton } from './reopen-review-button';
import { ReviewPanel } from './review-panel';

const AssignmentShowActions = () => (
  <TopToolbar>
    <ListButton />
    <DeclareConflictButton />
    <ReopenReviewButton />
  </TopToolbar>
);

/** What the assignment is: the proposal, who reviews it, by when, where the review stands. */
const AssignmentFacts = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
      <Labeled source="trackingNumber">
        <TextField source="trackingNumber" emptyText="—" />
      </Labeled>
      <Labeled source="proposalTitle">
        <TextField source="proposalTitle" emptyText={translate('cf.proposals.untitled')} />
      </Labeled>
      <Labeled source="institutionName">
        <TextField source="institutionName" />
      </Labeled>
      <Labeled source="fundCode">
        <TextField source="fundCode" />
      </Labeled>
      <Labeled source="reviewerName">
        <TextField source="reviewerName" />
      </Labeled>
      <Labeled source="dueAt">
        <DueDateField long />
      </Labeled>
      <Labeled source="reviewStatus">
        <ReviewStatusField />
      </Labeled>
      <Labeled source="submittedAt">
        <DateTimeField source="submittedAt" emptyText="—" />
      </Labeled>
      <Labeled source="source">
        <AssignmentSourceField />
      </Labeled>
    </Box>
  );
};

const AssignmentShowLayout = () => {
  const record = useRecordContext<Assignment>();
  const { identity } = useGetIdentity();
  if (!record) return null;
  // Peers' reviews are the assigned reviewer's to see (staff read every review on the board instead).
  const ownAssignment = identity?.id === record.reviewerId;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <AssignmentFacts />
      <AssignmentProposalPanel proposalId={record.proposalId} />
      <ReviewPanel assignment={record} />
      {ownAssignment ? <PeerReviewsPanel assignment={record} /> : null}
    </Stack>
  );
};

/**
 * An assignment: the proposal read-only, and the review (the scoring form for the assigned
 * reviewer), then the peers' reviews once the reviewer's own is submitted.
 */
export const AssignmentShow = () => (
  <Show actions={<AssignmentShowActions />} title={<AssignmentTitle />}>
    <AssignmentShowLayout />
  </Show>
);
