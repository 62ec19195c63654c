import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** Ontario Design System colours. */
export const ontario = {
  primary: '#1a5a96',
  primaryDark: '#0e3a64',
  headerBlack: '#1a1a1a',
  link: '#0066cc',
  linkVisited: '#551a8b',
  error: '#d81a21',
  success: '#118847',
  warning: '#ffd440',
  focus: '#009adb',
  text: '#1a1a1a',
  greyLight: '#f2f2f2',
  greyBorder: '#606060',
} as const;

/** Local fonts only: no web font is downloaded. */
const fontFamily = [
  'Raleway',
  '"Open Sans"',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

const focusRing = {
  outline: `3px solid ${ontario.focus}`,
  outlineOffset: 2,
};

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: ontario.primary, dark: ontario.primaryDark, contrastText: '#ffffff' },
    secondary: { main: ontario.headerBlack, contrastText: '#ffffff' },
    error: { main: ontario.error, contrastText: '#ffffff' },
    success: { main: ontario.success, contrastText: '#ffffff' },
    warning: { main: ontario.warning, contrastText: ontario.text },
    info: { main: ontario.link, contrastText: '#ffffff' },
    text: { primary: ontario.text, secondary: '#4d4d4d' },
    background: { default: '#ffffff', paper: '#ffffff' },
  },
  typography: {
    ...defaultTheme.typography,
    fontFamily,
    h1: { fontSize: '2rem', fontWeight: 700 },
    h2: { fontSize: '1.5rem', fontWeight: 700 },
    h3: { fontSize: '1.25rem', fontWeight: 700 },
    h6: { fontWeight: 600 },
  },
  shape: { borderRadius: 4 },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        body: { fontFamily, color: ontario.text },
        a: { color: ontario.link },
        '*:focus-visible': focusRing,
      },
    },
    MuiAppBar: {
      defaultProps: { color: 'secondary' },
      styleOverrides: {
        root: { backgroundColor: ontario.headerBlack, color: '#ffffff', borderBottom: `4px solid ${ontario.primary}` },
      },
    },
    MuiButtonBase: {
      styleOverrides: { root: { '&.Mui-focusVisible': focusRing } },
    },
    MuiButton: {
      styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } },
    },
    MuiLink: {
      defaultProps: { underline: 'always' },
      styleOverrides: { root: { color: ontario.link } },
    },
    MuiFilledInput: {
      styleOverrides: {
        root: {
          backgroundColor: ontario.greyLight,
          '&:before': { borderBottomColor: ontario.greyBorder },
        },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          color: '#4d4d4d',
          '&.RaMenuItemLink-active': {
            color: ontario.primary,
            fontWeight: 700,
            borderLeft: `4px solid ${ontario.primary}`,
          },
        },
      },
    },
    RaToolbar: {
      styleOverrides: { root: { backgroundColor: ontario.greyLight } },
    },
  },
};
