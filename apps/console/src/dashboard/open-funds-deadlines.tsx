import EventIcon from '@mui/icons-material/Event';
import { Alert, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { Fund } from '../types';

/** The deadlines of the funds open now, from the API (never a date written into the console). */
export const OpenFundsDeadlines = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending, error } = useGetList<Fund>('funds', {
    filter: { status: 'open' },
    sort: { field: 'closesAt', order: 'ASC' },
    pagination: { page: 1, perPage: 10 },
  });
  if (isPending || error) return null;
  return (
    <Alert severity="info" icon={<EventIcon />} component="section" aria-labelledby="deadline-heading">
      <Typography id="deadline-heading" component="h2" variant="h3" gutterBottom>
        {translate('cf.dashboard.deadline_title')}
      </Typography>
      {data.length ? (
        <List dense disablePadding>
          {data.map((fund) => (
            <ListItem key={fund.id} disableGutters>
              <ListItemText
                primary={locale === 'fr' ? fund.nameFr : fund.nameEn}
                secondary={translate('cf.dashboard.deadline_item', {
                  closes: formatTorontoDateTime(fund.closesAt, locale, 'long'),
                })}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography>{translate('cf.dashboard.no_open_fund')}</Typography>
      )}
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('cf.dashboard.deadline_text')}
      </Typography>
    </Alert>
  );
};
