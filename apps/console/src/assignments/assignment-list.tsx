import { DataTable, FilterButton, List, TextField, TopToolbar, useTranslate } from 'react-admin';
import { canSeeResource, isReviewerOnly } from '../access';
import { DateTimeField } from '../common/date-time-field';
import { useRoles } from '../proposals/proposal-access';
import { ASSIGNMENT_SORT } from './assignment-choices';
import { AssignmentSourceField, DueDateField, ReviewStatusField } from './assignment-fields';
import { reviewerAssignmentFilters, staffAssignmentFilters } from './assignment-filters';

const AssignmentListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** The columns both reviewers and staff see; staff also see the reviewer and how they were assigned. */
const AssignmentTable = ({ staff }: { staff: boolean }) => {
  const translate = useTranslate();
  return (
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="trackingNumber">
        <TextField source="trackingNumber" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="proposalTitle" disableSort>
        <TextField source="proposalTitle" emptyText={translate('cf.proposals.untitled')} />
      </DataTable.Col>
      <DataTable.Col source="institutionName" disableSort />
      <DataTable.Col source="fundCode" disableSort />
      {staff ? <DataTable.Col source="reviewerName" /> : null}
      <DataTable.Col source="dueAt">
        <DueDateField />
      </DataTable.Col>
      <DataTable.Col source="reviewStatus" disableSort>
        <ReviewStatusField />
      </DataTable.Col>
      <DataTable.Col source="submittedAt" disableSort>
        <DateTimeField source="submittedAt" emptyText="—" />
      </DataTable.Col>
      {staff ? (
        <DataTable.Col source="source" disableSort>
          <AssignmentSourceField />
        </DataTable.Col>
      ) : null}
    </DataTable>
  );
};

/** "My assignments" for reviewers (their own, earliest due first); every assignment for staff. */
export const AssignmentList = () => {
  const roles = useRoles();
  const translate = useTranslate();
  const reviewer = isReviewerOnly(roles);
  return (
    <List
      title={translate(reviewer ? 'cf.menu.my_assignments' : 'cf.menu.assignments')}
      filters={reviewer ? reviewerAssignmentFilters : staffAssignmentFilters(canSeeResource('reviewers', roles))}
      sort={ASSIGNMENT_SORT}
      perPage={25}
      actions={<AssignmentListActions />}
      exporter={false}
      empty={false}
    >
      <AssignmentTable staff={!reviewer} />
    </List>
  );
};
