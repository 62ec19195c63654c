import type { TranslateFunction } from 'react-admin';
import { localized } from '../funds/fund-choices';
import type { Criterion } from '../types';

const ITEM_SECTIONS = new Set(['microCredentials', 'partners', 'budget', 'contacts']);

/**
 * A person's words for a field path of the API (`microCredentials.0.hours`,
 * `narratives.employer_responsive`, `partners.1.letterAttachmentId`...).
 */
export const problemLabel = (
  field: string,
  translate: TranslateFunction,
  criteria: readonly Criterion[] = [],
  locale = 'en',
): string => {
  const parts = field.split('.');
  const section = parts[0];
  const sectionLabel = translate(`resources.proposals.fields.${section}`, { _: section });
  if (section === 'narratives' && parts[1]) {
    const criterion = criteria.find((c) => c.code === parts[1]);
    return `${sectionLabel} › ${criterion ? localized(criterion, 'title', locale) : parts[1]}`;
  }
  if (ITEM_SECTIONS.has(section) && parts.length >= 2 && /^\d+$/.test(parts[1])) {
    const item = translate(`cf.proposal_items.${section}.item`, {
      number: Number(parts[1]) + 1,
      _: `${sectionLabel} ${Number(parts[1]) + 1}`,
    });
    if (parts.length === 2) return item;
    const rest = parts.slice(2).join('.');
    return `${item} › ${translate(`cf.proposal_items.${section}.${rest}`, { _: rest })}`;
  }
  return sectionLabel;
};
