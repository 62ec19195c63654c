import { daysOverdue, isOverdue, reportNoticeDue, today } from './overdue-policy';

describe('overdue policy (America/Toronto)', () => {
  it('is on time for the whole due day in Toronto, overdue from the next midnight there', () => {
    // Winter (EST, UTC-5): midnight is 05:00Z.
    expect(isOverdue('2026-01-15', false, new Date('2026-01-16T04:59:59.999Z'))).toBe(false);
    expect(isOverdue('2026-01-15', false, new Date('2026-01-16T05:00:00.000Z'))).toBe(true);
    // Summer (EDT, UTC-4): midnight is 04:00Z.
    expect(isOverdue('2026-07-15', false, new Date('2026-07-16T03:59:59.999Z'))).toBe(false);
    expect(isOverdue('2026-07-15', false, new Date('2026-07-16T04:00:00.000Z'))).toBe(true);
  });

  it('moves across a DST change with the zone, not a fixed offset', () => {
    // Due on the day clocks spring forward (2026-03-08): the day ends at 04:00Z (EDT), not 05:00Z.
    expect(isOverdue('2026-03-08', false, new Date('2026-03-09T03:59:59Z'))).toBe(false);
    expect(isOverdue('2026-03-08', false, new Date('2026-03-09T04:00:00Z'))).toBe(true);
    // Due the day before clocks fall back (2025-11-01, EDT): ends at 04:00Z on 2025-11-02.
    expect(isOverdue('2025-11-01', false, new Date('2025-11-02T03:59:59Z'))).toBe(false);
    expect(isOverdue('2025-11-01', false, new Date('2025-11-02T04:00:00Z'))).toBe(true);
    // Due the day clocks fall back (2025-11-02): a 25-hour day that ends at 05:00Z (EST).
    expect(isOverdue('2025-11-02', false, new Date('2025-11-03T04:30:00Z'))).toBe(false);
    expect(isOverdue('2025-11-02', false, new Date('2025-11-03T05:00:00Z'))).toBe(true);
  });

  it('is never overdue once done, and counts the days late', () => {
    expect(isOverdue('2020-01-01', true, new Date('2026-01-01T12:00:00Z'))).toBe(false);
    expect(daysOverdue('2026-01-10', false, new Date('2026-01-15T12:00:00Z'))).toBe(5);
    expect(daysOverdue('2026-01-10', true, new Date('2026-01-15T12:00:00Z'))).toBe(0);
    expect(today(new Date('2026-01-01T03:00:00Z'))).toBe('2025-12-31');
  });

  it('reminds once in the two weeks before, then notices once when overdue', () => {
    const r = { dueOn: '2026-06-30', open: true, reminded: false, overdueNotified: false };
    expect(reportNoticeDue(r, new Date('2026-06-15T12:00:00Z'))).toBeNull(); // 15 days before
    expect(reportNoticeDue(r, new Date('2026-06-16T12:00:00Z'))).toBe('reminder'); // 14 days before
    expect(reportNoticeDue(r, new Date('2026-07-01T03:59:00Z'))).toBe('reminder'); // the due day, 23:59 EDT
    expect(reportNoticeDue({ ...r, reminded: true }, new Date('2026-06-20T12:00:00Z'))).toBeNull();
    expect(reportNoticeDue({ ...r, reminded: true }, new Date('2026-07-01T04:00:00Z'))).toBe('overdue');
    // a reminder missed in its window is not sent late
    expect(reportNoticeDue(r, new Date('2026-07-02T12:00:00Z'))).toBe('overdue');
    expect(reportNoticeDue({ ...r, overdueNotified: true }, new Date('2026-07-02T12:00:00Z'))).toBeNull();
    expect(reportNoticeDue({ ...r, open: false }, new Date('2026-07-02T12:00:00Z'))).toBeNull();
  });
});
