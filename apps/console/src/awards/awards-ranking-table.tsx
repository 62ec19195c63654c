import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents } from '../common/money';
import { formatScore } from '../common/scores';
import type { Decision, RankingRow } from '../types';
import { DecisionChip } from './decision-lists';
import { RecommendButton } from './recommend-button';

/**
 * The fund's ranking (official rank order) side by side with each proposal's live decision:
 * awaiting confirmation or confirmed. A program officer recommends on a proposal without one, or
 * promotes a waitlisted proposal (recommending to fund it).
 */
export const AwardsRankingTable = ({
  rows,
  live,
  canRecommend,
}: {
  rows: readonly RankingRow[];
  live: ReadonlyMap<string, Decision>;
  canRecommend: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('cf.awards.ranking.table_label')}>
        <TableHead>
          <TableRow>
            <TableCell align="right" aria-sort="ascending">
              {translate('cf.ranking.rank')}
            </TableCell>
            <TableCell>{translate('resources.assignments.fields.trackingNumber')}</TableCell>
            <TableCell>{translate('resources.assignments.fields.proposalTitle')}</TableCell>
            <TableCell>{translate('resources.assignments.fields.institutionName')}</TableCell>
            <TableCell align="right">{translate('cf.ranking.final_score')}</TableCell>
            <TableCell align="right">{translate('cf.awards.fields.requestedCents')}</TableCell>
            <TableCell>{translate('cf.awards.ranking.decision')}</TableCell>
            <TableCell align="right">{translate('cf.awards.fields.amountCents')}</TableCell>
            {canRecommend ? (
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {translate('cf.review_board.actions')}
                </Box>
              </TableCell>
            ) : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            const decision = live.get(row.proposalId);
            const waitlisted = decision?.kind === 'waitlist' && decision.status === 'confirmed';
            const label = `${row.trackingNumber ?? '—'} — ${row.title || translate('cf.proposals.untitled')}`;
            return (
              <TableRow key={row.proposalId} hover>
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  {row.rank}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.trackingNumber ?? '—'}</TableCell>
                <TableCell component="th" scope="row">
                  {row.title || translate('cf.proposals.untitled')}
                </TableCell>
                <TableCell>{row.institutionName}</TableCell>
                <TableCell align="right">{formatScore(row.finalScore, locale)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatCents(row.requestedCents, locale) || '—'}
                </TableCell>
                <TableCell>
                  {decision ? (
                    <DecisionChip decision={decision} />
                  ) : (
                    <Typography variant="body2" component="span">
                      {translate('cf.awards.ranking.no_decision')}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {decision && (decision.kind === 'fund_full' || decision.kind === 'fund_partial')
                    ? formatCents(decision.amountCents, locale)
                    : '—'}
                </TableCell>
                {canRecommend ? (
                  <TableCell>
                    {!decision || waitlisted ? (
                      <RecommendButton
                        promote={waitlisted}
                        target={{ proposalId: row.proposalId, label, requestedCents: row.requestedCents }}
                      />
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
