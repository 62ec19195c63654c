import { Edit, Labeled, ShowButton, SimpleForm, TextField, TopToolbar } from 'react-admin';
import { ReviewerFormToolbar } from './reviewer-form-toolbar';
import { ReviewerInputs, toReviewerPayload } from './reviewer-inputs';

const ReviewerEditActions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/**
 * PUT /api/reviewers/:id with the profile and the version read (409 STALE_VERSION). New
 * affiliations that conflict with proposals remove the reviewer's unsubmitted assignments on them.
 */
export const ReviewerEdit = () => (
  <Edit mutationMode="pessimistic" actions={<ReviewerEditActions />} transform={toReviewerPayload} redirect="show">
    <SimpleForm toolbar={<ReviewerFormToolbar />} sanitizeEmptyValues={false}>
      <Labeled source="displayName">
        <TextField source="displayName" />
      </Labeled>
      <Labeled source="email">
        <TextField source="email" />
      </Labeled>
      <ReviewerInputs />
    </SimpleForm>
  </Edit>
);
