// A drained shutdown, for any door: stop taking new interactions, give those in flight a bounded
// time to finish (their replies may be waiting on Discord's rate limits), then close the door.
import type { Logger } from 'pino';
import type { InFlight } from './in-flight.ts';

/** How long in-flight interactions get after SIGTERM before the process exits anyway. */
export const DRAIN_TIMEOUT_MS = 10_000;

export interface DrainOptions {
  inFlight: InFlight;
  /** Closes the door once drained (or timed out): disconnect, stop listening. */
  stop: () => Promise<void>;
  logger: Logger;
  timeoutMs?: number;
}

/** Resolves true when everything in flight finished, false when the time ran out first. */
export async function drainAndStop(options: DrainOptions): Promise<boolean> {
  const { inFlight, logger } = options;
  inFlight.close();
  const waiting = inFlight.size;
  if (waiting > 0) logger.info({ inFlight: waiting }, 'waiting for interactions in flight');
  const drained = await inFlight.drained(options.timeoutMs ?? DRAIN_TIMEOUT_MS);
  if (!drained) logger.warn({ inFlight: inFlight.size }, 'interactions still in flight at the shutdown deadline');
  await options.stop();
  return drained;
}
