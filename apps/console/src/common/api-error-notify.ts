import { useNotify, useTranslate } from 'react-admin';
import { apiErrorText } from './api-error';

/**
 * Notifies a failed call: the translated meaning of the API's error code under `namespace` (409
 * MAX_LOAD, CONFLICT_OF_INTEREST...), with the API's message as the detail.
 */
export const useNotifyApiError = (namespace: string | readonly string[]) => {
  const notify = useNotify();
  const translate = useTranslate();
  return (error: unknown) =>
    notify('cf.api_error', {
      type: 'error',
      multiLine: true,
      messageArgs: { message: apiErrorText(translate, error, namespace) },
    });
};
