import { Box, Button, Container, Typography } from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import { ontario } from '../theme';
import type { PublicLanguage } from './public-api';
import { PUBLIC_PATHS } from './public-paths';

interface PublicLayoutProps {
  title: string;
  lang: PublicLanguage;
  setLanguage: (lang: PublicLanguage) => void;
  href: (pathname: string, extra?: Record<string, string>) => string;
  current: 'catalogue' | 'projects' | 'open_data';
  children: ReactNode;
}

const navLinkSx = {
  color: '#ffffff',
  textDecoration: 'underline',
  fontWeight: 600,
  '&[aria-current="page"]': { textDecorationThickness: 3 },
  '&:focus-visible': { outline: `3px solid ${ontario.focus}`, outlineOffset: 2 },
};

/**
 * The frame of the public pages (outside the signed-in console): a skip link, the header with the language switch,
 * the navigation between the public pages, and one `main` landmark. No login, no token.
 */
export const PublicLayout = ({ title, lang, setLanguage, href, current, children }: PublicLayoutProps) => {
  const translate = useTranslate();
  const main = useRef<HTMLElement>(null);
  const other: PublicLanguage = lang === 'fr' ? 'en' : 'fr';

  useEffect(() => {
    document.title = `${title} – ${translate('pub.site_title')}`;
  }, [title, translate]);

  const links = [
    { key: 'catalogue', to: href(PUBLIC_PATHS.catalogue), label: translate('pub.nav.catalogue') },
    { key: 'projects', to: href(PUBLIC_PATHS.projects), label: translate('pub.nav.projects') },
    { key: 'open_data', to: href(PUBLIC_PATHS.openData), label: translate('pub.nav.open_data') },
  ] as const;

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: '#ffffff', color: ontario.text }}>
      <Box
        component="button"
        type="button"
        onClick={() => main.current?.focus()}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 10,
          p: 1,
          bgcolor: '#ffffff',
          color: ontario.link,
          border: `2px solid ${ontario.focus}`,
          '&:focus': { top: 8 },
        }}
      >
        {translate('pub.skip')}
      </Box>
      <Box
        component="header"
        sx={{ bgcolor: ontario.headerBlack, color: '#ffffff', borderBottom: `4px solid ${ontario.primary}` }}
      >
        <Container maxWidth="lg" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 1.5, flexWrap: 'wrap' }}>
          <Typography component="p" variant="h6" sx={{ fontWeight: 700, flex: 1, minWidth: 240 }}>
            {translate('pub.site_title')}
          </Typography>
          <Button
            variant="outlined"
            lang={other}
            onClick={() => setLanguage(other)}
            sx={{ color: '#ffffff', borderColor: '#ffffff', '&:focus-visible': { outline: `3px solid ${ontario.focus}` } }}
          >
            {translate('pub.language.switch')}
          </Button>
        </Container>
        <Container maxWidth="lg" component="nav" aria-label={translate('pub.nav.label')} sx={{ pb: 1.5 }}>
          <Box component="ul" sx={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 3, m: 0, p: 0 }}>
            {links.map((link) => (
              <li key={link.key}>
                <Link to={link.to} sx={navLinkSx} aria-current={current === link.key ? 'page' : undefined}>
                  {link.label}
                </Link>
              </li>
            ))}
            <li>
              <Link to="/login" sx={navLinkSx}>
                {translate('pub.nav.sign_in')}
              </Link>
            </li>
          </Box>
        </Container>
      </Box>
      <Container
        component="main"
        id="public-main"
        ref={main}
        tabIndex={-1}
        maxWidth="lg"
        sx={{ py: 3, '&:focus': { outline: 'none' } }}
      >
        {children}
      </Container>
    </Box>
  );
};
