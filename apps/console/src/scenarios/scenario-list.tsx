import { Fragment, useState } from 'react';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Alert,
  Checkbox,
  Chip,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents } from '../common/money';
import type { Scenario } from '../types';
import { NewScenarioButton } from './new-scenario-button';
import { ApplyScenarioButton, DeleteScenarioButton, RecomputeScenarioButton } from './scenario-actions';

const STATUS_COLOR = { queued: 'default', running: 'info', done: 'success', failed: 'error' } as const;

export const formatMerit = (n: number, locale: string) =>
  n.toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 1 });

/** "optimal (gap 0 %)", "infeasible"... */
const OutcomeChip = ({ scenario }: { scenario: Scenario }) => {
  const translate = useTranslate();
  if (scenario.status !== 'done' || !scenario.outcome) {
    return (
      <Chip size="small" color={STATUS_COLOR[scenario.status]} label={translate(`cf.scenarios.statuses.${scenario.status}`)} />
    );
  }
  const o = scenario.outcome;
  const ok = o.status === 'optimal' || o.status === 'feasible';
  if (scenario.params.method === 'greedy') {
    return (
      <Chip
        size="small"
        color={o.violations.length ? 'warning' : 'default'}
        label={translate(o.violations.length ? 'cf.scenarios.outcomes.greedy_violations' : 'cf.scenarios.outcomes.greedy')}
      />
    );
  }
  return (
    <Chip
      size="small"
      color={o.status === 'optimal' ? 'success' : ok ? 'warning' : 'error'}
      label={translate(`cf.scenarios.outcomes.${o.status}`, {
        gap: o.gap === null ? '—' : (o.gap * 100).toFixed(2),
      })}
    />
  );
};

/** The proposals a scenario funds, in rank order. */
const Selection = ({ scenario }: { scenario: Scenario }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const o = scenario.outcome;
  if (!o) return null;
  return (
    <Stack spacing={1} sx={{ py: 1 }}>
      {o.message ? <Alert severity={o.status === 'infeasible' ? 'warning' : 'info'}>{o.message}</Alert> : null}
      <Typography variant="body2">
        {translate('cf.scenarios.vs_greedy', {
          merit: formatMerit(o.totalMerit, locale),
          greedy: formatMerit(o.greedy.totalMerit, locale),
          candidates: o.candidates,
          ms: Math.round(o.durationMs),
        })}
      </Typography>
      {o.selected.length ? (
        <Table size="small" aria-label={translate('cf.scenarios.selection', { name: scenario.name })}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('cf.ranking.columns.rank')}</TableCell>
              <TableCell>{translate('cf.scenarios.columns.proposal')}</TableCell>
              <TableCell>{translate('cf.scenarios.columns.region')}</TableCell>
              <TableCell align="right">{translate('cf.scenarios.columns.merit')}</TableCell>
              <TableCell align="right">{translate('cf.scenarios.columns.percent')}</TableCell>
              <TableCell align="right">{translate('cf.scenarios.columns.amount')}</TableCell>
              <TableCell align="right">{translate('cf.scenarios.columns.micro_credentials')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {o.selected.map((s) => (
              <TableRow key={s.proposalId}>
                <TableCell>{s.rank}</TableCell>
                <TableCell>
                  {s.trackingNumber} — {s.title}
                  <Typography variant="caption" component="div">
                    {s.institutionName}
                  </Typography>
                </TableCell>
                <TableCell>{translate(`cf.regions.${s.region}`, { _: s.region })}</TableCell>
                <TableCell align="right">{formatMerit(s.merit, locale)}</TableCell>
                <TableCell align="right">{s.percent} %</TableCell>
                <TableCell align="right">{formatCents(s.amountCents, locale)}</TableCell>
                <TableCell align="right">{s.microCredentials}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Stack>
  );
};

/**
 * The fund's scenarios: status, merit, money, micro-credentials, optimality gap; a checkbox picks the scenarios to
 * compare (the first picked is the base). Officers recompute, apply, start a variant or delete.
 */
export const ScenarioList = ({
  scenarios,
  picked,
  onPick,
  canWrite,
}: {
  scenarios: Scenario[];
  picked: string[];
  onPick: (ids: string[]) => void;
  canWrite: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <TableContainer>
      <Table size="small" aria-label={translate('cf.scenarios.list_label')}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">{translate('cf.scenarios.columns.compare')}</TableCell>
            <TableCell>{translate('cf.scenarios.fields.name')}</TableCell>
            <TableCell>{translate('cf.scenarios.fields.method')}</TableCell>
            <TableCell>{translate('cf.scenarios.columns.outcome')}</TableCell>
            <TableCell align="right">{translate('cf.scenarios.columns.funded')}</TableCell>
            <TableCell align="right">{translate('cf.scenarios.columns.merit')}</TableCell>
            <TableCell align="right">{translate('cf.scenarios.columns.amount')}</TableCell>
            <TableCell align="right">{translate('cf.scenarios.columns.micro_credentials')}</TableCell>
            <TableCell>{translate('cf.scenarios.columns.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {scenarios.map((s) => {
            const o = s.outcome;
            const index = picked.indexOf(s.id);
            return (
              <Fragment key={s.id}>
                <TableRow hover selected={index >= 0}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={index >= 0}
                      disabled={!o || (index < 0 && picked.length >= 6)}
                      slotProps={{ input: { 'aria-label': translate('cf.scenarios.pick', { name: s.name }) } }}
                      onChange={(e) => onPick(e.target.checked ? [...picked, s.id] : picked.filter((id) => id !== s.id))}
                    />
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                      <IconButton
                        size="small"
                        aria-expanded={open === s.id}
                        aria-label={translate('cf.scenarios.show_selection', { name: s.name })}
                        onClick={() => setOpen(open === s.id ? null : s.id)}
                        disabled={!o}
                      >
                        {open === s.id ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                      </IconButton>
                      <span>{s.name}</span>
                      {index === 0 ? <Chip size="small" variant="outlined" label={translate('cf.scenarios.base')} /> : null}
                      {s.appliedAt ? (
                        <Chip size="small" variant="outlined" color="success" label={translate('cf.scenarios.applied')} />
                      ) : null}
                    </Stack>
                  </TableCell>
                  <TableCell>{translate(`cf.scenarios.methods.${s.params.method ?? 'optimal'}`)}</TableCell>
                  <TableCell>
                    <OutcomeChip scenario={s} />
                    {s.error ? (
                      <Typography variant="caption" color="error" component="div">
                        {s.error}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell align="right">{o ? o.count : '—'}</TableCell>
                  <TableCell align="right">{o ? formatMerit(o.totalMerit, locale) : '—'}</TableCell>
                  <TableCell align="right">{o ? formatCents(o.totalCents, locale) : '—'}</TableCell>
                  <TableCell align="right">{o ? o.microCredentials : '—'}</TableCell>
                  <TableCell>
                    {canWrite ? (
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        <ApplyScenarioButton scenario={s} />
                        <RecomputeScenarioButton scenario={s} />
                        <NewScenarioButton fundId={s.fundId} from={s} />
                        <DeleteScenarioButton scenario={s} />
                      </Stack>
                    ) : null}
                  </TableCell>
                </TableRow>
                {open === s.id ? (
                  <TableRow>
                    <TableCell colSpan={9}>
                      <Selection scenario={s} />
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
