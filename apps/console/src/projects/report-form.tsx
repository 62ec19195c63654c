import { useEffect, useState } from 'react';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, InputAdornment, Stack, TextField, Typography } from '@mui/material';
import { Confirm, useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorBody, errorProblems } from '../common/api-error';
import { centsToInputText, formatCents, parseDollarsToCents } from '../common/money';
import type { AppDataProvider } from '../providers/data-provider';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../types';
import { projectErrorText } from './project-format';
import type { Project, ProjectReport, ReportDraft } from './project-types';

export const REPORT_COUNTS = ['enrolments', 'completions', 'employedOrAdvanced', 'employerPartners'] as const;
type Count = (typeof REPORT_COUNTS)[number];

interface Values {
  counts: Record<Count, string>;
  spending: Record<BudgetCategory, string>;
  narrative: string;
}

const valuesOf = (report: ProjectReport, locale: string): Values => ({
  counts: Object.fromEntries(REPORT_COUNTS.map((c) => [c, report[c] === null ? '' : String(report[c])])) as Record<Count, string>,
  spending: Object.fromEntries(
    BUDGET_CATEGORIES.map((c) => [c, centsToInputText(report.spending.find((s) => s.category === c)?.amountCents, locale)]),
  ) as Record<BudgetCategory, string>,
  narrative: report.narrative ?? '',
});

/** The values as the API's draft, or the problems that keep them from being one (field → i18n message). */
const draftOf = (values: Values, version: number, locale: string): { draft: ReportDraft; problems: Record<string, string> } => {
  const problems: Record<string, string> = {};
  const count = (c: Count): number | null => {
    const text = values.counts[c].trim();
    if (text === '') return null;
    if (!/^\d+$/.test(text)) {
      problems[c] = 'cf.validation.whole_number';
      return null;
    }
    return Number(text);
  };
  const counts = Object.fromEntries(REPORT_COUNTS.map((c) => [c, count(c)])) as Record<Count, number | null>;
  const spending: ReportDraft['spending'] = [];
  for (const category of BUDGET_CATEGORIES) {
    const cents = parseDollarsToCents(values.spending[category], locale);
    if (cents === null) continue;
    if (Number.isNaN(cents)) problems[`spending.${category}`] = 'cf.validation.amount_invalid';
    else spending.push({ category, amountCents: cents });
  }
  return { draft: { version, ...counts, spending, narrative: values.narrative }, problems };
};

/**
 * The institution's report: the figures (enrolments, completions, learners employed or advanced within 6 months,
 * employer partners engaged) and the spending by budget category, saved as a draft, then submitted. The server
 * checks the figures (400 per field on a save, 422 REPORT_INCOMPLETE per field on a submit): the problems show on
 * their fields.
 */
