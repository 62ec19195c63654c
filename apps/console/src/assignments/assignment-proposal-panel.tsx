import { useState, type ReactNode } from 'react';
import { Alert, Box, Card, CardContent, Tab, Tabs, Typography } from '@mui/material';
import { Loading, RecordContextProvider, ResourceContextProvider, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { AttachmentsPanel } from '../proposals/attachments-panel';
import {
  BudgetSection,
  MicroCredentialsSection,
  NarrativesSection,
  OverviewSection,
  PartnersSection,
} from '../proposals/proposal-sections';
import { useProposalFund } from '../proposals/proposal-queries';
import { useAssignmentProposal } from './assignment-queries';

const TABS = ['overview', 'micro_credentials', 'partners', 'budget', 'narratives', 'attachments'] as const;
type ProposalTab = (typeof TABS)[number];

const TabPanel = ({ tab, current, children }: { tab: ProposalTab; current: ProposalTab; children: ReactNode }) => (
  <Box
    role="tabpanel"
    id={`proposal-tabpanel-${tab}`}
    aria-labelledby={`proposal-tab-${tab}`}
    hidden={tab !== current}
    sx={{ pt: 2 }}
  >
    {tab === current ? children : null}
  </Box>
);

/**
 * The proposal under review, read-only: the sections of the proposal's show page (the same
 * components), in tabs, and its attachments to download.
 */
export const AssignmentProposalPanel = ({ proposalId }: { proposalId: string }) => {
  const translate = useTranslate();
  const [tab, setTab] = useState<ProposalTab>('overview');
  const { data: proposal, isPending, error } = useAssignmentProposal(proposalId);
  const { data: fund } = useProposalFund(proposal?.fundId);

  return (
    <Card component="section" variant="outlined" aria-labelledby="proposal-heading">
      <CardContent>
        <Typography id="proposal-heading" component="h2" variant="h3" gutterBottom>
          {translate('cf.reviews.proposal_heading')}
        </Typography>
        {isPending ? (
          <Loading />
        ) : error || !proposal ? (
          <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
        ) : (
          <ResourceContextProvider value="proposals">
            <RecordContextProvider value={proposal}>
              <Tabs
                value={tab}
                onChange={(_event, value: ProposalTab) => setTab(value)}
                variant="scrollable"
                scrollButtons="auto"
                aria-label={translate('cf.reviews.proposal_heading')}
              >
                {TABS.map((t) => (
                  <Tab
                    key={t}
                    value={t}
                    id={`proposal-tab-${t}`}
                    aria-controls={`proposal-tabpanel-${t}`}
                    label={translate(`cf.proposals.tabs.${t}`)}
                  />
                ))}
              </Tabs>
              <TabPanel tab="overview" current={tab}>
                <OverviewSection />
              </TabPanel>
              <TabPanel tab="micro_credentials" current={tab}>
                <MicroCredentialsSection />
              </TabPanel>
              <TabPanel tab="partners" current={tab}>
                <PartnersSection />
              </TabPanel>
              <TabPanel tab="budget" current={tab}>
                <BudgetSection fund={fund} />
              </TabPanel>
              <TabPanel tab="narratives" current={tab}>
                <NarrativesSection fund={fund} />
              </TabPanel>
              <TabPanel tab="attachments" current={tab}>
                <AttachmentsPanel proposalId={proposal.id} editable={false} />
              </TabPanel>
            </RecordContextProvider>
          </ResourceContextProvider>
        )}
      </CardContent>
    </Card>
  );
};
