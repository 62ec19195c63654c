import { addDays, addMonths, daysBetween, isCalendarDate, localDate } from './calendar-date';

describe('calendar dates', () => {
  it('knows real dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate(20250101)).toBe(false);
  });

  it('adds days and months, clamping to the end of the month', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 18)).toBe('2027-05-15');
    expect(addMonths('2025-01-31', -2)).toBe('2024-11-30');
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
  });

  it('counts days across DST changes as calendar days', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2025-11-03', '2025-11-01')).toBe(-2);
  });

  it('gives the date an instant falls on in Toronto, DST included', () => {
    // 23:59 EST on 2025-11-02 (the day clocks fall back) is 04:59Z the next day
    expect(localDate(new Date('2025-11-03T04:59:59Z'), 'America/Toronto')).toBe('2025-11-02');
    expect(localDate(new Date('2025-11-03T05:00:00Z'), 'America/Toronto')).toBe('2025-11-03');
    // in EDT, midnight is 04:00Z
    expect(localDate(new Date('2026-03-09T03:59:59Z'), 'America/Toronto')).toBe('2026-03-08');
    expect(localDate(new Date('2026-03-09T04:00:00Z'), 'America/Toronto')).toBe('2026-03-09');
  });
});
