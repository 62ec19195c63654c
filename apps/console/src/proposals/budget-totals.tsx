import { Alert, Box, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatCents, requestCapCents, sumCents } from '../common/money';
import type { BudgetLine, Fund, MicroCredential } from '../types';

/**
 * Live totals of the budget being edited, against the fund's cap for the micro-credentials
 * planned (the server checks the same rule at submission).
 */
export const BudgetTotals = ({ fund }: { fund: Fund | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const budget = (useWatch({ name: 'budget' }) ?? []) as Partial<BudgetLine>[];
  const credentials = (useWatch({ name: 'microCredentials' }) ?? []) as Partial<MicroCredential>[];
  const requested = sumCents(budget.map((line) => line?.requestedCents));
  const partner = sumCents(budget.map((line) => line?.partnerCents));
  const cap = fund ? requestCapCents(fund, credentials) : null;
  const stackable = credentials.filter((c) => c?.stackable).length;
  const over = cap !== null && credentials.length > 0 && requested > cap;

  return (
    <Box sx={{ mt: 2, maxWidth: 640 }} aria-live="polite">
      <Typography component="h3" variant="h6" gutterBottom>
        {translate('cf.budget.totals')}
      </Typography>
      <Table size="small">
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row">
              {translate('cf.budget.requested_total')}
            </TableCell>
            <TableCell align="right" data-testid="budget-requested-total">
              {formatCents(requested, locale)}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              {translate('cf.budget.partner_total')}
            </TableCell>
            <TableCell align="right">{formatCents(partner, locale)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              {translate('cf.budget.project_total')}
            </TableCell>
            <TableCell align="right">{formatCents(requested + partner, locale)}</TableCell>
          </TableRow>
          {fund && cap !== null ? (
            <TableRow>
              <TableCell component="th" scope="row">
                {credentials.length === 0
                  ? translate('cf.budget.cap_no_credentials')
                  : stackable >= fund.stackMinCredentials
                    ? translate('cf.budget.cap_stack', { smart_count: credentials.length, min: fund.stackMinCredentials })
                    : translate('cf.budget.cap', { smart_count: credentials.length })}
              </TableCell>
              <TableCell align="right">{credentials.length === 0 ? '—' : formatCents(cap, locale)}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
      {fund ? (
        <Typography variant="caption" component="p" sx={{ mt: 1 }}>
          {translate('cf.budget.cap_rule', {
            single: formatCents(fund.capSingleCents, locale),
            stack: formatCents(fund.capStackCents, locale),
            min: fund.stackMinCredentials,
          })}
        </Typography>
      ) : null}
      {over ? (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('cf.budget.over_cap', { over: formatCents(requested - (cap ?? 0), locale) })}
        </Alert>
      ) : null}
    </Box>
  );
};
