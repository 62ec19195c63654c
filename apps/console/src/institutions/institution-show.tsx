import { SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { institutionTypeChoices, regionChoices } from './institution-choices';

export const InstitutionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="type" choices={institutionTypeChoices} />
      <SelectField source="region" choices={regionChoices} />
      <TextField source="address" />
    </SimpleShowLayout>
  </Show>
);
