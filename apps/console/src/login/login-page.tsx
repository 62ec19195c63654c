import { Box, Typography } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import {
  email as emailFormat,
  Link,
  LocalesMenuButton,
  Login,
  LoginForm,
  PasswordInput,
  required,
  TextInput,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { ontario } from '../theme';

/**
 * Sign-in with email and password. react-admin's LoginForm notifies the
 * message thrown by authProvider.login (the server's message).
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Login
      avatarIcon={<LockIcon />}
      sx={{
        backgroundImage: 'none',
        backgroundColor: ontario.greyLight,
        '& .RaLogin-card': { marginTop: '6em', maxWidth: 440, width: '100%' },
        '& .RaLogin-icon': { backgroundColor: ontario.primary },
      }}
    >
      <Box
        component="header"
        sx={{
          position: 'fixed',
          top: 0,
          left: 0,
          right: 0,
          bgcolor: ontario.headerBlack,
          color: '#ffffff',
          borderBottom: `4px solid ${ontario.primary}`,
          display: 'flex',
          alignItems: 'center',
          px: 2,
          py: 1,
          zIndex: 1,
        }}
      >
        <Typography component="span" variant="h6" sx={{ fontWeight: 700, flex: 1 }}>
          {translate('cf.app.title')}
        </Typography>
        <LocalesMenuButton />
      </Box>
      <Box component="main" sx={{ px: 2, pt: 1, mt: 0 }}>
        <Typography component="h1" variant="h2" sx={{ textAlign: 'center', mt: 0 }}>
          {translate('cf.auth.title')}
        </Typography>
        <Typography variant="body2" sx={{ textAlign: 'center', mt: 1, color: 'text.secondary' }}>
          {translate('cf.app.subtitle')}
        </Typography>
        <Typography variant="body2" sx={{ mt: 2 }}>
          {translate('cf.auth.intro')}
        </Typography>
        <LoginForm sx={{ '& .RaLoginForm-content': { width: 'auto', px: 0 } }}>
          <TextInput
            autoFocus
            source="email"
            type="email"
            label="cf.auth.email"
            autoComplete="username"
            validate={[required(), emailFormat()]}
          />
          <PasswordInput source="password" label="cf.auth.password" autoComplete="current-password" validate={required()} />
        </LoginForm>
        <Typography variant="body2" sx={{ mt: 2, mb: 2, textAlign: 'center' }}>
          <Link to={`/public/micro-credentials?lang=${locale === 'fr' ? 'fr' : 'en'}`}>{translate('pub.login_link')}</Link>
        </Typography>
      </Box>
    </Login>
  );
};
