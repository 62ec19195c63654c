import { useRef, useState } from 'react';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  AlertTitle,
  Button as MuiButton,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Typography,
} from '@mui/material';
import { Button, useDataProvider, useLocaleState, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { errorBody, errorMessage, errorProblems, errorStatus } from '../common/api-error';
import { newUuid } from '../common/download';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import type { FieldProblem, Proposal, Readiness, Receipt } from '../types';
import { ProblemChecklist } from './problem-checklist';
import { useApplicantCan } from './proposal-access';
import { useProposalFund } from './proposal-queries';
import { ReceiptDialog } from './receipt-dialog';

const KNOWN_ERRORS = [
  'DEADLINE_PASSED',
  'PROPOSAL_INCOMPLETE',
  'NO_CHANGES',
  'SUBMISSION_LIMIT',
  'NOT_SUBMITTABLE',
  'INTAKE_NOT_OPEN',
];

interface SubmitFailure {
  code: string;
  message: string;
  problems: FieldProblem[];
  /** a network failure or a server error: the same request (same key) may be retried */
  retryable: boolean;
}

/**
 * Submit (or resubmit) a proposal: a confirmation with the readiness checklist, then
 * POST /api/proposals/:id/submit with one Idempotency-Key per submit intent (reused when
 * retrying after a failure), then the receipt.
 */
export const SubmitProposalButton = ({ dirty = false }: { dirty?: boolean }) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefresh();
  const allowed = useApplicantCan(record, 'submit');
  const { data: fund } = useProposalFund(record?.fundId);
  const [open, setOpen] = useState(false);
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const [readinessError, setReadinessError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const idempotencyKey = useRef<string | null>(null);

  if (!record || !allowed) return receipt ? <ReceiptDialog receipt={receipt} onClose={() => setReceipt(null)} /> : null;

  const resubmit = record.status === 'submitted';
  const nothingNew = resubmit && !record.hasUnsubmittedChanges;

  const loadReadiness = async () => {
    setReadiness(null);
    setReadinessError(null);
    try {
      setReadiness(await dataProvider.getProposalReadiness(record.id));
    } catch (error) {
      setReadinessError(errorMessage(error) || translate('ra.notification.http_error'));
    }
  };

  const start = () => {
    // a new intent: a new key (a retry inside this dialog reuses it)
    idempotencyKey.current = newUuid();
    setFailure(null);
    setOpen(true);
    void loadReadiness();
  };

  const submit = async () => {
    if (!idempotencyKey.current) idempotencyKey.current = newUuid();
    setSubmitting(true);
    setFailure(null);
    try {
      const result = await dataProvider.submitProposal(record.id, idempotencyKey.current);
      idempotencyKey.current = null;
      setOpen(false);
      setReceipt(result);
      refresh();
    } catch (error) {
      const status = errorStatus(error);
      const body = errorBody(error);
      const code = body?.code && KNOWN_ERRORS.includes(body.code) ? body.code : 'OTHER';
      const retryable = !status || status >= 500 || status === 429;
      setFailure({ code, message: errorMessage(error), problems: errorProblems(error), retryable });
      if (!retryable) {
        // the server answered: a later attempt is a new intent
        idempotencyKey.current = newUuid();
        if (code === 'PROPOSAL_INCOMPLETE') void loadReadiness();
      }
    } finally {
      setSubmitting(false);
    }
  };

  const ready = !!readiness?.ready;
  const canConfirm = ready && !dirty && !submitting && !nothingNew;

  return (
    <>
      <Button
        label={resubmit ? 'cf.submit.resubmit' : 'cf.submit.submit'}
        onClick={start}
        variant="contained"
        color="primary"
        sx={{ ml: 1 }}
      >
        <SendIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => !submitting && setOpen(false)}
        aria-labelledby="submit-dialog-title"
        fullWidth
        maxWidth="md"
      >
        <DialogTitle id="submit-dialog-title">
          {translate(resubmit ? 'cf.submit.confirm_resubmit_title' : 'cf.submit.confirm_title', { title: record.title || '' })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText component="div">
            <Typography variant="body2" gutterBottom>
              {translate('cf.submit.deadline', {
                date: record.deadline ? formatTorontoDateTime(record.deadline.effectiveDeadline, locale, 'long') : '—',
              })}
            </Typography>
            <Typography variant="body2" gutterBottom>
              {translate(resubmit ? 'cf.submit.explain_resubmit' : 'cf.submit.explain')}
            </Typography>
          </DialogContentText>
          {dirty ? (
            <Alert severity="warning" sx={{ my: 1 }}>
              {translate('cf.submit.save_first')}
            </Alert>
          ) : null}
          {nothingNew ? (
            <Alert severity="info" sx={{ my: 1 }}>
              {translate('cf.submit.nothing_new', { trackingNumber: record.trackingNumber ?? '' })}
            </Alert>
          ) : null}
          <Typography component="h3" variant="h6" sx={{ mt: 2 }}>
            {translate('cf.submit.checklist')}
          </Typography>
          {readinessError ? (
            <Alert severity="error">{readinessError}</Alert>
          ) : !readiness ? (
            <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
          ) : (
            <>
              <Alert severity={readiness.ready ? 'success' : 'warning'} sx={{ my: 1 }}>
                {translate(readiness.ready ? 'cf.submit.ready' : 'cf.submit.not_ready', {
                  smart_count: readiness.problems.length,
                })}
              </Alert>
              <ProblemChecklist problems={readiness.problems} criteria={fund?.criteria ?? []} />
            </>
          )}
          {failure ? (
            <Alert severity="error" sx={{ mt: 1 }} role="alert">
              <AlertTitle>{translate(`cf.submit.errors.${failure.code}`)}</AlertTitle>
              {failure.message}
              {failure.retryable ? <div>{translate('cf.submit.retry_hint')}</div> : null}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)} disabled={submitting}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            onClick={() => void submit()}
            disabled={!canConfirm}
            startIcon={submitting ? <CircularProgress size={16} /> : <SendIcon />}
          >
            {translate(failure?.retryable ? 'cf.submit.retry' : resubmit ? 'cf.submit.confirm_resubmit' : 'cf.submit.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
      {receipt ? <ReceiptDialog receipt={receipt} onClose={() => setReceipt(null)} /> : null}
    </>
  );
};
