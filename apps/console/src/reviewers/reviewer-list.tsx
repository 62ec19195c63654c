import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { REVIEWER_SORT } from './reviewer-choices';
import { ReviewerActiveField, TranslatedChipsField } from './reviewer-fields';
import { reviewerFilters } from './reviewer-filters';

const ReviewerListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="cf.reviewers.new" />
  </TopToolbar>
);

/** The reviewer pool of the program (officers and administrators). */
export const ReviewerList = () => (
  <List filters={reviewerFilters} sort={REVIEWER_SORT} perPage={25} actions={<ReviewerListActions />} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="email" disableSort />
      <DataTable.NumberCol source="maxLoad" />
      <DataTable.Col source="sectors" disableSort>
        <TranslatedChipsField source="sectors" prefix="cf.sectors" />
      </DataTable.Col>
      <DataTable.Col source="regions" disableSort>
        <TranslatedChipsField source="regions" prefix="cf.regions" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <ReviewerActiveField />
      </DataTable.Col>
    </DataTable>
  </List>
);
