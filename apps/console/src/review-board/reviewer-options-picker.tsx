import {
  Alert,
  Box,
  Chip,
  Radio,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { Loading, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import type { ReviewerOption } from '../types';
import { useReviewerOptions } from './review-board-queries';

/** Eligible first, then the best expertise, then the lightest load. */
const byFit = (a: ReviewerOption, b: ReviewerOption) =>
  Number(a.conflicts.length > 0 || a.assigned) - Number(b.conflicts.length > 0 || b.assigned) ||
  a.expertise - b.expertise ||
  a.load / Math.max(1, a.maxLoad) - b.load / Math.max(1, b.maxLoad) ||
  a.displayName.localeCompare(b.displayName);

/**
 * The active reviewers for one proposal, to pick one: load against maximum, expertise, conflicts
 * of interest. Conflicted reviewers and those already on the proposal cannot be picked.
 */
export const ReviewerOptionsPicker = ({
  proposalId,
  value,
  onChange,
}: {
  proposalId: string;
  value: string | null;
  onChange: (reviewerId: string) => void;
}) => {
  const translate = useTranslate();
  const { data, isPending, error } = useReviewerOptions(proposalId);
  if (isPending) return <Loading />;
  if (error) return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;
  if (!data || data.length === 0) return <Typography variant="body2">{translate('cf.review_board.no_reviewers')}</Typography>;
  const options = [...data].sort(byFit);
  return (
    <TableContainer sx={{ maxHeight: 420 }}>
      <Table size="small" stickyHeader aria-label={translate('cf.review_board.pick_reviewer')}>
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Box component="span" sx={visuallyHidden}>
                {translate('cf.review_board.select')}
              </Box>
            </TableCell>
            <TableCell>{translate('cf.review_board.reviewer')}</TableCell>
            <TableCell>{translate('cf.review_board.load')}</TableCell>
            <TableCell>{translate('cf.review_board.expertise')}</TableCell>
            <TableCell>{translate('cf.review_board.conflicts')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {options.map((option) => {
            const conflicted = option.conflicts.length > 0;
            const disabled = conflicted || option.assigned;
            const full = option.load >= option.maxLoad;
            return (
              <TableRow
                key={option.reviewerId}
                hover={!disabled}
                selected={value === option.reviewerId}
                onClick={() => !disabled && onChange(option.reviewerId)}
                sx={{ cursor: disabled ? 'default' : 'pointer', opacity: disabled ? 0.6 : 1 }}
              >
                <TableCell padding="checkbox">
                  <Radio
                    checked={value === option.reviewerId}
                    disabled={disabled}
                    onChange={() => onChange(option.reviewerId)}
                    name="reviewer-option"
                    value={option.reviewerId}
                    slotProps={{ input: { 'aria-label': option.displayName } }}
                  />
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <span>{option.displayName}</span>
                    {option.assigned ? <Chip size="small" label={translate('cf.review_board.already_assigned')} /> : null}
                  </Stack>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {translate('cf.review_board.load_of', { load: option.load, max: option.maxLoad })}
                  {full ? (
                    <Chip
                      size="small"
                      color="warning"
                      variant="outlined"
                      label={translate('cf.review_board.at_max')}
                      sx={{ ml: 1 }}
                    />
                  ) : null}
                </TableCell>
                <TableCell>{translate(`cf.expertise.${option.expertise}`, { _: String(option.expertise) })}</TableCell>
                <TableCell>
                  {conflicted ? (
                    <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
                      {option.conflicts.map((conflict, index) => (
                        <li key={`${conflict.reason}-${index}`}>
                          <Chip
                            size="small"
                            color="error"
                            label={translate(`cf.conflict_reasons.${conflict.reason}`, { _: conflict.reason })}
                          />{' '}
                          <Typography component="span" variant="caption">
                            {conflict.detail}
                          </Typography>
                        </li>
                      ))}
                    </Stack>
                  ) : (
                    <Typography variant="body2">{translate('cf.review_board.no_conflict')}</Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
