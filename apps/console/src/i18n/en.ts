import englishMessages from 'ra-language-english';

/** English messages: react-admin's, plus the console's own labels. */
export const en = {
  ...englishMessages,
  resources: {
    users: {
      name: 'User |||| Users',
      fields: {
        id: 'ID',
        email: 'Email',
        displayName: 'Display name',
        roles: 'Roles',
        institutionId: 'Institution',
        preferredLanguage: 'Preferred language',
        isActive: 'Active',
        createdAt: 'Created',
        updatedAt: 'Last updated',
        password: 'Password',
        newPassword: 'New password',
        q: 'Search',
        role: 'Role',
      },
      notifications: {
        created: 'User created',
        updated: 'User updated',
      },
    },
    institutions: {
      name: 'Institution |||| Institutions',
      fields: {
        id: 'ID',
        name: 'Name',
        type: 'Type',
        region: 'Region',
        address: 'Address',
        q: 'Search',
      },
    },
  },
  cf: {
    app: {
      title: 'Challenge Fund',
      subtitle: 'Ontario Micro-credentials Challenge Fund',
      government: 'Government of Ontario',
    },
    menu: {
      label: 'Main menu',
      dashboard: 'Dashboard',
      users: 'Users',
      institutions: 'Institutions',
    },
    roles: {
      applicant: 'Applicant',
      reviewer: 'Reviewer',
      program_officer: 'Program officer',
      approver: 'Approver',
      admin: 'Administrator',
    },
    language: {
      self: 'English',
      label: 'Language',
      en: 'English',
      fr: 'French',
    },
    institution_types: {
      public_college: 'Publicly assisted college',
      public_university: 'Publicly assisted university',
      indigenous_institute: 'Indigenous Institute',
      private_career_college: 'Private career college',
      private_degree_granting: 'Private degree-granting institution',
    },
    regions: {
      central: 'Central',
      eastern: 'Eastern',
      northern: 'Northern',
      southwestern: 'Southwestern',
      toronto: 'Toronto',
    },
    auth: {
      title: 'Sign in',
      intro: 'Sign in with the email address and password of your Challenge Fund account.',
      email: 'Email',
      password: 'Password',
      sign_in_error: 'Sign-in failed. Please try again.',
      network_error: 'The server could not be reached. Please try again.',
    },
    dashboard: {
      title: 'Dashboard',
      welcome: 'Welcome, %{name}',
      your_roles: 'Your roles',
      no_roles: 'No role has been assigned to your account yet.',
      your_institution: 'Your institution',
      deadline_title: 'Submission deadline',
      deadline_text:
        'Proposals must be submitted by June 25, 2021, at 11:59 p.m. (Toronto time). The deadline is decided by the server clock.',
      fund_title: 'About the fund',
      fund_text:
        'The Ontario Micro-credentials Challenge Fund supports postsecondary institutions, working with local industry and employers, to develop new micro-credentials or expand existing ones.',
      shortcuts: 'Shortcuts',
    },
    status: {
      active: 'Active',
      inactive: 'Inactive',
    },
    users: {
      deactivate: 'Deactivate',
      reactivate: 'Reactivate',
      deactivated: 'User deactivated',
      reactivated: 'User reactivated',
      confirm_deactivate_title: 'Deactivate %{name}?',
      confirm_deactivate_content: 'This user will no longer be able to sign in. You can reactivate the account later.',
      password_create_help: 'At least 8 characters.',
      password_edit_help: 'Leave empty to keep the current password.',
      institution_help: 'Required for applicants.',
      status_filter: 'Status',
    },
    validation: {
      institution_required_for_applicant: 'An institution is required for applicants',
      roles_required: 'Select at least one role',
    },
  },
};

export type AppMessages = typeof en;
