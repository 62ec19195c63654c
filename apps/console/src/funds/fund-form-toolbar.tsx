import { SaveButton, Toolbar } from 'react-admin';

/** Save only: funds are never deleted (they are archived). */
export const FundFormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
