import { useEffect, useMemo, useState } from 'react';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Confirm, useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorBody, errorMessage, errorProblems, errorStatus } from '../common/api-error';
import { useNotifyApiError } from '../common/api-error-notify';
import { formatScore, isValidScore, scaleValues, weightedTotal } from '../common/scores';
import { localized } from '../funds/fund-choices';
import type { AppDataProvider } from '../providers/data-provider';
import { StaleVersionDialog } from '../proposals/stale-version-dialog';
import { RECOMMENDATIONS, type Criterion, type Recommendation, type Review, type ReviewDraft } from '../types';
import { REVIEW_MIN_COMMENT } from './assignment-choices';
import { assignmentKeys } from './assignment-queries';

interface ScoreValue {
  score: number | null;
  comment: string;
}

interface ReviewValues {
  scores: Record<string, ScoreValue>;
  overallComment: string;
  recommendation: Recommendation | null;
}

/** Problems by field: `scores.<criterion code>.score|comment`, `overallComment`, `recommendation`. */
type Problems = Record<string, string>;

const valuesOf = (review: Review): ReviewValues => ({
  scores: Object.fromEntries(
    review.criteria.map((criterion) => {
      const saved = review.scores.find((s) => s.criterionCode === criterion.code);
      return [criterion.code, { score: saved?.score ?? null, comment: saved?.comment ?? '' }];
    }),
  ),
  overallComment: review.overallComment ?? '',
  recommendation: review.recommendation ?? null,
});

const draftOf = (criteria: readonly Criterion[], values: ReviewValues, version: number): ReviewDraft => ({
  // in the criteria's order: a 400 naming `scores.<index>.score` points at criteria[index]
  scores: criteria.map((criterion) => ({
    criterionCode: criterion.code,
    score: values.scores[criterion.code]?.score ?? null,
    comment: values.scores[criterion.code]?.comment ?? '',
  })),
  overallComment: values.overallComment,
  ...(values.recommendation ? { recommendation: values.recommendation } : {}),
  version,
});

const serialize = (values: ReviewValues) => JSON.stringify(values);

/**
 * The API names a score's fields by index in the request (`scores.0.score`, on a draft save) or by
 * criterion code (`scores.need.score`, on submit): both become `scores.<code>.<field>`.
 */
const normalizeField = (field: string, criteria: readonly Criterion[]): string => {
  const [head, key, ...rest] = field.split('.');
  if (head !== 'scores' || key === undefined) return field;
  const code = /^\d+$/.test(key) ? criteria[Number(key)]?.code : key;
  return code ? ['scores', code, ...rest].join('.') : field;
};

/** What keeps the review from being submitted, checked here first (the API decides). */
const localProblems = (
  criteria: readonly Criterion[],
  values: ReviewValues,
  translate: (key: string, options?: object) => string,
): Problems => {
  const problems: Problems = {};
  for (const criterion of criteria) {
    const value = values.scores[criterion.code];
    if (!isValidScore(criterion, value?.score)) {
      problems[`scores.${criterion.code}.score`] = translate('cf.reviews.problems.score', {
        min: criterion.scaleMin,
        max: criterion.scaleMax,
      });
    }
    if ((value?.comment ?? '').trim().length < REVIEW_MIN_COMMENT) {
      problems[`scores.${criterion.code}.comment`] = translate('cf.reviews.problems.comment', { min: REVIEW_MIN_COMMENT });
    }
  }
  if (values.overallComment.trim().length < REVIEW_MIN_COMMENT) {
    problems.overallComment = translate('cf.reviews.problems.comment', { min: REVIEW_MIN_COMMENT });
  }
  if (!values.recommendation) problems.recommendation = translate('cf.reviews.problems.recommendation');
  return problems;
};

/** The live weighted total of the scores on screen. */
export const WeightedTotal = ({ total, hint }: { total: number | null; hint?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box aria-live="polite" aria-atomic="true">
      <Typography component="p" variant="h6">
        {translate('cf.reviews.weighted_total')}{' '}
        <Box component="span" sx={{ fontWeight: 700 }}>
          {total === null ? '—' : translate('cf.reviews.out_of_100', { value: formatScore(total, locale) })}
        </Box>
      </Typography>
      {hint && total === null ? (
        <Typography variant="caption" component="p">
          {translate('cf.reviews.total_pending')}
        </Typography>
      ) : null}
    </Box>
  );
};

