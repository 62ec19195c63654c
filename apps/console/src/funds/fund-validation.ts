import { maxLength, maxValue, minLength, minValue, number, regex, required, type Validator } from 'react-admin';
import type { Criterion, Fund } from '../types';

const integer: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(value) ? undefined : 'cf.validation.whole_number';

/** The latest date must not be before the earliest. */
const notBefore =
  (other: string): Validator =>
  (value: unknown, values: Record<string, unknown>) =>
    typeof value === 'string' &&
    typeof values?.[other] === 'string' &&
    value &&
    values[other] &&
    value < (values[other] as string)
      ? 'cf.validation.date_before_earliest'
      : undefined;

/** The fund closes after it opens. */
const afterOpening: Validator = (value: unknown, values: Record<string, unknown>) =>
  typeof value === 'string' && typeof values?.opensAt === 'string' && Date.parse(value) <= Date.parse(values.opensAt as string)
    ? 'cf.validation.closes_after_opens'
    : undefined;

const positiveCents = [required(), minValue(1, 'cf.validation.amount_positive')];

export const validateFundCode = [required(), regex(/^[A-Z0-9][A-Z0-9-]{1,30}$/, 'cf.validation.fund_code')];
export const validateName = [required(), maxLength(300)];
export const validateDescription = [maxLength(10000)];
export const validateEnvelope = positiveCents;
export const validateCap = positiveCents;
export const validateStatus = [required()];
export const validateOpensAt = [required()];
export const validateClosesAt = [required(), afterOpening];
export const validateInstitutionTypes = [required('cf.validation.institution_types_required')];
export const validateStackMin = [required(), number(), integer, minValue(2), maxValue(100)];
export const validateSubmissionsPerInstitution = [required(), number(), integer, minValue(1), maxValue(1000)];
export const validateTargetCredentials = [required(), number(), integer, minValue(1), maxValue(100000)];
export const validateLaunchLatest = [notBefore('launchEarliest')];
export const validateCriteria = [required('cf.validation.criteria_required'), minLength(1, 'cf.validation.criteria_required')];
export const validateCriterionCode = [required(), regex(/^[a-z][a-z0-9_]{1,40}$/, 'cf.validation.criterion_code')];
export const validateCriterionTitle = [required(), maxLength(300)];
export const validateGuidance = [maxLength(5000)];
export const validateWeight = [required(), number(), minValue(0.001), maxValue(1000)];
export const validateScaleMin = [required(), number(), integer, minValue(0), maxValue(100)];
export const validateScaleMax = [required(), number(), integer, minValue(1), maxValue(100)];

const CRITERION_FIELDS = ['code', 'titleEn', 'titleFr', 'guidanceEn', 'guidanceFr', 'weight', 'scaleMin', 'scaleMax'] as const;

/** The body of POST /api/funds and PUT /api/funds/:id (the full record, with the version read). */
export const toFundPayload = (values: Partial<Fund>) => ({
  code: values.code?.trim(),
  nameEn: values.nameEn,
  nameFr: values.nameFr,
  descriptionEn: values.descriptionEn ?? '',
  descriptionFr: values.descriptionFr ?? '',
  envelopeCents: values.envelopeCents,
  opensAt: values.opensAt,
  closesAt: values.closesAt,
  timeZone: 'America/Toronto',
  eligibleInstitutionTypes: values.eligibleInstitutionTypes ?? [],
  capSingleCents: values.capSingleCents,
  capStackCents: values.capStackCents,
  stackMinCredentials: values.stackMinCredentials,
  submissionsPerInstitution: values.submissionsPerInstitution,
  targetCredentials: values.targetCredentials,
  launchEarliest: values.launchEarliest || null,
  launchLatest: values.launchLatest || null,
  status: values.status,
  criteria: (values.criteria ?? []).map((criterion: Partial<Criterion>) => {
    const out: Record<string, unknown> = {};
    for (const key of CRITERION_FIELDS) out[key] = criterion[key] ?? (key.startsWith('guidance') ? '' : criterion[key]);
    return out;
  }),
  ...(values.version !== undefined ? { version: values.version } : {}),
});
