/**
 * The error taxonomy shared by every BirdTalk package.
 *
 * Every error the SDK throws or rejects with is a {@link BirdTalkError}: it has a literal `name`, a stable
 * machine-readable `code` and, where another error caused it, a `cause`. A handful of subclasses say which
 * layer failed. Check errors with the guards ({@link isBirdTalkError}, {@link hasErrorName}), which compare
 * `name` and `code` rather than using `instanceof`, so they keep working when two copies of this package end
 * up in one program.
 *
 * @example
 * ```ts
 * import { isBirdTalkError } from '@birdtalk/errors';
 *
 * try {
 *   await client.sendText(peer, 'hello');
 * } catch (error) {
 *   if (isBirdTalkError(error, 'CHAT_NOT_FRIEND')) console.log('they must follow us first');
 *   else throw error;
 * }
 * ```
 *
 * @packageDocumentation
 */

export { AbortError, TimeoutError } from './cancel.js';
export {
  BirdTalkError,
  type BirdTalkErrorOptions,
  CryptoError,
  DecodeError,
  EncodeError,
  InvalidArgumentError,
  ProtocolError,
  type ProtocolErrorOptions,
  RefusedError,
  StateError,
  TransportError,
} from './errors.js';
export { type BirdTalkErrorName, hasErrorName, isBirdTalkError, walkCauses } from './guards.js';
