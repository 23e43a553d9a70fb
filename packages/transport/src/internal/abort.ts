import { AbortError } from '@birdtalk/errors';
import type { ConnectOptions } from '../transport.js';

/** The error a connection attempt rejects with when its signal aborts; the signal's reason is the cause. */
export function connectAborted(signal: AbortSignal): AbortError {
  return abortedWith(signal.reason);
}

/** The error a connection attempt rejects with when it is abandoned for `reason` (the cause). */
export function abortedWith(reason: unknown): AbortError {
  return new AbortError('The connection attempt was aborted', { cause: reason });
}

/**
 * The signal a connector watches: none when the caller offers `cancelWith`, since a caller offering both may make
 * its signal only when it is read (see {@link ConnectOptions.cancelWith}).
 */
export function watchedSignal(options: ConnectOptions): AbortSignal | undefined {
  return options.cancelWith === undefined ? options.signal : undefined;
}
