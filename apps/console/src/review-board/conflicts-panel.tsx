import { useState } from 'react';
import {
  Alert,
  Card,
  CardContent,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Typography,
} from '@mui/material';
import { LinkBase, Loading, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { formatTorontoDateTime } from '../common/zoned-time';
import type { Conflict } from '../types';

const PER_PAGE = 10;

/**
 * The conflicts of interest of the fund's proposals (program officers, administrators): declared by
 * reviewers or recorded by officers, newest first. These reviewers are never assigned to these proposals.
 */
export const ConflictsPanel = ({ fundId }: { fundId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [page, setPage] = useState(1);
  const { data, total, isPending, error } = useGetList<Conflict>('conflicts', {
    filter: { fundId },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page, perPage: PER_PAGE },
  });
  const conflicts = data ?? [];

  return (
    <Card component="section" variant="outlined" aria-labelledby="conflicts-heading">
      <CardContent>
        <Typography id="conflicts-heading" component="h2" variant="h3">
          {translate('cf.conflict_list.title')}
        </Typography>
        <Typography variant="body2" sx={{ mt: 1, mb: 1 }}>
          {translate('cf.conflict_list.explain')}
        </Typography>
        {isPending ? (
          <Loading />
        ) : error ? (
          <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>
        ) : conflicts.length === 0 ? (
          <Typography variant="body2">{translate('cf.conflict_list.none')}</Typography>
        ) : (
          <>
            <TableContainer>
              <Table size="small" aria-label={translate('cf.conflict_list.table_label')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('cf.conflict_list.proposal')}</TableCell>
                    <TableCell>{translate('cf.conflict_list.reviewer')}</TableCell>
                    <TableCell>{translate('cf.conflict_list.reason')}</TableCell>
                    <TableCell>{translate('cf.conflict_list.source')}</TableCell>
                    <TableCell>{translate('cf.conflict_list.recorded_at')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {conflicts.map((conflict) => (
                    <TableRow key={conflict.id}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Link component={LinkBase} to={`/proposals/${encodeURIComponent(conflict.proposalId)}/show`}>
                          {conflict.trackingNumber ?? translate('cf.conflict_list.no_tracking_number')}
                        </Link>
                      </TableCell>
                      <TableCell>{conflict.reviewerName}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-line' }}>{conflict.reason}</TableCell>
                      <TableCell>{translate(`cf.conflict_list.sources.${conflict.source}`, { _: conflict.source })}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTorontoDateTime(conflict.createdAt, locale)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            {(total ?? 0) > PER_PAGE ? (
              <TablePagination
                component="div"
                count={total ?? 0}
                page={page - 1}
                onPageChange={(_event, next) => setPage(next + 1)}
                rowsPerPage={PER_PAGE}
                rowsPerPageOptions={[]}
                labelDisplayedRows={({ from, to, count }) =>
                  translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
                }
                getItemAriaLabel={(type) => translate(`ra.navigation.${type}`)}
              />
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
};
