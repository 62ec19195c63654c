import {
  ArrayField,
  DataTable,
  EditButton,
  EmailField,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { DateTimeField } from '../common/date-time-field';
import { CalendarDateField } from '../funds/fund-fields';
import { ASSIGNMENT_SORT } from '../assignments/assignment-choices';
import { DueDateField, ReviewStatusField } from '../assignments/assignment-fields';
import type { Reviewer } from '../types';
import { ReviewerActiveField, TranslatedChipsField } from './reviewer-fields';

const ReviewerShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const ReviewerTitle = () => {
  const record = useRecordContext<Reviewer>();
  return <>{record?.displayName || record?.email || ''}</>;
};

const EmptyNote = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return <Typography variant="body2">{translate(text)}</Typography>;
};

/** A reviewer: profile, affiliations (conflicts of interest) and assignments. */
export const ReviewerShow = () => (
  <Show actions={<ReviewerShowActions />} title={<ReviewerTitle />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="cf.reviewers.tabs.profile">
        <TextField source="displayName" />
        <EmailField source="email" />
        <Labeled source="active">
          <ReviewerActiveField />
        </Labeled>
        <NumberField source="maxLoad" />
        <Labeled source="sectors">
          <TranslatedChipsField source="sectors" prefix="cf.sectors" />
        </Labeled>
        <Labeled source="regions">
          <TranslatedChipsField source="regions" prefix="cf.regions" />
        </Labeled>
        <DateTimeField source="updatedAt" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.reviewers.fields.affiliations" path="affiliations">
        <ArrayField source="affiliations" label={false}>
          <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyNote text="cf.reviewers.no_affiliations" />}>
            <DataTable.Col source="organizationName" label="cf.reviewers.affiliation.organizationName" disableSort />
            <DataTable.Col source="startedOn" label="cf.reviewers.affiliation.startedOn" disableSort>
              <CalendarDateField source="startedOn" />
            </DataTable.Col>
            <DataTable.Col source="endedOn" label="cf.reviewers.affiliation.endedOn" disableSort>
              <CalendarDateField source="endedOn" />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="cf.reviewers.tabs.assignments" path="assignments">
        <ReferenceManyField
          reference="assignments"
          target="reviewerId"
          sort={ASSIGNMENT_SORT}
          perPage={25}
          pagination={<Pagination />}
          label={false}
        >
          <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyNote text="cf.reviewers.no_assignments" />}>
            <DataTable.Col source="trackingNumber" label="resources.assignments.fields.trackingNumber" />
            <DataTable.Col source="proposalTitle" label="resources.assignments.fields.proposalTitle" disableSort />
            <DataTable.Col source="fundCode" label="resources.assignments.fields.fundCode" disableSort />
            <DataTable.Col source="dueAt" label="resources.assignments.fields.dueAt">
              <DueDateField />
            </DataTable.Col>
            <DataTable.Col source="reviewStatus" label="resources.assignments.fields.reviewStatus" disableSort>
              <ReviewStatusField />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
