import frenchMessages from 'ra-language-french';
import type { AppMessages } from './en';

/** Messages en français : ceux de react-admin et les libellés de la console. */
export const fr: AppMessages = {
  ...frenchMessages,
  resources: {
    users: {
      name: 'Utilisateur |||| Utilisateurs',
      fields: {
        id: 'ID',
        email: 'Courriel',
        displayName: 'Nom d’affichage',
        roles: 'Rôles',
        institutionId: 'Établissement',
        preferredLanguage: 'Langue de préférence',
        isActive: 'Actif',
        createdAt: 'Créé le',
        updatedAt: 'Mis à jour le',
        password: 'Mot de passe',
        newPassword: 'Nouveau mot de passe',
        q: 'Rechercher',
        role: 'Rôle',
      },
      notifications: {
        created: 'Utilisateur créé',
        updated: 'Utilisateur mis à jour',
      },
    },
    institutions: {
      name: 'Établissement |||| Établissements',
      fields: {
        id: 'ID',
        name: 'Nom',
        type: 'Type',
        region: 'Région',
        address: 'Adresse',
        q: 'Rechercher',
      },
    },
  },
  cf: {
    app: {
      title: 'Fonds pour relever le défi',
      subtitle: 'Fonds pour relever le défi des microtitres de compétence de l’Ontario',
      government: 'Gouvernement de l’Ontario',
    },
    menu: {
      label: 'Menu principal',
      dashboard: 'Tableau de bord',
      users: 'Utilisateurs',
      institutions: 'Établissements',
    },
    roles: {
      applicant: 'Demandeur',
      reviewer: 'Évaluateur',
      program_officer: 'Agent de programme',
      approver: 'Approbateur',
      admin: 'Administrateur',
    },
    language: {
      self: 'Français',
      label: 'Langue',
      en: 'Anglais',
      fr: 'Français',
    },
    institution_types: {
      public_college: 'Collège financé par les fonds publics',
      public_university: 'Université financée par les fonds publics',
      indigenous_institute: 'Institut autochtone',
      private_career_college: 'Collège d’enseignement professionnel privé',
      private_degree_granting: 'Établissement privé conférant des grades',
    },
    regions: {
      central: 'Centre',
      eastern: 'Est',
      northern: 'Nord',
      southwestern: 'Sud-Ouest',
      toronto: 'Toronto',
    },
    auth: {
      title: 'Connexion',
      intro: 'Connectez-vous avec l’adresse courriel et le mot de passe de votre compte du Fonds pour relever le défi.',
      email: 'Courriel',
      password: 'Mot de passe',
      sign_in_error: 'La connexion a échoué. Veuillez réessayer.',
      network_error: 'Le serveur est injoignable. Veuillez réessayer.',
    },
    dashboard: {
      title: 'Tableau de bord',
      welcome: 'Bienvenue, %{name}',
      your_roles: 'Vos rôles',
      no_roles: 'Aucun rôle n’a encore été attribué à votre compte.',
      your_institution: 'Votre établissement',
      deadline_title: 'Date limite de soumission',
      deadline_text:
        'Les propositions doivent être soumises au plus tard le 25 juin 2021 à 23 h 59 (heure de Toronto). L’heure du serveur fait foi.',
      fund_title: 'À propos du fonds',
      fund_text:
        'Le Fonds pour relever le défi des microtitres de compétence de l’Ontario aide les établissements postsecondaires, en collaboration avec l’industrie et les employeurs locaux, à créer de nouveaux microtitres de compétence ou à élargir ceux qui existent.',
      shortcuts: 'Raccourcis',
    },
    status: {
      active: 'Actif',
      inactive: 'Inactif',
    },
    users: {
      deactivate: 'Désactiver',
      reactivate: 'Réactiver',
      deactivated: 'Utilisateur désactivé',
      reactivated: 'Utilisateur réactivé',
      confirm_deactivate_title: 'Désactiver %{name} ?',
      confirm_deactivate_content: 'Cet utilisateur ne pourra plus se connecter. Vous pourrez réactiver le compte plus tard.',
      password_create_help: 'Au moins 8 caractères.',
      password_edit_help: 'Laissez vide pour conserver le mot de passe actuel.',
      institution_help: 'Obligatoire pour les demandeurs.',
      status_filter: 'Statut',
    },
    validation: {
      institution_required_for_applicant: 'Un établissement est obligatoire pour les demandeurs',
      roles_required: 'Sélectionnez au moins un rôle',
    },
  },
};
