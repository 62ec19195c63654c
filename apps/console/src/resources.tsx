import type { ComponentType, ReactElement } from 'react';
import PeopleIcon from '@mui/icons-material/People';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AssignmentIcon from '@mui/icons-material/Assignment';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SavingsIcon from '@mui/icons-material/Savings';
import { Resource, type RaRecord } from 'react-admin';
import { canDo, canSeeResource, isApplicantOnly } from './access';
import { UserList } from './users/user-list';
import { UserShow } from './users/user-show';
import { UserEdit } from './users/user-edit';
import { UserCreate } from './users/user-create';
import { InstitutionList } from './institutions/institution-list';
import { InstitutionShow } from './institutions/institution-show';
import { FundList } from './funds/fund-list';
import { FundShow } from './funds/fund-show';
import { FundEdit } from './funds/fund-edit';
import { FundCreate } from './funds/fund-create';
import { fundRepresentation } from './funds/fund-representation';
import { PartnerOrganizationList } from './partner-organizations/partner-organization-list';
import { PartnerOrganizationShow } from './partner-organizations/partner-organization-show';
import { PartnerOrganizationEdit } from './partner-organizations/partner-organization-edit';
import { PartnerOrganizationCreate } from './partner-organizations/partner-organization-create';
import { ProposalList } from './proposals/proposal-list';
import { ProposalShow } from './proposals/proposal-show';
import { ProposalEdit } from './proposals/proposal-edit';
import { ProposalCreate } from './proposals/proposal-create';
import type { Institution, PartnerOrganization, Proposal, User } from './types';

/**
 * The console's resources. Who sees what is in access.ts; the menu and the
 * routes are built from this list, filtered by the user's roles.
 */
export interface AppResource {
  name: string;
  /** i18n key of the menu item (may depend on the user's roles) */
  menuLabel: string | ((roles: readonly string[]) => string);
  icon: ComponentType;
  list?: ComponentType;
  show?: ComponentType;
  edit?: ComponentType;
  create?: ComponentType;
  recordRepresentation?: string | ((record: RaRecord) => string);
}

export const APP_RESOURCES: AppResource[] = [
  {
    name: 'proposals',
    menuLabel: (roles) => (isApplicantOnly(roles) ? 'cf.menu.my_proposals' : 'cf.menu.proposals'),
    icon: AssignmentIcon,
    list: ProposalList,
    show: ProposalShow,
    edit: ProposalEdit,
    create: ProposalCreate,
    recordRepresentation: (record: RaRecord) => (record as Proposal).title || (record as Proposal).trackingNumber || '',
  },
  {
    name: 'funds',
    menuLabel: 'cf.menu.funds',
    icon: SavingsIcon,
    list: FundList,
    show: FundShow,
    edit: FundEdit,
    create: FundCreate,
    recordRepresentation: fundRepresentation,
  },
  {
    name: 'partner-organizations',
    menuLabel: 'cf.menu.partner_organizations',
    icon: HandshakeIcon,
    list: PartnerOrganizationList,
    show: PartnerOrganizationShow,
    edit: PartnerOrganizationEdit,
    create: PartnerOrganizationCreate,
    recordRepresentation: (record: RaRecord) => (record as PartnerOrganization).name,
  },
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

/** The menu label's i18n key for these roles. */
export const menuLabelFor = (resource: AppResource, roles: readonly string[]): string =>
  typeof resource.menuLabel === 'function' ? resource.menuLabel(roles) : resource.menuLabel;

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
