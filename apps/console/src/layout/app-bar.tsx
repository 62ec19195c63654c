import { Box, Typography } from '@mui/material';
import { AppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, useTranslate } from 'react-admin';

/** Black Ontario header: app name, page title, language switcher, user menu. */
export const AppAppBar = () => {
  const translate = useTranslate();
  return (
    <AppBar
      color="secondary"
      toolbar={
        <>
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <Typography
        component="span"
        variant="h6"
        sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap', display: { xs: 'none', md: 'block' } }}
      >
        {translate('cf.app.title')}
      </Typography>
      <Box
        component="span"
        aria-hidden="true"
        sx={{ mr: 2, alignSelf: 'stretch', my: 1.5, borderLeft: '1px solid #ffffff', display: { xs: 'none', md: 'block' } }}
      />
      <TitlePortal />
    </AppBar>
  );
};
