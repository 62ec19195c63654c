import {
  AutocompleteInput,
  DataTable,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Stack } from '@mui/material';
import { isApplicantOnly } from '../access';
import { DateTimeField } from '../common/date-time-field';
import { FUND_SORT } from '../funds/fund-choices';
import { fundRepresentation } from '../funds/fund-representation';
import { ExportButtons } from '../projects/export-buttons';
import { CalendarDateField, OverdueChip, ReportStatusChip } from '../projects/project-fields';
import { overdueChoices, reportKindChoices, reportStatusChoices, reportTitle } from '../projects/project-format';
import type { ProjectReport } from '../projects/project-types';
import { useRoles } from '../proposals/proposal-access';

const filters = (staff: boolean) => [
  <SelectInput key="overdue" source="overdue" choices={overdueChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={reportStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={reportKindChoices} />,
  ...(staff
    ? [
        <ReferenceInput key="fundId" source="fundId" reference="funds" sort={FUND_SORT}>
          <AutocompleteInput
            optionText={fundRepresentation}
            label="resources.project-reports.fields.fundId"
            sx={{ minWidth: 260 }}
          />
        </ReferenceInput>,
      ]
    : []),
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButtons dataset="project-reports" />
  </TopToolbar>
);

const TitleField = (_props: { label?: string }) => {
  const record = useRecordContext<ProjectReport>();
  const translate = useTranslate();
  return record ? <span>{reportTitle(translate, record)}</span> : null;
};

const StatusField = (_props: { label?: string }) => {
  const record = useRecordContext<ProjectReport>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <ReportStatusChip status={record.status} />
      <OverdueChip days={record.daysOverdue} />
    </Stack>
  );
};

/** A row opens its project on the Reports tab. */
const openProject = (_id: unknown, _resource: string, record: RaRecord) =>
  `/projects/${encodeURIComponent(String((record as ProjectReport).projectId))}/show/reports`;

/**
 * Reports across projects: the officers' follow-up (what is overdue, what awaits review), an applicant's own
 * institution's; filters overdue, status, kind, fund; CSV and XLSX exports of the selection.
 */
export const ProjectReportList = () => {
  const roles = useRoles();
  const translate = useTranslate();
  const applicant = isApplicantOnly(roles);
  return (
    <List
      title={translate('cf.menu.project_reports')}
      filters={filters(!applicant)}
      sort={{ field: 'dueOn', order: 'ASC' }}
      perPage={25}
      actions={<Actions />}
      exporter={false}
    >
      <DataTable rowClick={openProject} bulkActionButtons={false}>
        <DataTable.Col source="dueOn">
          <CalendarDateField source="dueOn" />
        </DataTable.Col>
        <DataTable.Col source="title">
          <TitleField />
        </DataTable.Col>
        <DataTable.Col source="projectTitle" disableSort />
        <DataTable.Col source="trackingNumber" disableSort>
          <TextField source="trackingNumber" emptyText="—" />
        </DataTable.Col>
        {applicant ? null : <DataTable.Col source="institutionName" disableSort />}
        <DataTable.Col source="status">
          <StatusField />
        </DataTable.Col>
        <DataTable.Col source="submittedAt">
          <DateTimeField source="submittedAt" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
