import { AutocompleteInput, ReferenceInput, SelectInput } from 'react-admin';
import { partnerRegionChoices, sectorChoices } from '../common/choices';
import { LabelledSearchInput } from '../common/search-input';
import { FUND_SORT } from '../funds/fund-choices';
import { fundRepresentation } from '../funds/fund-representation';
import { institutionTypeChoices } from '../institutions/institution-choices';
import { proposalStatusChoices } from './proposal-choices';

/** Officers' filters: full text, status, fund, institution type, region, sector. */
export const staffProposalFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={proposalStatusChoices} alwaysOn />,
  <ReferenceInput key="fundId" source="fundId" reference="funds" sort={FUND_SORT} alwaysOn>
    <AutocompleteInput optionText={fundRepresentation} label="resources.proposals.fields.fundId" sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="institutionType" source="institutionType" choices={institutionTypeChoices} />,
  <SelectInput key="region" source="region" choices={partnerRegionChoices} />,
  <SelectInput key="sector" source="sector" choices={sectorChoices} />,
];

/** Applicants see few proposals: search and status are enough. */
export const applicantProposalFilters = [
  <LabelledSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={proposalStatusChoices} />,
];
