import { Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { formatCents } from '../common/money';
import { formatCalendarDate } from '../common/zoned-time';
import type { Project, ProjectStatus, ReportStatus, MilestoneStatus } from './project-types';

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

const PROJECT_COLORS: Record<ProjectStatus, ChipColor> = {
  agreement_pending: 'info',
  active: 'primary',
  closed: 'success',
  cancelled: 'default',
};

const REPORT_COLORS: Record<ReportStatus, ChipColor> = {
  not_started: 'default',
  draft: 'info',
  submitted: 'primary',
  accepted: 'success',
  returned: 'warning',
};

const MILESTONE_COLORS: Record<MilestoneStatus, ChipColor> = {
  pending: 'default',
  delivered: 'primary',
  accepted: 'success',
  returned: 'warning',
};

export const ProjectStatusChip = ({ status }: { status: ProjectStatus }) => {
  const translate = useTranslate();
  return <Chip size="small" color={PROJECT_COLORS[status]} label={translate(`cf.projects.statuses.${status}`)} />;
};

export const ReportStatusChip = ({ status }: { status: ReportStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={REPORT_COLORS[status]}
      variant={status === 'not_started' ? 'outlined' : 'filled'}
      label={translate(`cf.projects.report_statuses.${status}`)}
    />
  );
};

export const MilestoneStatusChip = ({ status }: { status: MilestoneStatus }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={MILESTONE_COLORS[status]}
      variant={status === 'pending' ? 'outlined' : 'filled'}
      label={translate(`cf.projects.milestone_statuses.${status}`)}
    />
  );
};

/** "Overdue by 12 days" as a red chip (nothing when on time). */
export const OverdueChip = ({ days }: { days: number }) => {
  const translate = useTranslate();
  if (days <= 0) return null;
  return (
    <Chip size="small" color="error" variant="outlined" label={translate('cf.projects.overdue_days', { smart_count: days })} />
  );
};

/** The project's status, and when it is at risk, what is overdue. */
export const ProjectStatusField = (_props: Partial<FieldProps>) => {
  const record = useRecordContext<Project>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <ProjectStatusChip status={record.status} />
      {record.atRisk ? <Chip size="small" color="error" label={translate('cf.projects.at_risk')} /> : null}
      {record.overdueMilestones > 0 ? (
        <Chip
          size="small"
          color="error"
          variant="outlined"
          label={translate('cf.projects.overdue_milestones', { smart_count: record.overdueMilestones })}
        />
      ) : null}
      {record.overdueReports > 0 ? (
        <Chip
          size="small"
          color="error"
          variant="outlined"
          label={translate('cf.projects.overdue_reports', { smart_count: record.overdueReports })}
        />
      ) : null}
    </Stack>
  );
};

/** A calendar date (`YYYY-MM-DD`) of the record, in the UI's language. */
export const CalendarDateField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const [locale] = useLocaleState();
  const record = useRecordContext<Record<string, unknown>>();
  const value = record?.[source] as string | null | undefined;
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {value ? formatCalendarDate(value, locale) : '—'}
    </Typography>
  );
};

export const CalendarDate = ({ value }: { value: string | null | undefined }) => {
  const [locale] = useLocaleState();
  return <>{value ? formatCalendarDate(value, locale) : '—'}</>;
};

/**
 * What is paid of the award: a bar (one accessible image with the summary in words) and the amounts. Disbursed never
 * exceeds the award (the API guarantees it); the bar clamps anyway.
 */
export const DisbursementGauge = ({
  awardCents,
  disbursedCents,
  compact = false,
}: {
  awardCents: number;
  disbursedCents: number;
  compact?: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const percent = awardCents > 0 ? Math.max(0, Math.min(100, (100 * disbursedCents) / awardCents)) : 0;
  const summary = translate('cf.projects.gauge.summary', {
    disbursed: formatCents(disbursedCents, locale),
    award: formatCents(awardCents, locale),
    remaining: formatCents(awardCents - disbursedCents, locale),
    percent: Math.round(percent),
  });
  return (
    <Box sx={{ minWidth: compact ? 80 : 240, maxWidth: compact ? 140 : 640 }}>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={percent >= 100 ? 'success' : 'primary'}
        aria-label={summary}
        sx={{ height: compact ? 6 : 12, borderRadius: 1 }}
      />
      {compact ? null : (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {summary}
        </Typography>
      )}
    </Box>
  );
};
