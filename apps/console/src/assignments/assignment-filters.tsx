import { Chip } from '@mui/material';
import { AutocompleteInput, ReferenceInput, SelectInput, useTranslate } from 'react-admin';
import { FUND_SORT } from '../funds/fund-choices';
import { fundRepresentation } from '../funds/fund-representation';
import { REVIEWER_SORT } from '../reviewers/reviewer-choices';
import { reviewStatusChoices } from './assignment-choices';

/**
 * A filter without an input: when added, it sets its `defaultValue` (`overdue: true`); removing it
 * removes the filter (the API only takes `overdue: true`).
 */
const QuickFilter = ({ label }: { label: string; source: string; defaultValue: unknown; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <Chip sx={{ mb: 1.5 }} color="error" variant="outlined" label={translate(label)} />;
};

/** A reviewer's filters on their own assignments. */
export const reviewerAssignmentFilters = [
  <SelectInput key="reviewStatus" source="reviewStatus" choices={reviewStatusChoices} alwaysOn />,
  <QuickFilter key="overdue" source="overdue" label="cf.assignments.overdue_only" defaultValue={true} />,
];

/** Staff filters: review status, overdue, fund, and reviewer (for those who may read the pool). */
export const staffAssignmentFilters = (withReviewer: boolean, withFund = true) => [
  <SelectInput key="reviewStatus" source="reviewStatus" choices={reviewStatusChoices} alwaysOn />,
  ...(withFund
    ? [
        <ReferenceInput key="fundId" source="fundId" reference="funds" sort={FUND_SORT} alwaysOn>
          <AutocompleteInput optionText={fundRepresentation} label="resources.assignments.fields.fundId" sx={{ minWidth: 260 }} />
        </ReferenceInput>,
      ]
    : []),
  ...(withReviewer
    ? [
        <ReferenceInput key="reviewerId" source="reviewerId" reference="reviewers" sort={REVIEWER_SORT}>
          <AutocompleteInput optionText="displayName" label="resources.assignments.fields.reviewerId" sx={{ minWidth: 240 }} />
        </ReferenceInput>,
      ]
    : []),
  <QuickFilter key="overdue" source="overdue" label="cf.assignments.overdue_only" defaultValue={true} />,
];
