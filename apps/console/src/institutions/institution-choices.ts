import { INSTITUTION_TYPES, ONTARIO_REGIONS } from '../types';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const institutionTypeChoices = INSTITUTION_TYPES.map((type) => ({ id: type, name: `cf.institution_types.${type}` }));

export const regionChoices = ONTARIO_REGIONS.map((region) => ({ id: region, name: `cf.regions.${region}` }));

/** The API sorts institutions by name, type, region or createdAt (not by id, react-admin's default). */
export const INSTITUTION_SORT = { field: 'name', order: 'ASC' } as const;
