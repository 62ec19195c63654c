import { AutocompleteInput, NullableBooleanInput, ReferenceInput, SelectInput } from 'react-admin';
import { INSTITUTION_SORT } from '../institutions/institution-choices';
import { LabelledSearchInput } from '../common/search-input';
import { roleChoices } from './user-choices';

export const userFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" label="resources.users.fields.role" choices={roleChoices} />,
  <NullableBooleanInput
    key="isActive"
    source="isActive"
    label="cf.users.status_filter"
    trueLabel="cf.status.active"
    falseLabel="cf.status.inactive"
  />,
  <ReferenceInput key="institutionId" source="institutionId" reference="institutions" sort={INSTITUTION_SORT}>
    <AutocompleteInput optionText="name" label="resources.users.fields.institutionId" />
  </ReferenceInput>,
];
