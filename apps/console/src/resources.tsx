import type { ComponentType, ReactElement } from 'react';
import PeopleIcon from '@mui/icons-material/People';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Resource, type RaRecord } from 'react-admin';
import { canDo, canSeeResource } from './access';
import { UserList } from './users/user-list';
import { UserShow } from './users/user-show';
import { UserEdit } from './users/user-edit';
import { UserCreate } from './users/user-create';
import { InstitutionList } from './institutions/institution-list';
import { InstitutionShow } from './institutions/institution-show';
import type { Institution, User } from './types';

/**
 * The console's resources. Who sees what is in access.ts; the menu and the
 * routes are built from this list, filtered by the user's roles.
 */
export interface AppResource {
  name: string;
  /** i18n key of the menu item */
  menuLabel: string;
  icon: ComponentType;
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  recordRepresentation?: string | ((record: RaRecord) => string);
}

export const APP_RESOURCES: AppResource[] = [
  {
    name: 'users',
    menuLabel: 'cf.menu.users',
    icon: PeopleIcon,
    list: UserList,
    show: UserShow,
    edit: UserEdit,
    create: UserCreate,
    recordRepresentation: (record: RaRecord) => (record as User).displayName || (record as User).email,
  },
  {
    name: 'institutions',
    menuLabel: 'cf.menu.institutions',
    icon: AccountBalanceIcon,
    list: InstitutionList,
    show: InstitutionShow,
    recordRepresentation: (record: RaRecord) => (record as Institution).name,
  },
];

/** The resources a user with these roles may see. */
export const resourcesFor = (roles: readonly string[]): AppResource[] =>
  APP_RESOURCES.filter((resource) => canSeeResource(resource.name, roles));

/**
 * <Resource> elements for <Admin>: only the resources the user's roles allow, so
 * any other resource's URL shows "Not found" (and no request is made).
 */
export const renderResources = (permissions: unknown): ReactElement[] => {
  const roles = Array.isArray(permissions) ? (permissions as string[]) : [];
  return resourcesFor(roles).map((resource) => {
    const allowed = (action: string) => canDo(resource.name, action, roles);
    return (
      <Resource
        key={resource.name}
        name={resource.name}
        icon={resource.icon}
        list={resource.list}
        show={resource.show}
        edit={allowed('edit') ? resource.edit : undefined}
        create={allowed('create') ? resource.create : undefined}
        recordRepresentation={resource.recordRepresentation}
      />
    );
  });
};
