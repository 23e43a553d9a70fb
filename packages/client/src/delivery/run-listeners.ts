import { type Clock, sleep } from '@birdtalk/runtime';

/** How {@link runListeners} retries. */
export interface RetryPolicy {
  /** Retries of a failing listener after its first attempt. */
  readonly retries: number;
  /** The pause before retry n is `n × retryDelayMs`. */
  readonly retryDelayMs: number;
  readonly clock: Clock;
  /**
   * Ends the delivery: the waiting between attempts, and an attempt still running (its listeners are not
   * stopped, but no longer waited for). The client aborts it when it stops for good or when the handler's time
   * is up; `abortedWith` carries the signal's reason.
   */
  readonly signal?: AbortSignal;
}

/** How the listeners of one delivery ended. */
export type ListenerOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: unknown; readonly attempts: number }
  | { readonly ok: false; readonly abandoned: true; readonly reason: unknown; readonly attempts: number };

/**
 * Runs every listener with `payload`, together, and retries those that failed (threw or rejected) — only
 * those, so a listener that succeeded never sees the payload twice. Settles `ok` once all succeeded, or with
 * the last error once a listener failed `1 + retries` times; `abandoned` when `signal` aborted before that
 * (during an attempt or between attempts). When every listener returned at once without throwing, the outcome
 * is returned as it is, not in a promise: most deliveries end there, and a promise each would cost them a turn.
 */
export function runListeners<T>(
  listeners: ReadonlyArray<(payload: T) => unknown>,
  payload: T,
  policy: RetryPolicy,
): ListenerOutcome | Promise<ListenerOutcome> {
  const outcomes = callAll(listeners, payload);
  // Every listener returned at once, none threw: done, without a promise per listener or a look at the
  // signal (which a delivery makes only when it is read).
  if (outcomes === undefined) return SUCCEEDED;
  return settle(listeners, payload, policy, outcomes);
}

const SUCCEEDED: ListenerOutcome = Object.freeze({ ok: true });

/** The rest of {@link runListeners} once some listener returned a promise or threw: `outcomes` of attempt 1. */
async function settle<T>(
  listeners: ReadonlyArray<(payload: T) => unknown>,
  payload: T,
  policy: RetryPolicy,
  outcomes: unknown[],
): Promise<ListenerOutcome> {
  let failing: ReadonlyArray<(payload: T) => unknown> = listeners;
  let running: unknown[] | undefined = outcomes;
  let lastError: unknown;
  for (let attempt = 1; ; attempt += 1) {
    running ??= callAll(failing, payload);
    if (running === undefined) return SUCCEEDED;
    const results = await untilAborted(Promise.allSettled(running), policy.signal);
    running = undefined;
    if (results === undefined) return abandoned(policy.signal, attempt);
    const next: Array<(payload: T) => unknown> = [];
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        next.push(failing[index]!);
        lastError = result.reason;
      }
    });
    if (next.length === 0) return SUCCEEDED;
    if (attempt > policy.retries) return { ok: false, error: lastError, attempts: attempt };
    failing = next;
    try {
      await sleep(policy.clock, attempt * policy.retryDelayMs, policy.signal);
    } catch {
      return abandoned(policy.signal, attempt);
    }
  }
}

/**
 * Calls every listener now, in order, as `async (listener) => listener(payload)` would. Returns `undefined`
 * when all of them returned something other than a promise without throwing, and otherwise what each gave
 * (a sync throw as a rejected promise) for `Promise.allSettled`.
 */
function callAll<T>(listeners: ReadonlyArray<(payload: T) => unknown>, payload: T): unknown[] | undefined {
  let outcomes: unknown[] | undefined;
  for (let index = 0; index < listeners.length; index += 1) {
    let outcome: unknown;
    try {
      outcome = listeners[index]!(payload);
    } catch (error) {
      outcome = Promise.reject(error);
    }
    if (outcomes === undefined && !isThenable(outcome)) continue;
    outcomes ??= listeners.slice(0, index).map(() => undefined);
    outcomes.push(outcome);
  }
  return outcomes;
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function abandoned(signal: AbortSignal | undefined, attempts: number): ListenerOutcome {
  return { ok: false, abandoned: true, reason: signal?.reason, attempts };
}

/** `promise`'s value, or `undefined` as soon as `signal` aborts (the promise itself goes on, unobserved). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve) => {
    const onAbort = (): void => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
  });
}
