import { Create, SimpleForm } from 'react-admin';
import { getCurrentLocale } from '../providers/current-locale';
import { UserFormToolbar } from './user-form-toolbar';
import { UserInputs } from './user-inputs';
import { toUserPayload } from './user-validation';

interface UserCreateValues {
  email: string;
  displayName: string;
  password: string;
  roles: string[];
  institutionId?: string | null;
  preferredLanguage: string;
}

/** POST /api/users {email, displayName, password, roles, institutionId?, preferredLanguage}. */
const transform = (values: UserCreateValues) => toUserPayload(values);

export const UserCreate = () => (
  <Create redirect="show" transform={transform}>
    <SimpleForm
      toolbar={<UserFormToolbar />}
      defaultValues={() => ({ roles: [], institutionId: null, preferredLanguage: getCurrentLocale() })}
    >
      <UserInputs mode="create" />
    </SimpleForm>
  </Create>
);
