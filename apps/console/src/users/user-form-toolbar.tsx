import { SaveButton, Toolbar } from 'react-admin';

/** Save only: users are never deleted (they are deactivated). */
export const UserFormToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
