import { useState } from 'react';
import DeleteIcon from '@mui/icons-material/Delete';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  Stack,
  TextField,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Button, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { formatCents } from '../common/money';
import type { AppDataProvider } from '../providers/data-provider';
import type { Scenario } from '../types';

/** After any change, the scenarios and the awards board (decisions, ledger) are read again. */
const useRefreshScenarios = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['scenarios'] }),
      queryClient.invalidateQueries({ queryKey: ['decisions'] }),
    ]);
};

/** A new snapshot of the fund (scores, decisions, the ledger may have moved) and a new solve. */
export const RecomputeScenarioButton = ({ scenario }: { scenario: Scenario }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefreshScenarios();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      label="cf.scenarios.actions.recompute"
      disabled={busy || scenario.status === 'queued' || scenario.status === 'running'}
      onClick={async () => {
        setBusy(true);
        try {
          await dataProvider.recomputeScenario(scenario.id);
          await refresh();
        } catch (e) {
          notify(errorMessage(e) || 'ra.notification.http_error', { type: 'error' });
        } finally {
          setBusy(false);
        }
      }}
    >
      <RefreshIcon />
    </Button>
  );
};

export const DeleteScenarioButton = ({ scenario }: { scenario: Scenario }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefreshScenarios();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="ra.action.delete" color="error" onClick={() => setOpen(true)}>
        <DeleteIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`delete-scenario-${scenario.id}`}>
        <DialogTitle id={`delete-scenario-${scenario.id}`}>
          {translate('cf.scenarios.delete.title', { name: scenario.name })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('cf.scenarios.delete.body')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            color="error"
            variant="contained"
            onClick={async () => {
              try {
                await dataProvider.deleteScenario(scenario.id);
                await refresh();
                setOpen(false);
              } catch (e) {
                notify(errorMessage(e) || 'ra.notification.http_error', { type: 'error' });
              }
            }}
          >
            {translate('ra.action.delete')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/**
 * Turns the scenario's selection into recommendations in one step (program officer). Another person still confirms
 * each one on the awards board, within the envelope. Proposals that meanwhile got a decision are listed as skipped.
 */
export const ApplyScenarioButton = ({ scenario }: { scenario: Scenario }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefreshScenarios();
  const [open, setOpen] = useState(false);
  const [rationale, setRationale] = useState('');
  const [conditions, setConditions] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ recommended: string[]; skipped: { proposalId: string; reason: string }[] } | null>(null);
  const o = scenario.outcome;
  const solvable = !!o && (o.status === 'optimal' || o.status === 'feasible') && o.count > 0;
  const partial = o?.selected.some((s) => s.percent < 100) ?? false;
  const titleOf = (id: string) => {
    const s = o?.selected.find((x) => x.proposalId === id);
    return s ? `${s.trackingNumber ?? ''} — ${s.title}` : id;
  };
  const close = () => {
    setOpen(false);
    setResult(null);
  };

  return (
    <>
      <Button
        label="cf.scenarios.actions.apply"
        disabled={!solvable}
        onClick={() => {
          setRationale('');
          setConditions('');
          setError(null);
          setResult(null);
          setOpen(true);
        }}
      >
        <PlaylistAddCheckIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby={`apply-scenario-${scenario.id}`}>
        <DialogTitle id={`apply-scenario-${scenario.id}`}>
          {translate('cf.scenarios.apply.title', { name: scenario.name })}
        </DialogTitle>
        <DialogContent>
          {result ? (
            <Stack spacing={1}>
              <Alert severity="success">{translate('cf.scenarios.apply.done', { smart_count: result.recommended.length })}</Alert>
              {result.skipped.length ? (
                <>
                  <Alert severity="info">{translate('cf.scenarios.apply.skipped', { smart_count: result.skipped.length })}</Alert>
                  <List dense>
                    {result.skipped.map((s) => (
                      <ListItem key={s.proposalId}>
                        {titleOf(s.proposalId)}: {s.reason}
                      </ListItem>
                    ))}
                  </List>
                </>
              ) : null}
            </Stack>
          ) : (
            <Stack spacing={2} sx={{ mt: 1 }}>
              <DialogContentText>
                {translate('cf.scenarios.apply.body', {
                  smart_count: o?.count ?? 0,
                  total: formatCents(o?.totalCents ?? 0, locale),
                })}
              </DialogContentText>
              <TextField
                label={translate('cf.scenarios.apply.rationale')}
                value={rationale}
                onChange={(e) => setRationale(e.target.value)}
                required
                multiline
                minRows={2}
              />
              {partial ? (
                <TextField
                  label={translate('cf.scenarios.apply.conditions')}
                  value={conditions}
                  onChange={(e) => setConditions(e.target.value)}
                  multiline
                  minRows={2}
                />
              ) : null}
              {error ? <Alert severity="error">{error}</Alert> : null}
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate(result ? 'ra.action.close' : 'ra.action.cancel')}</MuiButton>
          {result ? null : (
            <MuiButton
              variant="contained"
              disabled={!rationale.trim()}
              onClick={async () => {
                setError(null);
                try {
                  setResult(
                    await dataProvider.applyScenario(scenario.id, {
                      rationale,
                      ...(partial && conditions.trim() ? { conditions } : {}),
                    }),
                  );
                  await refresh();
                } catch (e) {
                  setError(errorMessage(e) || translate('ra.notification.http_error'));
                }
              }}
            >
              {translate('cf.scenarios.actions.apply')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
