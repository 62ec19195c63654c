import { email, maxLength, minLength, required } from 'react-admin';

export const PASSWORD_MIN_LENGTH = 8;

/** An institution is required when the user is an applicant. */
export const requiredForApplicant = (value: unknown, values: { roles?: string[] } | undefined) =>
  Array.isArray(values?.roles) && values.roles.includes('applicant') && (value === null || value === undefined || value === '')
    ? 'cf.validation.institution_required_for_applicant'
    : undefined;

export const validateEmail = [required(), email(), maxLength(320)];
export const validateDisplayName = [required(), maxLength(200)];
export const validateRoles = [required('cf.validation.roles_required')];
export const validateInstitution = [requiredForApplicant];
export const validateLanguage = [required()];
export const validateNewPassword = [required(), minLength(PASSWORD_MIN_LENGTH)];
export const validateChangedPassword = [minLength(PASSWORD_MIN_LENGTH)];

/** What the API accepts: no empty institution, no empty password. */
export const toUserPayload = <T extends { institutionId?: unknown; password?: unknown }>(values: T) => {
  const { password, ...rest } = values;
  return {
    ...rest,
    institutionId: values.institutionId ? values.institutionId : null,
    ...(typeof password === 'string' && password.length > 0 ? { password } : {}),
  };
};
