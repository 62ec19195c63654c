import { useState } from 'react';
import EditIcon from '@mui/icons-material/Edit';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Loading, useLocaleState, useTranslate } from 'react-admin';
import { canDo } from '../access';
import { errorMessage } from '../common/api-error';
import { useRoles } from '../proposals/proposal-access';
import type { ReviewSettings } from '../types';
import { EditReviewSettingsDialog } from './edit-review-settings-dialog';
import { useReviewSettings } from './review-board-queries';

const Setting = ({ label, value }: { label: string; value: string }) => (
  <Box component="div" sx={{ minWidth: 180, maxWidth: 260 }}>
    <Typography component="dt" variant="caption">
      {label}
    </Typography>
    <Typography component="dd" variant="body1" sx={{ m: 0, fontWeight: 600 }}>
      {value}
    </Typography>
  </Box>
);

/** The settings in words, in the UI's language. */
const SettingsList = ({ settings }: { settings: ReviewSettings }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 2 });
  const label = (field: keyof ReviewSettings) => translate(`cf.review_settings.fields.${field}`);
  return (
    <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', m: 0 }}>
      <Setting label={label('reviewersPerProposal')} value={number.format(settings.reviewersPerProposal)} />
      <Setting
        label={label('conflictLookbackYears')}
        value={translate('cf.review_settings.values.years', { smart_count: settings.conflictLookbackYears })}
      />
      <Setting
        label={label('reviewDays')}
        value={translate('cf.review_settings.values.days', { smart_count: settings.reviewDays })}
      />
      <Setting
        label={label('reminderDaysBefore')}
        value={translate('cf.review_settings.values.days_before', { smart_count: settings.reminderDaysBefore })}
      />
      <Setting
        label={label('disagreementThreshold')}
        value={translate('cf.review_settings.values.points', { value: number.format(settings.disagreementThreshold) })}
      />
      <Setting
        label={label('minReviewsToNormalize')}
        value={translate('cf.review_settings.values.reviews', { smart_count: settings.minReviewsToNormalize })}
      />
      <Setting
        label={label('peerScoresAfterSubmit')}
        value={translate(settings.peerScoresAfterSubmit ? 'cf.review_settings.values.yes' : 'cf.review_settings.values.no')}
      />
    </Box>
  );
};

/**
 * The fund's review settings (reviewers per proposal, conflict look-back, due dates and reminders,
 * disagreement and normalization, peer scores): read by staff, changed by program officers and
 * administrators.
 */
export const ReviewSettingsPanel = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const roles = useRoles();
  const { data: settings, isPending, error, refetch } = useReviewSettings(fundId);
  const [editing, setEditing] = useState(false);
  const canEdit = canDo('review-board', 'edit_settings', roles);

  return (
    <Card component="section" variant="outlined" aria-labelledby="review-settings-heading">
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography id="review-settings-heading" component="h2" variant="h3" sx={{ flex: 1 }}>
            {translate('cf.review_settings.title')}
          </Typography>
          {canEdit && settings ? (
            <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
              {translate('cf.review_settings.edit')}
            </Button>
          ) : null}
        </Stack>
        {isPending ? (
          <Loading />
        ) : error || !settings ? (
          <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
        ) : (
          <SettingsList settings={settings} />
        )}
      </CardContent>
      {canEdit && settings && editing ? (
        <EditReviewSettingsDialog
          fundId={fundId}
          settings={settings}
          onClose={() => setEditing(false)}
          onReload={() => refetch().then((result) => result.data)}
        />
      ) : null}
    </Card>
  );
};
