import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { Receipt } from '../types';

/** The receipt of a submission: tracking number, server time in Toronto, version. */
export const ReceiptDialog = ({ receipt, onClose }: { receipt: Receipt; onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Dialog open onClose={onClose} aria-labelledby="receipt-title" aria-describedby="receipt-content" fullWidth maxWidth="sm">
      <DialogTitle id="receipt-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <CheckCircleIcon color="success" aria-hidden="true" />
        {translate('cf.receipt.title')}
      </DialogTitle>
      <DialogContent id="receipt-content">
        <Typography gutterBottom>{translate('cf.receipt.intro')}</Typography>
        <Box component="dl" sx={{ m: 0, '& dt': { fontWeight: 600, mt: 1.5 }, '& dd': { m: 0 } }}>
          <dt>{translate('cf.receipt.tracking_number')}</dt>
          <Typography component="dd" variant="h5" data-testid="receipt-tracking-number">
            {receipt.trackingNumber}
          </Typography>
          <dt>{translate('cf.receipt.submitted_at')}</dt>
          <dd data-testid="receipt-submitted-at">
            {formatTorontoDateTime(receipt.submittedAt, locale, 'long')}
            <Typography component="span" variant="caption" sx={{ display: 'block' }}>
              {receipt.submittedAtLocal}
            </Typography>
          </dd>
          <dt>{translate('cf.receipt.version')}</dt>
          <dd data-testid="receipt-version">{receipt.version}</dd>
          <dt>{translate('cf.receipt.on_time_by')}</dt>
          <dd>{translate(`cf.receipt.on_time.${receipt.onTimeBy}`)}</dd>
        </Box>
        <Typography variant="body2" sx={{ mt: 2 }}>
          {translate('cf.receipt.keep')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => window.print()}>{translate('cf.receipt.print')}</Button>
        <Button variant="contained" onClick={onClose} autoFocus>
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
