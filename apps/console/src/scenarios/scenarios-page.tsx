import { useState } from 'react';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Button, LinkBase, Loading, Title, useTranslate } from 'react-admin';
import { canDo, canSeeResource } from '../access';
import { errorMessage } from '../common/api-error';
import { FundPicker } from '../funds/fund-picker';
import { useRoles } from '../proposals/proposal-access';
import { AWARDS_PATH } from '../awards/awards-page';
import { useFundRoute } from '../review-board/review-fund-route';
import { NewScenarioButton } from './new-scenario-button';
import { ScenarioComparison } from './scenario-comparison';
import { ScenarioList } from './scenario-list';
import { useFundScenarios } from './scenario-queries';

export const SCENARIOS_PATH = '/scenarios';

const FundScenarios = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const { data, isPending, error } = useFundScenarios(fundId);
  const [picked, setPicked] = useState<string[]>([]);
  const canWrite = canDo('scenarios', 'write', roles);
  const solved = picked.filter((id) => data?.some((s) => s.id === id && s.outcome));
  return (
    <Stack spacing={2}>
      <Card component="section" variant="outlined" aria-labelledby="scenarios-heading">
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
            <Typography id="scenarios-heading" component="h2" variant="h3" sx={{ flex: 1 }}>
              {translate('cf.scenarios.list_title')}
            </Typography>
            {canWrite ? <NewScenarioButton fundId={fundId} /> : null}
          </Stack>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('cf.scenarios.help')}
          </Typography>
          {isPending ? (
            <Loading />
          ) : error ? (
            <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
          ) : !data?.length ? (
            <Typography variant="body2">{translate('cf.scenarios.none')}</Typography>
          ) : (
            <ScenarioList scenarios={data} picked={picked} onPick={setPicked} canWrite={canWrite} />
          )}
        </CardContent>
      </Card>
      {solved.length ? (
        <ScenarioComparison ids={solved} />
      ) : data?.length ? (
        <Alert severity="info">{translate('cf.scenarios.compare.pick')}</Alert>
      ) : null}
    </Stack>
  );
};

/**
 * What-if scenarios of one fund (`/scenarios/:fundId`): the portfolio optimizer under named choices, compared side
 * by side with charts, and turned into recommendations in one step. Officers write; approvers and admins read.
 */
export const ScenariosPage = () => {
  const translate = useTranslate();
  const roles = useRoles();
  const { fundId, selectFund } = useFundRoute(SCENARIOS_PATH);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cf.menu.scenarios" />
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h1" variant="h2" sx={{ mr: 2 }}>
            {translate('cf.scenarios.title')}
          </Typography>
          <FundPicker value={fundId} onChange={selectFund} id="scenarios-fund" />
          {fundId && canSeeResource('awards', roles) ? (
            <Button component={LinkBase} to={`${AWARDS_PATH}/${encodeURIComponent(fundId)}`} label="cf.menu.awards">
              <EmojiEventsIcon />
            </Button>
          ) : null}
        </Stack>
        {!fundId ? (
          <Alert severity="info">{translate('cf.fund_picker.pick_first')}</Alert>
        ) : (
          <FundScenarios key={fundId} fundId={fundId} />
        )}
      </Stack>
    </Box>
  );
};
