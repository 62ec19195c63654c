import PaidIcon from '@mui/icons-material/Paid';
import { Alert, Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Loading, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { formatCents } from '../common/money';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { AppDataProvider } from '../providers/data-provider';
import { ActionDialogButton } from './action-dialog';
import { useProjectCan } from './project-access';
import { DisbursementGauge, MilestoneStatusChip } from './project-fields';
import { milestoneTitle } from './project-format';
import { useProjectMilestones, useProjectPayments, useProjectTranches } from './project-queries';
import type { Project, Tranche } from './project-types';

/** Why a tranche cannot be released now (an i18n key), or null when it can. */
const blockedBy = (project: Project, tranche: Tranche): string | null => {
  if (tranche.status === 'released') return 'cf.projects.payments.why_released';
  if (project.status !== 'active') return `cf.projects.payments.why_project_${project.status}`;
  if (tranche.milestoneStatus !== 'accepted') return 'cf.projects.payments.why_milestone';
  return null;
};

/**
 * Tranches (50/40/10 % of the award, each tied to a milestone) and the payments made. An officer releases a tranche
 * once its milestone is accepted; otherwise the button is disabled and says why. The API's refusals (409: already
 * released by someone else, the award or the fund's ledger exceeded) show in the dialog.
 */
export const PaymentsPanel = ({ project }: { project: Project }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const can = useProjectCan();
  const dataProvider = useDataProvider<AppDataProvider>();
  const tranches = useProjectTranches(project.id);
  const payments = useProjectPayments(project.id);
  const milestones = useProjectMilestones(project.id);
  if (tranches.isPending || payments.isPending) return <Loading />;
  if (tranches.error || payments.error || !tranches.data || !payments.data) {
    return (
      <Alert severity="error">{errorMessage(tranches.error ?? payments.error) || translate('ra.notification.http_error')}</Alert>
    );
  }
  const money = (cents: number) => formatCents(cents, locale);
  const titleOf = (t: Tranche) => {
    const m = milestones.data?.find((x) => x.id === t.milestoneId);
    return m ? milestoneTitle(translate, m) : t.milestoneTitle;
  };

  return (
    <Stack spacing={3}>
      <Box component="section" aria-labelledby="tranches-heading">
        <Typography id="tranches-heading" component="h2" variant="h6" gutterBottom>
          {translate('cf.projects.payments.tranches')}
        </Typography>
        <Box sx={{ mb: 2 }}>
          <DisbursementGauge awardCents={project.awardCents} disbursedCents={project.disbursedCents} />
        </Box>
        <Table size="small" aria-labelledby="tranches-heading">
          <TableHead>
            <TableRow>
              <TableCell>{translate('cf.projects.payments.tranche')}</TableCell>
              <TableCell align="right">{translate('cf.projects.payments.share')}</TableCell>
              <TableCell align="right">{translate('cf.projects.payments.amount')}</TableCell>
              <TableCell>{translate('cf.projects.payments.milestone')}</TableCell>
              <TableCell>{translate('cf.projects.fields.status')}</TableCell>
              <TableCell>{translate('cf.projects.fields.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tranches.data.map((t) => {
              const n = t.position + 1;
              const why = blockedBy(project, t);
              const whyId = `tranche-${t.id}-why`;
              return (
                <TableRow key={t.id} data-testid={`tranche-${n}`}>
                  <TableCell>{translate('cf.projects.payments.tranche_n', { n })}</TableCell>
                  <TableCell align="right">{`${t.basisPoints / 100} %`}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {money(t.amountCents)}
                  </TableCell>
                  <TableCell>
                    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                      <span>{titleOf(t)}</span>
                      <MilestoneStatusChip status={t.milestoneStatus} />
                    </Stack>
                  </TableCell>
                  <TableCell>
                    {t.status === 'released' ? (
                      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                        <Chip size="small" color="success" label={translate('cf.projects.tranche_statuses.released')} />
                        <Typography variant="caption">
                          {translate('cf.projects.payments.released_line', {
                            at: formatTorontoDateTime(t.releasedAt, locale),
                            by: t.releasedByName ?? '—',
                          })}
                        </Typography>
                      </Stack>
                    ) : (
                      <Chip size="small" variant="outlined" label={translate('cf.projects.tranche_statuses.scheduled')} />
                    )}
                  </TableCell>
                  <TableCell>
                    {can('release') && t.status === 'scheduled' ? (
                      <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                        <ActionDialogButton
                          id={`tranche-release-${t.id}`}
                          label="cf.projects.payments.release"
                          ariaLabel={translate('cf.projects.payments.release_named', { n, amount: money(t.amountCents) })}
                          title={translate('cf.projects.payments.release_title', { n, amount: money(t.amountCents) })}
                          explain={translate('cf.projects.payments.release_explain', {
                            amount: money(t.amountCents),
                            institution: project.institutionName,
                            disbursed: money(project.disbursedCents),
                            award: money(project.awardCents),
                          })}
                          submitLabel="cf.projects.payments.release"
                          done="cf.projects.payments.released"
                          variant="contained"
                          icon={<PaidIcon />}
                          disabled={why !== null}
                          describedBy={why ? whyId : undefined}
                          fields={[{ name: 'note', label: 'cf.projects.fields.note', multiline: true }]}
                          onConfirm={({ note }) => dataProvider.releaseTranche(project.id, t.id, note || undefined)}
                        />
                        {why ? (
                          <Typography id={whyId} variant="caption" color="text.secondary">
                            {translate(why, { milestone: titleOf(t) })}
                          </Typography>
                        ) : null}
                      </Stack>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      <Box component="section" aria-labelledby="payments-heading">
        <Typography id="payments-heading" component="h2" variant="h6" gutterBottom>
          {translate('cf.projects.payments.payments')}
        </Typography>
        {payments.data.length === 0 ? (
          <Typography variant="body2">{translate('cf.projects.payments.none')}</Typography>
        ) : (
          <Table size="small" aria-labelledby="payments-heading">
            <TableHead>
              <TableRow>
                <TableCell>{translate('cf.projects.payments.released_at')}</TableCell>
                <TableCell>{translate('cf.projects.payments.tranche')}</TableCell>
                <TableCell align="right">{translate('cf.projects.payments.amount')}</TableCell>
                <TableCell>{translate('cf.projects.payments.released_by')}</TableCell>
                <TableCell>{translate('cf.projects.payments.note')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {payments.data.map((p) => (
                <TableRow key={p.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTorontoDateTime(p.releasedAt, locale)}</TableCell>
                  <TableCell>{translate('cf.projects.payments.tranche_n', { n: p.tranchePosition + 1 })}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {money(p.amountCents)}
                  </TableCell>
                  <TableCell>{p.releasedByName}</TableCell>
                  <TableCell>{p.note ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Stack>
  );
};
