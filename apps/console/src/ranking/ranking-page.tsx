import { useState } from 'react';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import {
  Alert,
  Box,
  Card,
  CardContent,
  FormControlLabel,
  Stack,
  Switch,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { Button, LinkBase, Loading, Title, useGetOne, useTranslate } from 'react-admin';
import { canDo, canSeeResource } from '../access';
import { errorMessage } from '../common/api-error';
import { FundPicker } from '../funds/fund-picker';
import { useRoles } from '../proposals/proposal-access';
import { useRanking, useReviewSettings } from '../review-board/review-board-queries';
import { useFundRoute } from '../review-board/review-fund-route';
import type { Fund } from '../types';
import { ExportRankingButton } from './export-ranking-button';
import { orderRows, RankingTable, type RankingView } from './ranking-table';

export const RANKING_PATH = '/ranking';

/**
 * The ranking of one fund (`/ranking/:fundId`): the proposals in rank order with their totals,
 * the disagreement flag and moderation; raw or normalized view; flagged only; CSV export.
 */
export const RankingPage = () => {
  const translate = useTranslate();
  const roles = useRoles();
  const { fundId, selectFund } = useFundRoute(RANKING_PATH);
  const [view, setView] = useState<RankingView>('normalized');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const { data, isPending, error } = useRanking(fundId, flaggedOnly);
  const { data: fund } = useGetOne<Fund>('funds', { id: fundId ?? '' }, { enabled: !!fundId });
  const { data: settings } = useReviewSettings(fundId);
  const rows = data ? orderRows(data.rows, view) : [];

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cf.menu.ranking" />
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h1" variant="h2" sx={{ mr: 2 }}>
            {translate('cf.ranking.title')}
          </Typography>
          <FundPicker value={fundId} onChange={selectFund} id="ranking-fund" />
          {fundId && canSeeResource('review-board', roles) ? (
            <Button component={LinkBase} to={`/review-board/${encodeURIComponent(fundId)}`} label="cf.menu.review_board">
              <AssignmentIndIcon />
            </Button>
          ) : null}
          {fundId && canSeeResource('awards', roles) ? (
            <Button component={LinkBase} to={`/awards/${encodeURIComponent(fundId)}`} label="cf.menu.awards">
              <EmojiEventsIcon />
            </Button>
          ) : null}
        </Stack>
        {!fundId ? (
          <Alert severity="info">{translate('cf.fund_picker.pick_first')}</Alert>
        ) : (
          <Card component="section" variant="outlined" aria-labelledby="ranking-heading">
            <CardContent>
              <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
                <Typography id="ranking-heading" component="h2" variant="h3" sx={{ flex: 1 }}>
                  {translate('cf.ranking.heading')}
                </Typography>
                <ToggleButtonGroup
                  value={view}
                  exclusive
                  size="small"
                  onChange={(_event, next: RankingView | null) => next && setView(next)}
                  aria-label={translate('cf.ranking.view')}
                >
                  <ToggleButton value="normalized">{translate('cf.ranking.view_normalized')}</ToggleButton>
                  <ToggleButton value="raw">{translate('cf.ranking.view_raw')}</ToggleButton>
                </ToggleButtonGroup>
                <FormControlLabel
                  control={<Switch checked={flaggedOnly} onChange={(event) => setFlaggedOnly(event.target.checked)} />}
                  label={translate('cf.ranking.flagged_only')}
                />
                {canDo('ranking', 'export', roles) ? <ExportRankingButton fundId={fundId} flaggedOnly={flaggedOnly} /> : null}
              </Stack>
              <Typography variant="body2" sx={{ mb: 2 }}>
                {translate(view === 'raw' ? 'cf.ranking.view_raw_help' : 'cf.ranking.view_normalized_help')}
                {settings
                  ? ` ${translate('cf.ranking.threshold_help', {
                      threshold: settings.disagreementThreshold,
                      min: settings.minReviewsToNormalize,
                    })}`
                  : ''}
              </Typography>
              {isPending ? (
                <Loading />
              ) : error ? (
                <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
              ) : rows.length === 0 ? (
                <Typography variant="body2">{translate(flaggedOnly ? 'cf.ranking.none_flagged' : 'cf.ranking.none')}</Typography>
              ) : (
                <>
                  {data && data.total > data.rows.length ? (
                    <Alert severity="warning" sx={{ mb: 1 }}>
                      {translate('cf.ranking.partial', { shown: data.rows.length, total: data.total })}
                    </Alert>
                  ) : null}
                  <RankingTable
                    rows={rows}
                    view={view}
                    criteria={fund?.criteria ?? []}
                    canModerate={canDo('ranking', 'moderate', roles)}
                  />
                </>
              )}
            </CardContent>
          </Card>
        )}
      </Stack>
    </Box>
  );
};
