import { Create, SimpleForm } from 'react-admin';
import { ReviewerFormToolbar } from './reviewer-form-toolbar';
import { ReviewerInputs, toReviewerPayload } from './reviewer-inputs';
import { ReviewerUserInput } from './reviewer-user-input';

/** POST /api/reviewers: a user with the reviewer role joins the pool (409 ALREADY_REVIEWER). */
export const ReviewerCreate = () => (
  <Create redirect="show" transform={toReviewerPayload}>
    <SimpleForm
      toolbar={<ReviewerFormToolbar />}
      defaultValues={() => ({ maxLoad: 10, sectors: [], regions: [], active: true, affiliations: [] })}
    >
      <ReviewerUserInput />
      <ReviewerInputs />
    </SimpleForm>
  </Create>
);
