import { apiErrorText, errorBody } from '../common/api-error';
import { formatCents } from '../common/money';

/** The i18n namespace of the awards API's error codes (409 DECISION_EXISTS, 403 FOUR_EYES...). */
export const AWARD_ERRORS = 'cf.award_errors';

const centsIn = (body: Record<string, unknown> | undefined, key: string): number | undefined => {
  const value = body?.[key] ?? (body?.details as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : undefined;
};

/**
 * A failed awards call in the UI's language: 409 ENVELOPE_EXCEEDED says what remains of the envelope
 * (formatted in the UI's language), the other codes their translation, with the API's message as the detail.
 */
export const awardErrorText = (translate: (key: string, options?: object) => string, error: unknown, locale: string) => {
  const body = errorBody(error) as Record<string, unknown> | undefined;
  if (body?.code === 'ENVELOPE_EXCEEDED') {
    const remaining = centsIn(body, 'remainingCents');
    const amount = centsIn(body, 'amountCents');
    if (remaining !== undefined) {
      return translate(amount !== undefined ? 'cf.awards.envelope_exceeded_amount' : 'cf.awards.envelope_exceeded', {
        remaining: formatCents(remaining, locale),
        amount: amount !== undefined ? formatCents(amount, locale) : '',
      });
    }
  }
  return apiErrorText(translate, error, AWARD_ERRORS);
};
