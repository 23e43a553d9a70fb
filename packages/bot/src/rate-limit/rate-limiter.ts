import { AbortError, InvalidArgumentError, TimeoutError } from '@birdtalk/errors';
import { type Clock, sleep } from '@birdtalk/runtime';

/** A rate: `ratePerSecond` on average, and up to `burst` at once after a quiet spell. */
export interface Rate {
  readonly ratePerSecond: number;
  readonly burst: number;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimitOptions {
  /** The bot's sends in all. @defaultValue 20 per second, bursts of 20 */
  readonly global?: Rate;
  /** The sends to one chat (a group's messages reach every member's session). @defaultValue 2 per second, bursts of 5 */
  readonly perChat?: Rate;
  /**
   * The longest a send waits for its turn, in milliseconds; a send that would wait longer fails at once with
   * `TimeoutError` (code `TIMEOUT`) instead of queueing.
   * @defaultValue 60000
   */
  readonly maxWaitMs?: number;
}

/**
 * The defaults of {@link RateLimitOptions}. The real server queues at most 128 frames per session and drops
 * what does not fit (its send queue is the only buffer towards a slow reader): 20 sends a second in all, and 2
 * a second per chat, keep every queue a bot feeds (its own acknowledgements, each recipient's session) far
 * below that, even when a reader stalls for a few seconds.
 */
export const DEFAULT_RATE_LIMIT_OPTIONS = {
  global: { ratePerSecond: 20, burst: 20 },
  perChat: { ratePerSecond: 2, burst: 5 },
  maxWaitMs: 60_000,
} as const satisfies Required<RateLimitOptions>;

/** Takes turns for sends: one per call, in the order of the calls, within both rates. */
export interface RateLimiter {
  /**
   * Resolves when a send to `chatKey` may go out; sends of one chat keep their order.
   *
   * @throws TimeoutError `TIMEOUT` at once when the turn is more than `maxWaitMs` away (nothing is reserved);
   * AbortError `ABORTED` when `signal` aborts while waiting.
   */
  acquire(chatKey: string, signal?: AbortSignal): Promise<void>;
  /** Sends waiting for their turn now. */
  readonly waiting: number;
}

/**
 * A token-bucket rate limiter (in its "generic cell rate" form: each bucket remembers when its next token is
 * due, so a turn is reserved in one step and waiters are served in order) with one bucket for all sends and
 * one per chat. A chat's bucket is forgotten once it is full again, so idle chats cost nothing.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for rates that are not positive or bursts below 1.
 */
export function createRateLimiter(options: RateLimitOptions, clock: Clock): RateLimiter {
  const global = checkRate(options.global ?? DEFAULT_RATE_LIMIT_OPTIONS.global, 'global');
  const perChat = checkRate(options.perChat ?? DEFAULT_RATE_LIMIT_OPTIONS.perChat, 'perChat');
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_RATE_LIMIT_OPTIONS.maxWaitMs;
  if (!(maxWaitMs >= 0)) throw new InvalidArgumentError('INVALID_ARGUMENT', 'maxWaitMs must be a number ≥ 0');
  // The "theoretical arrival time" of each bucket: when it is full, or, past now, how far ahead it is booked.
  let globalDue = 0;
  const chatDue = new Map<string, number>();
  let waiting = 0;

  return {
    get waiting() {
      return waiting;
    },
    async acquire(chatKey, signal) {
      if (signal?.aborted) throw new AbortError('the send was cancelled while waiting for its turn');
      const now = clock.now();
      const chat = turnOf(chatDue.get(chatKey) ?? 0, now, perChat);
      const both = turnOf(globalDue, chat.at, global);
      const waitMs = both.at - now;
      if (waitMs > maxWaitMs) {
        throw new TimeoutError(
          `the send would wait ${Math.ceil(waitMs)} ms for its turn, more than ${maxWaitMs} ms`,
        );
      }
      chatDue.set(chatKey, chat.due);
      globalDue = both.due;
      forgetFullChats(chatDue, now, perChat);
      if (waitMs <= 0) return;
      waiting += 1;
      try {
        await sleep(clock, waitMs, signal);
      } catch {
        throw new AbortError('the send was cancelled while waiting for its turn');
      } finally {
        waiting -= 1;
      }
    },
  };
}

interface CheckedRate {
  readonly intervalMs: number;
  readonly toleranceMs: number;
}

/** When a token of a bucket whose next token is due at `due` can be taken at `at` or later, and the new due. */
function turnOf(due: number, at: number, rate: CheckedRate): { readonly at: number; readonly due: number } {
  const booked = Math.max(due, at);
  const turn = Math.max(at, booked - rate.toleranceMs);
  return { at: turn, due: booked + rate.intervalMs };
}

function forgetFullChats(chatDue: Map<string, number>, now: number, rate: CheckedRate): void {
  if (chatDue.size < 1024) return;
  for (const [key, due] of chatDue) if (due <= now - rate.toleranceMs) chatDue.delete(key);
}

function checkRate(rate: Rate, name: string): CheckedRate {
  if (
    !(
      rate.ratePerSecond > 0 &&
      Number.isFinite(rate.ratePerSecond) &&
      Number.isInteger(rate.burst) &&
      rate.burst >= 1
    )
  ) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      `${name} needs a positive finite ratePerSecond and an integer burst ≥ 1`,
    );
  }
  const intervalMs = 1000 / rate.ratePerSecond;
  return { intervalMs, toleranceMs: (rate.burst - 1) * intervalMs };
}
