import { SaveButton, Toolbar } from 'react-admin';

/** Save only: reviewers are made inactive, never deleted (their reviews stay). */
export const ReviewerFormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
