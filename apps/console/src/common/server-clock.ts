import { useEffect, useState } from 'react';

/**
 * The server's clock, as seen from the browser. Deadlines are decided by the server: a
 * countdown must not trust the client's clock, which may be minutes off. Every proposal read
 * from the API carries `deadline.serverTime`; the difference with the local clock when the
 * response arrives is the skew (network latency makes it a little late, never early).
 */
let skewMs = 0;

export const noteServerTime = (iso: string | null | undefined): void => {
  if (!iso) return;
  const server = Date.parse(iso);
  if (!Number.isNaN(server)) skewMs = server - Date.now();
};

/** Milliseconds since the epoch on the server's clock, now. */
export const serverNow = (): number => Date.now() + skewMs;

/** serverNow(), re-rendering every `intervalMs`. */
export const useServerNow = (intervalMs = 1000): number => {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(serverNow()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
};
