import { useState } from 'react';
import { Alert, Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { Loading, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { canDo } from '../access';
import { errorMessage, errorStatus } from '../common/api-error';
import { formatTorontoDateTime } from '../common/zoned-time';
import { useRoles } from '../proposals/proposal-access';
import type { Assignment, Criterion, CriterionScoreInput, Recommendation } from '../types';
import { useAssignmentProposal, useAssignmentReview } from './assignment-queries';
import { ReviewStatusChip } from './assignment-fields';
import { CriterionHeading, ReviewForm, WeightedTotal } from './review-form';

/** Scores, comments and recommendation of a review, read-only (a submitted review, a peer's, or for staff). */
export const ReviewReadOnly = ({
  criteria,
  scores,
  overallComment,
  recommendation,
  weightedTotal,
  headingLevel = 'h3',
}: {
  criteria: readonly Criterion[];
  scores: readonly CriterionScoreInput[];
  overallComment: string;
  recommendation: Recommendation | null;
  weightedTotal: number | null;
  headingLevel?: 'h3' | 'h4';
}) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2}>
      <WeightedTotal total={weightedTotal} />
      {criteria.map((criterion, index) => {
        const score = scores.find((s) => s.criterionCode === criterion.code);
        return (
          <Box key={criterion.code}>
            <CriterionHeading criterion={criterion} index={index} level={headingLevel} />
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              <strong>{translate('cf.reviews.score')}</strong>{' '}
              {score?.score === null || score?.score === undefined
                ? translate('cf.reviews.not_scored')
                : translate('cf.reviews.score_of', { score: score.score, max: criterion.scaleMax })}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {score?.comment?.trim() || '—'}
            </Typography>
            <Divider sx={{ mt: 1.5 }} />
          </Box>
        );
      })}
      <Box>
        <Typography component={headingLevel} variant="subtitle1">
          {translate('cf.reviews.overall_comment')}
        </Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
          {overallComment?.trim() || '—'}
        </Typography>
      </Box>
      <Box>
        <Typography component={headingLevel} variant="subtitle1">
          {translate('cf.reviews.recommendation')}
        </Typography>
        <Typography variant="body2">{recommendation ? translate(`cf.recommendations.${recommendation}`) : '—'}</Typography>
      </Box>
    </Stack>
  );
};

/**
 * The review of the assignment: the scoring form for the assigned reviewer until they submit it,
 * read-only afterwards and for staff.
 */
export const ReviewPanel = ({ assignment }: { assignment: Assignment }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const roles = useRoles();
  const { identity } = useGetIdentity();
  const { data: review, isPending, error, refetch } = useAssignmentReview(assignment.id);
  const { data: proposal } = useAssignmentProposal(assignment.proposalId);
  const [generation, setGeneration] = useState(0);

  const isAssignedReviewer = !!identity && String(identity.id) === String(assignment.reviewerId);
  const editable = !!review && review.status !== 'submitted' && isAssignedReviewer && canDo('assignments', 'review', roles);

  const reload = () => {
    void refetch().then(() => setGeneration((g) => g + 1));
  };

  return (
    <Card component="section" variant="outlined" aria-labelledby="review-heading">
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography id="review-heading" component="h2" variant="h3">
            {translate(isAssignedReviewer ? 'cf.reviews.your_review' : 'cf.reviews.review')}
          </Typography>
          {review ? <ReviewStatusChip status={review.status} /> : null}
        </Stack>
        {isPending ? (
          <Loading />
        ) : error || !review ? (
          <Alert severity={errorStatus(error) === 403 ? 'info' : 'error'}>
            {errorStatus(error) === 403
              ? translate('cf.reviews.not_allowed')
              : errorMessage(error) || translate('ra.notification.http_error')}
          </Alert>
        ) : review.criteria.length === 0 ? (
          <Alert severity="warning">{translate('cf.funds.no_criteria')}</Alert>
        ) : editable ? (
          <>
            {assignment.overdue ? (
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('cf.reviews.overdue_notice', { date: formatTorontoDateTime(assignment.dueAt, locale, 'long') })}
              </Alert>
            ) : null}
            <ReviewForm key={generation} review={review} narratives={proposal?.narratives} onReload={reload} />
          </>
        ) : (
          <>
            {review.status === 'submitted' ? (
              <Alert severity="success" sx={{ mb: 2 }}>
                {translate('cf.reviews.submitted_on', {
                  date: formatTorontoDateTime(review.submittedAt ?? assignment.submittedAt, locale, 'long'),
                })}
              </Alert>
            ) : (
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('cf.reviews.not_submitted_yet')}
              </Alert>
            )}
            <ReviewReadOnly
              criteria={review.criteria}
              scores={review.scores}
              overallComment={review.overallComment}
              recommendation={review.recommendation}
              weightedTotal={review.weightedTotal}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
};
