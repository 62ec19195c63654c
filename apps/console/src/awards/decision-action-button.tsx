import { useState } from 'react';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RemoveCircleIcon from '@mui/icons-material/RemoveCircle';
import UndoIcon from '@mui/icons-material/Undo';
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
import { errorBody } from '../common/api-error';
import { formatCents } from '../common/money';
import type { AppDataProvider } from '../providers/data-provider';
import type { Decision } from '../types';
import { awardErrorText } from './award-errors';
import { decisionProposalLabel } from './decision-state';

/** What may be done to a decision: confirm (note optional), return or rescind (reason required). */
export type DecisionAction = 'confirm' | 'return' | 'rescind';

const ICONS = { confirm: CheckCircleIcon, return: UndoIcon, rescind: RemoveCircleIcon } as const;
const COLORS = { confirm: 'primary', return: 'warning', rescind: 'error' } as const;

/**
 * Confirms, returns or rescinds a decision, in a dialog: the note of a confirmation is optional; the
 * reason to return or rescind is required. Errors (403 FOUR_EYES, 409 ENVELOPE_EXCEEDED with what
 * remains, NOT_RECOMMENDED, NOT_RESCINDABLE, ALREADY_DISBURSED) show in the dialog; on success the
 * page is read again (the gauge too).
 */
export const DecisionActionButton = ({
  decision,
  action,
  disabled = false,
  describedBy,
}: {
  decision: Decision;
  action: DecisionAction;
  disabled?: boolean;
  /** the id of a text explaining why the button is disabled */
  describedBy?: string;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const proposal = decisionProposalLabel(decision, translate('cf.proposals.untitled'));
  const reasonRequired = action !== 'confirm';
  const titleId = `decision-${action}-title-${decision.id}`;
  const Icon = ICONS[action];

  /** Closing after a failure reads the page again (the decision may have moved on meanwhile). */
  const close = () => {
    setOpen(false);
    if (error) refresh();
  };

  const run = async () => {
    const value = text.trim();
    if (reasonRequired && !value) return;
    setBusy(true);
    setError(null);
    try {
      if (action === 'confirm') await dataProvider.confirmDecision(decision.id, value || undefined);
      else if (action === 'return') await dataProvider.returnDecision(decision.id, value);
      else await dataProvider.rescindDecision(decision.id, value);
      setOpen(false);
      notify(`cf.awards.${action}.done`, { type: action === 'confirm' ? 'success' : 'info', messageArgs: { proposal } });
      refresh();
    } catch (e) {
      setError(awardErrorText(translate, e, locale));
      // what remains of the envelope changed: read the gauge again (the decision stays pending)
      if (errorBody(e)?.code === 'ENVELOPE_EXCEEDED') refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label={`cf.awards.${action}.action`}
        color={COLORS[action]}
        disabled={disabled}
        onClick={() => {
          setText('');
          setError(null);
          setOpen(true);
        }}
        aria-label={translate(`cf.awards.${action}.action_named`, { proposal })}
        aria-describedby={describedBy}
      >
        <Icon />
      </Button>
      <Dialog open={open} onClose={() => !busy && close()} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate(`cf.awards.${action}.title`, { proposal })}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate(`cf.awards.${action}.explain`, {
              kind: translate(`cf.decision_kinds.${decision.kind}`),
              amount: formatCents(decision.amountCents, locale),
              name: decision.recommendedByName,
            })}
          </DialogContentText>
          <TextField
            id={`decision-${action}-text-${decision.id}`}
            label={translate(reasonRequired ? 'cf.awards.fields.reason' : 'cf.awards.fields.note')}
            helperText={translate(`cf.awards.${action}.text_help`)}
            required={reasonRequired}
            value={text}
            onChange={(event) => setText(event.target.value)}
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
          <MuiButton onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            color={COLORS[action]}
            onClick={() => void run()}
            disabled={busy || (reasonRequired && !text.trim())}
          >
            {translate(`cf.awards.${action}.save`)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
