import { createElement } from 'react';
import HomeIcon from '@mui/icons-material/Home';
import { Menu, usePermissions, useTranslate } from 'react-admin';
import { menuEntriesFor } from '../resources';

/** The sidebar: the dashboard, then the resources and pages the user's roles allow. */
export const AppMenu = () => {
  const { permissions } = usePermissions<string[]>();
  const translate = useTranslate();
  const roles = Array.isArray(permissions) ? permissions : [];
  return (
    <nav aria-label={translate('cf.menu.label')}>
      <Menu>
        <Menu.DashboardItem primaryText="cf.menu.dashboard" leftIcon={<HomeIcon />} />
        {menuEntriesFor(roles).map((entry) => (
          <Menu.Item key={entry.name} to={entry.to} primaryText={entry.label} leftIcon={createElement(entry.icon)} />
        ))}
      </Menu>
    </nav>
  );
};
