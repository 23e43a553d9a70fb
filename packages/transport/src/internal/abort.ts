import { AbortError } from '@birdtalk/errors';

/** The error a connection attempt rejects with when its signal aborts; the signal's reason is the cause. */
export function connectAborted(signal: AbortSignal): AbortError {
  return new AbortError('The connection attempt was aborted', { cause: signal.reason });
}
