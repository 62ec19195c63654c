import { Injectable } from '@nestjs/common';

/**
 * The server's clock. Every rule that depends on time (deadlines, reminders, overdue flags) asks
 * it, never `new Date()` directly, so tests can set the instant.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: freeze the clock at an instant (null: the real time again). */
  setForTesting(instant: Date | null): void {
    this.fixed = instant ? new Date(instant) : null;
  }
}
