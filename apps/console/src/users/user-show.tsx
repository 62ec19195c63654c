import {
  EditButton,
  EmailField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField } from '../common/date-time-field';
import { languageChoices } from './user-choices';
import { RolesField } from './roles-field';
import { UserStatusButton } from './user-status-button';
import { UserStatusField } from './user-status-field';

const UserShowActions = () => (
  <TopToolbar>
    <UserStatusButton />
    <EditButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <EmailField source="email" />
      <TextField source="displayName" />
      <RolesField source="roles" />
      <ReferenceField source="institutionId" reference="institutions" emptyText="—" />
      <SelectField source="preferredLanguage" choices={languageChoices} />
      <Labeled source="isActive">
        <UserStatusField />
      </Labeled>
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
