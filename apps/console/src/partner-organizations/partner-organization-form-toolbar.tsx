import { SaveButton, Toolbar } from 'react-admin';

/** Save only: partner organizations are referenced by proposals, never deleted. */
export const PartnerOrganizationFormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
