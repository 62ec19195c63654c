import { SelectInput } from 'react-admin';
import { partnerRegionChoices, sectorChoices } from '../common/choices';
import { LabelledSearchInput } from '../common/search-input';
import { partnerKindChoices } from './partner-organization-choices';

export const partnerOrganizationFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={partnerKindChoices} />,
  <SelectInput key="sector" source="sector" choices={sectorChoices} />,
  <SelectInput key="region" source="region" choices={partnerRegionChoices} />,
];
