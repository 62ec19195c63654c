import { reminderDue } from './reminder-policy';

const closes = new Date('2021-06-26T03:59:00Z'); // June 25, 2021, 11:59 p.m. Toronto (EDT)
const before = (ms: number) => new Date(closes.getTime() - ms);
const H = 3600 * 1000;
const D = 24 * H;

describe('reminderDue', () => {
  it('is nothing more than 7 days before closing', () => {
    expect(reminderDue(closes, before(8 * D), [])).toBeNull();
    expect(reminderDue(closes, before(7 * D + 1), [])).toBeNull();
  });

  it('is d7 from 7 days before until the last day', () => {
    expect(reminderDue(closes, before(7 * D), [])).toBe('d7');
    expect(reminderDue(closes, before(6 * D), [])).toBe('d7');
    expect(reminderDue(closes, before(D + 1), [])).toBe('d7');
  });

  it('is d1 in the last 24 hours, and nothing once closed', () => {
    expect(reminderDue(closes, before(D), [])).toBe('d1');
    expect(reminderDue(closes, before(H), [])).toBe('d1');
    expect(reminderDue(closes, before(1), [])).toBe('d1');
    expect(reminderDue(closes, closes, [])).toBeNull();
    expect(reminderDue(closes, before(-H), [])).toBeNull();
  });

  it('is nothing once that reminder was sent', () => {
    expect(reminderDue(closes, before(6 * D), ['d7'])).toBeNull();
    expect(reminderDue(closes, before(H), ['d7', 'd1'])).toBeNull();
    expect(reminderDue(closes, before(H), ['d1'])).toBeNull();
  });

  it('never sends a missed d7 late: d1 supersedes it', () => {
    expect(reminderDue(closes, before(12 * H), [])).toBe('d1');
    expect(reminderDue(closes, before(12 * H), ['d1'])).toBeNull();
  });

  it('sends d1 even when d7 was sent', () => {
    expect(reminderDue(closes, before(12 * H), ['d7'])).toBe('d1');
  });
});
