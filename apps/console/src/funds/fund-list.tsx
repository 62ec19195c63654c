import { DataTable, List, SelectField, SelectInput, TextField } from 'react-admin';
import { LabelledSearchInput } from '../common/search-input';
import { MoneyField } from '../common/money-field';
import { fundStatusChoices } from './fund-choices';
import { IntakeChip, LocalizedTextField, TorontoDateTimeField } from './fund-fields';

const fundFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={fundStatusChoices} />,
];

/** Funds and rounds: everyone signed in reads them; admins and program officers define them. */
export const FundList = () => (
  <List filters={fundFilters} sort={{ field: 'closesAt', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code">
        <TextField source="code" />
      </DataTable.Col>
      <DataTable.Col source="name" disableSort>
        <LocalizedTextField field="name" />
      </DataTable.Col>
      <DataTable.Col source="closesAt">
        <TorontoDateTimeField source="closesAt" />
      </DataTable.Col>
      <DataTable.Col source="envelopeCents" disableSort>
        <MoneyField source="envelopeCents" />
      </DataTable.Col>
      <DataTable.Col source="intake" disableSort>
        <IntakeChip />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={fundStatusChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
