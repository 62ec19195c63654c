import type { TranslateFunction } from 'react-admin';
import { formatCents } from '../common/money';
import type { FieldProblem } from '../types';

/**
 * A problem in the user's language: the rule's translation (`cf.rules.<code>`) with its parameters (amounts in
 * cents formatted as money, an institution type by its name), or the server's English sentence when the code is
 * unknown to this console.
 */
export const problemReason = (p: FieldProblem, translate: TranslateFunction, locale: string): string => {
  if (!p.code) return p.reason;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(p.params ?? {})) {
    if (key.endsWith('Cents') && typeof value === 'number') params[key.slice(0, -'Cents'.length)] = formatCents(value, locale);
    else if (key === 'type') params.type = translate(`cf.institution_types.${value}`, { _: String(value) });
    else params[key] = value;
  }
  return translate(`cf.rules.${p.code}`, { ...params, _: p.reason });
};
