import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-admin';
import { useLastReviewFund } from './review-board-queries';

/**
 * The fund of a per-fund page (`/review-board/:fundId`, `/ranking/:fundId`): from the URL, else the
 * fund last opened on either page; picking another fund changes the URL.
 */
export const useFundRoute = (basePath: string) => {
  const { fundId } = useParams<{ fundId?: string }>();
  const navigate = useNavigate();
  const [lastFundId, setLastFundId] = useLastReviewFund();

  useEffect(() => {
    if (fundId) {
      if (fundId !== lastFundId) setLastFundId(fundId);
    } else if (lastFundId) {
      navigate(`${basePath}/${encodeURIComponent(lastFundId)}`, { replace: true });
    }
  }, [basePath, fundId, lastFundId, navigate, setLastFundId]);

  const selectFund = (id: string | undefined) => {
    setLastFundId(id);
    navigate(id ? `${basePath}/${encodeURIComponent(id)}` : basePath);
  };

  return { fundId, selectFund };
};