export const ReportForm = ({ project, report }: { project: Project; report: ProjectReport }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [values, setValues] = useState<Values>(() => valuesOf(report, locale));
  const [version, setVersion] = useState(report.version);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const idp = `report-${report.id}`;

  // a newer version read from the server (after a save here, or elsewhere) becomes the one we write over
  useEffect(() => setVersion((v) => Math.max(v, report.version)), [report.version]);

  const totalCents = BUDGET_CATEGORIES.reduce((sum, c) => {
    const cents = parseDollarsToCents(values.spending[c], locale);
    return sum + (typeof cents === 'number' && !Number.isNaN(cents) ? cents : 0);
  }, 0);

  /** The server's problems on their fields: `spending.<index>.category` points at the index-th line sent. */
  const showServerProblems = (e: unknown, sent: ReportDraft) => {
    const byField: Record<string, string> = {};
    for (const { field, reason } of errorProblems(e)) {
      const line = /^spending\.(\d+)/.exec(field);
      const key = line ? `spending.${sent.spending[Number(line[1])]?.category ?? ''}` : field;
      byField[key] = byField[key] ? `${byField[key]}; ${reason}` : reason;
    }
    setProblems(byField);
    setError(projectErrorText(translate, e, locale));
  };

  const save = async (thenSubmit: boolean) => {
    const { draft, problems: local } = draftOf(values, version, locale);
    setError(null);
    if (Object.keys(local).length) {
      setProblems(Object.fromEntries(Object.entries(local).map(([k, v]) => [k, translate(v)])));
      setError(translate('cf.projects.reports.fix_fields'));
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const saved = await dataProvider.saveProjectReport(project.id, report.id, draft);
      setVersion(saved.version);
      if (thenSubmit) {
        try {
          await dataProvider.submitProjectReport(project.id, report.id, saved.version);
        } catch (e) {
          showServerProblems(e, draft);
          refresh();
          return;
        }
        notify('cf.projects.reports.submitted', { type: 'success' });
      } else {
        notify('cf.projects.reports.saved', { type: 'success' });
      }
      refresh();
    } catch (e) {
      showServerProblems(e, draft);
      if (errorBody(e)?.code === 'STALE_VERSION') refresh();
    } finally {
      setBusy(false);
    }
  };

  const countField = (c: Count) => (
    <TextField
      key={c}
      id={`${idp}-${c}`}
      label={translate(`cf.projects.reports.fields.${c}`)}
      value={values.counts[c]}
      onChange={(event) => setValues((v) => ({ ...v, counts: { ...v.counts, [c]: event.target.value } }))}
      error={!!problems[c]}
      helperText={problems[c] ?? translate(`cf.projects.reports.help.${c}`)}
      size="small"
      sx={{ width: { xs: '100%', sm: 330 } }}
      slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
    />
  );

  const dollar = <InputAdornment position={locale === 'fr' ? 'end' : 'start'}>$</InputAdornment>;

  return (
    <Box component="form" noValidate aria-labelledby={`${idp}-form-heading`} onSubmit={(e) => e.preventDefault()}>
      <Typography id={`${idp}-form-heading`} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('cf.projects.reports.figures')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', my: 1 }}>
        {REPORT_COUNTS.map(countField)}
      </Stack>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, mt: 2 }}>
        {translate('cf.projects.reports.spending')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(report.kind === 'final' ? 'cf.projects.reports.spending_help_final' : 'cf.projects.reports.spending_help')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', my: 1 }}>
        {BUDGET_CATEGORIES.map((c) => (
          <TextField
            key={c}
            id={`${idp}-spending-${c}`}
            label={translate(`cf.budget_categories.${c}`)}
            value={values.spending[c]}
            onChange={(event) => setValues((v) => ({ ...v, spending: { ...v.spending, [c]: event.target.value } }))}
            onBlur={() => {
              const cents = parseDollarsToCents(values.spending[c], locale);
              if (typeof cents === 'number' && !Number.isNaN(cents)) {
                setValues((v) => ({ ...v, spending: { ...v.spending, [c]: centsToInputText(cents, locale) } }));
              }
            }}
            error={!!problems[`spending.${c}`]}
            helperText={problems[`spending.${c}`] ?? ' '}
            size="small"
            sx={{ width: { xs: '100%', sm: 330 } }}
            slotProps={{
              input: locale === 'fr' ? { endAdornment: dollar } : { startAdornment: dollar },
              htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
            }}
          />
        ))}
      </Stack>
      <Typography variant="body2" aria-live="polite" sx={{ fontWeight: 600 }}>
        {translate('cf.projects.reports.spending_total', {
          total: formatCents(totalCents, locale),
          award: formatCents(project.awardCents, locale),
        })}
      </Typography>
      {problems.spending ? (
        <Typography variant="body2" color="error" role="alert">
          {problems.spending}
        </Typography>
      ) : null}
      <TextField
        id={`${idp}-narrative`}
        label={translate('cf.projects.reports.fields.narrative')}
        value={values.narrative}
        onChange={(event) => setValues((v) => ({ ...v, narrative: event.target.value }))}
        error={!!problems.narrative}
        helperText={problems.narrative ?? translate('cf.projects.reports.help.narrative')}
        multiline
        minRows={4}
        fullWidth
        margin="normal"
        slotProps={{ htmlInput: { maxLength: 20_000 } }}
      />
      {error ? (
        <Alert severity="error" role="alert" sx={{ my: 1 }}>
          {error}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="outlined" startIcon={<SaveIcon />} disabled={busy} onClick={() => void save(false)}>
          {translate('cf.projects.reports.save_draft')}
        </Button>
        <Button variant="contained" startIcon={<SendIcon />} disabled={busy} onClick={() => setConfirming(true)}>
          {translate('cf.projects.reports.submit')}
        </Button>
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="cf.projects.reports.submit_title"
        content="cf.projects.reports.submit_explain"
        confirm="cf.projects.reports.submit"
        onConfirm={() => {
          setConfirming(false);
          void save(true);
        }}
        onClose={() => setConfirming(false)}
      />
    </Box>
  );
};
