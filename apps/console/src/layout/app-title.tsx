import { useTranslate } from 'react-admin';

/** The application's name, translated (used as react-admin's default title). */
export const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('cf.app.title')}</>;
};
