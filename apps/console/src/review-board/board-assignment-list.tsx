import { Box, Card, CardContent, Typography } from '@mui/material';
import { DataTable, FilterButton, List, TextField, TopToolbar, useTranslate } from 'react-admin';
import { canDo, canSeeResource } from '../access';
import { ASSIGNMENT_SORT } from '../assignments/assignment-choices';
import { AssignmentSourceField, DueDateField, ReviewStatusField } from '../assignments/assignment-fields';
import { staffAssignmentFilters } from '../assignments/assignment-filters';
import { ReopenReviewButton } from '../assignments/reopen-review-button';
import { useRoles } from '../proposals/proposal-access';
import { AddReviewerButton } from './add-reviewer-button';
import { MoveAssignmentButton } from './move-assignment-button';
import { RecordConflictButton } from './record-conflict-button';
import { RemoveAssignmentButton } from './remove-assignment-button';

const BoardListActions = ({ fundId, canAssign }: { fundId: string; canAssign: boolean }) => (
  <TopToolbar>
    <FilterButton />
    {canAssign ? <AddReviewerButton fundId={fundId} /> : null}
  </TopToolbar>
);

const RowActions = ({
  canMove,
  canRemove,
  canReopen,
  canRecordConflict,
}: {
  canMove: boolean;
  canRemove: boolean;
  canReopen: boolean;
  canRecordConflict: boolean;
}) => (
  <Box sx={{ display: 'flex', gap: 0.5, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
    {canMove ? <MoveAssignmentButton /> : null}
    {canRemove ? <RemoveAssignmentButton /> : null}
    {canRecordConflict ? <RecordConflictButton /> : null}
    {canReopen ? <ReopenReviewButton /> : null}
  </Box>
);

/**
 * The fund's assignments, with "Move", "Remove", "Record a conflict" (unsubmitted reviews) and "Reopen"
 * (submitted ones) per row and "Add reviewer" for program officers.
 */
export const BoardAssignmentList = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const canAssign = canDo('review-board', 'assign', roles);
  const canMove = canDo('review-board', 'move', roles);
  const canRemove = canDo('review-board', 'remove', roles);
  const canReopen = canDo('review-board', 'reopen', roles);
  const canRecordConflict = canDo('review-board', 'record_conflict', roles);
  return (
    <Card component="section" variant="outlined" aria-labelledby="board-assignments-heading">
      <CardContent>
        <Typography id="board-assignments-heading" component="h2" variant="h3">
          {translate('cf.review_board.assignments')}
        </Typography>
        <List
          resource="assignments"
          filter={{ fundId }}
          filters={staffAssignmentFilters(canSeeResource('reviewers', roles), false)}
          sort={ASSIGNMENT_SORT}
          perPage={25}
          actions={<BoardListActions fundId={fundId} canAssign={canAssign} />}
          disableSyncWithLocation
          storeKey={`review-board.${fundId}.assignments`}
          exporter={false}
          empty={false}
          title={false}
          component="div"
        >
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="trackingNumber">
              <TextField source="trackingNumber" emptyText="—" />
            </DataTable.Col>
            <DataTable.Col source="proposalTitle" disableSort>
              <TextField source="proposalTitle" emptyText={translate('cf.proposals.untitled')} />
            </DataTable.Col>
            <DataTable.Col source="institutionName" disableSort />
            <DataTable.Col source="reviewerName" />
            <DataTable.Col source="dueAt">
              <DueDateField />
            </DataTable.Col>
            <DataTable.Col source="reviewStatus" disableSort>
              <ReviewStatusField />
            </DataTable.Col>
            <DataTable.Col source="source" disableSort>
              <AssignmentSourceField />
            </DataTable.Col>
            {canMove || canRemove || canReopen || canRecordConflict ? (
              <DataTable.Col label="cf.review_board.actions" disableSort>
                <RowActions canMove={canMove} canRemove={canRemove} canReopen={canReopen} canRecordConflict={canRecordConflict} />
              </DataTable.Col>
            ) : null}
          </DataTable>
        </List>
      </CardContent>
    </Card>
  );
};
