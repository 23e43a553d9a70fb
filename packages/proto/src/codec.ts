import { BirdTalkError, DecodeError, EncodeError } from '@birdtalk/errors';
import { encodeChatFrame } from './chat-frame.js';
import { decodeChatReplyFrame } from './chat-reply-frame.js';
import { com, type GeneratedCodec } from './gen/codec.js';
import {
  type MessageName,
  type MessageTypes,
  type Msg,
  MsgCases,
  type MsgInit,
  MsgPlainCases,
} from './gen/types.js';
import { ExactReader } from './reader.js';
import { ExactWriter } from './writer.js';

/** The largest frame the BirdTalk server reads (10 MiB); larger frames end the connection with close code 1009. */
export const DEFAULT_MAX_FRAME_BYTES: number = 10 * 1024 * 1024;

/** Options of {@link decodeMsg} and {@link decodeMessage}. */
export interface DecodeOptions {
  /**
   * Frames longer than this are refused before any parsing.
   * @defaultValue {@link DEFAULT_MAX_FRAME_BYTES}
   */
  maxFrameBytes?: number;
}

/** Options of {@link encodeMsg} and {@link encodeMessage}. */
export interface EncodeOptions {
  /**
   * Encoded frames longer than this are refused, since the server would drop the connection.
   * @defaultValue {@link DEFAULT_MAX_FRAME_BYTES}
   */
  maxFrameBytes?: number;
}

const codecs = com.bird2fish.birdtalksdk.pbmodel as unknown as Record<MessageName, GeneratedCodec>;
/** Each oneof group, by message, so that encoding can refuse two members set at once. */
const oneofMembers: Partial<Record<MessageName, readonly string[]>> = {
  Msg: MsgCases,
  MsgPlain: MsgPlainCases,
};

/**
 * Encodes one `Msg` envelope into the bytes of a WebSocket binary frame.
 *
 * @throws EncodeError when a value cannot be put on the wire exactly: a 64-bit id that is not an exact
 * integer, a string with a lone surrogate (invalid UTF-8 would crash the server), two members of a oneof, or a
 * frame larger than `maxFrameBytes`.
 */
export function encodeMsg(message: MsgInit, options: EncodeOptions = {}): Uint8Array {
  // A chat takes a direct path that writes the same bytes; anything it is not sure of comes back undefined, and
  // whatever throws there (a caller's getter, say) is left to the general path to report as it always does.
  let bytes: Uint8Array | undefined;
  try {
    bytes = encodeChatFrame(message, options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
  } catch {
    bytes = undefined;
  }
  return bytes ?? encodeMessage('Msg', message, options);
}

/**
 * Decodes the bytes of one WebSocket binary frame into a `Msg` envelope.
 *
 * 64-bit integers come back as exact decimal strings. Fields absent from the frame read as their proto3
 * defaults; absent sub-messages read as `undefined`. Narrow `msg.plainMsg.message` to see which payload is set.
 *
 * @throws DecodeError for anything that is not a valid frame: larger than `maxFrameBytes`, truncated, a bad
 * wire type, invalid UTF-8 in a string. No other exception escapes.
 */
export function decodeMsg(frame: Uint8Array, options: DecodeOptions = {}): Msg {
  // A chat's acknowledgement takes a direct path that returns the same message; anything it is not sure of
  // (including every malformed frame) comes back undefined for the general path to decode or refuse.
  if (frame instanceof Uint8Array && frame.byteLength <= (options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES)) {
    const reply = decodeChatReplyFrame(frame);
    if (reply !== undefined) return reply;
  }
  return decodeMessage('Msg', frame, options);
}

/**
 * Encodes any message type of the schema by name. {@link encodeMsg} is this for `'Msg'`.
 *
 * @throws EncodeError as {@link encodeMsg} does.
 */
export function encodeMessage<N extends MessageName>(
  name: N,
  message: MessageTypes[N]['init'],
  options: EncodeOptions = {},
): Uint8Array {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  let bytes: Uint8Array;
  try {
    if (typeof message !== 'object' || message === null) {
      throw new EncodeError('ENCODE_INVALID_MESSAGE', `${name} must be an object`);
    }
    checkOneofs(name, message);
    const writer = new ExactWriter();
    codecFor(name).encode(message, writer);
    bytes = writer.finish();
  } catch (error) {
    if (error instanceof BirdTalkError) throw error;
    throw new EncodeError('ENCODE_FAILED', `${name} could not be encoded: ${describe(error)}`, {
      cause: error,
    });
  }
  if (bytes.byteLength > maxFrameBytes) {
    throw new EncodeError(
      'ENCODE_TOO_LARGE',
      `${name} is ${bytes.byteLength} bytes, over the ${maxFrameBytes} limit`,
      {
        details: { size: bytes.byteLength, maxFrameBytes },
      },
    );
  }
  return bytes;
}

/**
 * Decodes any message type of the schema by name. {@link decodeMsg} is this for `'Msg'`.
 *
 * @throws DecodeError as {@link decodeMsg} does.
 */
export function decodeMessage<N extends MessageName>(
  name: N,
  bytes: Uint8Array,
  options: DecodeOptions = {},
): MessageTypes[N]['decoded'] {
  if (!(bytes instanceof Uint8Array)) {
    throw new DecodeError('DECODE_NOT_BYTES', `a ${name} frame must be a Uint8Array`);
  }
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (bytes.byteLength > maxFrameBytes) {
    throw new DecodeError('DECODE_TOO_LARGE', `frame of ${bytes.byteLength} bytes exceeds ${maxFrameBytes}`, {
      details: { size: bytes.byteLength, maxFrameBytes },
    });
  }
  try {
    return codecFor(name).decode(new ExactReader(bytes)) as MessageTypes[N]['decoded'];
  } catch (error) {
    const message = describe(error);
    const code = /utf-?8/i.test(message) ? 'DECODE_INVALID_UTF8' : 'DECODE_MALFORMED';
    throw new DecodeError(code, `malformed ${name} frame: ${message}`, {
      cause: error,
      details: { size: bytes.byteLength },
    });
  }
}

function codecFor(name: MessageName): GeneratedCodec {
  const codec = codecs[name];
  if (codec === undefined)
    throw new EncodeError('ENCODE_UNKNOWN_TYPE', `no message type named ${String(name)}`);
  return codec;
}

/** Refuses a message (and its nested `plainMsg`) that sets more than one member of a oneof. */
function checkOneofs(name: MessageName, message: object): void {
  const members = oneofMembers[name];
  if (members === undefined) return;
  const set = members.filter((member) => (message as Record<string, unknown>)[member] != null);
  if (set.length > 1) {
    throw new EncodeError(
      'ENCODE_ONEOF_CONFLICT',
      `${name} sets ${set.join(' and ')}; at most one may be set`,
    );
  }
  if (name === 'Msg') {
    const plain = (message as { plainMsg?: unknown }).plainMsg;
    if (typeof plain === 'object' && plain !== null) checkOneofs('MsgPlain', plain);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
