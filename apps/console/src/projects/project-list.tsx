import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { isApplicantOnly } from '../access';
import { sectorChoices } from '../common/choices';
import { MoneyField } from '../common/money-field';
import { LabelledSearchInput } from '../common/search-input';
import { FUND_SORT } from '../funds/fund-choices';
import { fundRepresentation } from '../funds/fund-representation';
import { institutionTypeChoices, regionChoices } from '../institutions/institution-choices';
import { useRoles } from '../proposals/proposal-access';
import { ExportButtons } from './export-buttons';
import { CalendarDateField, DisbursementGauge, ProjectStatusField } from './project-fields';
import { atRiskChoices, projectStatusChoices } from './project-format';
import type { Project } from './project-types';
import { useRecordContext } from 'react-admin';

/** Officers' filters: fund, status, at risk, region, institution type, sector, search. */
const staffFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="fundId" source="fundId" reference="funds" sort={FUND_SORT} alwaysOn>
    <AutocompleteInput optionText={fundRepresentation} label="resources.projects.fields.fundId" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={projectStatusChoices} alwaysOn />,
  <SelectInput key="atRisk" source="atRisk" choices={atRiskChoices} alwaysOn />,
  <SelectInput key="region" source="region" choices={regionChoices} />,
  <SelectInput key="institutionType" source="institutionType" choices={institutionTypeChoices} />,
  <SelectInput key="sector" source="sector" choices={sectorChoices} />,
];

/** An institution has few projects: search and status are enough. */
const applicantFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={projectStatusChoices} />,
];

const ProjectListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButtons dataset="projects" />
  </TopToolbar>
);

const GaugeField = (_props: { label?: string }) => {
  const record = useRecordContext<Project>();
  if (!record) return null;
  return <DisbursementGauge awardCents={record.awardCents} disbursedCents={record.disbursedCents} compact />;
};

/**
 * Funded projects: officers see all of them, with filters (fund, status, at risk, region, institution type, sector,
 * search); an applicant their institution's. Each row says what is overdue and what is paid of the award.
 */
export const ProjectList = () => {
  const roles = useRoles();
  const translate = useTranslate();
  const applicant = isApplicantOnly(roles);
  return (
    <List
      title={translate(applicant ? 'cf.menu.my_projects' : 'cf.menu.projects')}
      filters={applicant ? applicantFilters : staffFilters}
      sort={{ field: 'awardedAt', order: 'DESC' }}
      perPage={25}
      actions={<ProjectListActions />}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="trackingNumber">
          <TextField source="trackingNumber" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="title" />
        {applicant ? null : <DataTable.Col source="institutionName" />}
        <DataTable.Col source="fundCode" disableSort />
        <DataTable.Col source="status">
          <ProjectStatusField />
        </DataTable.Col>
        <DataTable.Col source="awardCents">
          <MoneyField source="awardCents" />
        </DataTable.Col>
        <DataTable.Col source="disbursedCents">
          <MoneyField source="disbursedCents" />
        </DataTable.Col>
        <DataTable.Col source="remainingCents" disableSort>
          <MoneyField source="remainingCents" />
        </DataTable.Col>
        <DataTable.Col source="disbursement" disableSort>
          <GaugeField />
        </DataTable.Col>
        <DataTable.Col source="nextDueOn">
          <CalendarDateField source="nextDueOn" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
