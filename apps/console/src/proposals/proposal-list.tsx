import { CreateButton, DataTable, FilterButton, List, TextField, TopToolbar, useTranslate } from 'react-admin';
import { canDo, isApplicantOnly } from '../access';
import { DateTimeField } from '../common/date-time-field';
import { MoneyField } from '../common/money-field';
import { APPLICANT_ACTIVE_STATUSES, type Proposal } from '../types';
import { DeadlineCountdownField } from './deadline-countdown';
import { ExportProposalsButton } from './export-proposals-button';
import { applicantProposalFilters, staffProposalFilters } from './proposal-filters';
import { ProposalStatusField } from './proposal-status-field';
import { useRoles } from './proposal-access';

const ProposalListActions = ({ roles }: { roles: string[] }) => (
  <TopToolbar>
    <FilterButton />
    {canDo('proposals', 'create', roles) ? <CreateButton label="cf.proposals.new" /> : null}
    {canDo('proposals', 'export', roles) ? <ExportProposalsButton /> : null}
  </TopToolbar>
);

/** Applicants open their active proposals to edit them, everything else to read it. */
const applicantRowClick = (_id: unknown, _resource: string, record: unknown) => {
  const proposal = record as Proposal;
  return APPLICANT_ACTIVE_STATUSES.includes(proposal.status) && proposal.deadline?.open ? 'edit' : 'show';
};

const ApplicantProposalTable = () => (
  <DataTable rowClick={applicantRowClick} bulkActionButtons={false}>
    <DataTable.Col source="title">
      <TextField source="title" emptyText="—" />
    </DataTable.Col>
    <DataTable.Col source="fundCode" disableSort />
    <DataTable.Col source="status">
      <ProposalStatusField />
    </DataTable.Col>
    <DataTable.Col source="trackingNumber">
      <TextField source="trackingNumber" emptyText="—" />
    </DataTable.Col>
    <DataTable.Col source="deadline" disableSort>
      <DeadlineCountdownField />
    </DataTable.Col>
    <DataTable.Col source="updatedAt">
      <DateTimeField source="updatedAt" />
    </DataTable.Col>
  </DataTable>
);

const StaffProposalTable = () => (
  <DataTable rowClick="show" bulkActionButtons={false}>
    <DataTable.Col source="trackingNumber">
      <TextField source="trackingNumber" emptyText="—" />
    </DataTable.Col>
    <DataTable.Col source="title" />
    <DataTable.Col source="institutionName" disableSort />
    <DataTable.Col source="fundCode" disableSort />
    <DataTable.Col source="status">
      <ProposalStatusField withChanges={false} />
    </DataTable.Col>
    <DataTable.Col source="requestedCents">
      <MoneyField source="requestedCents" />
    </DataTable.Col>
    <DataTable.Col source="lastSubmittedAt">
      <DateTimeField source="lastSubmittedAt" emptyText="—" />
    </DataTable.Col>
  </DataTable>
);

/** "My proposals" for applicants; all submitted proposals, with filters and export, for staff. */
export const ProposalList = () => {
  const roles = useRoles();
  const translate = useTranslate();
  const applicant = isApplicantOnly(roles);
  return (
    <List
      title={translate(applicant ? 'cf.menu.my_proposals' : 'cf.menu.proposals')}
      filters={applicant ? applicantProposalFilters : staffProposalFilters}
      sort={{ field: applicant ? 'updatedAt' : 'lastSubmittedAt', order: 'DESC' }}
      perPage={25}
      actions={<ProposalListActions roles={roles} />}
      exporter={false}
      empty={false}
    >
      {applicant ? <ApplicantProposalTable /> : <StaffProposalTable />}
    </List>
  );
};
