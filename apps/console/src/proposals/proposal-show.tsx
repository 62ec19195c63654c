import { Box } from '@mui/material';
import { EditButton, Show, TabbedShowLayout, TopToolbar, useRecordContext } from 'react-admin';
import type { Proposal } from '../types';
import { AttachmentsPanel } from './attachments-panel';
import { DeadlineBanner } from './deadline-countdown';
import { ProposalDecisionPanel } from './proposal-decision-panel';
import { GrantExtensionButton } from './grant-extension-button';
import { useApplicantCan } from './proposal-access';
import { useProposalFund } from './proposal-queries';
import {
  BudgetSection,
  ContactsSection,
  ExtensionsSection,
  MicroCredentialsSection,
  NarrativesSection,
  OverviewSection,
  PartnersSection,
  SubmissionsSection,
} from './proposal-sections';
import { ProposalTitle } from './proposal-title';
import { ScreenProposalButton } from './screen-proposal-button';
import { SubmitProposalButton } from './submit-proposal-button';
import { WithdrawProposalButton } from './withdraw-proposal-button';

const ProposalShowActions = () => {
  const record = useRecordContext<Proposal>();
  const editable = useApplicantCan(record, 'edit');
  return (
    <TopToolbar>
      {editable ? <EditButton /> : null}
      <WithdrawProposalButton />
      <ScreenProposalButton />
      <GrantExtensionButton />
      <SubmitProposalButton />
    </TopToolbar>
  );
};

const ProposalShowLayout = () => {
  const record = useRecordContext<Proposal>();
  const { data: fund } = useProposalFund(record?.fundId);
  const uploads = useApplicantCan(record, 'upload', 30_000);
  if (!record) return null;
  return (
    <>
      <Box sx={{ px: 2, pt: 2 }}>
        <DeadlineBanner />
        <ProposalDecisionPanel proposal={record} />
      </Box>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.overview">
          <OverviewSection />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.micro_credentials" path="micro-credentials">
          <MicroCredentialsSection />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.partners" path="partners">
          <PartnersSection />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.budget" path="budget">
          <BudgetSection fund={fund} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.narratives" path="narratives">
          <NarrativesSection fund={fund} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.contacts" path="contacts">
          <ContactsSection />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.attachments" path="attachments">
          <AttachmentsPanel proposalId={record.id} editable={uploads} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.submissions" path="submissions">
          <SubmissionsSection />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.proposals.tabs.extensions" path="extensions">
          <ExtensionsSection />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </>
  );
};

/** A proposal read-only, for everyone who may read it; the workflow actions by role. */
export const ProposalShow = () => (
  <Show actions={<ProposalShowActions />} title={<ProposalTitle />}>
    <ProposalShowLayout />
  </Show>
);
