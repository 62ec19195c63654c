import type { ComponentType, ReactElement } from 'react';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import PeopleIcon from '@mui/icons-material/People';
import RateReviewIcon from '@mui/icons-material/RateReview';
import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AssignmentIcon from '@mui/icons-material/Assignment';
import HandshakeIcon from '@mui/icons-material/Handshake';
import SavingsIcon from '@mui/icons-material/Savings';
import PaidIcon from '@mui/icons-material/Paid';
import SummarizeIcon from '@mui/icons-material/Summarize';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { CustomRoutes, reactRouterProvider, Resource, type RaRecord } from 'react-admin';
import { canDo, canSeeResource, isApplicantOnly, isReviewerOnly } from './access';
import { AssignmentList } from './assignments/assignment-list';
import { AwardsPage, AWARDS_PATH } from './awards/awards-page';
import { ScenariosPage, SCENARIOS_PATH } from './scenarios/scenarios-page';
import { AssignmentShow } from './assignments/assignment-show';
import { assignmentLabel } from './assignments/assignment-fields';
import { RankingPage, RANKING_PATH } from './ranking/ranking-page';
import { ReviewBoardPage, REVIEW_BOARD_PATH } from './review-board/review-board-page';
import { ReviewerCreate } from './reviewers/reviewer-create';
import { ReviewerEdit } from './reviewers/reviewer-edit';
import { ReviewerList } from './reviewers/reviewer-list';
import { ReviewerShow } from './reviewers/reviewer-show';
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
import { ProjectList } from './projects/project-list';
import { ProjectShow } from './projects/project-show';
import type { Project } from './projects/project-types';
import { ProjectReportList } from './project-reports/project-report-list';
import { ProjectPaymentList } from './project-payments/project-payment-list';
import type { Assignment, Institution, PartnerOrganization, Proposal, Reviewer, User } from './types';

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
    name: 'projects',
    menuLabel: (roles) => (isApplicantOnly(roles) ? 'cf.menu.my_projects' : 'cf.menu.projects'),
    icon: WorkspacePremiumIcon,
    list: ProjectList,
    show: ProjectShow,
    recordRepresentation: (record: RaRecord) => (record as Project).title || (record as Project).trackingNumber || '',
  },
  {
    name: 'project-reports',
    menuLabel: 'cf.menu.project_reports',
    icon: SummarizeIcon,
    list: ProjectReportList,
  },
  {
    name: 'project-payments',
    menuLabel: 'cf.menu.project_payments',
    icon: PaidIcon,
    list: ProjectPaymentList,
  },
  {
    name: 'assignments',
    menuLabel: (roles) => (isReviewerOnly(roles) ? 'cf.menu.my_assignments' : 'cf.menu.assignments'),
    icon: RateReviewIcon,
    list: AssignmentList,
    show: AssignmentShow,
    recordRepresentation: (record: RaRecord) => assignmentLabel(record as Assignment, ''),
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
    name: 'reviewers',
    menuLabel: 'cf.menu.reviewers',
    icon: SupervisorAccountIcon,
    list: ReviewerList,
    show: ReviewerShow,
    edit: ReviewerEdit,
    create: ReviewerCreate,
    recordRepresentation: (record: RaRecord) => (record as Reviewer).displayName || (record as Reviewer).email,
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

/**
 * Pages that are not a resource (one fund at a time): their routes, menu entries and dashboard
 * shortcuts. Who sees them is in access.ts too, under their name.
 */
export interface AppPage {
  name: string;
  /** the page's path; `${path}/:fundId` opens it on a fund */
  path: string;
  menuLabel: string;
  icon: ComponentType;
  component: ComponentType;
}

export const APP_PAGES: AppPage[] = [
  {
    name: 'review-board',
    path: REVIEW_BOARD_PATH,
    menuLabel: 'cf.menu.review_board',
    icon: AssignmentIndIcon,
    component: ReviewBoardPage,
  },
  {
    name: 'ranking',
    path: RANKING_PATH,
    menuLabel: 'cf.menu.ranking',
    icon: LeaderboardIcon,
    component: RankingPage,
  },
  {
    name: 'awards',
    path: AWARDS_PATH,
    menuLabel: 'cf.menu.awards',
    icon: EmojiEventsIcon,
    component: AwardsPage,
  },
  {
    name: 'scenarios',
    path: SCENARIOS_PATH,
    menuLabel: 'cf.menu.scenarios',
    icon: CompareArrowsIcon,
    component: ScenariosPage,
  },
];

/** The custom pages a user with these roles may see. */
export const pagesFor = (roles: readonly string[]): AppPage[] => APP_PAGES.filter((page) => canSeeResource(page.name, roles));

/** A menu entry (and dashboard shortcut): a resource's list or a custom page. */
export interface MenuEntry {
  name: string;
  to: string;
  label: string;
  icon: ComponentType;
}

/**
 * The menu for these roles: the resources' lists, with the review pages after the assignments
 * (the order people work in).
 */
export const menuEntriesFor = (roles: readonly string[]): MenuEntry[] => {
  const entries: MenuEntry[] = resourcesFor(roles)
    .filter((resource) => resource.list)
    .map((resource) => ({
      name: resource.name,
      to: `/${resource.name}`,
      label: menuLabelFor(resource, roles),
      icon: resource.icon,
    }));
  const pages = pagesFor(roles).map((page) => ({ name: page.name, to: page.path, label: page.menuLabel, icon: page.icon }));
  const after = entries.findIndex((entry) => entry.name === 'assignments');
  entries.splice(after >= 0 ? after + 1 : entries.length, 0, ...pages);
  return entries;
};

/** The menu label's i18n key for these roles. */
export const menuLabelFor = (resource: AppResource, roles: readonly string[]): string =>
  typeof resource.menuLabel === 'function' ? resource.menuLabel(roles) : resource.menuLabel;

/** The resources a user with these roles may see. */
export const resourcesFor = (roles: readonly string[]): AppResource[] =>
  APP_RESOURCES.filter((resource) => canSeeResource(resource.name, roles));

/**
 * <Resource> elements for <Admin>: only the resources the user's roles allow, so
 * any other resource's URL shows "Not found" (and no request is made); then the
 * custom pages' routes, likewise.
 */
export const renderResources = (permissions: unknown): ReactElement[] => {
  const roles = Array.isArray(permissions) ? (permissions as string[]) : [];
  const { Route } = reactRouterProvider;
  const pages = pagesFor(roles);
  const routes =
    pages.length > 0
      ? [
          <CustomRoutes key="pages">
            {pages.flatMap((page) => [
              <Route key={page.name} path={page.path} element={<page.component />} />,
              <Route key={`${page.name}-fund`} path={`${page.path}/:fundId`} element={<page.component />} />,
            ])}
          </CustomRoutes>,
        ]
      : [];
  return [
    ...resourcesFor(roles).map((resource) => {
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
    }),
    ...routes,
  ];
};
