import { useMemo } from 'react';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Button, LinkBase, Loading, Title, useGetIdentity, useTranslate } from 'react-admin';
import { canDo, canSeeResource } from '../access';
import { errorMessage } from '../common/api-error';
import { FundPicker } from '../funds/fund-picker';
import { useRoles } from '../proposals/proposal-access';
import { useRanking } from '../review-board/review-board-queries';
import { useFundRoute } from '../review-board/review-fund-route';
import { useFundDecisionLetters, useFundDecisions, useLedger } from './awards-queries';
import { liveDecisionsByProposal } from './decision-state';
import { AwardsRankingTable } from './awards-ranking-table';
import { ConfirmedAwards, PendingDecisions, Waitlist } from './decision-lists';
import { EnvelopeGauge } from './envelope-gauge';
import type { DecisionLetter } from '../types';

export const AWARDS_PATH = '/awards';

const FundAwards = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const { identity } = useGetIdentity();
  const ledger = useLedger(fundId);
  const ranking = useRanking(fundId, false);
  const decisions = useFundDecisions(fundId);
  const all = useMemo(() => decisions.data?.rows ?? [], [decisions.data]);
  const live = useMemo(() => liveDecisionsByProposal(all), [all]);
  const rows = useMemo(() => [...(ranking.data?.rows ?? [])].sort((a, b) => a.rank - b.rank), [ranking.data]);
  const rankOf = useMemo(() => {
    const ranks = new Map(rows.map((row) => [row.proposalId, row.rank]));
    return (proposalId: string) => ranks.get(proposalId);
  }, [rows]);

  const pending = all.filter((d) => d.status === 'recommended');
  const confirmed = all.filter((d) => d.status === 'confirmed' && (d.kind === 'fund_full' || d.kind === 'fund_partial'));
  const waitlist = all
    .filter((d) => d.status === 'confirmed' && d.kind === 'waitlist')
    .sort((a, b) => (rankOf(a.proposalId) ?? Infinity) - (rankOf(b.proposalId) ?? Infinity));
  const error = ranking.error ?? decisions.error;
  const confirmedIds = useMemo(() => all.filter((d) => d.status === 'confirmed').map((d) => d.id), [all]);
  const letters = useFundDecisionLetters(fundId, confirmedIds);
  const lettersColumn = useMemo(() => {
    const byDecision = new Map<string, DecisionLetter[]>();
    for (const letter of letters.data ?? [])
      byDecision.set(letter.decisionId, [...(byDecision.get(letter.decisionId) ?? []), letter]);
    return { lettersOf: (id: string) => byDecision.get(id) ?? [], canRegenerate: canDo('awards', 'regenerate_letters', roles) };
  }, [letters.data, roles]);

  return (
    <>
      <EnvelopeGauge ledger={ledger.data} isPending={ledger.isPending} error={ledger.error} />
      {decisions.isPending ? (
        <Loading />
      ) : decisions.error ? (
        <Alert severity="error">{errorMessage(decisions.error) || translate('ra.notification.http_error')}</Alert>
      ) : (
        <PendingDecisions
          decisions={pending}
          userId={identity?.id === undefined ? undefined : String(identity.id)}
          canDecide={canDo('awards', 'confirm', roles)}
        />
      )}
      <Card component="section" variant="outlined" aria-labelledby="awards-ranking-heading">
        <CardContent>
          <Typography id="awards-ranking-heading" component="h2" variant="h3" gutterBottom>
            {translate('cf.awards.ranking.title')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('cf.awards.ranking.help')}
          </Typography>
          {ranking.isPending || decisions.isPending ? (
            <Loading />
          ) : error ? (
            <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
          ) : rows.length === 0 ? (
            <Typography variant="body2">{translate('cf.ranking.none')}</Typography>
          ) : (
            <>
              {ranking.data && ranking.data.total > ranking.data.rows.length ? (
                <Alert severity="warning" sx={{ mb: 1 }}>
                  {translate('cf.ranking.partial', { shown: ranking.data.rows.length, total: ranking.data.total })}
                </Alert>
              ) : null}
              <AwardsRankingTable rows={rows} live={live} canRecommend={canDo('awards', 'recommend', roles)} />
            </>
          )}
        </CardContent>
      </Card>
      {decisions.data ? (
        <>
          <ConfirmedAwards decisions={confirmed} canRescind={canDo('awards', 'rescind', roles)} letters={lettersColumn} />
          <Waitlist
            decisions={waitlist}
            rankOf={rankOf}
            canPromote={canDo('awards', 'recommend', roles)}
            letters={lettersColumn}
          />
        </>
      ) : null}
    </>
  );
};

/**
 * The awards board of one fund (`/awards/:fundId`): the envelope gauge, the recommendations awaiting
 * confirmation, the ranking with each proposal's decision, the confirmed awards and the waitlist.
 * Program officers recommend; another person (approver or officer) confirms or returns; approvers and
 * officers rescind; administrators read.
 */
export const AwardsPage = () => {
  const translate = useTranslate();
  const roles = useRoles();
  const { fundId, selectFund } = useFundRoute(AWARDS_PATH);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cf.menu.awards" />
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h1" variant="h2" sx={{ mr: 2 }}>
            {translate('cf.awards.title')}
          </Typography>
          <FundPicker value={fundId} onChange={selectFund} id="awards-fund" />
          {fundId && canSeeResource('ranking', roles) ? (
            <Button component={LinkBase} to={`/ranking/${encodeURIComponent(fundId)}`} label="cf.menu.ranking">
              <LeaderboardIcon />
            </Button>
          ) : null}
          {fundId && canSeeResource('scenarios', roles) ? (
            <Button component={LinkBase} to={`/scenarios/${encodeURIComponent(fundId)}`} label="cf.menu.scenarios">
              <CompareArrowsIcon />
            </Button>
          ) : null}
        </Stack>
        {!fundId ? (
          <Alert severity="info">{translate('cf.fund_picker.pick_first')}</Alert>
        ) : (
          <FundAwards key={fundId} fundId={fundId} />
        )}
      </Stack>
    </Box>
  );
};
