import type { Random } from '@birdtalk/runtime';

/**
 * Parameters of {@link createBackoff}, named as the session options that set them: a session hands its resolved
 * options over as they are, instead of a copy of three of them that it would keep for as long as it lives.
 */
export interface BackoffOptions {
  /** The ceiling of the first delay, in milliseconds. */
  readonly reconnectBaseMs: number;
  /** No delay exceeds this, in milliseconds. */
  readonly reconnectCapMs: number;
  /** How many delays are handed out before giving up; `Infinity` never gives up. */
  readonly reconnectMaxAttempts: number;
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
 * Exponential backoff with full jitter: the n-th delay is uniform in
 * `[0, min(reconnectCapMs, reconnectBaseMs · 2ⁿ))`.
 *
 * Full jitter spreads the reconnects of many clients that lost the same server at the same moment, which a
 * fixed or merely exponential schedule would synchronise into bursts.
 */
export function createBackoff(options: BackoffOptions, random: Random): Backoff {
  return new JitterBackoff(options, random);
}

// A class rather than an object literal with a getter: V8 keeps such a literal in dictionary mode, which costs
// every session a few hundred bytes for as long as it lives.
class JitterBackoff implements Backoff {
  readonly #options: BackoffOptions;
  readonly #random: Random;
  #attempts = 0;

  constructor(options: BackoffOptions, random: Random) {
    this.#options = options;
    this.#random = random;
  }

  get attempts(): number {
    return this.#attempts;
  }

  next(): number | undefined {
    const options = this.#options;
    if (this.#attempts >= options.reconnectMaxAttempts) return undefined;
    // 2^attempts overflows to Infinity long after it passes any sane cap; min() absorbs that.
    const ceiling = Math.min(options.reconnectCapMs, options.reconnectBaseMs * 2 ** this.#attempts);
    this.#attempts += 1;
    return Math.floor(this.#random.float() * ceiling);
  }

  reset(): void {
    this.#attempts = 0;
  }
}
