/**
 * Login failure limits (OWASP ASVS V2.2.1): at most `max` failed attempts per window for one
 * account, and another limit per client address. Pure arithmetic, kept apart for unit tests.
 */
export interface LimitState {
  /** Failures in the window, the attempt under way included. */
  count: number;
  /** Time of the oldest failure still in the window. */
  oldest: Date | null;
}

export interface LimitVerdict {
  locked: boolean;
  retryAfterSeconds: number;
}

export function judgeLimit(state: LimitState, max: number, windowSeconds: number, now: Date): LimitVerdict {
  if (state.count <= max) return { locked: false, retryAfterSeconds: 0 };
  const oldest = state.oldest ?? now;
  const freesAt = oldest.getTime() + windowSeconds * 1000;
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000)) };
}
