/// <reference types="jest" />
import { formatTorontoDateTime, instantFromZoned, zonedInputToIso, zonedInputValue } from './zoned-time';

describe('Toronto time in the console, whatever the browser’s zone', () => {
  it('sends a Toronto wall time with the offset Toronto has on that date', () => {
    expect(zonedInputToIso('2021-06-28T17:00')).toBe('2021-06-28T17:00:00.000-04:00'); // EDT
    expect(zonedInputToIso('2021-12-01T09:30')).toBe('2021-12-01T09:30:00.000-05:00'); // EST
  });

  it('includes the whole minute when asked (11:59 p.m. means until 23:59:59.999)', () => {
    expect(zonedInputToIso('2021-06-25T23:59', { endOfMinute: true })).toBe('2021-06-25T23:59:59.999-04:00');
  });

  it('handles the DST changes: a skipped time moves forward, a repeated one takes its first occurrence', () => {
    expect(zonedInputToIso('2022-03-13T02:30')).toBe('2022-03-13T03:30:00.000-04:00');
    expect(zonedInputToIso('2022-11-06T01:30')).toBe('2022-11-06T01:30:00.000-04:00');
    expect(instantFromZoned('2022-11-06T02:30')?.toISOString()).toBe('2022-11-06T07:30:00.000Z');
  });

  it('shows an instant on Toronto clocks for inputs and people', () => {
    expect(zonedInputValue('2021-06-26T03:59:59.999Z')).toBe('2021-06-25T23:59');
    expect(zonedInputValue('not a date')).toBe('');
    expect(formatTorontoDateTime('2021-06-26T03:59:59.999Z', 'en')).toMatch(/Jun 25, 2021.*11:59.*EDT/);
    expect(formatTorontoDateTime('2021-06-26T03:59:59.999Z', 'fr')).toMatch(/25 juin 2021.*23 h 59.*HAE/);
  });

  it('rejects what is not a local date-time', () => {
    expect(zonedInputToIso('2021-06-28')).toBeNull();
    expect(zonedInputToIso('')).toBeNull();
  });
});
