import { Fragment, useState } from 'react';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import {
  Box,
  Chip,
  Collapse,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents } from '../common/money';
import { formatScore } from '../common/scores';
import { formatTorontoDateTime } from '../common/zoned-time';
import { localized } from '../funds/fund-choices';
import { RECOMMENDATIONS, type Criterion, type RankingRow } from '../types';
import { ModerateButton } from './moderate-button';

/** Which total leads the display: the normalized view is the official rank order. */
export type RankingView = 'normalized' | 'raw';

/** Rows in the view's order: rank order, or raw total (highest first, unscored last, then rank). */
export const orderRows = (rows: readonly RankingRow[], view: RankingView): RankingRow[] => {
  if (view === 'normalized') return [...rows].sort((a, b) => a.rank - b.rank);
  return [...rows].sort((a, b) => {
    if (a.rawTotal === null && b.rawTotal === null) return a.rank - b.rank;
    if (a.rawTotal === null) return 1;
    if (b.rawTotal === null) return -1;
    return b.rawTotal - a.rawTotal || a.rank - b.rank;
  });
};

const emphasis = { fontWeight: 700, bgcolor: 'action.selected' } as const;

const RowDetails = ({ row, criteria }: { row: RankingRow; criteria: readonly Criterion[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = (code: string) => {
    const criterion = criteria.find((c) => c.code === code);
    return criterion ? localized(criterion, 'title', locale) : code;
  };
  const number = (value: number | null) => formatScore(value, locale, { minimumDigits: 0, maximumDigits: 2 });
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ py: 1.5 }}>
      <Box sx={{ flex: 2 }}>
        <Typography component="h3" variant="subtitle1">
          {translate('cf.ranking.criteria_stats')}
        </Typography>
        {row.criteria.length === 0 ? (
          <Typography variant="body2">{translate('cf.ranking.no_scores')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('cf.ranking.criteria_stats')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('cf.ranking.criterion')}</TableCell>
                <TableCell align="right">{translate('cf.ranking.mean')}</TableCell>
                <TableCell align="right">{translate('cf.ranking.stddev')}</TableCell>
                <TableCell align="right">{translate('cf.ranking.min')}</TableCell>
                <TableCell align="right">{translate('cf.ranking.max')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {row.criteria.map((c) => (
                <TableRow key={c.code}>
                  <TableCell component="th" scope="row">
                    {title(c.code)}
                  </TableCell>
                  <TableCell align="right">{number(c.mean)}</TableCell>
                  <TableCell align="right">{number(c.stddev)}</TableCell>
                  <TableCell align="right">{number(c.min)}</TableCell>
                  <TableCell align="right">{number(c.max)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box sx={{ flex: 1 }}>
        <Typography component="h3" variant="subtitle1">
          {translate('cf.ranking.recommendations')}
        </Typography>
        <Box component="dl" sx={{ m: 0, '& dd': { m: 0, mb: 0.5, fontWeight: 600 } }}>
          {RECOMMENDATIONS.map((recommendation) => (
            <Fragment key={recommendation}>
              <Typography component="dt" variant="caption">
                {translate(`cf.recommendations.${recommendation}`)}
              </Typography>
              <Typography component="dd" variant="body2">
                {row.recommendations?.[recommendation] ?? 0}
              </Typography>
            </Fragment>
          ))}
          <Typography component="dt" variant="caption">
            {translate('resources.proposals.fields.requestedCents')}
          </Typography>
          <Typography component="dd" variant="body2">
            {formatCents(row.requestedCents, locale) || '—'}
          </Typography>
          <Typography component="dt" variant="caption">
            {translate('cf.ranking.basis')}
          </Typography>
          <Typography component="dd" variant="body2">
            {translate(`cf.score_bases.${row.basis}`, { _: row.basis })}
          </Typography>
        </Box>
        {row.moderation ? (
          <Box sx={{ mt: 1 }}>
            <Typography component="h3" variant="subtitle1">
              {translate('cf.moderation.heading')}
            </Typography>
            <Typography variant="body2">
              {translate('cf.moderation.summary', {
                score: formatScore(row.moderation.consensusScore, locale),
                date: formatTorontoDateTime(row.moderation.moderatedAt, locale),
              })}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {row.moderation.rationale}
            </Typography>
          </Box>
        ) : null}
      </Box>
    </Stack>
  );
};

/**
 * The ranking: rank, proposal, reviews, raw and normalized totals, consensus, final score and
 * spread, with the disagreement flag. The view's total is emphasized and orders the rows; the
 * rank is always the official one (final score, then normalized total...).
 */
export const RankingTable = ({
  rows,
  view,
  criteria,
  canModerate,
}: {
  rows: readonly RankingRow[];
  view: RankingView;
  criteria: readonly Criterion[];
  canModerate: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [expanded, setExpanded] = useState<string | null>(null);
  const total = (value: number | null) => formatScore(value, locale);
  const rawLead = view === 'raw';
  const columns = canModerate ? 13 : 12;

  return (
    <TableContainer>
      <Table size="small" aria-label={translate('cf.ranking.table_label')}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Box component="span" sx={visuallyHidden}>
                {translate('cf.ranking.details')}
              </Box>
            </TableCell>
            <TableCell align="right" aria-sort={rawLead ? undefined : 'ascending'}>
              {translate('cf.ranking.rank')}
            </TableCell>
            <TableCell>{translate('resources.assignments.fields.trackingNumber')}</TableCell>
            <TableCell>{translate('resources.assignments.fields.proposalTitle')}</TableCell>
            <TableCell>{translate('resources.assignments.fields.institutionName')}</TableCell>
            <TableCell align="right">{translate('cf.ranking.reviews')}</TableCell>
            <TableCell align="right" sx={rawLead ? emphasis : undefined} aria-sort={rawLead ? 'descending' : undefined}>
              {translate('cf.ranking.raw_total')}
            </TableCell>
            <TableCell align="right" sx={rawLead ? undefined : emphasis}>
              {translate('cf.ranking.normalized_total')}
            </TableCell>
            <TableCell align="right">{translate('cf.ranking.consensus')}</TableCell>
            <TableCell align="right" sx={rawLead ? undefined : emphasis}>
              {translate('cf.ranking.final_score')}
            </TableCell>
            <TableCell align="right">{translate('cf.ranking.spread')}</TableCell>
            <TableCell>{translate('cf.ranking.disagreement')}</TableCell>
            {canModerate ? (
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
            const open = expanded === row.proposalId;
            const name = `${row.trackingNumber ?? '—'} — ${row.title || translate('cf.proposals.untitled')}`;
            return (
              <Fragment key={row.proposalId}>
                <TableRow hover sx={{ '& > td, & > th': { borderBottom: open ? 'unset' : undefined } }}>
                  <TableCell padding="checkbox">
                    <IconButton
                      size="small"
                      onClick={() => setExpanded(open ? null : row.proposalId)}
                      aria-expanded={open}
                      aria-controls={`ranking-details-${row.proposalId}`}
                      aria-label={translate(open ? 'cf.ranking.hide_details' : 'cf.ranking.show_details', { proposal: name })}
                    >
                      {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
                    </IconButton>
                  </TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {row.rank}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.trackingNumber ?? '—'}</TableCell>
                  <TableCell component="th" scope="row">
                    {row.title || translate('cf.proposals.untitled')}
                  </TableCell>
                  <TableCell>{row.institutionName}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {translate('cf.ranking.reviews_of', { submitted: row.reviewsSubmitted, assigned: row.reviewsAssigned })}
                  </TableCell>
                  <TableCell align="right" sx={rawLead ? emphasis : undefined}>
                    {total(row.rawTotal)}
                  </TableCell>
                  <TableCell align="right" sx={rawLead ? undefined : emphasis}>
                    {total(row.normalizedTotal)}
                  </TableCell>
                  <TableCell align="right">{total(row.consensusScore)}</TableCell>
                  <TableCell align="right" sx={rawLead ? undefined : emphasis}>
                    {total(row.finalScore)}
                  </TableCell>
                  <TableCell align="right">{total(row.spread)}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                      {row.disagreement ? (
                        <Chip size="small" color="warning" label={translate('cf.ranking.flagged')} />
                      ) : (
                        <Typography variant="body2" component="span">
                          {translate('cf.ranking.not_flagged')}
                        </Typography>
                      )}
                      {row.moderation ? (
                        <Chip size="small" color="info" variant="outlined" label={translate('cf.ranking.moderated')} />
                      ) : null}
                    </Stack>
                  </TableCell>
                  {canModerate ? (
                    <TableCell>
                      <ModerateButton row={row} />
                    </TableCell>
                  ) : null}
                </TableRow>
                <TableRow>
                  <TableCell colSpan={columns} sx={{ py: 0 }}>
                    <Collapse in={open} timeout="auto" unmountOnExit id={`ranking-details-${row.proposalId}`}>
                      <RowDetails row={row} criteria={criteria} />
                    </Collapse>
                  </TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
