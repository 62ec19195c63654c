import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { Loading, useLocaleState, useTranslate } from 'react-admin';
import { errorMessage } from '../common/api-error';
import { formatCents } from '../common/money';
import type { Ledger } from '../types';

type Segment = 'disbursed' | 'committed' | 'recommended' | 'remaining';

const COLORS: Record<Segment, string> = {
  disbursed: 'success.dark',
  committed: 'primary.main',
  recommended: 'warning.main',
  remaining: 'grey.300',
};

/** A share of the envelope in percent (0 to 100), for the bar's widths. */
const share = (cents: number, envelope: number) => (envelope > 0 ? Math.max(0, Math.min(100, (100 * cents) / envelope)) : 0);

const Stat = ({ segment, label, value }: { segment?: Segment; label: string; value: string }) => (
  <Box sx={{ minWidth: 150 }}>
    <Typography component="dt" variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
      {segment ? (
        <Box
          component="span"
          aria-hidden="true"
          sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: COLORS[segment], display: 'inline-block' }}
        />
      ) : null}
      {label}
    </Typography>
    <Typography component="dd" variant="h6" sx={{ m: 0, fontWeight: 700, whiteSpace: 'nowrap' }}>
      {value}
    </Typography>
  </Box>
);

/**
 * The fund's envelope: what is disbursed, committed (confirmed awards), recommended (awaiting
 * confirmation) and what remains, as a stacked bar (one accessible image with the whole summary)
 * and the amounts in text. Committed includes disbursed; recommended is not committed yet.
 */
export const EnvelopeGauge = ({
  ledger,
  isPending,
  error,
}: {
  ledger: Ledger | undefined;
  isPending: boolean;
  error: unknown;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (isPending) return <Loading />;
  if (error || !ledger) {
    return <Alert severity="error">{errorMessage(error) || translate('ra.notification.http_error')}</Alert>;
  }
  const money = (cents: number) => formatCents(cents, locale);
  const { envelopeCents: envelope, committedCents, disbursedCents, recommendedCents, remainingCents } = ledger;
  const committedOnly = Math.max(0, committedCents - disbursedCents);
  // the pending recommendations as far as they fit in what remains; the rest is shown as a warning
  const pendingShown = Math.min(recommendedCents, Math.max(0, remainingCents));
  const free = Math.max(0, remainingCents - recommendedCents);
  const widths: Record<Segment, number> = {
    disbursed: share(disbursedCents, envelope),
    committed: share(committedOnly, envelope),
    recommended: share(pendingShown, envelope),
    remaining: share(free, envelope),
  };
  const summary = translate('cf.awards.gauge.summary', {
    envelope: money(envelope),
    committed: money(committedCents),
    disbursed: money(disbursedCents),
    recommended: money(recommendedCents),
    remaining: money(remainingCents),
  });
  const usedPercent = Math.round(share(committedCents, envelope));

  return (
    <Card component="section" variant="outlined" aria-labelledby="envelope-heading">
      <CardContent>
        <Typography id="envelope-heading" component="h2" variant="h3" gutterBottom>
          {translate('cf.awards.gauge.title')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('cf.awards.gauge.committed_share', {
            committed: money(committedCents),
            envelope: money(envelope),
            percent: usedPercent,
          })}
        </Typography>
        <Box
          role="img"
          aria-label={summary}
          sx={{
            display: 'flex',
            height: 20,
            width: '100%',
            maxWidth: 960,
            borderRadius: 1,
            overflow: 'hidden',
            bgcolor: COLORS.remaining,
            border: 1,
            borderColor: 'divider',
          }}
        >
          {(['disbursed', 'committed', 'recommended', 'remaining'] as const).map((segment) =>
            widths[segment] > 0 ? (
              <Box
                key={segment}
                aria-hidden="true"
                title={translate(`cf.awards.gauge.${segment}`)}
                sx={{
                  width: `${widths[segment]}%`,
                  bgcolor: COLORS[segment],
                  ...(segment === 'recommended'
                    ? {
                        backgroundImage: 'repeating-linear-gradient(45deg, rgba(255,255,255,0.35) 0 6px, transparent 6px 12px)',
                      }
                    : {}),
                }}
              />
            ) : null,
          )}
        </Box>
        <Box component="dl" sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mt: 2, mb: 0 }}>
          <Stat label={translate('cf.awards.gauge.envelope')} value={money(envelope)} />
          <Stat segment="committed" label={translate('cf.awards.gauge.committed')} value={money(committedCents)} />
          <Stat segment="disbursed" label={translate('cf.awards.gauge.disbursed')} value={money(disbursedCents)} />
          <Stat segment="recommended" label={translate('cf.awards.gauge.recommended')} value={money(recommendedCents)} />
          <Stat segment="remaining" label={translate('cf.awards.gauge.remaining')} value={money(remainingCents)} />
        </Box>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('cf.awards.gauge.counts', { smart_count: ledger.awards, waitlisted: ledger.waitlisted })}
        </Typography>
        {recommendedCents > remainingCents ? (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {translate('cf.awards.gauge.over', {
              recommended: money(recommendedCents),
              remaining: money(Math.max(0, remainingCents)),
            })}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
};
