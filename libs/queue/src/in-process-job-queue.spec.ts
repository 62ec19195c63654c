import { InProcessJobQueue } from './in-process-job-queue';
import { JobContext, JobHandler } from './job-queue';
import { ProcessorRegistry } from './processor-registry';

function queueWith(handlers: Record<string, JobHandler>): InProcessJobQueue {
  const registry = { get: (name: string) => handlers[name], names: () => Object.keys(handlers) } as unknown as ProcessorRegistry;
  return new InProcessJobQueue(registry);
}

describe('InProcessJobQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a job after its delay, with its id and attempt', async () => {
    const seen: JobContext[] = [];
    const q = queueWith({ 'mail.send': { handle: async (_d, job) => void seen.push(job) } });
    await q.enqueue('mail.send', {}, { jobId: 'j1', delayMs: 5000 });
    await jest.advanceTimersByTimeAsync(4999);
    expect(seen).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(seen).toEqual([{ id: 'j1', name: 'mail.send', attempt: 1, runner: 'in-process' }]);
  });

  it('retries with backoff, then gives up after the attempts', async () => {
    let calls = 0;
    const failing = queueWith({
      'mail.send': {
        handle: async () => {
          calls++;
          throw new Error('smtp down');
        },
      },
    });
    await failing.enqueue('mail.send', {}, { attempts: 3 });
    await jest.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    await jest.advanceTimersByTimeAsync(1000); // backoff 1 s
    expect(calls).toBe(2);
    await jest.advanceTimersByTimeAsync(2000); // backoff 2 s
    expect(calls).toBe(3);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(3);
  });

  it('does not queue the same job id twice while it waits', async () => {
    let calls = 0;
    const q = queueWith({ 'a.b': { handle: async () => void calls++ } });
    await q.enqueue('a.b', {}, { jobId: 'same', delayMs: 10 });
    await q.enqueue('a.b', {}, { jobId: 'same', delayMs: 10 });
    await jest.advanceTimersByTimeAsync(20);
    expect(calls).toBe(1);
  });

  it('refuses a job without a processor, and drops pending jobs at shutdown', async () => {
    let calls = 0;
    const q = queueWith({ 'a.b': { handle: async () => void calls++ } });
    await expect(q.enqueue('x.y', {})).rejects.toThrow('No processor for job x.y');
    await q.enqueue('a.b', {}, { delayMs: 100 });
    await q.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(200);
    expect(calls).toBe(0);
  });
});
