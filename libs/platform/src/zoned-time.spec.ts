import { formatZoned, instantFromZoned, TORONTO } from './zoned-time';

describe('Toronto wall-clock time', () => {
  it('reads the 2021 deadline in EDT (UTC-4): 11:59:59.999 p.m. on June 25 is 03:59:59.999Z on June 26', () => {
    expect(instantFromZoned('2021-06-25T23:59:59.999', TORONTO).toISOString()).toBe('2021-06-26T03:59:59.999Z');
  });

  it('reads a November deadline, after the fall change, in EST (UTC-5)', () => {
    expect(instantFromZoned('2026-11-20T23:59:59.999', TORONTO).toISOString()).toBe('2026-11-21T04:59:59.999Z');
    expect(instantFromZoned('2021-11-30T23:59', TORONTO).toISOString()).toBe('2021-12-01T04:59:00.000Z');
  });

  it('handles the days of the changes themselves', () => {
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT; 2:30 does not exist and moves forward
    expect(instantFromZoned('2026-03-08T01:59:59.999', TORONTO).toISOString()).toBe('2026-03-08T06:59:59.999Z');
    expect(instantFromZoned('2026-03-08T03:00', TORONTO).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(instantFromZoned('2026-03-08T02:30', TORONTO).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 1:30 happens twice, the first (EDT) counts
    expect(instantFromZoned('2026-11-01T01:30', TORONTO).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantFromZoned('2026-11-01T02:30', TORONTO).toISOString()).toBe('2026-11-01T07:30:00.000Z');
  });

  it('formats instants with the offset in force', () => {
    expect(formatZoned(new Date('2021-06-26T03:59:59.999Z'), TORONTO)).toBe('2021-06-25T23:59:59.999-04:00');
    expect(formatZoned(new Date('2021-06-26T04:00:00.000Z'), TORONTO)).toBe('2021-06-26T00:00:00.000-04:00');
    expect(formatZoned(new Date('2026-11-21T04:59:59.999Z'), TORONTO)).toBe('2026-11-20T23:59:59.999-05:00');
  });
});
