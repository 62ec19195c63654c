import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/** An ISO 8601 instant shown in Toronto time, in the UI's language. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return (
    <DateField
      showTime
      locales={locale === 'fr' ? 'fr-CA' : 'en-CA'}
      options={{ timeZone: 'America/Toronto', dateStyle: 'medium', timeStyle: 'short' }}
      {...props}
    />
  );
};
