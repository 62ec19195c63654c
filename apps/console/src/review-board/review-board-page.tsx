import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { Button, LinkBase, Title, useTranslate } from 'react-admin';
import { canDo, canSeeResource } from '../access';
import { FundPicker } from '../funds/fund-picker';
import { useRoles } from '../proposals/proposal-access';
import { AutoAssignPanel } from './auto-assign-panel';
import { BoardAssignmentList } from './board-assignment-list';
import { ConflictsPanel } from './conflicts-panel';
import { useReviewProgress } from './review-board-queries';
import { useFundRoute } from './review-fund-route';
import { ReviewProgressPanel } from './review-progress-panel';
import { ReviewSettingsPanel } from './review-settings-panel';

export const REVIEW_BOARD_PATH = '/review-board';

/**
 * The review board of one fund (`/review-board/:fundId`): progress and loads, the review settings,
 * automatic assignment, the assignments with their actions, and the conflicts of interest. Program
 * officers act; approvers and administrators read (administrators may also change the settings).
 */
export const ReviewBoardPage = () => {
  const translate = useTranslate();
  const roles = useRoles();
  const { fundId, selectFund } = useFundRoute(REVIEW_BOARD_PATH);
  const progress = useReviewProgress(fundId);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cf.menu.review_board" />
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h1" variant="h2" sx={{ mr: 2 }}>
            {translate('cf.review_board.title')}
          </Typography>
          <FundPicker value={fundId} onChange={selectFund} id="review-board-fund" />
          {fundId && canSeeResource('ranking', roles) ? (
            <Button component={LinkBase} to={`/ranking/${encodeURIComponent(fundId)}`} label="cf.menu.ranking">
              <LeaderboardIcon />
            </Button>
          ) : null}
        </Stack>
        {!fundId ? (
          <Alert severity="info">{translate('cf.fund_picker.pick_first')}</Alert>
        ) : (
          <>
            <ReviewProgressPanel progress={progress.data} isPending={progress.isPending} error={progress.error} />
            <ReviewSettingsPanel key={`settings-${fundId}`} fundId={fundId} />
            {canDo('review-board', 'auto_assign', roles) ? <AutoAssignPanel fundId={fundId} /> : null}
            <BoardAssignmentList key={fundId} fundId={fundId} />
            {canDo('review-board', 'conflicts', roles) ? <ConflictsPanel key={`conflicts-${fundId}`} fundId={fundId} /> : null}
          </>
        )}
      </Stack>
    </Box>
  );
};
