import { instantFromZoned, TORONTO } from '@cf/platform';
import { applicantWindow } from './deadline-policy';

const closesAt = instantFromZoned('2021-06-25T23:59:59.999', TORONTO);
const opensAt = instantFromZoned('2021-05-01T00:00', TORONTO);
const at = (local: string) => instantFromZoned(local, TORONTO);

describe('the deadline, by the server clock, in Toronto time', () => {
  it('closes at 2021-06-26T03:59:59.999Z (June 25, 11:59 p.m. EDT, the whole minute)', () => {
    expect(closesAt.toISOString()).toBe('2021-06-26T03:59:59.999Z');
  });

  it('accepts 23:59:59.999 on June 25 and refuses 00:00:00.000 on June 26', () => {
    expect(applicantWindow({ opensAt, closesAt, extensionUntil: null }, at('2021-06-25T23:59:59.999'))).toMatchObject({
      open: true,
      by: 'deadline',
    });
    expect(applicantWindow({ opensAt, closesAt, extensionUntil: null }, at('2021-06-26T00:00:00.000'))).toMatchObject({
      open: false,
      reason: 'closed',
    });
  });

  it('opens later for one proposal with an extension, to its last millisecond', () => {
    const extensionUntil = at('2021-06-28T17:00:00.000');
    const ctx = { opensAt, closesAt, extensionUntil };
    expect(applicantWindow(ctx, at('2021-06-26T00:00:00.000'))).toMatchObject({ open: true, by: 'extension' });
    expect(applicantWindow(ctx, at('2021-06-28T17:00:00.000'))).toMatchObject({ open: true, by: 'extension' });
    expect(applicantWindow(ctx, at('2021-06-28T17:00:00.001'))).toMatchObject({ open: false, reason: 'closed' });
  });

  it('ignores an extension that ends before the deadline', () => {
    const ctx = { opensAt, closesAt, extensionUntil: at('2021-06-20T00:00') };
    expect(applicantWindow(ctx, at('2021-06-26T00:00'))).toMatchObject({ open: false });
  });

  it('refuses before the intake opens', () => {
    expect(applicantWindow({ opensAt, closesAt, extensionUntil: null }, at('2021-04-30T23:59:59.999'))).toMatchObject({
      open: false,
      reason: 'not_open',
    });
  });

  it('computes a November deadline after the DST change (EST, UTC-5)', () => {
    const november = instantFromZoned('2026-11-30T23:59:59.999', TORONTO);
    expect(november.toISOString()).toBe('2026-12-01T04:59:59.999Z');
    const ctx = { opensAt: at('2026-10-01T00:00'), closesAt: november, extensionUntil: null };
    expect(applicantWindow(ctx, new Date('2026-12-01T04:59:59.999Z')).open).toBe(true);
    // with the summer offset (-4) it would wrongly close an hour early: 03:59:59.999Z is still open, 05:00 is not
    expect(applicantWindow(ctx, new Date('2026-12-01T04:30:00.000Z')).open).toBe(true);
    expect(applicantWindow(ctx, new Date('2026-12-01T05:00:00.000Z')).open).toBe(false);
  });
});
