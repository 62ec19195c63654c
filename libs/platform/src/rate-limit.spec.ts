import { Clock } from './clock';
import { MemoryRateLimitStore } from './rate-limit';

describe('MemoryRateLimitStore', () => {
  const clock = new Clock();
  const store = new MemoryRateLimitStore(clock);
  afterAll(() => clock.setForTesting(null));

  it('counts per key and per limit within a window aligned on multiples of the window', async () => {
    clock.setForTesting(new Date(Date.UTC(2026, 0, 1, 12, 0, 10)));
    expect(await store.hit('public', '1.2.3.4', 60_000)).toEqual({ count: 1, resetInMs: 50_000 });
    expect(await store.hit('public', '1.2.3.4', 60_000)).toEqual({ count: 2, resetInMs: 50_000 });
    expect((await store.hit('public', '5.6.7.8', 60_000)).count).toBe(1);
    expect((await store.hit('other', '1.2.3.4', 60_000)).count).toBe(1);
    clock.setForTesting(new Date(Date.UTC(2026, 0, 1, 12, 0, 59, 999)));
    expect(await store.hit('public', '1.2.3.4', 60_000)).toEqual({ count: 3, resetInMs: 1 });
  });

  it('starts again from zero in the next window', async () => {
    clock.setForTesting(new Date(Date.UTC(2026, 0, 1, 12, 1, 0)));
    expect(await store.hit('public', '1.2.3.4', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
  });
});
