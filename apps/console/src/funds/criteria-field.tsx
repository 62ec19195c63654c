import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { Fund } from '../types';
import { localized } from './fund-choices';

/** The fund's criteria: title and guidance in the UI's language, weight and scale. */
export const CriteriaField = () => {
  const record = useRecordContext<Fund>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const criteria = record?.criteria ?? [];
  if (criteria.length === 0) return <Typography variant="body2">{translate('cf.funds.no_criteria')}</Typography>;
  return (
    <Stack component="ol" spacing={1.5} sx={{ p: 0, m: 0, listStyle: 'none' }}>
      {criteria.map((criterion, index) => (
        <Card component="li" key={criterion.code} variant="outlined">
          <CardContent>
            <Typography component="h3" variant="h6" gutterBottom>
              {index + 1}. {localized(criterion, 'title', locale)}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line', mb: 1 }}>
              {localized(criterion, 'guidance', locale) || translate('cf.funds.no_guidance')}
            </Typography>
            <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', m: 0, '& dd': { m: 0, fontWeight: 600 } }}>
              <div>
                <Typography component="dt" variant="caption">
                  {translate('cf.funds.criterion.code')}
                </Typography>
                <Typography component="dd" variant="body2">
                  <code>{criterion.code}</code>
                </Typography>
              </div>
              <div>
                <Typography component="dt" variant="caption">
                  {translate('cf.funds.criterion.weight')}
                </Typography>
                <Typography component="dd" variant="body2">
                  {criterion.weight}
                </Typography>
              </div>
              <div>
                <Typography component="dt" variant="caption">
                  {translate('cf.funds.criterion.scale')}
                </Typography>
                <Typography component="dd" variant="body2">
                  {translate('cf.funds.criterion.scale_range', { min: criterion.scaleMin, max: criterion.scaleMax })}
                </Typography>
              </div>
            </Box>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
};
