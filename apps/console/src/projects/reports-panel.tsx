import { useState } from 'react';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  AlertTitle,
  Box,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Loading, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { formatCents } from '../common/money';
import { formatCalendarDate, formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import { ActionDialogButton } from './action-dialog';
import { isRunning, useProjectCan } from './project-access';
import { OverdueChip, ReportStatusChip } from './project-fields';
import { reportTitle } from './project-format';
import { useProjectReports } from './project-queries';
import { OPEN_REPORT_STATUSES, type Project, type ProjectReport } from './project-types';
import { REPORT_COUNTS, ReportForm } from './report-form';
import { RescheduleButton } from './reschedule-button';

/** The figures and spending of a report, read-only (a submitted, accepted report; or anyone's draft for staff). */
const ReportDetails = ({ report }: { report: ProjectReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const idp = `report-${report.id}`;
  return (
    <Stack spacing={2}>
      <Box
        component="dl"
        sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(200px, max-content) 1fr', columnGap: 3, rowGap: 0.5 }}
      >
        {REPORT_COUNTS.map((c) => (
          <Box key={c} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {translate(`cf.projects.reports.fields.${c}`)}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }} data-testid={`${idp}-${c}`}>
              {report[c] ?? '—'}
            </Typography>
          </Box>
        ))}
      </Box>
      <Box>
        <Typography id={`${idp}-spending-heading`} component="h3" variant="subtitle2">
          {translate('cf.projects.reports.spending')}
        </Typography>
        {report.spending.length === 0 ? (
          <Typography variant="body2">{translate('cf.projects.reports.no_spending')}</Typography>
        ) : (
          <Table size="small" aria-labelledby={`${idp}-spending-heading`} sx={{ maxWidth: 560 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('cf.projects.reports.category')}</TableCell>
                <TableCell align="right">{translate('cf.projects.reports.amount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.spending.map((s) => (
                <TableRow key={s.category}>
                  <TableCell>{translate(`cf.budget_categories.${s.category}`)}</TableCell>
                  <TableCell align="right">{formatCents(s.amountCents, locale)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell component="th" scope="row" sx={{ fontWeight: 700 }}>
                  {translate('cf.projects.reports.total')}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }}>
                  {formatCents(report.spendingTotalCents, locale)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        )}
      </Box>
      {report.narrative ? (
        <Box>
          <Typography component="h3" variant="subtitle2">
            {translate('cf.projects.reports.fields.narrative')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {report.narrative}
          </Typography>
        </Box>
      ) : null}
      {report.submittedAt ? (
        <Typography variant="body2">
          {translate('cf.projects.reports.submitted_line', {
            at: formatTorontoDateTime(report.submittedAt, locale),
            by: report.submittedByName ?? '—',
          })}
        </Typography>
      ) : null}
    </Stack>
  );
};

const ReviewOutcome = ({ report }: { report: ProjectReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!report.reviewedAt || (report.status !== 'accepted' && report.status !== 'returned')) return null;
  return (
    <Alert severity={report.status === 'returned' ? 'warning' : 'success'} sx={{ mb: 2 }}>
      <AlertTitle>
        {translate(`cf.projects.reports.${report.status}_line`, {
          at: formatTorontoDateTime(report.reviewedAt, locale),
          by: report.reviewedByName ?? '—',
        })}
      </AlertTitle>
      {report.reviewComment ? <span style={{ whiteSpace: 'pre-line' }}>{report.reviewComment}</span> : null}
    </Alert>
  );
};

const ReportItem = ({ project, report, initiallyOpen }: { project: Project; report: ProjectReport; initiallyOpen: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const can = useProjectCan();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [expanded, setExpanded] = useState(initiallyOpen);
  const running = isRunning(project);
  const title = reportTitle(translate, report);
  const editable = can('file_report') && running && OPEN_REPORT_STATUSES.includes(report.status);
  const reviewable = can('review_report') && running && report.status === 'submitted';
  const reschedulable = can('reschedule') && running && report.status !== 'accepted';
  const idp = `report-${report.id}`;

  return (
    <Accordion expanded={expanded} onChange={(_, open) => setExpanded(open)} variant="outlined" disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`${idp}-content`} id={`${idp}-summary`}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="span" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          <Typography component="span" variant="body2" color="text.secondary">
            {translate('cf.projects.reports.due', { date: formatCalendarDate(report.dueOn, locale) })}
          </Typography>
          <ReportStatusChip status={report.status} />
          <OverdueChip days={report.daysOverdue} />
        </Stack>
      </AccordionSummary>
      <AccordionDetails id={`${idp}-content`}>
        <ReviewOutcome report={report} />
        {editable ? <ReportForm project={project} report={report} /> : <ReportDetails report={report} />}
        {reviewable || reschedulable ? (
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            {reviewable ? (
              <>
                <ActionDialogButton
                  id={`${idp}-accept`}
                  label="cf.projects.reports.accept"
                  ariaLabel={translate('cf.projects.reports.accept_named', { report: title })}
                  title={translate('cf.projects.reports.accept_title', { report: title })}
                  explain={translate(
                    report.kind === 'final' ? 'cf.projects.reports.accept_explain_final' : 'cf.projects.reports.accept_explain',
                  )}
                  submitLabel="cf.projects.reports.accept"
                  done="cf.projects.reports.accepted"
                  variant="contained"
                  color="success"
                  icon={<CheckCircleIcon />}
                  fields={[{ name: 'comment', label: 'cf.projects.fields.comment_optional', multiline: true }]}
                  onConfirm={({ comment }) =>
                    dataProvider.reviewProjectReport(project.id, report.id, 'accept', comment || undefined)
                  }
                />
                <ActionDialogButton
                  id={`${idp}-return`}
                  label="cf.projects.reports.return"
                  ariaLabel={translate('cf.projects.reports.return_named', { report: title })}
                  title={translate('cf.projects.reports.return_title', { report: title })}
                  explain={translate('cf.projects.reports.return_explain')}
                  submitLabel="cf.projects.reports.return"
                  done="cf.projects.reports.returned"
                  variant="contained"
                  color="warning"
                  icon={<UndoIcon />}
                  fields={[{ name: 'comment', label: 'cf.projects.fields.comment', required: true, multiline: true }]}
                  onConfirm={({ comment }) => dataProvider.reviewProjectReport(project.id, report.id, 'return', comment)}
                />
              </>
            ) : null}
            {reschedulable ? (
              <RescheduleButton projectId={project.id} item="reports" itemId={report.id} name={title} dueOn={report.dueOn} />
            ) : null}
          </Stack>
        ) : null}
      </AccordionDetails>
    </Accordion>
  );
};

/**
 * The interim and final reports on their schedule, with overdue flags. The institution fills its figures and
 * spending as a draft, then submits; an officer accepts it or returns it with comments. The one to act on is open.
 */
export const ReportsPanel = ({ project }: { project: Project }) => {
  const translate = useTranslate();
  const can = useProjectCan();
  const { data, isPending, error } = useProjectReports(project.id);
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;
  const toActOn = data.find((r) =>
    can('review_report')
      ? r.status === 'submitted'
      : can('file_report') && (r.status === 'draft' || r.status === 'returned' || r.overdue),
  );
  return (
    <Box component="section" aria-labelledby="reports-heading">
      <Typography id="reports-heading" component="h2" variant="h6" gutterBottom>
        {translate('cf.projects.reports.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('cf.projects.reports.explain')}
      </Typography>
      {data.map((r) => (
        <ReportItem key={r.id} project={project} report={r} initiallyOpen={r.id === toActOn?.id} />
      ))}
    </Box>
  );
};
