import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Criterion, FieldProblem } from '../types';
import { problemLabel } from './problem-label';
import { problemReason } from './problem-reason';

/** The checklist's sections, in the order of the form's tabs, and the fields each one covers. */
const SECTIONS: { key: string; fields: string[] }[] = [
  { key: 'overview', fields: ['title', 'summary', 'sectors', 'areasOfFocus', 'regionsServed', 'institution'] },
  { key: 'micro_credentials', fields: ['microCredentials'] },
  { key: 'partners', fields: ['partners'] },
  { key: 'budget', fields: ['budget'] },
  { key: 'narratives', fields: ['narratives'] },
  { key: 'contacts', fields: ['contacts'] },
];

const sectionOf = (field: string) => {
  const top = field.split('.')[0];
  return SECTIONS.find((s) => s.fields.includes(top))?.key ?? 'other';
};

/** What blocks submission, section by section: a tick for each complete section. */
export const ProblemChecklist = ({ problems, criteria }: { problems: FieldProblem[]; criteria: readonly Criterion[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const sections = [...SECTIONS.map((s) => s.key), ...(problems.some((p) => sectionOf(p.field) === 'other') ? ['other'] : [])];
  return (
    <List dense aria-label={translate('cf.submit.checklist')} data-testid="readiness-checklist">
      {sections.map((key) => {
        const mine = problems.filter((p) => sectionOf(p.field) === key);
        const ok = mine.length === 0;
        return (
          <ListItem key={key} alignItems="flex-start" sx={{ display: 'flex' }}>
            <ListItemIcon sx={{ minWidth: 36, mt: 0.5 }}>
              {ok ? (
                <CheckCircleIcon color="success" titleAccess={translate('cf.submit.complete')} />
              ) : (
                <ErrorIcon color="error" titleAccess={translate('cf.submit.incomplete')} />
              )}
            </ListItemIcon>
            <ListItemText
              primary={translate(`cf.proposals.tabs.${key}`)}
              secondary={
                ok ? (
                  translate('cf.submit.complete')
                ) : (
                  <Typography component="ul" variant="body2" sx={{ m: 0, pl: 2 }}>
                    {mine.map((p, i) => (
                      <li key={`${p.field}-${i}`}>
                        <strong>{problemLabel(p.field, translate, criteria, locale)}</strong>
                        {translate('cf.rules.separator')}
                        {problemReason(p, translate, locale)}
                      </li>
                    ))}
                  </Typography>
                )
              }
              slotProps={{ secondary: { component: 'div' } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
};
