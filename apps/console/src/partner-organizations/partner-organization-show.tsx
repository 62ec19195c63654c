import { EditButton, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../common/date-time-field';
import { partnerRegionChoices, sectorChoices } from '../common/choices';
import { organizationSizeChoices, partnerKindChoices } from './partner-organization-choices';

const PartnerOrganizationShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

export const PartnerOrganizationShow = () => (
  <Show actions={<PartnerOrganizationShowActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={partnerKindChoices} />
      <SelectField source="sector" choices={sectorChoices} />
      <SelectField source="region" choices={partnerRegionChoices} />
      <SelectField source="size" choices={organizationSizeChoices} />
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
