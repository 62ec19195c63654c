import { judgeLimit } from './login-limits';

describe('judgeLimit', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('allows up to the limit, counting the attempt under way', () => {
    expect(judgeLimit({ count: 100, oldest: now }, 100, 3600, now).locked).toBe(false);
  });
  it('locks past the limit until the oldest failure leaves the window', () => {
    const oldest = new Date(now.getTime() - 3000 * 1000);
    expect(judgeLimit({ count: 101, oldest }, 100, 3600, now)).toEqual({ locked: true, retryAfterSeconds: 600 });
  });
  it('never answers a zero wait', () => {
    const oldest = new Date(now.getTime() - 3600 * 1000);
    expect(judgeLimit({ count: 101, oldest }, 100, 3600, now).retryAfterSeconds).toBe(1);
  });
});
