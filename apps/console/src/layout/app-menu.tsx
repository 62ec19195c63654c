import { createElement } from 'react';
import HomeIcon from '@mui/icons-material/Home';
import { Menu, usePermissions, useTranslate } from 'react-admin';
import { menuLabelFor, resourcesFor } from '../resources';

/** The sidebar: the dashboard, then the resources the user's roles allow. */
export const AppMenu = () => {
  const { permissions } = usePermissions<string[]>();
  const translate = useTranslate();
  const roles = Array.isArray(permissions) ? permissions : [];
  return (
    <nav aria-label={translate('cf.menu.label')}>
      <Menu>
        <Menu.DashboardItem primaryText="cf.menu.dashboard" leftIcon={<HomeIcon />} />
        {resourcesFor(roles)
          .filter((resource) => resource.list)
          .map((resource) => (
            <Menu.Item
              key={resource.name}
              to={`/${resource.name}`}
              primaryText={menuLabelFor(resource, roles)}
              leftIcon={createElement(resource.icon)}
            />
          ))}
      </Menu>
    </nav>
  );
};
