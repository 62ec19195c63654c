import { DataTable, List, SelectField, SelectInput } from 'react-admin';
import { LabelledSearchInput } from '../common/search-input';
import { institutionTypeChoices, regionChoices } from './institution-choices';

const institutionFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={institutionTypeChoices} />,
  <SelectInput key="region" source="region" choices={regionChoices} />,
];

/** Read-only list of the eligible institutions. */
export const InstitutionList = () => (
  <List filters={institutionFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="type">
        <SelectField source="type" choices={institutionTypeChoices} />
      </DataTable.Col>
      <DataTable.Col source="region">
        <SelectField source="region" choices={regionChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
