import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { maxLength, TextInput, useLocaleState, useTranslate } from 'react-admin';
import { localized } from '../funds/fund-choices';
import type { Criterion, Fund } from '../types';

/** The server's minimum for a narrative at submission. */
export const MIN_NARRATIVE_CHARS = 100;
const validateNarrative = [maxLength(20000)];

const NarrativeCounter = ({ code }: { code: string }) => {
  const translate = useTranslate();
  const value = useWatch({ name: `narratives.${code}` }) as string | undefined;
  const count = (value ?? '').trim().length;
  return (
    <Typography variant="caption" color={count < MIN_NARRATIVE_CHARS ? 'text.secondary' : 'success.main'} aria-live="polite">
      {count < MIN_NARRATIVE_CHARS
        ? translate('cf.narratives.count_short', { count, min: MIN_NARRATIVE_CHARS })
        : translate('cf.narratives.count_ok', { count })}
    </Typography>
  );
};

const NarrativeInput = ({ criterion, readOnly }: { criterion: Criterion; readOnly?: boolean }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const title = localized(criterion, 'title', locale);
  const guidance = localized(criterion, 'guidance', locale);
  const guidanceId = `narrative-guidance-${criterion.code}`;
  return (
    <Box component="section" sx={{ mb: 3 }} aria-label={title}>
      <Typography component="h3" variant="h6">
        {title}
      </Typography>
      <Typography variant="body2" id={guidanceId} sx={{ whiteSpace: 'pre-line', mb: 1 }}>
        {guidance || translate('cf.funds.no_guidance')}
      </Typography>
      <TextInput
        source={`narratives.${criterion.code}`}
        label={title}
        multiline
        minRows={5}
        fullWidth
        readOnly={readOnly}
        validate={validateNarrative}
        helperText={false}
        slotProps={{ htmlInput: { 'aria-describedby': guidanceId } }}
      />
      <NarrativeCounter code={criterion.code} />
    </Box>
  );
};

/** One answer per criterion of the fund, with the criterion's title and guidance in the UI's language. */
export const NarrativeInputs = ({ fund, readOnly }: { fund: Fund | undefined; readOnly?: boolean }) => {
  const translate = useTranslate();
  if (!fund) return null;
  if (fund.criteria.length === 0) return <Typography>{translate('cf.funds.no_criteria')}</Typography>;
  return (
    <Box sx={{ width: '100%', maxWidth: 960 }}>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('cf.narratives.intro', { min: MIN_NARRATIVE_CHARS })}
      </Typography>
      {fund.criteria.map((criterion) => (
        <NarrativeInput key={criterion.code} criterion={criterion} readOnly={readOnly} />
      ))}
    </Box>
  );
};
