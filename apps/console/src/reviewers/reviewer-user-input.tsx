import { Alert, Box } from '@mui/material';
import {
  AutocompleteInput,
  Loading,
  ReferenceInput,
  regex,
  required,
  TextInput,
  useGetList,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { errorStatus } from '../common/api-error';
import type { User } from '../types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const validateUserId = [required(), regex(UUID, 'cf.validation.uuid')];
const validateRequired = [required()];

/** The users who may become reviewers: active accounts with the reviewer role (GET /api/users filter names). */
const REVIEWER_USERS = { role: 'reviewer', isActive: true } as const;

const userText = (record: RaRecord) => {
  const user = record as unknown as User;
  return user.displayName ? `${user.displayName} (${user.email})` : user.email;
};

/**
 * The account that becomes a reviewer: picked among the users with the reviewer role. Reading
 * accounts is for administrators: when the API refuses (403), the user's id is typed instead.
 */
export const ReviewerUserInput = () => {
  const translate = useTranslate();
  const probe = useGetList<User>(
    'users',
    { filter: REVIEWER_USERS, pagination: { page: 1, perPage: 1 }, sort: { field: 'displayName', order: 'ASC' } },
    { retry: false },
  );
  if (probe.isPending) return <Loading />;
  if (probe.error) {
    return (
      <Box sx={{ maxWidth: 640 }}>
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate(errorStatus(probe.error) === 403 ? 'cf.reviewers.users_forbidden' : 'cf.reviewers.users_unavailable')}
        </Alert>
        <TextInput
          source="userId"
          label="cf.reviewers.user_id"
          validate={validateUserId}
          helperText="cf.reviewers.user_id_help"
        />
      </Box>
    );
  }
  return (
    <ReferenceInput
      source="userId"
      reference="users"
      filter={REVIEWER_USERS}
      sort={{ field: 'displayName', order: 'ASC' }}
      perPage={50}
    >
      <AutocompleteInput
        optionText={userText}
        label="resources.reviewers.fields.userId"
        helperText="cf.reviewers.user_help"
        validate={validateRequired}
        sx={{ minWidth: 360 }}
      />
    </ReferenceInput>
  );
};
