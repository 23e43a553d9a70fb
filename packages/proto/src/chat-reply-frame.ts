import { com } from './gen/codec.js';
import type { Msg } from './gen/types.js';
import { int64FromBits } from './int64.js';

/** The generated message classes, whose instances the general decoder returns (defaults live on their prototypes). */
type MessageClass = new () => Record<string, unknown>;
const model = com.bird2fish.birdtalksdk.pbmodel as unknown as Record<string, MessageClass>;
const MsgClass = model.Msg as MessageClass;
const MsgPlainClass = model.MsgPlain as MessageClass;
const MsgChatReplyClass = model.MsgChatReply as MessageClass;

/** The envelope's varint fields by number (1 to 5), and whether each is a 64-bit one (a decimal string). */
const envelopeFields = ['', 'version', 'keyPrint', 'tm', 'msgType', 'subType'] as const;
const envelopeWide = [false, false, true, true, false, false] as const;
/** MsgChatReply's fields by number (1 to 8); all are 64-bit varints except 6, `extraMsg`, a string. */
const replyFields = [
  '',
  'msgId',
  'sendId',
  'sendOk',
  'recvOk',
  'readOk',
  'extraMsg',
  'userId',
  'fromId',
] as const;

/**
 * The decoder of the frame a busy sender receives most: a `Msg` envelope holding a `MsgChatReply`, the
 * server's acknowledgement of a chat.
 *
 * The general decoder runs the generated code over a protobufjs reader, formats 64-bit values through their two
 * 32-bit halves and checks strings through a general UTF-8 decoder; for a frame of a few dozen bytes that
 * machinery costs more than the values. This one reads the frame as the server writes it.
 *
 * It returns exactly what the general decoder returns (the same generated classes, fields set in the same order,
 * defaults left to the prototypes), and only where it is sure of that: every field once and in field-number
 * order, the reply as the envelope's last field and the only payload, `extraMsg` and `params` of ASCII only, no `cipher` or unknown fields. Anything
 * else returns `undefined` and the caller takes the general path, which decodes it or throws its usual error.
 * It never throws.
 */
export function decodeChatReplyFrame(frame: Uint8Array): Msg | undefined {
  const end = frame.length;
  const msg = new MsgClass();
  let pos = 0;
  let last = 0;
  // The envelope's scalar fields, then its plainMsg (field 12, length-delimited: tag 98).
  while (pos < end) {
    const tag = frame[pos] as number;
    if (tag === 98) break;
    const field = tag >>> 3;
    if ((tag & 7) !== 0 || field <= last || field > 5) return undefined;
    last = field;
    pos += 1;
    if (!readVarint(frame, pos, end, envelopeWide[field] ? 10 : 5)) return undefined;
    pos = varintEnd;
    // The general decoder deletes a field that arrives as zero; on a fresh message there is nothing to delete.
    if (envelopeWide[field]) {
      if ((varintLow | varintHigh) !== 0)
        msg[envelopeFields[field] as string] = int64FromBits(varintLow, varintHigh);
    } else if ((varintLow | 0) !== 0) msg[envelopeFields[field] as string] = varintLow | 0;
  }
  if (pos >= end) return undefined;
  if (!readVarint(frame, pos + 1, end, 5) || varintHigh !== 0 || varintEnd + varintLow !== end)
    return undefined;
  pos = varintEnd;
  // MsgPlain holding only chatReply (field 12, length-delimited: tag 98), to the end of the frame.
  if (frame[pos] !== 98) return undefined;
  if (!readVarint(frame, pos + 1, end, 5) || varintHigh !== 0 || varintEnd + varintLow !== end)
    return undefined;
  pos = varintEnd;
  const reply = new MsgChatReplyClass();
  last = 0;
  while (pos < end) {
    const tag = frame[pos] as number;
    if (tag === 0xf2 && frame[pos + 1] === 0x01) {
      // A params entry (field 30, length-delimited: a two-byte tag); entries may repeat, nothing follows them.
      pos = readParam(frame, pos + 2, end, reply.params as Record<string, string>);
      if (pos < 0) return undefined;
      last = 30;
      continue;
    }
    const field = tag >>> 3;
    if (field <= last || field > 8) return undefined;
    last = field;
    pos += 1;
    if (field === 6) {
      if ((tag & 7) !== 2) return undefined;
      if (!readVarint(frame, pos, end, 5) || varintHigh !== 0) return undefined;
      const length = varintLow;
      pos = varintEnd;
      const text = ascii(frame, pos, pos + length, end);
      if (text === undefined) return undefined;
      pos += length;
      if (text !== '') reply.extraMsg = text;
      continue;
    }
    if ((tag & 7) !== 0) return undefined;
    if (!readVarint(frame, pos, end, 10)) return undefined;
    pos = varintEnd;
    if ((varintLow | varintHigh) !== 0)
      reply[replyFields[field] as string] = int64FromBits(varintLow, varintHigh);
  }
  const plain = new MsgPlainClass();
  // The general decoder then sets each oneof, which deletes the group's other members: a fresh message has none.
  plain.chatReply = reply;
  msg.plainMsg = plain;
  return msg as unknown as Msg;
}

