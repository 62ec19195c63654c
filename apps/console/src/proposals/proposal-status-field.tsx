import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import type { Proposal } from '../types';
import { statusColor } from './proposal-choices';

/** The proposal's status as a chip, and a second chip when changes are not submitted yet. */
export const ProposalStatusField = ({ withChanges = true }: Partial<FieldProps> & { withChanges?: boolean }) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Chip
        size="small"
        color={statusColor(record.status)}
        variant={record.status === 'draft' || record.status === 'withdrawn' ? 'outlined' : 'filled'}
        label={translate(`cf.proposal_statuses.${record.status}`, { _: record.status })}
      />
      {withChanges && record.hasUnsubmittedChanges && record.status === 'submitted' ? (
        <Chip size="small" color="warning" variant="outlined" label={translate('cf.proposals.unsubmitted_changes')} />
      ) : null}
    </Stack>
  );
};
