import { LANGUAGES, ROLES } from '../types';

/** Choices whose names are i18n keys (react-admin translates choice names). */
export const roleChoices = ROLES.map((role) => ({ id: role, name: `cf.roles.${role}` }));

export const languageChoices = LANGUAGES.map((language) => ({ id: language, name: `cf.language.${language}` }));
