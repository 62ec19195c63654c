import { createElement } from 'react';
import { Box, Card, CardContent, Chip, List, ListItemButton, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import {
  LinkBase,
  Loading,
  ReferenceField,
  RecordContextProvider,
  TextField,
  Title,
  useGetIdentity,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { canDo, canSeeResource } from '../access';
import { ReviewTodoCard } from '../assignments/review-todo-card';
import { menuEntriesFor } from '../resources';
import { OpenFundsDeadlines } from './open-funds-deadlines';
import { ProgramDashboard } from './program-dashboard';

/** Welcome page for every signed-in user. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  if (isPending) return <Loading />;
  const roles: string[] = Array.isArray(permissions) ? permissions : [];
  const shortcuts = menuEntriesFor(roles);
  const name = identity?.fullName ?? '';

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="cf.dashboard.title" />
      <Stack spacing={2}>
        <Card component="section" aria-labelledby="welcome-heading">
          <CardContent>
            <Typography id="welcome-heading" component="h1" variant="h1" gutterBottom>
              {translate('cf.dashboard.welcome', { name })}
            </Typography>
            <Typography component="h2" variant="h3" gutterBottom>
              {translate('cf.dashboard.your_roles')}
            </Typography>
            {roles.length === 0 ? (
              <Typography>{translate('cf.dashboard.no_roles')}</Typography>
            ) : (
              <Stack direction="row" spacing={1} component="ul" sx={{ listStyle: 'none', p: 0, m: 0, flexWrap: 'wrap' }}>
                {roles.map((role) => (
                  <li key={role}>
                    <Chip label={translate(`cf.roles.${role}`, { _: role })} color="primary" variant="outlined" />
                  </li>
                ))}
              </Stack>
            )}
            {identity?.institutionId ? (
              <Box sx={{ mt: 2 }}>
                <Typography component="h2" variant="h3" gutterBottom>
                  {translate('cf.dashboard.your_institution')}
                </Typography>
                <RecordContextProvider value={{ id: identity.id, institutionId: identity.institutionId }}>
                  <ReferenceField source="institutionId" reference="institutions" link={false}>
                    <TextField source="name" />
                  </ReferenceField>
                </RecordContextProvider>
              </Box>
            ) : null}
          </CardContent>
        </Card>

        <OpenFundsDeadlines />

        {canSeeResource('program-dashboard', roles) ? <ProgramDashboard /> : null}

        <Card component="section" aria-labelledby="fund-heading">
          <CardContent>
            <Typography id="fund-heading" component="h2" variant="h3" gutterBottom>
              {translate('cf.dashboard.fund_title')}
            </Typography>
            <Typography>{translate('cf.dashboard.fund_text')}</Typography>
          </CardContent>
        </Card>

        {canDo('assignments', 'review', roles) ? <ReviewTodoCard /> : null}

        {shortcuts.length > 0 ? (
          <Card component="section" aria-labelledby="shortcuts-heading">
            <CardContent>
              <Typography id="shortcuts-heading" component="h2" variant="h3">
                {translate('cf.dashboard.shortcuts')}
              </Typography>
              <List>
                {shortcuts.map((entry) => (
                  <ListItemButton key={entry.name} component={LinkBase} to={entry.to}>
                    <ListItemIcon>{createElement(entry.icon)}</ListItemIcon>
                    <ListItemText primary={translate(entry.label)} />
                  </ListItemButton>
                ))}
              </List>
            </CardContent>
          </Card>
        ) : null}
      </Stack>
    </Box>
  );
};