/** Where the last {@link readVarint} ended, and the low and high 32 bits of its value (unsigned). */
let varintEnd = 0;
let varintLow = 0;
let varintHigh = 0;

/**
 * Reads a varint of up to `maxBytes` bytes at `start` as the generated decoders' reader does, leaving its end
 * and value in {@link varintEnd}, {@link varintLow} and {@link varintHigh}; false when it runs past `end` or is
 * longer. 64-bit values take up to ten bytes; 32-bit ones (lengths and int32 fields) are held to five, since
 * protobufjs skips the rest of a longer one without reading it.
 */
function readVarint(frame: Uint8Array, start: number, end: number, maxBytes: number): boolean {
  let low = 0;
  let high = 0;
  let pos = start;
  for (let shift = 0; shift < maxBytes * 7; shift += 7) {
    if (pos >= end) return false;
    const byte = frame[pos++] as number;
    const bits = byte & 0x7f;
    if (shift < 28) low |= bits << shift;
    else if (shift === 28) {
      low |= (bits & 0x0f) << 28;
      high = bits >> 4;
    } else high |= bits << (shift - 32);
    if (byte < 0x80) {
      varintEnd = pos;
      varintLow = low >>> 0;
      varintHigh = high >>> 0;
      return true;
    }
  }
  return false;
}

/**
 * Reads one params entry whose length starts at `start` into `params`, as the general decoder does: a key
 * (field 1) then a value (field 2), either left out for "", each ASCII; returns where it ends, or -1 for
 * anything else (a field twice or out of order, the key `__proto__`).
 */
function readParam(frame: Uint8Array, start: number, end: number, params: Record<string, string>): number {
  if (!readVarint(frame, start, end, 5) || varintHigh !== 0) return -1;
  const stop = varintEnd + varintLow;
  if (stop > end) return -1;
  let pos = varintEnd;
  let key = '';
  let value = '';
  if (pos < stop && frame[pos] === 10) {
    if (!readVarint(frame, pos + 1, stop, 5) || varintHigh !== 0) return -1;
    const text = ascii(frame, varintEnd, varintEnd + varintLow, stop);
    if (text === undefined) return -1;
    key = text;
    pos = varintEnd + varintLow;
  }
  if (pos < stop && frame[pos] === 18) {
    if (!readVarint(frame, pos + 1, stop, 5) || varintHigh !== 0) return -1;
    const text = ascii(frame, varintEnd, varintEnd + varintLow, stop);
    if (text === undefined) return -1;
    value = text;
    pos = varintEnd + varintLow;
  }
  if (pos !== stop || key === '__proto__') return -1;
  params[key] = value;
  return stop;
}

/**
 * The texts the server puts in every acknowledgement (`extraMsg`, the `params` keys, and the values of a stored
 * P2P chat's: `gid` "0", `detail` "save data ok"), returned as these constants when the bytes match, so that
 * each acknowledgement builds no string for them: built a character at a time, "save data ok" alone was a
 * dozen strings and about 250 of the 380 bytes the decoder allocated per acknowledgement.
 */
const knownTexts = ['ok', 'fail', 'gid', 'detail', '0', 'save data ok'];

/** The text of `frame[start, stop)` when every byte is ASCII and it lies within `end`, else `undefined`. */
function ascii(frame: Uint8Array, start: number, stop: number, end: number): string | undefined {
  if (stop > end) return undefined;
  for (let pos = start; pos < stop; pos += 1) if ((frame[pos] as number) >= 0x80) return undefined;
  const length = stop - start;
  for (const known of knownTexts) if (known.length === length && matches(frame, start, known)) return known;
  let text = '';
  for (let pos = start; pos < stop; pos += 1) text += String.fromCharCode(frame[pos] as number);
  return text;
}

/** Whether the bytes at `start` are the ASCII text `known`. */
function matches(frame: Uint8Array, start: number, known: string): boolean {
  for (let i = 0; i < known.length; i += 1) if (frame[start + i] !== known.charCodeAt(i)) return false;
  return true;
}
