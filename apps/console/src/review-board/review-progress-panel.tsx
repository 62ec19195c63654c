import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Loading, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import type { ReviewProgress } from '../types';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : 0);

const Stat = ({ label, value, color }: { label: string; value: number; color?: 'error' | 'success' }) => (
  <Box component="div" sx={{ minWidth: 120 }}>
    <Typography component="dt" variant="caption">
      {label}
    </Typography>
    <Typography component="dd" variant="h5" sx={{ m: 0, fontWeight: 700 }} color={color && value > 0 ? color : undefined}>
      {value}
    </Typography>
  </Box>
);

/** The fund's review progress: totals, then each reviewer's load against their maximum. */
export const ReviewProgressPanel = ({
  progress,
  isPending,
  error,
}: {
  progress: ReviewProgress | undefined;
  isPending: boolean;
  error: unknown;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA');
  if (isPending) return <Loading />;
  if (error || !progress) {
    return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;
  }
  const { totals, reviewers } = progress;
  const done = percent(totals.submitted, totals.assignments);
  return (
    <Card component="section" variant="outlined" aria-labelledby="progress-heading">
      <CardContent>
        <Typography id="progress-heading" component="h2" variant="h3" gutterBottom>
          {translate('cf.review_board.progress')}
        </Typography>
        <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', m: 0 }}>
          <Stat label={translate('cf.review_board.totals.proposals')} value={totals.proposals} />
          <Stat label={translate('cf.review_board.totals.assignments')} value={totals.assignments} />
          <Stat label={translate('cf.review_statuses.submitted')} value={totals.submitted} color="success" />
          <Stat label={translate('cf.review_statuses.draft')} value={totals.draft} />
          <Stat label={translate('cf.review_statuses.not_started')} value={totals.notStarted} />
          <Stat label={translate('cf.assignments.overdue')} value={totals.overdue} color="error" />
        </Box>
        <Box sx={{ mt: 2, maxWidth: 640 }}>
          <Typography variant="body2" id="progress-bar-label">
            {translate('cf.review_board.submitted_share', {
              submitted: number.format(totals.submitted),
              assignments: number.format(totals.assignments),
              percent: done,
            })}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={done}
            aria-labelledby="progress-bar-label"
            sx={{ height: 8, borderRadius: 1, mt: 0.5 }}
          />
        </Box>

        <Typography component="h3" variant="h6" sx={{ mt: 3, mb: 1 }}>
          {translate('cf.review_board.loads')}
        </Typography>
        {reviewers.length === 0 ? (
          <Typography variant="body2">{translate('cf.review_board.no_reviewers')}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-label={translate('cf.review_board.loads')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cf.review_board.reviewer')}</TableCell>
                  <TableCell>{translate('cf.review_board.load')}</TableCell>
                  <TableCell align="right">{translate('cf.review_statuses.submitted')}</TableCell>
                  <TableCell align="right">{translate('cf.review_statuses.draft')}</TableCell>
                  <TableCell align="right">{translate('cf.review_statuses.not_started')}</TableCell>
                  <TableCell align="right">{translate('cf.assignments.overdue')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {reviewers.map((reviewer) => {
                  const full = reviewer.assigned >= reviewer.maxLoad;
                  return (
                    <TableRow key={reviewer.reviewerId}>
                      <TableCell component="th" scope="row">
                        {reviewer.displayName}
                      </TableCell>
                      <TableCell sx={{ minWidth: 180 }}>
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                          <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                            {translate('cf.review_board.load_of', { load: reviewer.assigned, max: reviewer.maxLoad })}
                          </Typography>
                          <LinearProgress
                            variant="determinate"
                            value={Math.min(100, percent(reviewer.assigned, reviewer.maxLoad))}
                            color={reviewer.assigned > reviewer.maxLoad ? 'error' : full ? 'warning' : 'primary'}
                            aria-hidden="true"
                            sx={{ flex: 1, minWidth: 60 }}
                          />
                          {full ? (
                            <Chip
                              size="small"
                              variant="outlined"
                              color={reviewer.assigned > reviewer.maxLoad ? 'error' : 'warning'}
                              label={translate(
                                reviewer.assigned > reviewer.maxLoad ? 'cf.review_board.over_max' : 'cf.review_board.at_max',
                              )}
                            />
                          ) : null}
                        </Stack>
                      </TableCell>
                      <TableCell align="right">{reviewer.submitted}</TableCell>
                      <TableCell align="right">{reviewer.draft}</TableCell>
                      <TableCell align="right">{reviewer.notStarted}</TableCell>
                      <TableCell align="right">
                        {reviewer.overdue > 0 ? <Chip size="small" color="error" label={reviewer.overdue} /> : reviewer.overdue}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
};
