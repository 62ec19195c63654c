import { useId, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Grid,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { LinkBase, Loading, useGetList, useLocaleState, useTranslate } from 'react-admin';
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { errorMessage } from '../common/api-error';
import { formatCents } from '../common/money';
import { formatCalendarDate } from '../common/zoned-time';
import { FUND_SORT } from '../funds/fund-choices';
import { FundPicker } from '../funds/fund-picker';
import type { Fund } from '../types';
import { useFundDashboard, useProgramDashboardFund } from './program-dashboard-queries';
import type { AtRiskProject, EnrolmentMonth, FundDashboard, MoneyGroup, OverdueItem } from './program-dashboard-types';

/** Blue and orange (Tableau 10): distinguishable with the common colour-vision deficiencies and in grey scale. */
const COMMITTED = '#4e79a7';
const DISBURSED = '#f28e2b';
const ENROLLED = '#59a14f';
const LAUNCHED = '#b07aa1';

const dollars = (cents: number) => Math.round(cents / 100);

const useFormats = () => {
  const [locale] = useLocaleState();
  const tag = locale === 'fr' ? 'fr-CA' : 'en-CA';
  return {
    locale,
    money: (cents: number) => formatCents(cents, locale),
    count: (n: number) => new Intl.NumberFormat(tag).format(n),
    date: (d: string | null) => (d ? formatCalendarDate(d, locale) : '—'),
    month: (m: string, style: 'long' | 'short' = 'long') => {
      const [y, mo] = m.split('-').map(Number);
      return new Intl.DateTimeFormat(tag, { timeZone: 'UTC', year: 'numeric', month: style }).format(
        new Date(Date.UTC(y, mo - 1, 1)),
      );
    },
  };
};

/** A chart's figures as a table, shown on demand (the chart itself is one image with a text alternative). */
const DataTable = ({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Box sx={{ mt: 1 }}>
      <Button size="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {translate(open ? 'cf.program_dashboard.table.hide' : 'cf.program_dashboard.table.show')}
      </Button>
      <Box id={id} hidden={!open} sx={{ overflowX: 'auto' }}>
        {open ? (
          <Table size="small">
            <caption>{caption}</caption>
            <TableHead>
              <TableRow>
                {headers.map((h, i) => (
                  <TableCell key={h} component="th" scope="col" align={i === 0 ? 'left' : 'right'}>
                    {h}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <TableCell key={i} component="th" scope="row">
                        {cell}
                      </TableCell>
                    ) : (
                      <TableCell key={i} align="right">
                        {cell}
                      </TableCell>
                    ),
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </Box>
    </Box>
  );
};

/** Committed against disbursed per group (region, type of institution, sector) as grouped bars. */
const MoneyChart = ({
  title,
  groups,
  labelOf,
  note,
}: {
  title: string;
  groups: MoneyGroup[];
  labelOf: (key: string) => string;
  note?: string;
}) => {
  const translate = useTranslate();
  const f = useFormats();
  const committed = translate('cf.program_dashboard.money.committed');
  const disbursed = translate('cf.program_dashboard.money.disbursed');
  const data = groups.map((g) => ({
    group: labelOf(g.key),
    committed: dollars(g.committedCents),
    disbursed: dollars(g.disbursedCents),
  }));
  const summary = translate('cf.program_dashboard.money.summary', {
    title,
    figures: groups
      .map((g) =>
        translate('cf.program_dashboard.money.figure', {
          group: labelOf(g.key),
          committed: f.money(g.committedCents),
          disbursed: f.money(g.disbursedCents),
        }),
      )
      .join('; '),
  });
  const money = (v: unknown) => f.money(Number(v) * 100);
  return (
    <Box>
      <Typography component="h4" variant="h6" gutterBottom>
        {title}
      </Typography>
      {note ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {note}
        </Typography>
      ) : null}
      {groups.length === 0 ? (
        <Typography variant="body2">{translate('cf.program_dashboard.money.none')}</Typography>
      ) : (
        <>
          <Box role="img" aria-label={summary} sx={{ width: '100%', height: 300 }}>
            <ResponsiveContainer>
              <BarChart data={data} margin={{ left: 24, right: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="group" tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" height={80} />
                <YAxis tickFormatter={(v) => money(v).replace(/[.,]00(?=\s?\$?$)/, '')} width={100} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v) => money(v)} />
                <Legend />
                <Bar dataKey="committed" name={committed} fill={COMMITTED} isAnimationActive={false} />
                <Bar dataKey="disbursed" name={disbursed} fill={DISBURSED} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <DataTable
            caption={title}
            headers={[
              translate('cf.program_dashboard.money.group'),
              committed,
              disbursed,
              translate('cf.program_dashboard.money.awards'),
            ]}
            rows={groups.map((g) => ({
              key: g.key,
              cells: [labelOf(g.key), f.money(g.committedCents), f.money(g.disbursedCents), f.count(g.awards)],
            }))}
          />
        </>
      )}
    </Box>
  );
};

const share = (n: number, of: number) => (of > 0 ? Math.max(0, Math.min(100, (100 * n) / of)) : 0);

/** Micro-credentials launched, and funded but not launched yet, against the fund's target, as one bar. */
const MicroCredentialGauge = ({ figures }: { figures: FundDashboard['microCredentials'] }) => {
  const translate = useTranslate();
  const f = useFormats();
  const { target, planned, launched, osapApproved, enrolled, expectedEnrolment } = figures;
  const scale = Math.max(target, planned, 1);
  const percent = target > 0 ? Math.round((100 * launched) / target) : 0;
  const summary = translate('cf.program_dashboard.micro.summary', {
    launched: f.count(launched),
    target: f.count(target),
    percent,
    planned: f.count(planned),
  });
  const Stat = ({ label, value, color }: { label: string; value: string; color?: string }) => (
    <Box sx={{ minWidth: 140 }}>
      <Typography component="dt" variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        {color ? (
          <Box
            component="span"
            aria-hidden="true"
            sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: color, display: 'inline-block' }}
          />
        ) : null}
        {label}
      </Typography>
      <Typography component="dd" variant="h6" sx={{ m: 0, fontWeight: 700 }}>
        {value}
      </Typography>
    </Box>
  );
  return (
    <Box>
      <Typography component="h4" variant="h6" gutterBottom>
        {translate('cf.program_dashboard.micro.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {summary}
      </Typography>
      <Box
        role="img"
        aria-label={summary}
        sx={{
          position: 'relative',
          display: 'flex',
          height: 24,
          borderRadius: 1,
          overflow: 'hidden',
          bgcolor: 'grey.300',
          border: 1,
          borderColor: 'divider',
        }}
      >
        <Box aria-hidden="true" sx={{ width: `${share(launched, scale)}%`, bgcolor: COMMITTED }} />
        <Box
          aria-hidden="true"
          sx={{
            width: `${share(Math.max(0, planned - launched), scale)}%`,
            bgcolor: 'primary.light',
            backgroundImage: 'repeating-linear-gradient(45deg, rgba(255,255,255,0.45) 0 6px, transparent 6px 12px)',
          }}
        />
        <Box
          aria-hidden="true"
          title={translate('cf.program_dashboard.micro.target')}
          sx={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: `calc(${share(target, scale)}% - 2px)`,
            width: 3,
            bgcolor: 'text.primary',
          }}
        />
      </Box>
      <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mt: 2, mb: 0 }}>
        <Stat label={translate('cf.program_dashboard.micro.launched')} value={f.count(launched)} color={COMMITTED} />
        <Stat label={translate('cf.program_dashboard.micro.planned')} value={f.count(planned)} color="primary.light" />
        <Stat label={translate('cf.program_dashboard.micro.target')} value={f.count(target)} color="text.primary" />
        <Stat label={translate('cf.program_dashboard.micro.osap')} value={f.count(osapApproved)} />
        <Stat label={translate('cf.program_dashboard.micro.enrolled')} value={f.count(enrolled)} />
        <Stat label={translate('cf.program_dashboard.micro.expected')} value={f.count(expectedEnrolment)} />
      </Box>
    </Box>
  );
};

/** Learners enrolled (area, left axis) and micro-credentials launched (line, right axis), month by month. */
const EnrolmentChart = ({ months }: { months: EnrolmentMonth[] }) => {
  const translate = useTranslate();
  const f = useFormats();
  const title = translate('cf.program_dashboard.enrolments.title');
  const enrolledLabel = translate('cf.program_dashboard.enrolments.enrolled');
  const launchedLabel = translate('cf.program_dashboard.enrolments.launched');
  const figure = (m: EnrolmentMonth) =>
    translate('cf.program_dashboard.enrolments.figure', {
      month: f.month(m.month),
      enrolled: f.count(m.enrolled),
      launched: f.count(m.launched),
    });
  // the series is cumulative: the months where it changes say everything (the others repeat the month before)
  const changes = months.filter(
    (m, i) => i === 0 || m.enrolled !== months[i - 1].enrolled || m.launched !== months[i - 1].launched,
  );
  const summary = months.length
    ? translate('cf.program_dashboard.enrolments.summary', {
        from: f.month(months[0].month),
        to: f.month(months[months.length - 1].month),
        figures: changes.map(figure).join('; '),
      })
    : '';
  return (
    <Box>
      <Typography component="h4" variant="h6" gutterBottom>
        {title}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('cf.program_dashboard.enrolments.help')}
      </Typography>
      {months.length === 0 ? (
        <Typography variant="body2">{translate('cf.program_dashboard.enrolments.none')}</Typography>
      ) : (
        <>
          <Box role="img" aria-label={summary} sx={{ width: '100%', height: 300 }}>
            <ResponsiveContainer>
              <ComposedChart
                data={months.map((m) => ({ ...m, label: f.month(m.month, 'short') }))}
                margin={{ left: 8, right: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} angle={-20} textAnchor="end" height={60} />
                <YAxis yAxisId="enrolled" allowDecimals={false} tickFormatter={(v) => f.count(Number(v))} width={60} />
                <YAxis yAxisId="launched" orientation="right" allowDecimals={false} width={40} />
                <Tooltip formatter={(v) => f.count(Number(v))} />
                <Legend />
                <Area
                  yAxisId="enrolled"
                  type="stepAfter"
                  dataKey="enrolled"
                  name={enrolledLabel}
                  stroke={ENROLLED}
                  fill={ENROLLED}
                  fillOpacity={0.3}
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="launched"
                  type="stepAfter"
                  dataKey="launched"
                  name={launchedLabel}
                  stroke={LAUNCHED}
                  strokeWidth={2}
                  strokeDasharray="6 3"
                  dot={false}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </Box>
          <DataTable
            caption={title}
            headers={[translate('cf.program_dashboard.enrolments.month'), enrolledLabel, launchedLabel]}
            rows={months.map((m) => ({ key: m.month, cells: [f.month(m.month), f.count(m.enrolled), f.count(m.launched)] }))}
          />
        </>
      )}
    </Box>
  );
};

const OverdueText = ({ item }: { item: OverdueItem }) => {
  const translate = useTranslate();
  const f = useFormats();
  const name =
    item.itemKind === 'other'
      ? item.title
      : translate(`cf.program_dashboard.items.${item.kind === 'report' ? `report_${item.itemKind}` : item.itemKind}`, {
          _: item.title,
        });
  return (
    <>
      {translate('cf.program_dashboard.at_risk.item', {
        what: item.kind === 'milestone' ? translate('cf.program_dashboard.at_risk.milestone', { name }) : name,
        due: f.date(item.dueOn),
        smart_count: item.daysOverdue,
      })}
    </>
  );
};

/** Running projects with a milestone or report past its due date, most days overdue first. */
const AtRiskTable = ({ projects }: { projects: AtRiskProject[] }) => {
  const translate = useTranslate();
  const f = useFormats();
  return (
    <Box component="section" aria-labelledby="at-risk-heading">
      <Typography id="at-risk-heading" component="h3" variant="h5" gutterBottom>
        {translate('cf.program_dashboard.at_risk.title', { smart_count: projects.length })}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('cf.program_dashboard.at_risk.help')}
      </Typography>
      {projects.length === 0 ? (
        <Alert severity="success">{translate('cf.program_dashboard.at_risk.none')}</Alert>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="at-risk-heading">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {translate('cf.program_dashboard.at_risk.project')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {translate('cf.program_dashboard.at_risk.institution')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {translate('cf.program_dashboard.at_risk.overdue')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {translate('cf.program_dashboard.at_risk.since')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {translate('cf.program_dashboard.at_risk.next_due')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {projects.map((p) => (
                <TableRow key={p.projectId}>
                  <TableCell component="th" scope="row">
                    <Link component={LinkBase} to={`/projects/${encodeURIComponent(p.projectId)}/show`}>
                      {p.title}
                    </Link>
                    {p.trackingNumber ? (
                      <Typography variant="caption" component="div">
                        {p.trackingNumber}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>{p.institutionName}</TableCell>
                  <TableCell>
                    <Box component="ul" sx={{ m: 0, pl: 2 }}>
                      {p.overdue.map((item) => (
                        <li key={item.id}>
                          <OverdueText item={item} />
                        </li>
                      ))}
                    </Box>
                  </TableCell>
                  <TableCell>
                    {f.date(p.overdueSince)}
                    <Typography variant="caption" component="div">
                      {translate('cf.program_dashboard.at_risk.days', { smart_count: p.daysOverdue })}
                    </Typography>
                  </TableCell>
                  <TableCell>{f.date(p.nextDueOn)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
};

const Figures = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const f = useFormats();
  const { data, isPending, error } = useFundDashboard(fundId);
  if (isPending) return <Loading />;
  if (error || !data) return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;
  const { totals } = data;
  const sector = (k: string) =>
    k === 'unspecified' ? translate('cf.program_dashboard.money.unspecified') : translate(`cf.sectors.${k}`, { _: k });
  const kpis: [string, string][] = [
    ['cf.program_dashboard.kpi.projects', f.count(totals.projects)],
    ['cf.program_dashboard.kpi.committed', f.money(totals.committedCents)],
    ['cf.program_dashboard.kpi.disbursed', f.money(totals.disbursedCents)],
    ['cf.program_dashboard.kpi.remaining', f.money(totals.remainingCents)],
    ['cf.program_dashboard.kpi.at_risk', f.count(totals.atRiskProjects)],
    [
      'cf.program_dashboard.kpi.launched',
      translate('cf.program_dashboard.kpi.of_target', {
        launched: f.count(data.microCredentials.launched),
        target: f.count(data.microCredentials.target),
      }),
    ],
  ];
  return (
    <Stack spacing={3} sx={{ mt: 2 }}>
      <Typography variant="body2">{translate('cf.program_dashboard.as_of', { today: f.date(data.today) })}</Typography>
      <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', m: 0 }}>
        {kpis.map(([label, value]) => (
          <Box key={label} sx={{ minWidth: 150 }}>
            <Typography component="dt" variant="caption">
              {translate(label)}
            </Typography>
            <Typography component="dd" variant="h6" sx={{ m: 0, fontWeight: 700, whiteSpace: 'nowrap' }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      <AtRiskTable projects={data.atRisk} />
      <Box component="section" aria-labelledby="money-heading">
        <Typography id="money-heading" component="h3" variant="h5" gutterBottom>
          {translate('cf.program_dashboard.money.title')}
        </Typography>
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, lg: 6 }}>
            <MoneyChart
              title={translate('cf.program_dashboard.money.by_region')}
              groups={data.byRegion}
              labelOf={(k) => translate(`cf.regions.${k}`, { _: k })}
            />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <MoneyChart
              title={translate('cf.program_dashboard.money.by_type')}
              groups={data.byInstitutionType}
              labelOf={(k) => translate(`cf.institution_types.${k}`, { _: k })}
            />
          </Grid>
          <Grid size={{ xs: 12 }}>
            <MoneyChart
              title={translate('cf.program_dashboard.money.by_sector')}
              groups={data.bySector}
              labelOf={sector}
              note={translate('cf.program_dashboard.money.sector_note')}
            />
          </Grid>
        </Grid>
      </Box>
      <Box component="section" aria-labelledby="micro-heading">
        <Typography id="micro-heading" component="h3" variant="h5" gutterBottom>
          {translate('cf.program_dashboard.micro.heading')}
        </Typography>
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, lg: 5 }}>
            <MicroCredentialGauge figures={data.microCredentials} />
          </Grid>
          <Grid size={{ xs: 12, lg: 7 }}>
            <EnrolmentChart months={data.enrolmentsByMonth} />
          </Grid>
        </Grid>
      </Box>
    </Stack>
  );
};

/**
 * The program officers' view of a fund's funded projects, on the dashboard of staff (officers act on it; approvers
 * and admins read): projects at risk, money committed against disbursed by region, type of institution and sector,
 * micro-credentials launched against the target and enrolments by month. Each chart is one image whose text
 * alternative states its figures, with its data table on demand.
 */
export const ProgramDashboard = () => {
  const translate = useTranslate();
  const [picked, setPicked] = useProgramDashboardFund();
  const { data: funds } = useGetList<Fund>('funds', { pagination: { page: 1, perPage: 200 }, sort: FUND_SORT, filter: {} });
  // until one is picked: the latest fund whose intake is closed (where the awards and projects are)
  const fundId = picked ?? funds?.find((fund) => fund.intake === 'closed')?.id;
  return (
    <Card component="section" aria-labelledby="program-dashboard-heading">
      <CardContent>
        <Typography id="program-dashboard-heading" component="h2" variant="h3" gutterBottom>
          {translate('cf.program_dashboard.title')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <FundPicker value={fundId} onChange={setPicked} id="program-dashboard-fund" />
        </Box>
        {fundId ? (
          <Figures fundId={fundId} />
        ) : (
          <Typography sx={{ mt: 2 }}>{translate('cf.program_dashboard.pick_fund')}</Typography>
        )}
      </CardContent>
    </Card>
  );
};
