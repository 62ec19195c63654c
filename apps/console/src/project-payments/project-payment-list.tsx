import {
  AutocompleteInput,
  DataTable,
  List,
  ReferenceInput,
  TextField,
  TextInput,
  TopToolbar,
  FilterButton,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { isApplicantOnly } from '../access';
import { DateTimeField } from '../common/date-time-field';
import { MoneyField } from '../common/money-field';
import { LabelledSearchInput } from '../common/search-input';
import { FUND_SORT } from '../funds/fund-choices';
import { fundRepresentation } from '../funds/fund-representation';
import { ExportButtons } from '../projects/export-buttons';
import type { Payment } from '../projects/project-types';
import { useRoles } from '../proposals/proposal-access';

const filters = (staff: boolean) => [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  ...(staff
    ? [
        <ReferenceInput key="fundId" source="fundId" reference="funds" sort={FUND_SORT} alwaysOn>
          <AutocompleteInput
            optionText={fundRepresentation}
            label="resources.project-payments.fields.fundId"
            sx={{ minWidth: 260 }}
          />
        </ReferenceInput>,
      ]
    : []),
  <TextInput key="releasedFrom" source="releasedFrom" type="date" slotProps={{ inputLabel: { shrink: true } }} />,
  <TextInput key="releasedTo" source="releasedTo" type="date" slotProps={{ inputLabel: { shrink: true } }} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButtons dataset="project-payments" />
  </TopToolbar>
);

const TrancheField = (_props: { label?: string }) => {
  const record = useRecordContext<Payment>();
  const translate = useTranslate();
  if (!record) return null;
  const n = record.tranchePosition + 1;
  return (
    <span>
      {translate('cf.projects.payments.tranche_n', { n })}
      {record.basisPoints !== undefined ? ` (${record.basisPoints / 100} %)` : ''}
    </span>
  );
};

/** A row opens its project on the Payments tab. */
const openProject = (_id: unknown, _resource: string, record: RaRecord) =>
  `/projects/${encodeURIComponent(String((record as Payment).projectId))}/show/payments`;

/** Payments across projects, most recent first: the ledger of disbursements, with CSV and XLSX exports. */
export const ProjectPaymentList = () => {
  const roles = useRoles();
  const translate = useTranslate();
  const applicant = isApplicantOnly(roles);
  return (
    <List
      title={translate('cf.menu.project_payments')}
      filters={filters(!applicant)}
      sort={{ field: 'releasedAt', order: 'DESC' }}
      perPage={25}
      actions={<Actions />}
      exporter={false}
    >
      <DataTable rowClick={openProject} bulkActionButtons={false}>
        <DataTable.Col source="releasedAt">
          <DateTimeField source="releasedAt" />
        </DataTable.Col>
        <DataTable.Col source="projectTitle" />
        <DataTable.Col source="trackingNumber" disableSort>
          <TextField source="trackingNumber" emptyText="—" />
        </DataTable.Col>
        {applicant ? null : <DataTable.Col source="institutionName" />}
        <DataTable.Col source="tranchePosition" disableSort>
          <TrancheField />
        </DataTable.Col>
        <DataTable.Col source="amountCents">
          <MoneyField source="amountCents" />
        </DataTable.Col>
        <DataTable.Col source="releasedByName" disableSort />
        <DataTable.Col source="note" disableSort>
          <TextField source="note" emptyText="—" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
