import { AbortError } from '@birdtalk/errors';

/** The error a connection attempt rejects with when its signal aborts; the signal's reason is the cause. */
export function connectAborted(signal: AbortSignal): AbortError {
  return abortedWith(signal.reason);
}

/** The error a connection attempt rejects with when it is abandoned for `reason` (the cause). */
export function abortedWith(reason: unknown): AbortError {
  return new AbortError('The connection attempt was aborted', { cause: reason });
}
