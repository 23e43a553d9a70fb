import { InvalidArgumentError, TimeoutError } from '@birdtalk/errors';
import type { Clock, TimerHandle } from '@birdtalk/runtime';
import type { Context } from './context.js';

/** Options of a handler registered with `command()`, `hears()` or `on()`. */
export interface HandlerOptions {
  /**
   * How long the handler may take, in milliseconds, from the moment it starts: it replaces the time the
   * update has left under the bot's `handlerTimeoutMs`. 0 means no limit. Messages and recalls are also bound
   * by the client's own `handlerTimeoutMs`: set that at least as high (or 0) for a handler that needs longer.
   * @defaultValue the bot's `handlerTimeoutMs`, counted from the start of the update
   */
  readonly timeoutMs?: number;
  /**
   * How errors and timeouts name the handler.
   * @defaultValue `/name` for a command, `hears <trigger>`, `on <query>`
   */
  readonly name?: string;
}

/** What the bot knows about where the handling of one update is. */
export interface HandlingReport {
  /** The name of the handler that ran last (`/report`, `on message:text`); `undefined` before any did. */
  readonly handler: string | undefined;
}

/**
 * The time limit and the signal of one update's handling. The signal aborts when the time is up, when the
 * client gives up on the delivery, or when the bot shuts down; only running out of time (the bot's limit or
 * the client's) ends the handling, so that the chat moves on. A shutdown leaves running handlers to finish.
 */
export class Handling {
  readonly #controller = new AbortController();
  readonly #clock: Clock;
  readonly #describe: (handler: string | undefined) => string;
  readonly #offs: Array<() => void> = [];
  readonly #expired: Promise<never>;
  #expire!: (error: TimeoutError) => void;
  #timer: TimerHandle | undefined;
  #handler: string | undefined;

  /**
   * @param clock - times the limit.
   * @param timeoutMs - the limit of the whole update; 0 for none.
   * @param outer - signals whose abort aborts this one: the client's delivery, the bot's shutdown.
   * @param describe - what the update is, for the error (`a message in p2p:20001`).
   */
  constructor(
    clock: Clock,
    timeoutMs: number,
    outer: ReadonlyArray<AbortSignal | undefined>,
    describe: (handler: string | undefined) => string,
  ) {
    this.#clock = clock;
    this.#describe = describe;
    this.#expired = new Promise<never>((_resolve, reject) => {
      this.#expire = reject;
    });
    // Nobody may be racing yet; the rejection is observed by race().
    this.#expired.catch(() => {});
    for (const signal of outer) {
      if (signal === undefined) continue;
      const onAbort = (): void => this.#outerAborted(signal.reason);
      if (signal.aborted) {
        onAbort();
        continue;
      }
      signal.addEventListener('abort', onAbort, { once: true });
      this.#offs.push(() => signal.removeEventListener('abort', onAbort));
    }
    this.limit(timeoutMs);
  }

  /** Aborts when the handling should stop; see the class. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Where the handling is. */
  get report(): HandlingReport {
    return { handler: this.#handler };
  }

  /** Records that `handler` starts; timeouts name it. */
  enter(handler: string): void {
    this.#handler = handler;
  }

  /** Replaces the time left with `timeoutMs` from now (0: no limit). */
  limit(timeoutMs: number): void {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    if (timeoutMs <= 0 || this.#controller.signal.aborted) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timedOut(timeoutMs, undefined);
    }, timeoutMs);
  }

  /** Settles as `task` does, or rejects with a `TimeoutError` once the time is up, whichever comes first. */
  race<T>(task: Promise<T>): Promise<T> {
    return Promise.race([task, this.#expired]);
  }

  /** Stops the timer and lets go of the outer signals. */
  dispose(): void {
    this.#clock.clearTimeout(this.#timer);
    for (const off of this.#offs.splice(0)) off();
  }

  #outerAborted(reason: unknown): void {
    if (reason instanceof TimeoutError) this.#timedOut(undefined, reason);
    else if (!this.#controller.signal.aborted) this.#controller.abort(reason);
  }

  #timedOut(timeoutMs: number | undefined, cause: TimeoutError | undefined): void {
    if (this.#controller.signal.aborted) return;
    const handler = this.#handler;
    const limit = timeoutMs === undefined ? "the client's handlerTimeoutMs" : `${timeoutMs} ms`;
    const error = new TimeoutError(`${this.#describe(handler)} was not handled within ${limit}`, {
      ...(cause === undefined ? {} : { cause }),
      details: {
        ...(handler === undefined ? {} : { handler }),
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      },
    });
    this.#controller.abort(error);
    this.#expire(error);
  }
}

const handlings = new WeakMap<Context, Handling>();

/** Ties a handling to its context, so that the handlers the context passes through can reach it. */
export function bindHandling(ctx: Context, handling: Handling): void {
  handlings.set(ctx, handling);
}

/**
 * Applies a handler's options as it starts: names it, and replaces the update's time left by its own. Does
 * nothing for a context the bot did not make (a test's own).
 */
export function enterHandler(ctx: Context, name: string, timeoutMs: number | undefined): void {
  const handling = handlings.get(ctx);
  if (handling === undefined) return;
  handling.enter(name);
  if (timeoutMs !== undefined) handling.limit(timeoutMs);
}

/**
 * Settles as `task` does, or rejects with the `TimeoutError` of the context's handling once its time is up:
 * for middleware that hold something for the rest of the chain (a session's per-key turn), so that a handler
 * left behind does not hold it too.
 */
export function raceHandling<T>(ctx: Context, task: Promise<T>): Promise<T> {
  return handlings.get(ctx)?.race(task) ?? task;
}

/**
 * Splits the optional {@link HandlerOptions} off the front of a registration's arguments.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for a `timeoutMs` that is not a finite number ≥ 0 or a
 * `name` that is not a non-empty string.
 */
export function splitHandlerOptions<M>(args: ReadonlyArray<HandlerOptions | M>): [HandlerOptions, M[]] {
  const [first, ...rest] = args;
  if (!isHandlerOptions(first)) return [{}, args as M[]];
  const { timeoutMs, name } = first;
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs >= 0)
  ) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'timeoutMs must be a finite number ≥ 0');
  }
  if (name !== undefined && (typeof name !== 'string' || name === '')) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a handler name must be a non-empty string');
  }
  return [first, rest as M[]];
}

function isHandlerOptions(value: unknown): value is HandlerOptions {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { middleware?: unknown }).middleware !== 'function'
  );
}
