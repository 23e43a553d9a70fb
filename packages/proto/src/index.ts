/**
 * The BirdTalk wire schema for TypeScript: every message type of the server's `msg.proto` and `user.proto`,
 * and an exact, validating codec for the `Msg` envelope that travels in each WebSocket binary frame.
 *
 * - 64-bit integers are exact decimal strings when decoded, and accept string, bigint or safe-integer number
 *   when encoded: snowflake ids above 2^53 and negative keyPrints survive unchanged.
 * - Decoding refuses frames over 10 MiB before parsing, and turns every malformed input into a `DecodeError`.
 * - Encoding refuses invalid UTF-8 (which would crash the real server) with an `EncodeError`.
 *
 * @example
 * ```ts
 * import { ComMsgType, decodeMsg, encodeMsg } from '@birdtalk/proto';
 *
 * const frame = encodeMsg({
 *   version: 1,
 *   tm: Date.now(),
 *   msgType: ComMsgType.MsgTHello,
 *   plainMsg: { hello: { clientId: 'bot-1', stage: 'clienthello' } },
 * });
 * const msg = decodeMsg(frame);
 * if (msg.plainMsg?.message === 'hello') console.log(msg.plainMsg.hello.clientId, msg.tm);
 * ```
 *
 * @packageDocumentation
 */

export {
  DEFAULT_MAX_FRAME_BYTES,
  type DecodeOptions,
  decodeMessage,
  decodeMsg,
  type EncodeOptions,
  encodeMessage,
  encodeMsg,
} from './codec.js';
// The schema's types and enums are generated from proto/*.proto; re-exporting the generated module keeps the
// public list in step with the schema (the API snapshot test shows every change).
export * from './gen/types.js';
export { type Int64, type Int64Input, int64ToBigInt, isInt64String, toInt64 } from './int64.js';
export { isWellFormed } from './writer.js';
