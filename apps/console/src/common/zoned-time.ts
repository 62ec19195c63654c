/**
 * Wall-clock time in America/Toronto <-> instants, DST-correct, with the browser's IANA data
 * (Intl), whatever the browser's own time zone is. The same algorithm as the server's.
 */

export const TORONTO = 'America/Toronto';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const partFormats = new Map<string, Intl.DateTimeFormat>();
const partsFormat = (timeZone: string): Intl.DateTimeFormat => {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
};

/** The zone's offset from UTC at an instant, in milliseconds (EDT: -4 h, EST: -5 h). */
export const zoneOffsetMs = (instant: Date, timeZone = TORONTO): number => {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
};

/**
 * The instant at which clocks in `timeZone` show `local` (`YYYY-MM-DDTHH:mm[:ss[.SSS]]`).
 * A time skipped by the spring-forward gap moves forward by the gap; a repeated time (fall back)
 * resolves to its first occurrence.
 */
export const instantFromZoned = (local: string, timeZone = TORONTO): Date | null => {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms);
  if (Number.isNaN(wall)) return null;
  const candidates = [zoneOffsetMs(new Date(wall - 86_400_000), timeZone), zoneOffsetMs(new Date(wall + 86_400_000), timeZone)];
  candidates.sort((a, b) => b - a);
  for (const offset of candidates) {
    const instant = new Date(wall - offset);
    if (zoneOffsetMs(instant, timeZone) === offset) return instant;
  }
  return new Date(wall - candidates[1]);
};

const offsetText = (offsetMs: number): string => {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMs) / 60_000;
  return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** `YYYY-MM-DDTHH:mm:ss.SSS±HH:MM` as clocks show the instant in the zone. */
export const formatZonedIso = (instant: Date, timeZone = TORONTO): string => {
  const offset = zoneOffsetMs(instant, timeZone);
  const local = new Date(instant.getTime() + offset).toISOString().slice(0, 23);
  return `${local}${offsetText(offset)}`;
};

/** Toronto wall time `YYYY-MM-DDTHH:mm` of an ISO instant (for a datetime-local input), or ''. */
export const zonedInputValue = (iso: string | null | undefined, timeZone = TORONTO): string => {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  return formatZonedIso(instant, timeZone).slice(0, 16);
};

/**
 * A Toronto wall time typed in a datetime-local input (`YYYY-MM-DDTHH:mm`) as an ISO instant
 * with the offset Toronto has on that date (DST-aware), e.g. `2021-06-28T17:00:00.000-04:00`.
 * With `endOfMinute`, the whole minute is included (`23:59` -> `23:59:59.999`).
 */
export const zonedInputToIso = (local: string, options: { endOfMinute?: boolean; timeZone?: string } = {}): string | null => {
  const timeZone = options.timeZone ?? TORONTO;
  const value = local.length === 16 && options.endOfMinute ? `${local}:59.999` : local;
  const instant = instantFromZoned(value, timeZone);
  return instant ? formatZonedIso(instant, timeZone) : null;
};

const displayFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant on Toronto clocks, in the UI's language, with the zone's abbreviation (EDT / HAE). */
export const formatTorontoDateTime = (
  iso: string | null | undefined,
  locale: string,
  style: 'long' | 'medium' = 'medium',
): string => {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const tag = `${locale === 'fr' ? 'fr-CA' : 'en-CA'}|${style}`;
  let format = displayFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
      timeZone: TORONTO,
      weekday: style === 'long' ? 'long' : undefined,
      year: 'numeric',
      month: style === 'long' ? 'long' : 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: style === 'long' ? '2-digit' : undefined,
      timeZoneName: 'short',
    });
    displayFormats.set(tag, format);
  }
  return format.format(instant);
};

/** A calendar date (YYYY-MM-DD) in the UI's language, without any time zone shift. */
export const formatCalendarDate = (date: string | null | undefined, locale: string): string => {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date ?? '';
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-CA' : 'en-CA', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
};
