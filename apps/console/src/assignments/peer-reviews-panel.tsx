import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { Loading, useTranslate } from 'react-admin';
import { errorBody, errorMessage, errorStatus } from '../common/api-error';
import type { Assignment } from '../types';
import { useAssignmentReview, usePeerReviews } from './assignment-queries';
import { ReviewReadOnly } from './review-panel';

/** The API labels peers "Reviewer 2" (in English): shown in the UI's language. */
const peerLabel = (label: string, index: number, translate: (key: string, options?: object) => string): string => {
  const number = /(\d+)\s*$/.exec(label ?? '')?.[1];
  return translate('cf.peer_reviews.reviewer_n', { n: number ?? index + 1 });
};

/**
 * The other reviewers' submitted reviews, without their identities, once the reviewer submitted
 * their own (and when the fund allows it: the API answers 403 PEER_SCORES_HIDDEN otherwise).
 */
export const PeerReviewsPanel = ({ assignment }: { assignment: Assignment }) => {
  const translate = useTranslate();
  const { data: review } = useAssignmentReview(assignment.id);
  const submitted = review?.status === 'submitted';
  const { data, isPending, error } = usePeerReviews(assignment.id, submitted);
  if (!submitted || !review) return null;

  const hidden = errorStatus(error) === 403 || errorBody(error)?.code === 'PEER_SCORES_HIDDEN';

  return (
    <Card component="section" variant="outlined" aria-labelledby="peer-reviews-heading">
      <CardContent>
        <Typography id="peer-reviews-heading" component="h2" variant="h3" gutterBottom>
          {translate('cf.peer_reviews.title')}
        </Typography>
        {isPending ? (
          <Loading />
        ) : hidden ? (
          <Alert severity="info">{translate('cf.peer_reviews.hidden')}</Alert>
        ) : error ? (
          <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
        ) : !data || data.length === 0 ? (
          <Typography variant="body2">{translate('cf.peer_reviews.none')}</Typography>
        ) : (
          <Stack spacing={2}>
            {data.map((peer, index) => (
              <Card
                key={`${peer.label}-${index}`}
                variant="outlined"
                component="article"
                aria-labelledby={`peer-${index}-heading`}
              >
                <CardContent>
                  <Typography id={`peer-${index}-heading`} component="h3" variant="h6" gutterBottom>
                    {peerLabel(peer.label, index, translate)}
                  </Typography>
                  <ReviewReadOnly
                    criteria={review.criteria}
                    scores={peer.scores}
                    overallComment={peer.overallComment}
                    recommendation={peer.recommendation}
                    weightedTotal={peer.weightedTotal}
                    headingLevel="h4"
                  />
                </CardContent>
              </Card>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