/** The criterion's title in the UI's language, the other language's underneath; its guidance; weight and scale. */
export const CriterionHeading = ({
  criterion,
  index,
  id,
  level = 'h3',
}: {
  criterion: Criterion;
  index: number;
  id?: string;
  level?: 'h3' | 'h4';
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const other = locale === 'fr' ? 'en' : 'fr';
  const otherTitle = other === 'fr' ? criterion.titleFr : criterion.titleEn;
  const title = localized(criterion, 'title', locale);
  return (
    <>
      <Typography component={level} variant="h6" id={id}>
        {index + 1}. {title}
      </Typography>
      {otherTitle && otherTitle !== title ? (
        <Typography variant="body2" color="text.secondary" lang={other} sx={{ fontStyle: 'italic' }}>
          {otherTitle}
        </Typography>
      ) : null}
      <Typography variant="caption" component="p" sx={{ mt: 0.5 }}>
        {translate('cf.reviews.weight_scale', {
          weight: criterion.weight,
          min: criterion.scaleMin,
          max: criterion.scaleMax,
        })}
      </Typography>
    </>
  );
};

const Guidance = ({ criterion }: { criterion: Criterion }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const guidance = localized(criterion, 'guidance', locale);
  return (
    <Box sx={{ my: 1 }}>
      <Typography variant="subtitle2" component="h4">
        {translate('cf.reviews.guidance')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
        {guidance || translate('cf.funds.no_guidance')}
      </Typography>
    </Box>
  );
};

/** The applicant's answer to the criterion, folded (it is also in the proposal's Narratives tab). */
const NarrativeAnswer = ({ code, narratives }: { code: string; narratives: Record<string, string> | undefined }) => {
  const translate = useTranslate();
  if (!narratives) return null;
  return (
    <Accordion disableGutters variant="outlined" sx={{ my: 1 }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls={`narrative-${code}`} id={`narrative-${code}-summary`}>
        <Typography variant="subtitle2">{translate('cf.reviews.applicant_answer')}</Typography>
      </AccordionSummary>
      <AccordionDetails id={`narrative-${code}`}>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
          {narratives[code]?.trim() || translate('cf.narratives.no_answer')}
        </Typography>
      </AccordionDetails>
    </Accordion>
  );
};

const ScoreInput = ({
  criterion,
  value,
  error,
  onChange,
}: {
  criterion: Criterion;
  value: number | null;
  error?: string;
  onChange: (score: number | null) => void;
}) => {
  const translate = useTranslate();
  const choices = scaleValues(criterion);
  const label = translate('cf.reviews.score_label', { min: criterion.scaleMin, max: criterion.scaleMax });
  const id = `score-${criterion.code}`;
  if (choices.length === 0) {
    // a scale too wide for a list: a number, checked against the scale
    return (
      <TextField
        id={id}
        type="number"
        label={label}
        required
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        error={!!error}
        helperText={error}
        size="small"
        sx={{ width: 220 }}
        slotProps={{ htmlInput: { min: criterion.scaleMin, max: criterion.scaleMax, step: 1 } }}
      />
    );
  }
  return (
    <TextField
      id={id}
      select
      label={label}
      required
      value={value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      error={!!error}
      helperText={error}
      size="small"
      sx={{ width: 220 }}
    >
      <MenuItem value="">
        <em>{translate('cf.reviews.not_scored')}</em>
      </MenuItem>
      {choices.map((score) => (
        <MenuItem key={score} value={String(score)}>
          {score}
        </MenuItem>
      ))}
    </TextField>
  );
};

const CommentInput = ({
  id,
  label,
  value,
  error,
  onChange,
  rows = 3,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (comment: string) => void;
  rows?: number;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      id={id}
      label={label}
      required
      multiline
      minRows={rows}
      fullWidth
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={!!error}
      helperText={error ?? translate('cf.reviews.comment_help', { count: value.trim().length, min: REVIEW_MIN_COMMENT })}
      margin="dense"
      slotProps={{ htmlInput: { maxLength: 10_000 } }}
    />
  );
};

/**
 * The reviewer's scoring form: a score and a comment per criterion, an overall comment and a
 * recommendation; "Save draft" (PUT, with the version read) and "Submit review" (saves first when
 * something changed, then POST .../submit). Problems are shown on their fields.
 */
export const ReviewForm = ({
  review,
  narratives,
  onReload,
}: {
  review: Review;
  narratives: Record<string, string> | undefined;
  onReload: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyApiError('cf.review_errors');
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const criteria = review.criteria;
  const [values, setValues] = useState<ReviewValues>(() => valuesOf(review));
  const [baseline, setBaseline] = useState(() => serialize(valuesOf(review)));
  const [version, setVersion] = useState(review.version);
  const [problems, setProblems] = useState<Problems>({});
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [stale, setStale] = useState<string | null>(null);

  const dirty = serialize(values) !== baseline;
  const total = useMemo(
    () =>
      weightedTotal(
        criteria,
        criteria.map((c) => ({ criterionCode: c.code, score: values.scores[c.code]?.score ?? null })),
      ),
    [criteria, values],
  );

  // leaving the page with unsaved scores asks first
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setScore = (code: string, patch: Partial<ScoreValue>) => {
    setValues((current) => ({
      ...current,
      scores: { ...current.scores, [code]: { ...current.scores[code], ...patch } },
    }));
    setProblems((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[`scores.${code}.${key}`];
      return next;
    });
  };

  const setField = <K extends 'overallComment' | 'recommendation'>(field: K, value: ReviewValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });
  };

  /** Keeps what the API returned (the review's cache, the version for the next save). */
  const accept = (saved: Review | undefined, sent: ReviewValues) => {
    if (saved && typeof saved.version === 'number') {
      setVersion(saved.version);
      queryClient.setQueryData(assignmentKeys.review(review.assignmentId), {
        ...saved,
        criteria: Array.isArray(saved.criteria) && saved.criteria.length > 0 ? saved.criteria : criteria,
      });
    } else {
      void queryClient.invalidateQueries({ queryKey: assignmentKeys.review(review.assignmentId) });
    }
    setBaseline(serialize(sent));
  };

  /** Field problems of a 400/422 on their fields; true when there were some. */
  const showProblems = (error: unknown): boolean => {
    const list = errorProblems(error);
    if (list.length === 0) return false;
    const onFields: Problems = {};
    const elsewhere: string[] = [];
    for (const { field, reason } of list) {
      const key = normalizeField(field, criteria);
      const known = key === 'overallComment' || key === 'recommendation' || /^scores\.[^.]+\.(score|comment)$/.test(key);
      if (known) onFields[key] = onFields[key] ? `${onFields[key]}; ${reason}` : reason;
      else elsewhere.push(field ? `${field}: ${reason}` : reason);
    }
    setProblems(onFields);
    setOtherProblems(elsewhere);
    return true;
  };

  /** The API refused: a stale version, a locked review, field problems, or another error. */
  const handleError = (error: unknown) => {
    const code = errorBody(error)?.code;
    const status = errorStatus(error);
    if (status === 409 && code === 'STALE_VERSION') {
      setStale(errorMessage(error));
    } else if (status === 409 && code === 'REVIEW_LOCKED') {
      notifyError(error);
      onReload();
    } else if (!showProblems(error)) {
      notifyError(error);
    }
  };

  const saveDraft = async (quiet = false): Promise<boolean> => {
    const sent = values;
    setProblems({});
    setOtherProblems([]);
    try {
      const saved = await dataProvider.saveAssignmentReview(review.assignmentId, draftOf(criteria, sent, version));
      accept(saved, sent);
      if (!quiet) notify('cf.reviews.saved', { type: 'success' });
      return true;
    } catch (error) {
      handleError(error);
      return false;
    }
  };

  const onSave = async () => {
    setBusy('save');
    try {
      await saveDraft();
    } finally {
      setBusy(null);
    }
  };

  const onSubmitClick = () => {
    const local = localProblems(criteria, values, translate);
    setOtherProblems([]);
    if (Object.keys(local).length > 0) {
      setProblems(local);
      notify('cf.reviews.fix_before_submit', { type: 'warning', messageArgs: { smart_count: Object.keys(local).length } });
      return;
    }
    setProblems({});
    setConfirming(true);
  };

  const onSubmit = async () => {
    setBusy('submit');
    try {
      if (dirty && !(await saveDraft(true))) return;
      const submitted = await dataProvider.submitAssignmentReview(review.assignmentId);
      accept(submitted, values);
      notify('cf.reviews.submitted_done', { type: 'success' });
      // the assignment, the lists and the peer reviews change with the submission
      refresh();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  };

  const problemCount = Object.keys(problems).length + otherProblems.length;

  return (
    <Box component="form" noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="review-heading">
      <Stack spacing={2}>
        <WeightedTotal total={total} hint />
        {problemCount > 0 ? (
          <Alert severity="error" role="alert">
            <AlertTitle>{translate('cf.reviews.problems_title', { smart_count: problemCount })}</AlertTitle>
            {otherProblems.length > 0 ? (
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {otherProblems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </Box>
            ) : null}
          </Alert>
        ) : null}
        {criteria.map((criterion, index) => {
          const value = values.scores[criterion.code] ?? { score: null, comment: '' };
          return (
            <Card key={criterion.code} variant="outlined" role="group" aria-labelledby={`criterion-${criterion.code}-title`}>
              <CardContent>
                <CriterionHeading criterion={criterion} index={index} id={`criterion-${criterion.code}-title`} />
                <Guidance criterion={criterion} />
                <NarrativeAnswer code={criterion.code} narratives={narratives} />
                <Stack spacing={1} sx={{ mt: 1 }}>
                  <ScoreInput
                    criterion={criterion}
                    value={value.score}
                    error={problems[`scores.${criterion.code}.score`]}
                    onChange={(score) => setScore(criterion.code, { score })}
                  />
                  <CommentInput
                    id={`comment-${criterion.code}`}
                    label={translate('cf.reviews.comment')}
                    value={value.comment}
                    error={problems[`scores.${criterion.code}.comment`]}
                    onChange={(comment) => setScore(criterion.code, { comment })}
                  />
                </Stack>
              </CardContent>
            </Card>
          );
        })}
        <CommentInput
          id="overall-comment"
          label={translate('cf.reviews.overall_comment')}
          value={values.overallComment}
          error={problems.overallComment}
          onChange={(comment) => setField('overallComment', comment)}
          rows={4}
        />
        <FormControl required error={!!problems.recommendation}>
          <FormLabel id="recommendation-label">{translate('cf.reviews.recommendation')}</FormLabel>
          <RadioGroup
            aria-labelledby="recommendation-label"
            value={values.recommendation ?? ''}
            onChange={(event) => setField('recommendation', event.target.value as Recommendation)}
          >
            {RECOMMENDATIONS.map((recommendation) => (
              <FormControlLabel
                key={recommendation}
                value={recommendation}
                control={<Radio />}
                label={translate(`cf.recommendations.${recommendation}`)}
              />
            ))}
          </RadioGroup>
          {problems.recommendation ? <FormHelperText>{problems.recommendation}</FormHelperText> : null}
        </FormControl>
        <WeightedTotal total={total} />
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <Button variant="outlined" startIcon={<SaveIcon />} onClick={() => void onSave()} disabled={busy !== null || !dirty}>
            {translate('cf.reviews.save_draft')}
          </Button>
          <Button variant="contained" startIcon={<SendIcon />} onClick={onSubmitClick} disabled={busy !== null}>
            {translate('cf.reviews.submit')}
          </Button>
          <Typography variant="caption" aria-live="polite">
            {dirty ? translate('cf.reviews.unsaved') : translate('cf.reviews.all_saved')}
          </Typography>
        </Stack>
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={busy === 'submit'}
        title="cf.reviews.confirm_submit_title"
        content="cf.reviews.confirm_submit_content"
        confirm="cf.reviews.submit"
        onConfirm={() => void onSubmit()}
        onClose={() => busy === null && setConfirming(false)}
      />
      <StaleVersionDialog
        open={stale !== null}
        message={stale ?? undefined}
        title="cf.reviews.stale_title"
        content="cf.reviews.stale_content"
        onReload={() => {
          setStale(null);
          onReload();
        }}
        onClose={() => setStale(null)}
      />
    </Box>
  );
};
