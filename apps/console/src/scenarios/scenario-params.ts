import { parseDollarsToCents } from '../common/money';
import type { ScenarioMethod, ScenarioParams } from '../types';

export const SCENARIO_REGIONS = ['central', 'eastern', 'northern', 'southwestern', 'toronto'] as const;
export const SCENARIO_TYPES = [
  'public_college',
  'public_university',
  'indigenous_institute',
  'private_career_college',
  'private_degree_granting',
] as const;

/** What a person types in the new-scenario form: text as typed (percentages, dollars), parsed on submit. */
export interface ScenarioFormValues {
  name: string;
  objective: 'merit' | 'merit_x_request';
  method: ScenarioMethod;
  cutLine: string;
  partial: boolean;
  minPercent: string;
  step: string;
  target: string;
  maxPerInstitution: string;
  shareBasis: 'funded' | 'envelope';
  minShareByRegion: Record<string, string>;
  maxShareByRegion: Record<string, string>;
  minShareByType: Record<string, string>;
  maxShareByType: Record<string, string>;
  /** criterion code -> weight as typed; blank keeps the fund's weight */
  weights: Record<string, string>;
}

export const emptyScenarioForm = (): ScenarioFormValues => ({
  name: '',
  objective: 'merit',
  method: 'optimal',
  cutLine: '',
  partial: false,
  minPercent: '50',
  step: '10',
  target: '',
  maxPerInstitution: '',
  shareBasis: 'funded',
  minShareByRegion: {},
  maxShareByRegion: {},
  minShareByType: {},
  maxShareByType: {},
  weights: {},
});

/** A problem with one field of the form: `field` names the form field, `reason` is an i18n key. */
export interface FormProblem {
  field: string;
  reason: string;
}

/** "12,5" (French) or "12.5" -> 12.5; blank -> undefined; anything else -> NaN. */
const number = (text: string): number | undefined => {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
};

/**
 * The form's values as the API's params: percentages become fractions (25 % -> 0.25), dollars become integer
 * cents (exactly), blanks are left out so the fund's defaults apply. Problems name the form field.
 */
export function toScenarioParams(
  v: ScenarioFormValues,
  locale: string,
  criterionCodes: readonly string[],
): { params: ScenarioParams; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const params: ScenarioParams = { objective: v.objective, method: v.method };
  const inRange = (field: string, text: string, min: number, max: number, integer = false) => {
    const n = number(text);
    if (n === undefined) return undefined;
    if (Number.isNaN(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      problems.push({ field, reason: integer ? 'cf.scenarios.problems.integer_range' : 'cf.scenarios.problems.range' });
      return undefined;
    }
    return n;
  };
  const cutLine = inRange('cutLine', v.cutLine, 0, 100);
  if (cutLine !== undefined) params.cutLine = cutLine;
  if (v.partial) {
    const minPercent = inRange('minPercent', v.minPercent, 1, 99, true);
    const step = inRange('step', v.step, 1, 99, true);
    if (minPercent === undefined && !problems.some((p) => p.field === 'minPercent')) {
      problems.push({ field: 'minPercent', reason: 'cf.scenarios.problems.required' });
    }
    if (step === undefined && !problems.some((p) => p.field === 'step')) {
      problems.push({ field: 'step', reason: 'cf.scenarios.problems.required' });
    }
    if (minPercent !== undefined && step !== undefined) params.partial = { minPercent, step };
  }
  const target = inRange('target', v.target, 0, 100_000, true);
  if (target !== undefined) params.targetMicroCredentials = target;
  if (v.maxPerInstitution.trim() !== '') {
    const cents = parseDollarsToCents(v.maxPerInstitution, locale);
    if (cents === null || Number.isNaN(cents) || cents < 0) {
      problems.push({ field: 'maxPerInstitution', reason: 'cf.scenarios.problems.amount' });
    } else params.maxPerInstitutionCents = cents;
  }
  const shares = (key: 'minShareByRegion' | 'maxShareByRegion' | 'minShareByType' | 'maxShareByType') => {
    const out: Record<string, number> = {};
    for (const [k, text] of Object.entries(v[key])) {
      const percent = inRange(`${key}.${k}`, text, 0, 100);
      if (percent !== undefined) out[k] = Math.round(percent * 100) / 10_000;
    }
    if (Object.keys(out).length) params[key] = out;
    const sum = Object.values(out).reduce((s, f) => s + f, 0);
    if (key.startsWith('min') && sum > 1 + 1e-9) problems.push({ field: key, reason: 'cf.scenarios.problems.shares_sum' });
  };
  shares('minShareByRegion');
  shares('maxShareByRegion');
  shares('minShareByType');
  shares('maxShareByType');
  if (params.minShareByRegion || params.maxShareByRegion || params.minShareByType || params.maxShareByType) {
    params.shareBasis = v.shareBasis;
  }
  const weights: Record<string, number> = {};
  for (const code of criterionCodes) {
    const w = inRange(`weights.${code}`, v.weights[code] ?? '', 0, 100);
    if (w !== undefined) weights[code] = w;
  }
  if (Object.keys(weights).length) params.criterionWeights = weights;
  return { params, problems };
}

/** The server's field (`params.minShareByRegion.northern`, `name`) as the form's field. */
export const formFieldOf = (serverField: string): string => {
  const f = serverField.replace(/^params\./, '');
  if (f === 'targetMicroCredentials') return 'target';
  if (f === 'maxPerInstitutionCents') return 'maxPerInstitution';
  if (f.startsWith('partial.')) return f.slice('partial.'.length);
  if (f.startsWith('criterionWeights')) return f.replace('criterionWeights', 'weights');
  return f;
};
