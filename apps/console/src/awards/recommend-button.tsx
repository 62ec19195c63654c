import { useState } from 'react';
import RecommendIcon from '@mui/icons-material/Recommend';
import UpgradeIcon from '@mui/icons-material/Upgrade';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import {
  Button,
  Form,
  FormDataConsumer,
  RadioButtonGroupInput,
  required,
  TextInput,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { errorProblems, errorStatus } from '../common/api-error';
import { formatCents } from '../common/money';
import { MoneyInput } from '../common/money-input';
import type { AppDataProvider } from '../providers/data-provider';
import { DECISION_KINDS, type DecisionKind, type RecommendRequest } from '../types';
import { awardErrorText } from './award-errors';

/** The proposal to recommend on (a ranking row or a waitlisted decision). */
export interface RecommendTarget {
  proposalId: string;
  /** "TRK-123 — Title" */
  label: string;
  requestedCents: number;
}

interface Values {
  kind: DecisionKind;
  amountCents: number | null;
  conditions: string;
  rationale: string;
}

/** Choices whose names are i18n keys (react-admin translates them). */
const kindChoices = (promote: boolean) =>
  DECISION_KINDS
    // promoting a waitlisted proposal is recommending to fund it (or to decline it); not waitlisting it again
    .filter((kind) => !promote || kind !== 'waitlist')
    .map((kind) => ({ id: kind, name: `cf.decision_kinds.${kind}` }));

const FIELDS = ['kind', 'amountCents', 'conditions', 'rationale'] as const;

/**
 * Recommend a decision on a proposal (program officer): fund in full, fund in part (an amount below
 * the request, in dollars), waitlist or decline, with conditions and a rationale. Promoting a
 * waitlisted proposal is the same, recommending to fund it. The server's field problems show on the
 * fields; its 409s (DECISION_EXISTS, NOT_DECIDABLE...) above the buttons.
 */
export const RecommendButton = ({ target, promote = false }: { target: RecommendTarget; promote?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const requested = formatCents(target.requestedCents, locale);
  const titleId = `recommend-title-${target.proposalId}`;

  const partialAmount: Validator = (value: unknown) =>
    typeof value === 'number' && !Number.isNaN(value) && (value <= 0 || value >= target.requestedCents)
      ? { message: 'cf.awards.recommend.partial_range', args: { requested } }
      : undefined;

  const submit = async (values: Partial<Values>) => {
    const kind = values.kind as DecisionKind;
    const body: RecommendRequest = {
      proposalId: target.proposalId,
      kind,
      rationale: (values.rationale ?? '').trim(),
      ...(kind === 'fund_partial' && typeof values.amountCents === 'number' ? { amountCents: values.amountCents } : {}),
      ...(values.conditions?.trim() ? { conditions: values.conditions.trim() } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      await dataProvider.recommendDecision(body);
      setOpen(false);
      notify('cf.awards.recommend.saved', { type: 'success', messageArgs: { proposal: target.label } });
      refresh();
      return undefined;
    } catch (e) {
      const problems = errorProblems(e);
      const onFields = problems.filter((p) => (FIELDS as readonly string[]).includes(p.field));
      const elsewhere = problems.filter((p) => !(FIELDS as readonly string[]).includes(p.field));
      if (errorStatus(e) === 400 && onFields.length > 0) {
        setError(
          elsewhere.length > 0
            ? elsewhere.map((p) => `${p.field}: ${p.reason}`).join('; ')
            : translate('cf.awards.recommend.fix_fields'),
        );
        return Object.fromEntries(onFields.map((p) => [p.field, p.reason]));
      }
      setError(awardErrorText(translate, e, locale));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const defaults: Values = { kind: 'fund_full', amountCents: null, conditions: '', rationale: '' };

  return (
    <>
      <Button
        label={promote ? 'cf.awards.recommend.promote' : 'cf.awards.recommend.action'}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        aria-label={translate(promote ? 'cf.awards.recommend.promote_named' : 'cf.awards.recommend.action_named', {
          proposal: target.label,
        })}
      >
        {promote ? <UpgradeIcon /> : <RecommendIcon />}
      </Button>
      <Dialog open={open} onClose={() => !busy && setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <Form defaultValues={defaults} onSubmit={submit} noValidate>
          <DialogTitle id={titleId}>
            {translate(promote ? 'cf.awards.recommend.promote_title' : 'cf.awards.recommend.title', {
              proposal: target.label,
            })}
          </DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1 }}>
              {translate(promote ? 'cf.awards.recommend.promote_explain' : 'cf.awards.recommend.explain', { requested })}
            </DialogContentText>
            <RadioButtonGroupInput
              source="kind"
              label="cf.awards.fields.kind"
              choices={kindChoices(promote)}
              validate={required()}
              helperText={false}
            />
            <FormDataConsumer<Values>>
              {({ formData }) =>
                formData.kind === 'fund_partial' ? (
                  <MoneyInput
                    source="amountCents"
                    label="cf.awards.fields.amountCents"
                    validate={[required(), partialAmount]}
                    helperText={translate('cf.awards.recommend.partial_help', { requested })}
                    fullWidth
                  />
                ) : null
              }
            </FormDataConsumer>
            <TextInput
              source="conditions"
              label="cf.awards.fields.conditions"
              helperText="cf.awards.recommend.conditions_help"
              multiline
              minRows={2}
              fullWidth
              slotProps={{ htmlInput: { maxLength: 5000 } }}
            />
            <TextInput
              source="rationale"
              label="cf.awards.fields.rationale"
              helperText="cf.awards.recommend.rationale_help"
              validate={required()}
              multiline
              minRows={3}
              fullWidth
              slotProps={{ htmlInput: { maxLength: 5000 } }}
            />
            {error ? (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            ) : null}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)} disabled={busy}>
              {translate('ra.action.cancel')}
            </MuiButton>
            <MuiButton type="submit" variant="contained" disabled={busy}>
              {translate('cf.awards.recommend.save')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
