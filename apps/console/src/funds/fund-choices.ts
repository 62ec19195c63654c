import { FUND_STATUSES, INTAKE_STATES } from '../types';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const fundStatusChoices = FUND_STATUSES.map((status) => ({ id: status, name: `cf.fund_statuses.${status}` }));

export const intakeChoices = INTAKE_STATES.map((state) => ({ id: state, name: `cf.intake.${state}` }));

/** The API sorts funds by code, closesAt, opensAt, status or createdAt (not by id, react-admin's default). */
export const FUND_SORT = { field: 'closesAt', order: 'DESC' } as const;

/** A fund's name, description, criterion title or guidance in the UI's language. */
export const localized = (record: object | undefined, field: string, locale: string): string => {
  if (!record) return '';
  const values = record as Record<string, unknown>;
  const fr = values[`${field}Fr`];
  const en = values[`${field}En`];
  const preferred = locale === 'fr' ? fr : en;
  return String(preferred || en || fr || '');
};
