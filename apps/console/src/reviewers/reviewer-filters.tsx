import { NullableBooleanInput, SelectInput } from 'react-admin';
import { ontarioRegionChoices, sectorChoices } from '../common/choices';
import { LabelledSearchInput } from '../common/search-input';
import { reviewerActiveLabels } from './reviewer-choices';

export const reviewerFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="sector" source="sector" choices={sectorChoices} />,
  <SelectInput key="region" source="region" choices={ontarioRegionChoices} />,
  <NullableBooleanInput key="active" source="active" {...reviewerActiveLabels} />,
];
