import {
  AutocompleteInput,
  CheckboxGroupInput,
  PasswordInput,
  RadioButtonGroupInput,
  ReferenceInput,
  TextInput,
} from 'react-admin';
import { INSTITUTION_SORT } from '../institutions/institution-choices';
import { languageChoices, roleChoices } from './user-choices';
import {
  validateChangedPassword,
  validateDisplayName,
  validateEmail,
  validateInstitution,
  validateLanguage,
  validateNewPassword,
  validateRoles,
} from './user-validation';

/** The inputs shared by the create and edit forms. */
export const UserInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <>
    <TextInput source="email" type="email" autoComplete="off" validate={validateEmail} />
    <TextInput source="displayName" autoComplete="off" validate={validateDisplayName} />
    <CheckboxGroupInput source="roles" choices={roleChoices} validate={validateRoles} row={false} />
    <ReferenceInput source="institutionId" reference="institutions" sort={INSTITUTION_SORT}>
      <AutocompleteInput
        optionText="name"
        label="resources.users.fields.institutionId"
        helperText="cf.users.institution_help"
        validate={validateInstitution}
      />
    </ReferenceInput>
    <RadioButtonGroupInput source="preferredLanguage" choices={languageChoices} validate={validateLanguage} />
    {mode === 'create' ? (
      <PasswordInput
        source="password"
        autoComplete="new-password"
        helperText="cf.users.password_create_help"
        validate={validateNewPassword}
      />
    ) : (
      <PasswordInput
        source="password"
        label="resources.users.fields.newPassword"
        autoComplete="new-password"
        helperText="cf.users.password_edit_help"
        validate={validateChangedPassword}
      />
    )}
  </>
);
