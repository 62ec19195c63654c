import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  TextField,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorBody, errorMessage, errorProblems } from '../common/api-error';
import { useNotifyApiError } from '../common/api-error-notify';
import { StaleVersionDialog } from '../proposals/stale-version-dialog';
import type { AppDataProvider } from '../providers/data-provider';
import type { ReviewSettings } from '../types';
import { reviewKeys } from './review-board-queries';

type NumberSetting =
  | 'reviewersPerProposal'
  | 'conflictLookbackYears'
  | 'reviewDays'
  | 'reminderDaysBefore'
  | 'disagreementThreshold'
  | 'minReviewsToNormalize';

/** The numeric settings and the API's bounds (UpdateReviewSettingsDto). */
const NUMBER_SETTINGS: readonly { name: NumberSetting; min: number; max: number; decimals: 0 | 2 }[] = [
  { name: 'reviewersPerProposal', min: 1, max: 10, decimals: 0 },
  { name: 'conflictLookbackYears', min: 0, max: 20, decimals: 0 },
  { name: 'reviewDays', min: 1, max: 365, decimals: 0 },
  { name: 'reminderDaysBefore', min: 0, max: 60, decimals: 0 },
  { name: 'disagreementThreshold', min: 0.01, max: 100, decimals: 2 },
  { name: 'minReviewsToNormalize', min: 2, max: 1000, decimals: 0 },
];

type Values = Record<NumberSetting, string>;

const valuesOf = (settings: ReviewSettings): Values => ({
  reviewersPerProposal: String(settings.reviewersPerProposal),
  conflictLookbackYears: String(settings.conflictLookbackYears),
  reviewDays: String(settings.reviewDays),
  reminderDaysBefore: String(settings.reminderDaysBefore),
  disagreementThreshold: String(settings.disagreementThreshold),
  minReviewsToNormalize: String(settings.minReviewsToNormalize),
});

/** The number typed, if it is within the setting's bounds with the allowed decimals. */
const parse = (text: string, spec: (typeof NUMBER_SETTINGS)[number]): number | undefined => {
  const trimmed = text.trim().replace(',', '.');
  const pattern = spec.decimals === 0 ? /^\d+$/ : /^\d+(\.\d{1,2})?$/;
  if (!pattern.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= spec.min && value <= spec.max ? value : undefined;
};

/**
 * Edits the fund's review settings (program officer, administrator) with the version read: when
 * someone else saved them in the meantime (409 STALE_VERSION), nothing is saved and the officer
 * reloads them.
 */
export const EditReviewSettingsDialog = ({
  fundId,
  settings,
  onClose,
  onReload,
}: {
  fundId: string;
  settings: ReviewSettings;
  onClose: () => void;
  onReload: () => Promise<ReviewSettings | undefined>;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError('cf.review_errors');
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [base, setBase] = useState(settings);
  const [values, setValues] = useState<Values>(() => valuesOf(settings));
  const [peerScores, setPeerScores] = useState(settings.peerScoresAfterSubmit);
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [stale, setStale] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = Object.fromEntries(NUMBER_SETTINGS.map((spec) => [spec.name, parse(values[spec.name], spec)])) as Record<
    NumberSetting,
    number | undefined
  >;
  const invalid = NUMBER_SETTINGS.some((spec) => parsed[spec.name] === undefined);

  const change = (name: NumberSetting, text: string) => {
    setValues((current) => ({ ...current, [name]: text }));
    setServerProblems(({ [name]: _gone, ...rest }) => rest);
  };

  const reset = (fresh: ReviewSettings) => {
    setBase(fresh);
    setValues(valuesOf(fresh));
    setPeerScores(fresh.peerScoresAfterSubmit);
    setServerProblems({});
  };

  const save = async () => {
    if (invalid) return;
    setBusy(true);
    setServerProblems({});
    try {
      const saved = await dataProvider.updateReviewSettings(fundId, {
        reviewersPerProposal: parsed.reviewersPerProposal!,
        conflictLookbackYears: parsed.conflictLookbackYears!,
        reviewDays: parsed.reviewDays!,
        reminderDaysBefore: parsed.reminderDaysBefore!,
        disagreementThreshold: parsed.disagreementThreshold!,
        minReviewsToNormalize: parsed.minReviewsToNormalize!,
        peerScoresAfterSubmit: peerScores,
        // a fund whose settings were never saved reads version 0 (the defaults); the API takes 1 for it
        version: Math.max(1, base.version),
      });
      queryClient.setQueryData(reviewKeys.settings(fundId), saved);
      notify('cf.review_settings.saved', { type: 'success' });
      onClose();
      // the auto-assignment's default k, the ranking's threshold... read them again
      refresh();
    } catch (error) {
      if (errorBody(error)?.code === 'STALE_VERSION') {
        setStale(errorMessage(error));
      } else {
        setServerProblems(Object.fromEntries(errorProblems(error).map((p) => [p.field, p.reason])));
        notifyError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setStale(null);
    const fresh = await onReload();
    if (fresh) reset(fresh);
  };

  return (
    <>
      <Dialog open onClose={() => !busy && onClose()} aria-labelledby="review-settings-dialog" fullWidth maxWidth="sm">
        <DialogTitle id="review-settings-dialog">{translate('cf.review_settings.edit_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>{translate('cf.review_settings.edit_explain')}</DialogContentText>
          {NUMBER_SETTINGS.map((spec) => {
            const text = values[spec.name];
            const wrong = parsed[spec.name] === undefined;
            const problem = serverProblems[spec.name];
            return (
              <TextField
                key={spec.name}
                id={`review-settings-${spec.name}`}
                label={translate(`cf.review_settings.fields.${spec.name}`)}
                type="number"
                required
                value={text}
                onChange={(event) => change(spec.name, event.target.value)}
                error={wrong || !!problem}
                helperText={
                  wrong
                    ? translate(spec.decimals ? 'cf.review_settings.decimal_range' : 'cf.review_settings.integer_range', {
                        min: spec.min,
                        max: spec.max,
                      })
                    : problem || translate(`cf.review_settings.help.${spec.name}`, { min: spec.min, max: spec.max })
                }
                fullWidth
                margin="normal"
                slotProps={{ htmlInput: { min: spec.min, max: spec.max, step: spec.decimals ? 0.01 : 1 } }}
              />
            );
          })}
          <FormControlLabel
            sx={{ mt: 1 }}
            control={
              <Checkbox
                id="review-settings-peerScoresAfterSubmit"
                checked={peerScores}
                onChange={(event) => setPeerScores(event.target.checked)}
                slotProps={{ input: { 'aria-describedby': 'review-settings-peer-help' } }}
              />
            }
            label={translate('cf.review_settings.fields.peerScoresAfterSubmit')}
          />
          <FormHelperText id="review-settings-peer-help" sx={{ mt: 0 }}>
            {serverProblems.peerScoresAfterSubmit || translate('cf.review_settings.help.peerScoresAfterSubmit')}
          </FormHelperText>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={() => void save()} disabled={busy || invalid}>
            {translate('cf.review_settings.save')}
          </Button>
        </DialogActions>
      </Dialog>
      <StaleVersionDialog
        open={stale !== null}
        message={stale ?? undefined}
        title="cf.review_settings.stale_title"
        content="cf.review_settings.stale_content"
        onReload={() => void reload()}
        onClose={() => setStale(null)}
      />
    </>
  );
};
