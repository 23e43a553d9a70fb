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
 * those, so a listener that succeeded never sees the payload twice. Resolves `ok` once all succeeded, or with
 * the last error once a listener failed `1 + retries` times; `abandoned` when `signal` aborted before that
 * (during an attempt or between attempts).
 */
export async function runListeners<T>(
  listeners: ReadonlyArray<(payload: T) => unknown>,
  payload: T,
  policy: RetryPolicy,
): Promise<ListenerOutcome> {
  let failing = [...listeners];
  let lastError: unknown;
  for (let attempt = 1; ; attempt += 1) {
    const results = await untilAborted(
      Promise.allSettled(failing.map(async (listener) => listener(payload))),
      policy.signal,
    );
    if (results === undefined) return abandoned(policy.signal, attempt);
    const next: Array<(payload: T) => unknown> = [];
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        next.push(failing[index]!);
        lastError = result.reason;
      }
    });
    if (next.length === 0) return { ok: true };
    if (attempt > policy.retries) return { ok: false, error: lastError, attempts: attempt };
    failing = next;
    try {
      await sleep(policy.clock, attempt * policy.retryDelayMs, policy.signal);
    } catch {
      return abandoned(policy.signal, attempt);
    }
  }
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
