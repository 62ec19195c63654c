import { useState } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { canDo } from '../access';
import { errorMessage } from '../common/api-error';
import { useServerNow } from '../common/server-clock';
import type { AppDataProvider, ScreeningOutcome } from '../providers/data-provider';
import type { Proposal } from '../types';
import { deadlineState } from './deadline-countdown';
import { useRoles } from './proposal-access';

const SCREENABLE = ['submitted', 'eligible', 'ineligible'];

/**
 * Eligibility screening (program officer): eligible, or ineligible with reasons. Only once the
 * applicant can no longer change the proposal (the server says so otherwise).
 */
export const ScreenProposalButton = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const roles = useRoles();
  const now = useServerNow(5000);
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<ScreeningOutcome>('eligible');
  const [reasons, setReasons] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!record || !canDo('proposals', 'screen', roles) || !SCREENABLE.includes(record.status)) return null;

  const stillOpen = !!record.deadline && deadlineState(record.deadline, now) !== 'closed';
  const reasonsMissing = outcome === 'ineligible' && !reasons.trim();

  const start = () => {
    setOutcome(record.status === 'ineligible' ? 'ineligible' : 'eligible');
    setReasons(record.screeningReasons ?? '');
    setError(null);
    setOpen(true);
  };

  const screen = async () => {
    setBusy(true);
    setError(null);
    try {
      await dataProvider.screenProposal(record.id, outcome, reasons.trim() || undefined);
      setOpen(false);
      notify(outcome === 'eligible' ? 'cf.screening.done_eligible' : 'cf.screening.done_ineligible', { type: 'success' });
      refresh();
    } catch (e) {
      setError(errorMessage(e) || translate('ra.notification.http_error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="cf.screening.action" onClick={start}>
        <FactCheckIcon />
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby="screen-title" fullWidth maxWidth="sm">
        <DialogTitle id="screen-title">
          {translate('cf.screening.title', { tracking: record.trackingNumber ?? '', title: record.title })}
        </DialogTitle>
        <DialogContent>
          {stillOpen ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('cf.screening.still_open')}
            </Alert>
          ) : null}
          <DialogContentText sx={{ mb: 2 }}>{translate('cf.screening.explain')}</DialogContentText>
          <FormControl>
            <FormLabel id="screen-outcome-label">{translate('cf.screening.outcome')}</FormLabel>
            <RadioGroup
              aria-labelledby="screen-outcome-label"
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as ScreeningOutcome)}
            >
              <FormControlLabel value="eligible" control={<Radio />} label={translate('cf.proposal_statuses.eligible')} />
              <FormControlLabel value="ineligible" control={<Radio />} label={translate('cf.proposal_statuses.ineligible')} />
            </RadioGroup>
          </FormControl>
          <TextField
            label={translate('cf.screening.reasons')}
            helperText={translate(outcome === 'ineligible' ? 'cf.screening.reasons_required' : 'cf.screening.reasons_optional')}
            required={outcome === 'ineligible'}
            error={reasonsMissing && reasons !== ''}
            value={reasons}
            onChange={(event) => setReasons(event.target.value)}
            multiline
            minRows={3}
            fullWidth
            margin="normal"
            slotProps={{ htmlInput: { maxLength: 5000 } }}
          />
          {error ? <Alert severity="error">{error}</Alert> : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" onClick={() => void screen()} disabled={busy || reasonsMissing}>
            {translate('cf.screening.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
