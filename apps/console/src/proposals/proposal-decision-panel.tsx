import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useLocaleState, useTranslate, type Identifier } from 'react-admin';
import { DecisionLetterLinks } from '../awards/decision-letters';
import { formatCents } from '../common/money';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import type { Proposal } from '../types';
import { useRoles } from './proposal-access';

const FUNDED = new Set(['fund_full', 'fund_partial']);

/**
 * The proposal's confirmed decision, for its applicant: what was decided (amount, conditions) and the decision letter
 * to download in English and in French. Nothing before a decision is confirmed. Read again every few seconds while
 * the letters are being prepared.
 */
export const ProposalDecisionPanel = ({ proposal }: { proposal: Pick<Proposal, 'id' | 'trackingNumber' | 'title'> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const isApplicant = useRoles().includes('applicant');
  const { data: decision } = useQuery({
    queryKey: ['proposals', 'decision', String(proposal.id)],
    queryFn: () => dataProvider.getProposalDecision(proposal.id as Identifier),
    enabled: isApplicant,
    refetchInterval: (query) => (query.state.data?.letters.some((l) => l.status === 'pending') ? 3000 : false),
  });
  if (!decision) return null;
  const funded = FUNDED.has(decision.kind);
  return (
    <Alert
      severity={funded ? 'success' : 'info'}
      component="section"
      aria-labelledby="proposal-decision-heading"
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <AlertTitle id="proposal-decision-heading" component="h2">
        {translate('cf.decision_letters.decision.title')}: {translate(`cf.decision_kinds.${decision.kind}`)}
      </AlertTitle>
      <Stack spacing={1}>
        <Typography variant="body2">
          {translate('cf.decision_letters.decision.decided', { date: formatTorontoDateTime(decision.decidedAt, locale) })}
        </Typography>
        {funded ? (
          <Typography variant="body2">
            {translate('cf.decision_letters.decision.amount', {
              amount: formatCents(decision.amountCents, locale),
              requested: formatCents(decision.requestedCents, locale),
            })}
          </Typography>
        ) : null}
        {funded && decision.conditions ? (
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {translate('cf.decision_letters.decision.conditions')}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {decision.conditions}
            </Typography>
          </Box>
        ) : null}
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
            {translate('cf.decision_letters.title')}
          </Typography>
          <DecisionLetterLinks
            decisionId={decision.decisionId}
            letters={decision.letters}
            proposalLabel={[proposal.trackingNumber, proposal.title].filter(Boolean).join(' – ')}
          />
        </Box>
      </Stack>
    </Alert>
  );
};
