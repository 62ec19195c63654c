import { useEffect, useRef, useState } from 'react';
import { Alert, Box } from '@mui/material';
import { useFormState } from 'react-hook-form';
import {
  Edit,
  SaveButton,
  ShowButton,
  TabbedForm,
  Toolbar,
  TopToolbar,
  useLocaleState,
  useNotify,
  usePermissions,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { errorBody, errorMessage, errorProblems, errorStatus } from '../common/api-error';
import type { Fund, Proposal } from '../types';
import { AttachmentsPanel } from './attachments-panel';
import { DeadlineBanner } from './deadline-countdown';
import { NarrativeInputs } from './narrative-inputs';
import { problemLabel } from './problem-label';
import { problemReason } from './problem-reason';
import { useApplicantCan } from './proposal-access';
import { BudgetInputs, ContactInputs, MicroCredentialInputs, OverviewInputs, PartnerInputs } from './proposal-inputs';
import { toProposalPayload } from './proposal-payload';
import { useProposalFund } from './proposal-queries';
import { ProposalTitle } from './proposal-title';
import { StaleVersionDialog } from './stale-version-dialog';
import { SubmitProposalButton } from './submit-proposal-button';
import { WithdrawProposalButton } from './withdraw-proposal-button';

const ProposalEditActions = () => (
  <TopToolbar>
    <ShowButton />
    <WithdrawProposalButton />
  </TopToolbar>
);

/** Save, then submit (the submission takes the saved version: the dialog says so when changes are pending). */
const ProposalFormToolbar = () => {
  const record = useRecordContext<Proposal>();
  const editable = useApplicantCan(record, 'edit');
  const { isDirty } = useFormState();
  return (
    <Toolbar>
      <SaveButton disabled={!editable || !isDirty} />
      <SubmitProposalButton dirty={isDirty} />
    </Toolbar>
  );
};

/**
 * A proposal the applicant can no longer change (another status, the deadline passed, not an
 * applicant) opens read-only on its show page. Checked once, when the page opens: a deadline
 * passing while someone types keeps their text on screen.
 */
const ReadOnlyRedirect = () => {
  const record = useRecordContext<Proposal>();
  const { isPending } = usePermissions();
  const editable = useApplicantCan(record, 'edit', 60_000);
  const redirect = useRedirect();
  const checked = useRef(false);
  useEffect(() => {
    if (checked.current || isPending || !record) return;
    checked.current = true;
    if (!editable) redirect('show', 'proposals', record.id);
  }, [editable, isPending, record, redirect]);
  return null;
};

/** The sections of the proposal, one tab each; the fund gives the criteria, caps and launch window. */
const ProposalForm = ({ onFund }: { onFund: (fund: Fund | undefined) => void }) => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  // the whole form re-renders with it: a coarse tick (the toolbar's buttons tick every second)
  const editable = useApplicantCan(record, 'edit', 30_000);
  const { data: fund } = useProposalFund(record?.fundId);
  onFund(fund);
  if (!record) return null;
  return (
    <>
      <ReadOnlyRedirect />
      <Box sx={{ px: 2, pt: 2 }}>
        <DeadlineBanner />
        {!editable ? <Alert severity="info">{translate('cf.proposals.read_only')}</Alert> : null}
      </Box>
      <TabbedForm toolbar={<ProposalFormToolbar />} sanitizeEmptyValues={false} warnWhenUnsavedChanges>
        <TabbedForm.Tab label="cf.proposals.tabs.overview">
          <OverviewInputs />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="cf.proposals.tabs.micro_credentials" path="micro-credentials">
          <MicroCredentialInputs fund={fund} />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="cf.proposals.tabs.partners" path="partners">
          <PartnerInputs proposalId={record.id} editable={editable} />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="cf.proposals.tabs.budget" path="budget">
          <BudgetInputs fund={fund} />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="cf.proposals.tabs.narratives" path="narratives">
          <NarrativeInputs fund={fund} />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="cf.proposals.tabs.contacts" path="contacts">
          <ContactInputs />
        </TabbedForm.Tab>
        <TabbedForm.Tab label="cf.proposals.tabs.attachments" path="attachments">
          <AttachmentsPanel proposalId={record.id} editable={editable} />
        </TabbedForm.Tab>
      </TabbedForm>
    </>
  );
};

/**
 * The applicant's proposal, section by section. PUT with the version read: a 409 STALE_VERSION
 * offers to reload; a 400 puts the server's reasons on the inputs and lists them.
 */
export const ProposalEdit = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const fund = useRef<Fund | undefined>(undefined);
  const [stale, setStale] = useState<string | null>(null);

  const onError = (error: unknown) => {
    const body = errorBody(error);
    const status = errorStatus(error);
    if (status === 409 && body?.code === 'STALE_VERSION') {
      setStale(body.message ?? '');
      return;
    }
    const problems = errorProblems(error);
    if (problems.length > 0) {
      const list = problems
        .map(
          (p) =>
            `• ${problemLabel(p.field, translate, fund.current?.criteria, locale)}${translate('cf.rules.separator')}${problemReason(p, translate, locale)}`,
        )
        .join('\n');
      notify('cf.proposals.save_invalid', { type: 'error', multiLine: true, autoHideDuration: 15000, messageArgs: { list } });
      return;
    }
    notify('cf.proposals.save_failed', { type: 'error', messageArgs: { message: errorMessage(error) } });
  };

  return (
    <>
      <Edit
        mutationMode="pessimistic"
        redirect={false}
        transform={(values: Partial<Proposal>) => toProposalPayload(values)}
        mutationOptions={{ onError }}
        actions={<ProposalEditActions />}
        title={<ProposalTitle />}
      >
        <ProposalForm onFund={(f) => (fund.current = f)} />
      </Edit>
      <StaleVersionDialog
        open={stale !== null}
        message={stale ?? undefined}
        onClose={() => setStale(null)}
        onReload={() => {
          setStale(null);
          refresh();
        }}
      />
    </>
  );
};
