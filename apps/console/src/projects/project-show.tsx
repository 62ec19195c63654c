import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Box, Typography } from '@mui/material';
import { Show, TabbedShowLayout, TopToolbar, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/data-provider';
import { ActionDialogButton } from './action-dialog';
import { AgreementPanel } from './agreement-panel';
import { MicroCredentialsPanel } from './micro-credentials-panel';
import { MilestonesPanel } from './milestones-panel';
import { PaymentsPanel } from './payments-panel';
import { useProjectCan } from './project-access';
import { ProjectStatusField } from './project-fields';
import { ProjectSummary } from './project-summary';
import type { Project } from './project-types';
import { ReportsPanel } from './reports-panel';

const ProjectTitle = () => {
  const record = useRecordContext<Project>();
  const translate = useTranslate();
  return <span>{record ? translate('cf.projects.title_named', { title: record.title }) : translate('cf.projects.title')}</span>;
};

const ProjectShowActions = () => {
  const record = useRecordContext<Project>();
  const translate = useTranslate();
  const can = useProjectCan();
  const dataProvider = useDataProvider<AppDataProvider>();
  if (!record || !can('close') || record.status !== 'active') return null;
  return (
    <TopToolbar>
      <ActionDialogButton
        id="project-close"
        label="cf.projects.close.action"
        title={translate('cf.projects.close.title', { project: record.title })}
        explain={translate('cf.projects.close.explain')}
        submitLabel="cf.projects.close.action"
        done="cf.projects.close.done"
        icon={<DoneAllIcon />}
        fields={[{ name: 'note', label: 'cf.projects.fields.note', multiline: true }]}
        onConfirm={({ note }) => dataProvider.closeProject(record.id, note || undefined)}
      />
    </TopToolbar>
  );
};

const ProjectShowLayout = () => {
  const record = useRecordContext<Project>();
  if (!record) return null;
  return (
    <>
      <Box sx={{ px: 2, pt: 2 }}>
        <Typography component="h1" variant="h5">
          {record.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {[record.trackingNumber, record.institutionName, record.fundCode].filter(Boolean).join(' · ')}
        </Typography>
        <ProjectStatusField />
      </Box>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="cf.projects.tabs.summary">
          <ProjectSummary project={record} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.projects.tabs.agreement" path="agreement">
          <AgreementPanel project={record} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.projects.tabs.milestones" path="milestones">
          <MilestonesPanel project={record} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.projects.tabs.payments" path="payments">
          <PaymentsPanel project={record} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.projects.tabs.reports" path="reports">
          <ReportsPanel project={record} />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="cf.projects.tabs.micro_credentials" path="micro-credentials">
          <MicroCredentialsPanel project={record} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </>
  );
};

/** A funded project: summary, agreement, milestones, tranches and payments, reports, micro-credentials. */
export const ProjectShow = () => (
  <Show title={<ProjectTitle />} actions={<ProjectShowActions />}>
    <ProjectShowLayout />
  </Show>
);
