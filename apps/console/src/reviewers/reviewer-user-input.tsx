import { useQuery } from '@tanstack/react-query';
import { Alert } from '@mui/material';
import { AutocompleteInput, Loading, required, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';

const validateRequired = [required()];

/** The account that becomes a reviewer: picked among the active users with the reviewer role not yet in the pool. */
export const ReviewerUserInput = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const candidates = useQuery({ queryKey: ['reviewers', 'candidates'], queryFn: () => dataProvider.getReviewerCandidates() });
  if (candidates.isPending) return <Loading />;
  if (candidates.error) return <Alert severity="error">{translate('cf.reviewers.users_unavailable')}</Alert>;
  if (!candidates.data.length) return <Alert severity="info">{translate('cf.reviewers.no_candidates')}</Alert>;
  return (
    <AutocompleteInput
      source="userId"
      choices={candidates.data.map((u) => ({ id: u.id, name: `${u.displayName} (${u.email})` }))}
      label="resources.reviewers.fields.userId"
      helperText="cf.reviewers.user_help"
      validate={validateRequired}
      sx={{ minWidth: 360 }}
    />
  );
};
