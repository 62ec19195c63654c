import type { RaRecord } from 'react-admin';
import { getCurrentLocale } from '../providers/current-locale';
import type { Fund } from '../types';
import { localized } from './fund-choices';

/** "MCF-2021 — Ontario Micro-credentials Challenge Fund 2021", in the UI's language. */
export const fundRepresentation = (record: RaRecord): string => {
  const fund = record as Fund;
  const name = localized(fund, 'name', getCurrentLocale());
  return name ? `${fund.code} — ${name}` : fund.code;
};
