import { TransportError } from '@birdtalk/errors';
import type { TransportClock } from '../clock.js';
import { TransportErrorCode } from '../errors.js';
import { abortedWith, connectAborted } from './abort.js';
import { describeUrl } from './url.js';

/** Parameters of {@link startConnectAttempt}. */
export interface ConnectAttemptParams {
  readonly url: string;
  readonly signal: AbortSignal | undefined;
  /** The caller's {@link ConnectOptions.cancelWith}: when given, it is handed the attempt's abandon function and `signal` is ignored. */
  readonly cancelWith?: ((abandon: (reason: unknown) => void) => void) | undefined;
  /** `Infinity` waits forever. */
  readonly timeoutMs: number;
  readonly clock: TransportClock;
  /** Abandons the half-open connection after a timeout or an abort. */
  readonly abandon: () => void;
}

/** One pending connection attempt that settles exactly once. */
export interface ConnectAttempt<T> {
  readonly promise: Promise<T>;
  /** Whether the attempt has already resolved or rejected. */
  readonly settled: boolean;
  /** Resolves the attempt; returns `false` (and does nothing) when it had already settled. */
  resolve(value: T): boolean;
  /** Rejects the attempt; returns `false` (and does nothing) when it had already settled. */
  reject(error: unknown): boolean;
}

/**
 * Starts the bookkeeping every connector shares: the connect timeout, the abort signal, and the guarantee that
 * the caller sees exactly one outcome even when the socket's own events race with the timer or the signal.
 */
export function startConnectAttempt<T>(params: ConnectAttemptParams): ConnectAttempt<T> {
  // The connectors pass the signal they watch (see watchedSignal): none when cancelWith is given.
  const { signal, cancelWith, clock } = params;
  let settled = false;
  let resolvePromise!: (value: T) => void;
  let rejectPromise!: (error: unknown) => void;
  const promise = new Promise<T>((resolve, reject) => {
    resolvePromise = resolve;
    rejectPromise = reject;
  });

  const finish = (): boolean => {
    if (settled) return false;
    settled = true;
    if (timer !== undefined) clock.clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    return true;
  };
  const fail = (error: unknown): void => {
    if (!finish()) return;
    rejectPromise(error);
    params.abandon();
  };
  const onAbort = (): void => fail(connectAborted(signal!));

  const timer = Number.isFinite(params.timeoutMs)
    ? clock.setTimeout(
        () =>
          fail(
            new TransportError(
              TransportErrorCode.Timeout,
              `The connection was not open within ${params.timeoutMs} ms`,
              { details: { url: describeUrl(params.url), timeoutMs: params.timeoutMs } },
            ),
          ),
        params.timeoutMs,
      )
    : undefined;
  if (cancelWith !== undefined) cancelWith((reason) => fail(abortedWith(reason)));
  else {
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
  }

  return {
    promise,
    get settled() {
      return settled;
    },
    resolve(value) {
      if (!finish()) return false;
      resolvePromise(value);
      return true;
    },
    reject(error) {
      if (!finish()) return false;
      rejectPromise(error);
      return true;
    },
  };
}

/**
 * Checks a `connectTimeoutMs` option.
 *
 * @throws RangeError unless it is a positive number (`Infinity` disables the timeout).
 */
export function assertTimeout(timeoutMs: number): void {
  if (!(timeoutMs > 0)) throw new RangeError(`connectTimeoutMs must be a positive number, got ${timeoutMs}`);
}
