/** Rows the relay takes per transaction. */
export const RELAY_BATCH = 100;

/** How long a single hand-off to the queue may take before the relay gives up until its next poll. */
export const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * How long one sender holds a row. Renewed every LEASE_RENEW_MS while it works, so a send of any length keeps it,
 * and a sender killed mid-send frees the row within this time (issue 7's fault suite).
 */
export const SEND_LEASE_SECONDS = 60;

/** How often a sender renews its lease while it works. */
export const LEASE_RENEW_MS = 15_000;

/**
 * After the `attempt`-th hand-off to the queue, how long the relay waits for the delivery before it
 * hands the row over again (a lost job, a worker down): 1 min, 2, 4 ... then every hour.
 * Longer than the queue's own retries (about 15 s), so it does not race them.
 */
export function redispatchDelayMs(attempt: number): number {
  return Math.min(3600_000, 60_000 * 2 ** Math.max(0, attempt - 1));
}
