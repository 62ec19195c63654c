import { Edit, Labeled, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import type { User } from '../types';
import { UserFormToolbar } from './user-form-toolbar';
import { UserInputs } from './user-inputs';
import { UserStatusButton } from './user-status-button';
import { UserStatusField } from './user-status-field';
import { toUserPayload } from './user-validation';

const UserEditActions = () => (
  <TopToolbar>
    <UserStatusButton />
    <ShowButton />
  </TopToolbar>
);

/** PUT /api/users/:id with the full record; the password only when a new one is typed. */
const transform = (values: User & { password?: string }) => toUserPayload(values);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" actions={<UserEditActions />} transform={transform}>
    <SimpleForm toolbar={<UserFormToolbar />} sanitizeEmptyValues={false}>
      <Labeled source="isActive">
        <UserStatusField />
      </Labeled>
      <UserInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
