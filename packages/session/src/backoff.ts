import type { Random } from '@birdtalk/runtime';

/** Parameters of {@link createBackoff}. */
export interface BackoffOptions {
  /** The ceiling of the first delay, in milliseconds. */
  readonly baseMs: number;
  /** No delay exceeds this, in milliseconds. */
  readonly capMs: number;
  /** How many delays are handed out before giving up; `Infinity` never gives up. */
  readonly maxAttempts: number;
}

/** The reconnect schedule of one session. */
export interface Backoff {
  /** How many delays have been handed out since the last {@link Backoff.reset}. */
  readonly attempts: number;
  /** The next delay in milliseconds, or `undefined` once `maxAttempts` delays have been used up. */
  next(): number | undefined;
  /** Starts over from the first delay (after a connection that stayed up long enough). */
  reset(): void;
}

/**
 * Exponential backoff with full jitter: the n-th delay is uniform in `[0, min(capMs, baseMs · 2ⁿ))`.
 *
 * Full jitter spreads the reconnects of many clients that lost the same server at the same moment, which a
 * fixed or merely exponential schedule would synchronise into bursts.
 */
export function createBackoff(options: BackoffOptions, random: Random): Backoff {
  let attempts = 0;
  return {
    get attempts() {
      return attempts;
    },
    next() {
      if (attempts >= options.maxAttempts) return undefined;
      // 2^attempts overflows to Infinity long after it passes any sane cap; min() absorbs that.
      const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempts);
      attempts += 1;
      return Math.floor(random.float() * ceiling);
    },
    reset() {
      attempts = 0;
    },
  };
}
