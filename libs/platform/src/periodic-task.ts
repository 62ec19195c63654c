import { Logger } from '@nestjs/common';

/**
 * Runs `task` after `firstDelayMs`, then every `everyMs` after each run ends (never two at once), until stopped;
 * a failed run is logged and the next one still comes. The timer does not keep the process alive.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly logger = new Logger(name),
  ) {}

  start(firstDelayMs = 0): void {
    this.schedule(firstDelayMs);
  }

  /** Stops scheduling and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.task()
        .catch((error: unknown) => this.logger.warn({ err: error }, `${this.name} failed`))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.everyMs);
        });
    }, delay);
    this.timer.unref();
  }
}
