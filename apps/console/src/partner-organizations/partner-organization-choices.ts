import { ORGANIZATION_SIZES, PARTNER_KINDS } from '../types';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const partnerKindChoices = PARTNER_KINDS.map((kind) => ({ id: kind, name: `cf.partner_kinds.${kind}` }));

export const organizationSizeChoices = ORGANIZATION_SIZES.map((size) => ({ id: size, name: `cf.organization_sizes.${size}` }));

/** The API sorts partner organizations by name, kind, sector, region or size (not by id). */
export const PARTNER_ORGANIZATION_SORT = { field: 'name', order: 'ASC' } as const;
