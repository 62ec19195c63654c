import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents } from '../common/money';
import { formatTorontoDateTime } from '../common/zoned-time';
import { CalendarDate, DisbursementGauge, ProjectStatusField } from './project-fields';
import type { Project } from './project-types';

const Fact = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box sx={{ minWidth: 170 }}>
    <Typography component="dt" variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography component="dd" variant="body1" sx={{ m: 0 }}>
      {children}
    </Typography>
  </Box>
);

/** The project at a glance: the money (award, disbursed, remaining, as a gauge), the schedule, what is delivered. */
export const ProjectSummary = ({ project }: { project: Project }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const money = (cents: number) => formatCents(cents, locale);
  const fundName = locale === 'fr' ? project.fundNameFr || project.fundNameEn : project.fundNameEn;
  return (
    <Stack spacing={2}>
      <Card component="section" variant="outlined" aria-labelledby="project-money-heading">
        <CardContent>
          <Typography id="project-money-heading" component="h2" variant="h6" gutterBottom>
            {translate('cf.projects.summary.money')}
          </Typography>
          <Stack component="dl" direction="row" useFlexGap spacing={3} sx={{ flexWrap: 'wrap', m: 0, mb: 2 }}>
            <Fact label={translate('resources.projects.fields.awardCents')}>
              <strong data-testid="project-award">{money(project.awardCents)}</strong>
            </Fact>
            <Fact label={translate('resources.projects.fields.disbursedCents')}>
              <strong data-testid="project-disbursed">{money(project.disbursedCents)}</strong>
            </Fact>
            <Fact label={translate('resources.projects.fields.remainingCents')}>
              <strong data-testid="project-remaining">{money(project.remainingCents)}</strong>
            </Fact>
          </Stack>
          <DisbursementGauge awardCents={project.awardCents} disbursedCents={project.disbursedCents} />
        </CardContent>
      </Card>
      <Card component="section" variant="outlined" aria-labelledby="project-facts-heading">
        <CardContent>
          <Typography id="project-facts-heading" component="h2" variant="h6" gutterBottom>
            {translate('cf.projects.summary.facts')}
          </Typography>
          <Stack component="dl" direction="row" useFlexGap spacing={3} sx={{ flexWrap: 'wrap', m: 0 }}>
            <Fact label={translate('resources.projects.fields.status')}>
              <ProjectStatusField />
            </Fact>
            <Fact label={translate('resources.projects.fields.institutionName')}>{project.institutionName}</Fact>
            <Fact label={translate('resources.projects.fields.fundId')}>{fundName}</Fact>
            <Fact label={translate('resources.projects.fields.trackingNumber')}>{project.trackingNumber ?? '—'}</Fact>
            <Fact label={translate('resources.projects.fields.awardedAt')}>
              {formatTorontoDateTime(project.awardedAt, locale)}
            </Fact>
            <Fact label={translate('resources.projects.fields.startOn')}>
              <CalendarDate value={project.startOn} />
            </Fact>
            <Fact label={translate('resources.projects.fields.endOn')}>
              <CalendarDate value={project.endOn} />
            </Fact>
            <Fact label={translate('resources.projects.fields.nextDueOn')}>
              <CalendarDate value={project.nextDueOn} />
            </Fact>
            <Fact label={translate('cf.projects.summary.milestones_accepted')}>
              {translate('cf.projects.summary.of', { done: project.milestonesAccepted, total: project.milestonesTotal })}
            </Fact>
            <Fact label={translate('cf.projects.summary.micro_credentials_launched')}>
              {translate('cf.projects.summary.of', { done: project.microCredentialsLaunched, total: project.microCredentials })}
            </Fact>
            <Fact label={translate('resources.projects.fields.enrolled')}>{project.enrolled}</Fact>
          </Stack>
          {project.sectors.length ? (
            <Box sx={{ mt: 2 }}>
              <Typography variant="caption" color="text.secondary" component="p">
                {translate('resources.projects.fields.sectors')}
              </Typography>
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {project.sectors.map((s) => (
                  <Chip key={s} size="small" label={translate(`cf.sectors.${s}`, { _: s })} />
                ))}
              </Stack>
            </Box>
          ) : null}
          {project.summary ? (
            <Box sx={{ mt: 2 }}>
              <Typography variant="caption" color="text.secondary" component="p">
                {translate('resources.projects.fields.summary')}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                {project.summary}
              </Typography>
            </Box>
          ) : null}
          {project.status === 'cancelled' ? (
            <Typography variant="body2" color="error" sx={{ mt: 2 }}>
              {translate('cf.projects.summary.cancelled', {
                at: formatTorontoDateTime(project.cancelledAt, locale),
                reason: project.cancelReason ?? '—',
              })}
            </Typography>
          ) : null}
          {project.status === 'closed' ? (
            <Typography variant="body2" sx={{ mt: 2 }}>
              {translate('cf.projects.summary.closed', { at: formatTorontoDateTime(project.closedAt, locale) })}
            </Typography>
          ) : null}
        </CardContent>
      </Card>
    </Stack>
  );
};
