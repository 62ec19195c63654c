import { Alert, Box, Card, CardContent, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Loading, useLocaleState, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { errorMessage } from '../common/api-error';
import { formatCents } from '../common/money';
import type { ScenarioComparison as Comparison, ScenarioMove } from '../types';
import { formatMerit } from './scenario-list';
import { SCENARIO_REGIONS, SCENARIO_TYPES } from './scenario-params';
import { useScenarioComparison } from './scenario-queries';

/** Distinguishable in grey scale too (blue, orange, green, purple, brown, pink: Tableau 10). */
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#9c755f', '#ff9da7'];

const dollars = (cents: number) => Math.round(cents / 100);

/** One grouped bar chart: for each group (region, type), the amount of each scenario. */
const GroupChart = ({
  title,
  comparison,
  field,
  keys,
  labelOf,
}: {
  title: string;
  comparison: Comparison;
  field: 'byRegion' | 'byType';
  keys: readonly string[];
  labelOf: (k: string) => string;
}) => {
  const [locale] = useLocaleState();
  const data = keys.map((k) => ({
    group: labelOf(k),
    ...Object.fromEntries(comparison.scenarios.map((s) => [s.name, dollars(s[field][k]?.cents ?? 0)])),
  }));
  const money = (v: unknown) => formatCents(Number(v) * 100, locale);
  const summary = `${title}: ${comparison.scenarios
    .map((s) => `${s.name}: ${keys.map((k) => `${labelOf(k)} ${formatCents(s[field][k]?.cents ?? 0, locale)}`).join(', ')}`)
    .join('; ')}`;
  return (
    <Box>
      <Typography component="h3" variant="h6" gutterBottom>
        {title}
      </Typography>
      <Box role="img" aria-label={summary} sx={{ width: '100%', height: 320 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ left: 24, right: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="group" tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" height={70} />
            <YAxis tickFormatter={(v) => money(v).replace(/[.,]00(?=\s?\$?$)/, '')} width={90} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => money(v)} />
            <Legend />
            {comparison.scenarios.map((s, i) => (
              <Bar key={s.id} dataKey={s.name} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
};

const Moves = ({ title, moves }: { title: string; moves: ScenarioMove[] }) => {
  const [locale] = useLocaleState();
  if (!moves.length) return null;
  return (
    <Box>
      <Typography variant="subtitle2">{title}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {moves.map((m) => (
          <li key={m.proposalId}>
            <Typography variant="body2">
              {m.trackingNumber} — {m.title}: {m.fromPercent} % → {m.toPercent} % ({formatCents(m.fromCents, locale)} →{' '}
              {formatCents(m.toCents, locale)})
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
};

/**
 * Scenarios side by side against the first one picked (the base): totals in a table (merit, funded, money, envelope
 * used, micro-credentials, gap), the money by region and by type of institution as grouped bar charts (each chart is
 * one image whose text alternative states every figure), and which proposals move in, move out or change percentage.
 */
export const ScenarioComparison = ({ ids }: { ids: string[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useScenarioComparison(ids);
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;
  const rows: [string, (s: Comparison['scenarios'][number]) => string][] = [
    ['cf.scenarios.columns.merit', (s) => formatMerit(s.totalMerit, locale)],
    ['cf.scenarios.columns.funded', (s) => String(s.count)],
    ['cf.scenarios.columns.amount', (s) => formatCents(s.totalCents, locale)],
    [
      'cf.scenarios.columns.envelope_used',
      (s) =>
        `${formatCents(s.envelopeUsedCents, locale)} (${s.envelopeCents ? Math.round((100 * s.envelopeUsedCents) / s.envelopeCents) : 0} %)`,
    ],
    ['cf.scenarios.columns.micro_credentials', (s) => String(s.microCredentials)],
    ['cf.scenarios.columns.gap', (s) => (s.gap === null ? '—' : `${(s.gap * 100).toFixed(2)} %`)],
    ['cf.scenarios.columns.moved_in', (s) => String(s.movedIn.length)],
    ['cf.scenarios.columns.moved_out', (s) => String(s.movedOut.length)],
  ];
  return (
    <Card component="section" variant="outlined" aria-labelledby="scenario-comparison-heading">
      <CardContent>
        <Typography id="scenario-comparison-heading" component="h2" variant="h3" gutterBottom>
          {translate('cf.scenarios.compare.title')}
        </Typography>
        <Table size="small" aria-labelledby="scenario-comparison-heading" sx={{ mb: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell />
              {data.scenarios.map((s, i) => (
                <TableCell key={s.id} align="right" component="th" scope="col">
                  {s.name}
                  {i === 0 ? ` (${translate('cf.scenarios.base')})` : ''}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row">
                  {translate(label)}
                </TableCell>
                {data.scenarios.map((s) => (
                  <TableCell key={s.id} align="right">
                    {value(s)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 6 }}>
            <GroupChart
              title={translate('cf.scenarios.compare.by_region')}
              comparison={data}
              field="byRegion"
              keys={SCENARIO_REGIONS}
              labelOf={(k) => translate(`cf.regions.${k}`)}
            />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <GroupChart
              title={translate('cf.scenarios.compare.by_type')}
              comparison={data}
              field="byType"
              keys={SCENARIO_TYPES}
              labelOf={(k) => translate(`cf.institution_types.${k}`)}
            />
          </Grid>
        </Grid>
        {data.scenarios.slice(1).map((s) => (
          <Box key={s.id} sx={{ mt: 2 }}>
            <Typography component="h3" variant="h6">
              {translate('cf.scenarios.compare.moves', { name: s.name, base: data.scenarios[0].name })}
            </Typography>
            {s.movedIn.length + s.movedOut.length + s.changed.length === 0 ? (
              <Typography variant="body2">{translate('cf.scenarios.compare.same')}</Typography>
            ) : (
              <>
                <Moves title={translate('cf.scenarios.columns.moved_in')} moves={s.movedIn} />
                <Moves title={translate('cf.scenarios.columns.moved_out')} moves={s.movedOut} />
                <Moves title={translate('cf.scenarios.columns.changed')} moves={s.changed} />
              </>
            )}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};
