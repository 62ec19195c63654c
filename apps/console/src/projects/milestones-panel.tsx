import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Loading, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import { ActionDialogButton } from './action-dialog';
import { isRunning, useProjectCan } from './project-access';
import { CalendarDate, MilestoneStatusChip, OverdueChip } from './project-fields';
import { milestoneDeliverable, milestoneTitle } from './project-format';
import { useProjectMilestones } from './project-queries';
import { RescheduleButton } from './reschedule-button';
import type { Milestone, Project } from './project-types';

const Trail = ({ milestone }: { milestone: Milestone }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack spacing={0.5}>
      {milestone.deliveredAt ? (
        <Typography variant="body2">
          {translate('cf.projects.milestones.delivered_line', {
            at: formatTorontoDateTime(milestone.deliveredAt, locale),
            by: milestone.deliveredByName ?? '—',
          })}
          {milestone.deliveryNote ? ` — ${milestone.deliveryNote}` : ''}
          {milestone.evidenceUrl ? (
            <>
              {' '}
              <Link href={milestone.evidenceUrl} target="_blank" rel="noopener noreferrer">
                {translate('cf.projects.milestones.evidence')}
              </Link>
            </>
          ) : null}
        </Typography>
      ) : null}
      {milestone.reviewedAt ? (
        <Typography variant="body2">
          {translate('cf.projects.milestones.reviewed_line', {
            at: formatTorontoDateTime(milestone.reviewedAt, locale),
            by: milestone.reviewedByName ?? '—',
          })}
          {milestone.reviewComment ? ` — ${milestone.reviewComment}` : ''}
        </Typography>
      ) : null}
    </Stack>
  );
};

/**
 * The milestones in order, with due dates and overdue flags. The institution delivers one with a note (and a link to
 * the evidence); an officer accepts it or returns it with a comment. Automatic ones follow their record (the
 * agreement, the final report).
 */
export const MilestonesPanel = ({ project }: { project: Project }) => {
  const translate = useTranslate();
  const can = useProjectCan();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useProjectMilestones(project.id);
  const running = isRunning(project);
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;

  return (
    <Box component="section" aria-labelledby="milestones-heading">
      <Typography id="milestones-heading" component="h2" variant="h6" gutterBottom>
        {translate('cf.projects.milestones.title')}
      </Typography>
      <Table size="small" aria-labelledby="milestones-heading">
        <TableHead>
          <TableRow>
            <TableCell>{translate('cf.projects.milestones.milestone')}</TableCell>
            <TableCell>{translate('cf.projects.milestones.due_on')}</TableCell>
            <TableCell>{translate('cf.projects.fields.status')}</TableCell>
            <TableCell>{translate('cf.projects.milestones.trail')}</TableCell>
            <TableCell>{translate('cf.projects.fields.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((m) => {
            const title = milestoneTitle(translate, m);
            const deliverable = !m.automatic && (m.status === 'pending' || m.status === 'returned');
            return (
              <TableRow key={m.id} data-testid={`milestone-${m.kind}`}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {milestoneDeliverable(translate, m)}
                  </Typography>
                  {m.automatic ? (
                    <Typography variant="caption" component="p" color="text.secondary">
                      {translate(`cf.projects.milestones.automatic_${m.kind}`, { _: '' })}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <CalendarDate value={m.dueOn} />
                </TableCell>
                <TableCell>
                  <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                    <MilestoneStatusChip status={m.status} />
                    <OverdueChip days={m.daysOverdue} />
                  </Stack>
                </TableCell>
                <TableCell>
                  <Trail milestone={m} />
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {can('deliver') && running && deliverable ? (
                      <ActionDialogButton
                        id={`milestone-deliver-${m.id}`}
                        label="cf.projects.milestones.deliver"
                        ariaLabel={translate('cf.projects.milestones.deliver_named', { milestone: title })}
                        title={translate('cf.projects.milestones.deliver_title', { milestone: title })}
                        explain={milestoneDeliverable(translate, m)}
                        submitLabel="cf.projects.milestones.deliver"
                        done="cf.projects.milestones.delivered"
                        icon={<LocalShippingIcon />}
                        fields={[
                          { name: 'note', label: 'cf.projects.milestones.note', required: true, multiline: true },
                          {
                            name: 'evidenceUrl',
                            label: 'cf.projects.milestones.evidence_url',
                            type: 'url',
                            helper: 'cf.projects.milestones.evidence_help',
                            maxLength: 2000,
                          },
                        ]}
                        onConfirm={({ note, evidenceUrl }) =>
                          dataProvider.deliverMilestone(project.id, m.id, note, evidenceUrl || undefined)
                        }
                      />
                    ) : null}
                    {can('review_milestone') && running && m.status === 'delivered' && !m.automatic ? (
                      <>
                        <ActionDialogButton
                          id={`milestone-accept-${m.id}`}
                          label="cf.projects.milestones.accept"
                          ariaLabel={translate('cf.projects.milestones.accept_named', { milestone: title })}
                          title={translate('cf.projects.milestones.accept_title', { milestone: title })}
                          explain={translate('cf.projects.milestones.accept_explain')}
                          submitLabel="cf.projects.milestones.accept"
                          done="cf.projects.milestones.accepted"
                          color="success"
                          icon={<CheckCircleIcon />}
                          fields={[{ name: 'comment', label: 'cf.projects.fields.comment_optional', multiline: true }]}
                          onConfirm={({ comment }) =>
                            dataProvider.reviewMilestone(project.id, m.id, 'accept', comment || undefined)
                          }
                        />
                        <ActionDialogButton
                          id={`milestone-return-${m.id}`}
                          label="cf.projects.milestones.return"
                          ariaLabel={translate('cf.projects.milestones.return_named', { milestone: title })}
                          title={translate('cf.projects.milestones.return_title', { milestone: title })}
                          explain={translate('cf.projects.milestones.return_explain')}
                          submitLabel="cf.projects.milestones.return"
                          done="cf.projects.milestones.returned"
                          variant="contained"
                          color="warning"
                          icon={<UndoIcon />}
                          fields={[{ name: 'comment', label: 'cf.projects.fields.comment', required: true, multiline: true }]}
                          onConfirm={({ comment }) => dataProvider.reviewMilestone(project.id, m.id, 'return', comment)}
                        />
                      </>
                    ) : null}
                    {can('reschedule') && running && m.status !== 'accepted' ? (
                      <RescheduleButton projectId={project.id} item="milestones" itemId={m.id} name={title} dueOn={m.dueOn} />
                    ) : null}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
};
