import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * 409 STALE_VERSION: someone (another tab, a colleague) saved this proposal after it was
 * opened here. Nothing was saved; reloading shows the current version. Other records (reviews)
 * give their own `title` and `content` (i18n keys).
 */
export const StaleVersionDialog = ({
  open,
  message,
  onReload,
  onClose,
  title = 'cf.stale.title',
  content = 'cf.stale.content',
}: {
  open: boolean;
  message?: string;
  onReload: () => void;
  onClose: () => void;
  title?: string;
  content?: string;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="stale-title" aria-describedby="stale-content" role="alertdialog">
      <DialogTitle id="stale-title">{translate(title)}</DialogTitle>
      <DialogContent>
        <DialogContentText id="stale-content">{translate(content)}</DialogContentText>
        {message ? (
          <DialogContentText variant="caption" sx={{ mt: 1 }}>
            {message}
          </DialogContentText>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('cf.stale.keep_editing')}</Button>
        <Button variant="contained" onClick={onReload} autoFocus>
          {translate('cf.stale.reload')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
