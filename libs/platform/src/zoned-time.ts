/**
 * Wall-clock time in a named zone (America/Toronto) <-> instants, DST-correct, with the platform's
 * IANA data (Intl). No dependency: the conversion is a fixed point on the zone's offset.
 */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (EDT: -4 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which clocks in `timeZone` show `local` (`YYYY-MM-DDTHH:mm[:ss[.SSS]]`).
 * A time skipped by a spring-forward gap moves forward by the gap; a repeated time (fall back)
 * resolves to its first occurrence.
 */
export function instantFromZoned(local: string, timeZone: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms);
  // the earlier of the candidate offsets first, so repeated times take their first occurrence
  const candidates = [zoneOffsetMs(new Date(wall - 86_400_000), timeZone), zoneOffsetMs(new Date(wall + 86_400_000), timeZone)];
  candidates.sort((a, b) => b - a);
  for (const offset of candidates) {
    const instant = new Date(wall - offset);
    if (zoneOffsetMs(instant, timeZone) === offset) return instant;
  }
  // in a gap: no offset fits; use the offset before the gap, which lands after it
  return new Date(wall - candidates[1]);
}

/** `YYYY-MM-DDTHH:mm:ss.SSS±HH:MM` as clocks show it in the zone. */
export function formatZoned(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMs(instant, timeZone);
  const local = new Date(instant.getTime() + offset).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export const TORONTO = 'America/Toronto';
