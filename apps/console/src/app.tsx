import { Admin } from 'react-admin';
import { Dashboard } from './dashboard/dashboard';
import { AppLayout } from './layout/app-layout';
import { AppTitle } from './layout/app-title';
import { LoginPage } from './login/login-page';
import { authProvider } from './providers/auth-provider';
import { dataProvider } from './providers/data-provider';
import { i18nProvider } from './providers/i18n-provider';
import { store } from './providers/store';
import { publicRoutes } from './public/public-routes';
import { renderResources } from './resources';
import { theme } from './theme';

export const App = () => (
  <Admin
    title={<AppTitle />}
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={theme}
    layout={AppLayout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    requireAuth
    disableTelemetry
  >
    {publicRoutes}
    {renderResources}
  </Admin>
);
