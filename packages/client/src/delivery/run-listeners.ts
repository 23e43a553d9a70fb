import { type Clock, sleep } from '@birdtalk/runtime';

/** How {@link runListeners} retries. */
export interface RetryPolicy {
  /** Retries of a failing listener after its first attempt. */
  readonly retries: number;
  /** The pause before retry n is `n × retryDelayMs`. */
  readonly retryDelayMs: number;
  readonly clock: Clock;
  /** Aborts the waiting between attempts (the client is stopping for good). */
  readonly signal?: AbortSignal;
}

/** How the listeners of one delivery ended. */
export type ListenerOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: unknown; readonly attempts: number }
  | { readonly ok: false; readonly abandoned: true };

/**
 * Runs every listener with `payload`, together, and retries those that failed (threw or rejected) — only
 * those, so a listener that succeeded never sees the payload twice. Resolves `ok` once all succeeded, or with
 * the last error once a listener failed `1 + retries` times; `abandoned` when `signal` aborted in between.
 */
export async function runListeners<T>(
  listeners: ReadonlyArray<(payload: T) => unknown>,
  payload: T,
  policy: RetryPolicy,
): Promise<ListenerOutcome> {
  let failing = [...listeners];
  let lastError: unknown;
  for (let attempt = 1; ; attempt += 1) {
    const results = await Promise.allSettled(failing.map(async (listener) => listener(payload)));
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
      return { ok: false, abandoned: true };
    }
  }
}
