import { Alert, AlertTitle, Chip, Typography } from '@mui/material';
import { usePermissions, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { canDo } from '../access';
import { useServerNow } from '../common/server-clock';
import { formatTorontoDateTime } from '../common/zoned-time';
import { APPLICANT_ACTIVE_STATUSES, type Proposal, type ProposalDeadline } from '../types';

interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const split = (ms: number): Remaining => {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
};

export type DeadlineState = 'open' | 'closed' | 'not_open';

/** Where the applicant stands, on the server's clock (corrected for the client's skew). */
export const deadlineState = (deadline: ProposalDeadline, now: number): DeadlineState => {
  const remaining = Date.parse(deadline.effectiveDeadline) - now;
  if (remaining < 0) return 'closed';
  // before the deadline but the server said it is not open: the intake has not opened yet
  return deadline.open ? 'open' : 'not_open';
};

/** "3 days, 4 hours, 12 minutes and 5 seconds", in the UI's language. */
const useLongDuration = () => {
  const translate = useTranslate();
  return (r: Remaining) => {
    const parts: string[] = [];
    if (r.days) parts.push(translate('cf.countdown.days', { smart_count: r.days }));
    if (r.days || r.hours) parts.push(translate('cf.countdown.hours', { smart_count: r.hours }));
    parts.push(translate('cf.countdown.minutes', { smart_count: r.minutes }));
    if (!r.days) parts.push(translate('cf.countdown.seconds', { smart_count: r.seconds }));
    return parts.join(', ');
  };
};

/** A compact countdown chip for lists. */
export const DeadlineCountdownField = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useServerNow(1000);
  const deadline = record?.deadline;
  if (!record || !deadline) return null;
  const local = formatTorontoDateTime(deadline.effectiveDeadline, locale);
  const state = deadlineState(deadline, now);
  if (state === 'closed' || !APPLICANT_ACTIVE_STATUSES.includes(record.status)) {
    return (
      <Typography component="span" variant="body2" title={local}>
        {state === 'closed' ? translate('cf.deadline.closed_short') : local}
      </Typography>
    );
  }
  const r = split(Date.parse(deadline.effectiveDeadline) - now);
  const text =
    r.days > 0
      ? translate('cf.countdown.short_days', { days: r.days, hours: r.hours, minutes: r.minutes })
      : translate('cf.countdown.short_hours', { hours: r.hours, minutes: r.minutes, seconds: r.seconds });
  return (
    <Chip
      size="small"
      variant="outlined"
      color={r.days === 0 ? 'warning' : 'default'}
      label={text}
      title={translate('cf.deadline.closes_at', { date: local })}
    />
  );
};

/**
 * The deadline of a proposal on Toronto's clocks and the time left, ticking every second on
 * the server's clock (the client's skew is corrected with the server time of the last read).
 */
export const DeadlineBanner = () => {
  const record = useRecordContext<Proposal>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useServerNow(1000);
  const longDuration = useLongDuration();
  const { permissions } = usePermissions<string[]>();
  const deadline = record?.deadline;
  if (!record || !deadline) return null;
  const state = deadlineState(deadline, now);
  // the applicant's point of view: what they can still do; staff only read the dates
  const applicant = canDo('proposals', 'submit', Array.isArray(permissions) ? permissions : []);
  const active = applicant && APPLICANT_ACTIVE_STATUSES.includes(record.status);
  const remainingMs = Date.parse(deadline.effectiveDeadline) - now;
  const severity = state === 'closed' ? 'error' : state === 'not_open' || remainingMs < 86_400_000 ? 'warning' : 'info';
  return (
    <Alert severity={active ? severity : 'info'} sx={{ mb: 2 }} component="section" aria-label={translate('cf.deadline.title')}>
      <AlertTitle>{translate('cf.deadline.title')}</AlertTitle>
      <Typography variant="body2">
        {translate('cf.deadline.closes_at', { date: formatTorontoDateTime(deadline.closesAt, locale, 'long') })}
      </Typography>
      {deadline.extensionUntil ? (
        <Typography variant="body2">
          {translate('cf.deadline.extension', { date: formatTorontoDateTime(deadline.extensionUntil, locale, 'long') })}
        </Typography>
      ) : null}
      {state === 'open' ? (
        <Typography variant="body2" sx={{ fontWeight: 700 }} role="timer" data-testid="deadline-countdown">
          {translate('cf.deadline.remaining', { time: longDuration(split(remainingMs)) })}
        </Typography>
      ) : (
        <Typography variant="body2" sx={{ fontWeight: 700 }}>
          {translate(state === 'closed' ? (active ? 'cf.deadline.closed' : 'cf.deadline.closed_short') : 'cf.deadline.not_open')}
        </Typography>
      )}
      <Typography variant="caption">{translate('cf.deadline.server_clock')}</Typography>
    </Alert>
  );
};
