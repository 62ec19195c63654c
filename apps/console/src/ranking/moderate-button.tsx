import { useState } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { Button, useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { apiErrorText, errorBody, errorStatus } from '../common/api-error';
import { formatScore, parseScoreText } from '../common/scores';
import type { AppDataProvider } from '../providers/data-provider';
import type { RankingRow } from '../types';

/**
 * Moderation of a proposal whose reviews disagree (program officer): a consensus score on 0-100
 * with its rationale replaces the normalized total in the ranking (409 NOT_FLAGGED otherwise).
 */
export const ModerateButton = ({ row }: { row: RankingRow }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [score, setScore] = useState('');
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const proposal = `${row.trackingNumber ?? '—'} — ${row.title || translate('cf.proposals.untitled')}`;

  const value = parseScoreText(score);
  const scoreInvalid = score.trim() !== '' && Number.isNaN(value);

  const start = () => {
    const current = row.moderation?.consensusScore;
    setScore(typeof current === 'number' ? formatScore(current, locale, { minimumDigits: 0 }).replace(/\s/g, '') : '');
    setRationale(row.moderation?.rationale ?? '');
    setError(null);
    setOpen(true);
  };

  const failed = (e: unknown) => {
    if (errorStatus(e) === 409 && errorBody(e)?.code === 'NOT_FLAGGED') setError(translate('cf.moderation.not_flagged'));
    else setError(apiErrorText(translate, e, 'cf.review_errors'));
  };

  const save = async () => {
    if (value === null || Number.isNaN(value)) return;
    setBusy(true);
    setError(null);
    try {
      await dataProvider.moderateProposal(row.proposalId, value, rationale.trim());
      setOpen(false);
      notify('cf.moderation.saved', { type: 'success', messageArgs: { proposal } });
      refresh();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.clearModeration(row.proposalId);
      setOpen(false);
      notify('cf.moderation.cleared', { type: 'info', messageArgs: { proposal } });
      refresh();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cf.moderation.action" onClick={start} aria-label={translate('cf.moderation.action_named', { proposal })}>
        <GavelIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => !busy && setOpen(false)}
        aria-labelledby={`moderate-title-${row.proposalId}`}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id={`moderate-title-${row.proposalId}`}>{translate('cf.moderation.title', { proposal })}</DialogTitle>
        <DialogContent>
          {!row.disagreement ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('cf.moderation.not_flagged_hint')}
            </Alert>
          ) : null}
          <DialogContentText>
            {translate('cf.moderation.explain', {
              raw: formatScore(row.rawTotal, locale),
              normalized: formatScore(row.normalizedTotal, locale),
              spread: formatScore(row.spread, locale),
            })}
          </DialogContentText>
          <TextField
            id={`moderate-score-${row.proposalId}`}
            label={translate('cf.moderation.consensus_score')}
            required
            value={score}
            onChange={(event) => setScore(event.target.value)}
            error={scoreInvalid}
            helperText={translate(scoreInvalid ? 'cf.moderation.score_invalid' : 'cf.moderation.score_help')}
            margin="normal"
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
          <TextField
            id={`moderate-rationale-${row.proposalId}`}
            label={translate('cf.moderation.rationale')}
            helperText={translate('cf.moderation.rationale_help')}
            required
            value={rationale}
            onChange={(event) => setRationale(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { maxLength: 5000 } }}
          />
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          {row.moderation ? (
            <MuiButton color="error" onClick={() => void clear()} disabled={busy} sx={{ mr: 'auto' }}>
              {translate('cf.moderation.clear')}
            </MuiButton>
          ) : null}
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            onClick={() => void save()}
            disabled={busy || value === null || Number.isNaN(value) || !rationale.trim()}
          >
            {translate('cf.moderation.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
