import { CustomRoutes, Navigate, reactRouterProvider, useLocation } from 'react-admin';
import { FundedProjectPage } from './funded-project-page';
import { FundedProjectsPage } from './funded-projects-page';
import { MicroCredentialsCataloguePage } from './micro-credentials-catalogue-page';
import { OpenDataPage } from './open-data-page';
import { PUBLIC_PATHS } from './public-paths';

const { Route } = reactRouterProvider;

/** `/public` opens the catalogue, keeping `?lang=`. */
const PublicIndex = () => {
  const { search } = useLocation();
  return <Navigate to={`${PUBLIC_PATHS.catalogue}${search}`} replace />;
};

/**
 * The public pages: outside the layout and the sign-in (react-admin renders `noLayout` custom routes whatever the
 * authentication), so anyone can open `#/public/micro-credentials?lang=fr`.
 */
export const publicRoutes = (
  <CustomRoutes noLayout key="public">
    <Route path="/public" element={<PublicIndex />} />
    <Route path={PUBLIC_PATHS.catalogue} element={<MicroCredentialsCataloguePage />} />
    <Route path={PUBLIC_PATHS.projects} element={<FundedProjectsPage />} />
    <Route path={`${PUBLIC_PATHS.projects}/:id`} element={<FundedProjectPage />} />
    <Route path={PUBLIC_PATHS.openData} element={<OpenDataPage />} />
  </CustomRoutes>
);
