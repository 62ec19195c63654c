import { DataTable, List, SelectField, TextField } from 'react-admin';
import { partnerRegionChoices, sectorChoices } from '../common/choices';
import { organizationSizeChoices, partnerKindChoices } from './partner-organization-choices';
import { partnerOrganizationFilters } from './partner-organization-filters';

export const PartnerOrganizationList = () => (
  <List filters={partnerOrganizationFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name">
        <TextField source="name" />
      </DataTable.Col>
      <DataTable.Col source="kind">
        <SelectField source="kind" choices={partnerKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="sector">
        <SelectField source="sector" choices={sectorChoices} />
      </DataTable.Col>
      <DataTable.Col source="region">
        <SelectField source="region" choices={partnerRegionChoices} />
      </DataTable.Col>
      <DataTable.Col source="size">
        <SelectField source="size" choices={organizationSizeChoices} />
      </DataTable.Col>
    </DataTable>
  </List>
);
