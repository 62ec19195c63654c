import { useState } from 'react';
import AutoFixHighIcon from '@mui/icons-material/AutoFixHigh';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useNotifyApiError } from '../common/api-error-notify';
import { TorontoDateTimeTextField } from '../common/toronto-date-time-text-field';
import type { AppDataProvider } from '../providers/data-provider';
import type { AutoAssignResult } from '../types';
import { useReviewSettings } from './review-board-queries';

const AutoAssignResultView = ({ result }: { result: AutoAssignResult }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const number = new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-CA');
  return (
    <Box sx={{ mt: 2 }} aria-live="polite">
      <Alert severity={result.dryRun ? 'info' : result.unmet.length > 0 ? 'warning' : 'success'}>
        <AlertTitle>{translate(result.dryRun ? 'cf.auto_assign.result_dry_run' : 'cf.auto_assign.result_done')}</AlertTitle>
        {translate(result.dryRun ? 'cf.auto_assign.summary_dry_run' : 'cf.auto_assign.summary', {
          proposals: number.format(result.proposals),
          k: result.k,
          created: number.format(result.created),
          kept: number.format(result.kept),
          unmet: number.format(result.unmet.length),
          seconds: number.format(Math.round(result.durationMs) / 1000),
        })}
      </Alert>
      {result.unmet.length > 0 ? (
        <>
          <Typography component="h4" variant="h6" sx={{ mt: 2, mb: 1 }}>
            {translate('cf.auto_assign.unmet_title', { smart_count: result.unmet.length })}
          </Typography>
          <TableContainer>
            <Table size="small" aria-label={translate('cf.auto_assign.unmet_title', { smart_count: result.unmet.length })}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.assignments.fields.trackingNumber')}</TableCell>
                  <TableCell>{translate('resources.assignments.fields.proposalTitle')}</TableCell>
                  <TableCell align="right">{translate('cf.auto_assign.assigned')}</TableCell>
                  <TableCell align="right">{translate('cf.auto_assign.missing')}</TableCell>
                  <TableCell>{translate('cf.auto_assign.cause')}</TableCell>
                  <TableCell>{translate('cf.auto_assign.explanation')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.unmet.map((row) => (
                  <TableRow key={row.proposalId}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.trackingNumber ?? '—'}</TableCell>
                    <TableCell>{row.title || translate('cf.proposals.untitled')}</TableCell>
                    <TableCell align="right">{row.assigned}</TableCell>
                    <TableCell align="right">{row.missing}</TableCell>
                    <TableCell>{translate(`cf.unmet_causes.${row.cause}`, { _: row.cause })}</TableCell>
                    <TableCell sx={{ whiteSpace: 'pre-line' }}>{row.explanation}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      ) : null}
      {result.loads.length > 0 ? (
        <>
          <Typography component="h4" variant="h6" sx={{ mt: 2, mb: 1 }}>
            {translate(result.dryRun ? 'cf.auto_assign.loads_dry_run' : 'cf.auto_assign.loads')}
          </Typography>
          <TableContainer>
            <Table size="small" aria-label={translate('cf.auto_assign.loads')} sx={{ maxWidth: 640 }}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('cf.review_board.reviewer')}</TableCell>
                  <TableCell align="right">{translate('cf.review_board.load')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.loads.map((load) => (
                  <TableRow key={load.reviewerId}>
                    <TableCell component="th" scope="row">
                      {load.displayName}
                    </TableCell>
                    <TableCell align="right">
                      {translate('cf.review_board.load_of', { load: load.load, max: load.maxLoad })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      ) : null}
    </Box>
  );
};

/**
 * Automatic assignment of the fund's reviewable proposals (program officer): k reviewers each,
 * without conflicts of interest or going over anyone's maximum load. A dry run shows the outcome
 * without saving anything. Running it again keeps the existing assignments.
 */
export const AutoAssignPanel = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError('cf.review_errors');
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: settings } = useReviewSettings(fundId);
  const [open, setOpen] = useState(false);
  const [k, setK] = useState('');
  const [dueAt, setDueAt] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AutoAssignResult | null>(null);

  const kValue = k.trim() === '' ? undefined : Number(k);
  const kInvalid = kValue !== undefined && (!Number.isInteger(kValue) || kValue < 1 || kValue > 10);
  const dueInvalid = dueAt !== null && Date.parse(dueAt) <= Date.now();

  const start = () => {
    setK(String(settings?.reviewersPerProposal ?? ''));
    setDueAt(null);
    setDryRun(true);
    setOpen(true);
  };

  const run = async () => {
    setBusy(true);
    try {
      const outcome = await dataProvider.autoAssign(fundId, {
        ...(kValue !== undefined ? { k: kValue } : {}),
        ...(dueAt ? { dueAt } : {}),
        dryRun,
      });
      setResult(outcome);
      setOpen(false);
      if (!outcome.dryRun) {
        notify('cf.auto_assign.done', { type: 'success', messageArgs: { smart_count: outcome.created } });
        refresh();
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card component="section" variant="outlined" aria-labelledby="auto-assign-heading">
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id="auto-assign-heading" component="h2" variant="h3" sx={{ flex: 1 }}>
            {translate('cf.auto_assign.title')}
          </Typography>
          <Button variant="contained" startIcon={<AutoFixHighIcon />} onClick={start}>
            {translate('cf.auto_assign.run')}
          </Button>
        </Stack>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('cf.auto_assign.explain')}
        </Typography>
        {result ? <AutoAssignResultView result={result} /> : null}
      </CardContent>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby="auto-assign-dialog" fullWidth maxWidth="sm">
        <DialogTitle id="auto-assign-dialog">{translate('cf.auto_assign.run')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>{translate('cf.auto_assign.dialog_explain')}</DialogContentText>
          <TextField
            id="auto-assign-k"
            label={translate('cf.auto_assign.k')}
            type="number"
            value={k}
            onChange={(event) => setK(event.target.value)}
            error={kInvalid}
            helperText={translate(kInvalid ? 'cf.auto_assign.k_invalid' : 'cf.auto_assign.k_help', {
              default: settings?.reviewersPerProposal ?? '—',
            })}
            margin="normal"
            slotProps={{ htmlInput: { min: 1, max: 10, step: 1 } }}
          />
          <TorontoDateTimeTextField
            id="auto-assign-due"
            label={translate('cf.auto_assign.due_at')}
            value={dueAt}
            onChange={setDueAt}
            endOfMinute
            error={dueInvalid}
            helperText={translate(dueInvalid ? 'cf.auto_assign.due_past' : 'cf.auto_assign.due_help', {
              days: settings?.reviewDays ?? '—',
            })}
            margin="normal"
            fullWidth
          />
          <FormControlLabel
            control={<Checkbox checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />}
            label={translate('cf.auto_assign.dry_run')}
          />
          <Typography variant="caption" component="p">
            {translate(dryRun ? 'cf.auto_assign.dry_run_help' : 'cf.auto_assign.real_run_help')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={() => void run()} disabled={busy || kInvalid || dueInvalid}>
            {translate(dryRun ? 'cf.auto_assign.confirm_dry_run' : 'cf.auto_assign.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
};
