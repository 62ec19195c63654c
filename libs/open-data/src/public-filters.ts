import { ONTARIO_REGIONS } from '@cf/institutions';
import { ValidationFailedError } from '@cf/platform';
import { DELIVERY_MODES, SECTORS } from '@cf/proposals';
import { z } from 'zod';
import { OSAP_STATUSES, PUBLIC_LANGUAGES, PublicLanguage } from './domain/public-labels';

const uuid = z.uuid({ message: 'must be a UUID' });
const text = z.string().trim().max(200, { message: 'at most 200 characters' });

/** `GET /public/projects`: the list contract's sort, range and filter. */
export const PUBLIC_PROJECT_LIST_SPEC = {
  sortable: ['institutionName', 'title', 'awardCents', 'awardedOn', 'region', 'fundCode'],
  defaultSort: ['institutionName', 'ASC'] as [string, 'ASC'],
  maxPageSize: 500,
  filter: z.object({
    q: text.optional(),
    fundId: uuid.optional(),
    institutionId: uuid.optional(),
    region: z.enum(ONTARIO_REGIONS).optional(),
    sector: z.enum(SECTORS).optional(),
  }),
};
export type PublicProjectFilter = z.infer<typeof PUBLIC_PROJECT_LIST_SPEC.filter> & { id?: string[] };

/** `GET /public/micro-credentials`: the catalogue's criteria. */
export const PUBLIC_MICRO_CREDENTIAL_LIST_SPEC = {
  sortable: ['title', 'institutionName', 'sector', 'region', 'hours', 'launchOn'],
  defaultSort: ['title', 'ASC'] as [string, 'ASC'],
  maxPageSize: 500,
  filter: z.object({
    q: text.optional(),
    sector: z.enum(SECTORS).optional(),
    areaOfFocus: text.optional(),
    institutionId: uuid.optional(),
    region: z.enum(ONTARIO_REGIONS).optional(),
    deliveryMode: z.enum(DELIVERY_MODES).optional(),
    osapStatus: z.enum(OSAP_STATUSES).optional(),
    fundId: uuid.optional(),
    projectId: uuid.optional(),
  }),
};
export type PublicMicroCredentialFilter = z.infer<typeof PUBLIC_MICRO_CREDENTIAL_LIST_SPEC.filter> & { id?: string[] };

/** `lang=en|fr` (English when absent); anything else answers 400 naming `lang`. */
export function parseLang(raw: unknown): PublicLanguage {
  if (raw === undefined || raw === '') return 'en';
  if (typeof raw === 'string' && (PUBLIC_LANGUAGES as readonly string[]).includes(raw)) return raw as PublicLanguage;
  throw new ValidationFailedError([{ field: 'lang', reason: `must be one of: ${PUBLIC_LANGUAGES.join(', ')}` }]);
}
