import RateReviewIcon from '@mui/icons-material/RateReview';
import { Card, CardContent, List, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { LinkBase, useGetList, useTranslate } from 'react-admin';
import type { Assignment } from '../types';

const listUrl = (filter: Record<string, unknown>) => `/assignments?filter=${encodeURIComponent(JSON.stringify(filter))}`;

const useCount = (filter: Record<string, unknown>) =>
  useGetList<Assignment>('assignments', { filter, pagination: { page: 1, perPage: 1 }, sort: { field: 'dueAt', order: 'ASC' } })
    .total;

/** The reviewer's work on the dashboard: reviews not started, drafts, overdue, each a link to the filtered list. */
export const ReviewTodoCard = () => {
  const translate = useTranslate();
  const notStarted = useCount({ reviewStatus: 'not_started' });
  const drafts = useCount({ reviewStatus: 'draft' });
  const overdue = useCount({ overdue: true });
  const items = [
    { key: 'not_started', count: notStarted, filter: { reviewStatus: 'not_started' } },
    { key: 'draft', count: drafts, filter: { reviewStatus: 'draft' } },
    { key: 'overdue', count: overdue, filter: { overdue: true } },
  ];
  return (
    <Card component="section" aria-labelledby="review-todo-heading">
      <CardContent>
        <Typography id="review-todo-heading" component="h2" variant="h3">
          {translate('cf.dashboard.reviews_title')}
        </Typography>
        <List>
          {items.map((item) => (
            <ListItemButton key={item.key} component={LinkBase} to={listUrl(item.filter)}>
              <ListItemIcon>
                <RateReviewIcon color={item.key === 'overdue' && (item.count ?? 0) > 0 ? 'error' : undefined} />
              </ListItemIcon>
              <ListItemText primary={translate(`cf.dashboard.reviews_${item.key}`, { smart_count: item.count ?? 0 })} />
            </ListItemButton>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};
