import type { Int64 } from '@birdtalk/proto';
import type { Clock } from '@birdtalk/runtime';

/**
 * Where client-side message ids (`sendId`) come from. Ids must be unique and increasing for the account across
 * restarts: the server echoes them to correlate acknowledgements and stores them with every message, and a
 * resent message keeps its id.
 */
export interface SendIdSource {
  /** The next id, as exact decimal text. Never returns the same value twice. */
  next(): Int64;
}

/** How many ids per millisecond the clock-seeded source can hand out before it runs ahead of the clock. */
const idsPerMs = 1000;

/**
 * The default {@link SendIdSource}: strictly increasing, and never below `clock.now() · 1000`.
 *
 * Seeding from the clock means a restarted process never repeats an id of the previous run, as long as that run
 * did not sustain more than a thousand ids per millisecond — without any storage. Values stay below 2^53 until
 * the year 2255, so they are exact in every representation. A client that needs ids to survive a clock moved
 * backwards supplies its own, persistent source.
 */
export function createClockSendIds(clock: Clock): SendIdSource {
  return new ClockSendIds(clock);
}

// A class rather than an object literal whose method closes over a counter: every session keeps its source for
// as long as it lives, and a closure with its scope costs about twice the fields alone.
class ClockSendIds implements SendIdSource {
  readonly #clock: Clock;
  #last = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  next(): Int64 {
    this.#last = Math.max(this.#last + 1, Math.floor(this.#clock.now()) * idsPerMs);
    return String(this.#last);
  }
}
