import { useState } from 'react';
import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Button, useDataProvider, useGetOne, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { errorMessage, errorProblems } from '../common/api-error';
import { localized } from '../funds/fund-choices';
import type { AppDataProvider } from '../providers/data-provider';
import type { Fund, Scenario } from '../types';
import { scenarioKeys } from './scenario-queries';
import {
  emptyScenarioForm,
  formFieldOf,
  SCENARIO_REGIONS,
  SCENARIO_TYPES,
  type ScenarioFormValues,
  toScenarioParams,
} from './scenario-params';

type ShareKey = 'minShareByRegion' | 'maxShareByRegion' | 'minShareByType' | 'maxShareByType';

/** The form's values of a scenario, to start a variant from it. */
export const formOf = (s: Scenario, locale: string): ScenarioFormValues => {
  const percent = (m?: Record<string, number>) =>
    Object.fromEntries(Object.entries(m ?? {}).map(([k, f]) => [k, String(Math.round(f * 10_000) / 100)]));
  const text = (n?: number) => (n === undefined ? '' : String(n));
  const p = s.params;
  return {
    ...emptyScenarioForm(),
    name: '',
    objective: p.objective ?? 'merit',
    method: p.method ?? 'optimal',
    cutLine: text(p.cutLine),
    partial: !!p.partial,
    minPercent: text(p.partial?.minPercent ?? 50),
    step: text(p.partial?.step ?? 10),
    target: text(p.targetMicroCredentials),
    maxPerInstitution:
      p.maxPerInstitutionCents === undefined
        ? ''
        : (p.maxPerInstitutionCents / 100).toFixed(2).replace('.', locale === 'fr' ? ',' : '.'),
    shareBasis: p.shareBasis ?? 'funded',
    minShareByRegion: percent(p.minShareByRegion),
    maxShareByRegion: percent(p.maxShareByRegion),
    minShareByType: percent(p.minShareByType),
    maxShareByType: percent(p.maxShareByType),
    weights: Object.fromEntries(Object.entries(p.criterionWeights ?? {}).map(([k, w]) => [k, String(w)])),
  };
};

/**
 * A new what-if scenario (program officer): its name, the objective, the method (optimizer or the ranking order),
 * the cut-line, partial funding, the micro-credential target, the cap per institution, minimum and maximum shares by
 * region and by type of institution, and the criterion weights. It is solved in the background.
 */
