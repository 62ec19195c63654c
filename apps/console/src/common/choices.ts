import { ONTARIO_REGIONS, PARTNER_REGIONS, SECTORS } from '../types';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const sectorChoices = SECTORS.map((sector) => ({ id: sector, name: `cf.sectors.${sector}` }));

/** Ontario's regions and "outside Ontario". */
export const partnerRegionChoices = PARTNER_REGIONS.map((region) => ({ id: region, name: `cf.regions.${region}` }));

/** Ontario's regions (reviewers' regions). */
export const ontarioRegionChoices = ONTARIO_REGIONS.map((region) => ({ id: region, name: `cf.regions.${region}` }));