export const NewScenarioButton = ({ fundId, from }: { fundId: string; from?: Scenario }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data: fund } = useGetOne<Fund>('funds', { id: fundId });
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<ScenarioFormValues>(emptyScenarioForm);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const criteria = fund?.criteria ?? [];

  const start = () => {
    setValues(from ? formOf(from, locale) : emptyScenarioForm());
    setProblems({});
    setError(null);
    setOpen(true);
  };
  const set = <K extends keyof ScenarioFormValues>(key: K, value: ScenarioFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const setShare = (key: ShareKey, k: string, text: string) => setValues((v) => ({ ...v, [key]: { ...v[key], [k]: text } }));
  const help = (field: string, fallback?: string) =>
    problems[field] ? translate(problems[field], { _: problems[field] }) : fallback ? translate(fallback) : undefined;

  const submit = async () => {
    const { params, problems: local } = toScenarioParams(
      values,
      locale,
      criteria.map((c) => c.code),
    );
    const next: Record<string, string> = {};
    if (!values.name.trim()) next.name = 'cf.scenarios.problems.required';
    for (const p of local) next[p.field] = p.reason;
    setProblems(next);
    setError(null);
    if (Object.keys(next).length) return;
    setSaving(true);
    try {
      await dataProvider.createScenario({ fundId, name: values.name.trim(), params });
      await queryClient.invalidateQueries({ queryKey: scenarioKeys.fund(fundId) });
      notify('cf.scenarios.created', { type: 'success' });
      setOpen(false);
    } catch (e) {
      const server = errorProblems(e);
      if (server.length) setProblems(Object.fromEntries(server.map((p) => [formFieldOf(p.field), p.reason])));
      setError(errorMessage(e) || translate('ra.notification.http_error'));
    } finally {
      setSaving(false);
    }
  };

  const shareGrid = (kind: 'Region' | 'Type') => {
    const keys = kind === 'Region' ? SCENARIO_REGIONS : SCENARIO_TYPES;
    const labelOf = (k: string) => translate(kind === 'Region' ? `cf.regions.${k}` : `cf.institution_types.${k}`);
    return (
      <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
        <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
          {translate(`cf.scenarios.form.shares_by_${kind.toLowerCase()}`)}
        </Typography>
        <Stack spacing={1}>
          {keys.map((k) => (
            <Stack key={k} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ flex: 1, minWidth: 160 }} id={`share-${kind}-${k}`}>
                {labelOf(k)}
              </Typography>
              {(['min', 'max'] as const).map((bound) => {
                const key = `${bound}ShareBy${kind}` as ShareKey;
                const field = `${key}.${k}`;
                return (
                  <TextField
                    key={bound}
                    size="small"
                    sx={{ width: 110 }}
                    label={translate(`cf.scenarios.form.${bound}_percent`)}
                    slotProps={{ htmlInput: { 'aria-describedby': `share-${kind}-${k}`, inputMode: 'decimal' } }}
                    value={values[key][k] ?? ''}
                    onChange={(e) => setShare(key, k, e.target.value)}
                    error={!!problems[field]}
                    helperText={help(field)}
                  />
                );
              })}
            </Stack>
          ))}
          {problems[`minShareBy${kind}`] ? <Alert severity="error">{help(`minShareBy${kind}`)}</Alert> : null}
        </Stack>
      </Box>
    );
  };

  return (
    <>
      <Button label={from ? 'cf.scenarios.actions.variant' : 'cf.scenarios.actions.new'} onClick={start}>
        <AddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth aria-labelledby="new-scenario-title">
        <DialogTitle id="new-scenario-title">{translate('cf.scenarios.form.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField
              label={translate('cf.scenarios.fields.name')}
              value={values.name}
              onChange={(e) => set('name', e.target.value)}
              required
              autoFocus
              error={!!problems.name}
              helperText={help('name')}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                select
                fullWidth
                label={translate('cf.scenarios.fields.method')}
                value={values.method}
                onChange={(e) => set('method', e.target.value as ScenarioFormValues['method'])}
                helperText={translate(`cf.scenarios.method_help.${values.method}`)}
              >
                {(['optimal', 'greedy'] as const).map((m) => (
                  <MenuItem key={m} value={m}>
                    {translate(`cf.scenarios.methods.${m}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                fullWidth
                label={translate('cf.scenarios.fields.objective')}
                value={values.objective}
                onChange={(e) => set('objective', e.target.value as ScenarioFormValues['objective'])}
                helperText={translate(`cf.scenarios.objective_help.${values.objective}`)}
              >
                {(['merit', 'merit_x_request'] as const).map((o) => (
                  <MenuItem key={o} value={o}>
                    {translate(`cf.scenarios.objectives.${o}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                fullWidth
                label={translate('cf.scenarios.fields.cut_line')}
                value={values.cutLine}
                onChange={(e) => set('cutLine', e.target.value)}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                error={!!problems.cutLine}
                helperText={help('cutLine', 'cf.scenarios.form.cut_line_help')}
              />
              <TextField
                fullWidth
                label={translate('cf.scenarios.fields.target')}
                value={values.target}
                onChange={(e) => set('target', e.target.value)}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                error={!!problems.target}
                helperText={help('target', 'cf.scenarios.form.target_help')}
              />
              <TextField
                fullWidth
                label={translate('cf.scenarios.fields.max_per_institution')}
                value={values.maxPerInstitution}
                onChange={(e) => set('maxPerInstitution', e.target.value)}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                error={!!problems.maxPerInstitution}
                helperText={help('maxPerInstitution', 'cf.scenarios.form.dollars_help')}
              />
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
              <FormControlLabel
                control={<Checkbox checked={values.partial} onChange={(e) => set('partial', e.target.checked)} />}
                label={translate('cf.scenarios.fields.partial')}
              />
              {values.partial ? (
                <>
                  <TextField
                    label={translate('cf.scenarios.fields.min_percent')}
                    value={values.minPercent}
                    onChange={(e) => set('minPercent', e.target.value)}
                    error={!!problems.minPercent}
                    helperText={help('minPercent')}
                  />
                  <TextField
                    label={translate('cf.scenarios.fields.step')}
                    value={values.step}
                    onChange={(e) => set('step', e.target.value)}
                    error={!!problems.step}
                    helperText={help('step')}
                  />
                </>
              ) : null}
            </Stack>
            {criteria.length ? (
              <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
                <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
                  {translate('cf.scenarios.form.weights')}
                </Typography>
                <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {criteria.map((c) => (
                    <TextField
                      key={c.code}
                      size="small"
                      sx={{ width: 220 }}
                      label={localized(c, 'title', locale) || c.code}
                      placeholder={String(c.weight)}
                      value={values.weights[c.code] ?? ''}
                      onChange={(e) => set('weights', { ...values.weights, [c.code]: e.target.value })}
                      error={!!problems[`weights.${c.code}`]}
                      helperText={help(`weights.${c.code}`, 'cf.scenarios.form.weight_help')}
                    />
                  ))}
                </Stack>
              </Box>
            ) : null}
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              {shareGrid('Region')}
              {shareGrid('Type')}
            </Stack>
            <TextField
              select
              label={translate('cf.scenarios.fields.share_basis')}
              value={values.shareBasis}
              onChange={(e) => set('shareBasis', e.target.value as ScenarioFormValues['shareBasis'])}
            >
              {(['funded', 'envelope'] as const).map((b) => (
                <MenuItem key={b} value={b}>
                  {translate(`cf.scenarios.share_basis.${b}`)}
                </MenuItem>
              ))}
            </TextField>
            {error ? <Alert severity="error">{error}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={submit} disabled={saving}>
            {translate('cf.scenarios.actions.solve')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
