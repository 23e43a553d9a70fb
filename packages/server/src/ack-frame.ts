import { ComMsgType } from '@birdtalk/proto';

/** What the acknowledgement of a chat (`sendBackChatMsgReply`) carries besides constants. */
export interface ChatAck {
  /** Server time: the envelope's `tm` and the reply's `sendOk`. */
  readonly tm: number;
  readonly msgId: bigint;
  readonly sendId: bigint;
  /** `"ok"` or `"fail"`. */
  readonly extraMsg: string;
  /** The connection's user. */
  readonly userId: bigint;
  /** The chat's recipient. */
  readonly fromId: bigint;
  /** `params.gid`, written first. */
  readonly gid: string;
  /** `params.detail`, written second. */
  readonly detail: string;
}

/**
 * The frame of a chat's acknowledgement, written straight into its buffer: a `Msg` (version 1, `tm`, type
 * `MsgTChatReply`) holding a `MsgChatReply` (`msgId`, `sendId`, `sendOk` = `tm`, `extraMsg`, `userId`, `fromId`,
 * `params` {gid, detail}). Every chat gets one, and the general encoder spent more on its bookkeeping (an
 * operation object per field, a writer state per sub-message, two copies of the map entries) than on the bytes.
 *
 * It writes exactly what the general encoder writes for that envelope (a property test compares them over the
 * whole 64-bit range): fields equal to zero and an empty `extraMsg` are left out, negative ids take ten bytes,
 * and map entries always carry both key and value. Returns `undefined` for a time that is not a non-negative
 * safe integer and for text with a lone surrogate (which the general encoder refuses); the caller then takes the
 * general path.
 */
export function encodeChatAck(ack: ChatAck): Uint8Array | undefined {
  const { tm } = ack;
  if (!Number.isSafeInteger(tm) || tm < 0) return undefined;
  const extraBytes = utf8Length(ack.extraMsg);
  const gidBytes = utf8Length(ack.gid);
  const detailBytes = utf8Length(ack.detail);
  if (extraBytes < 0 || gidBytes < 0 || detailBytes < 0) return undefined;
  // A map entry: key (tag, length, "gid"/"detail") and value (tag, length, text).
  const gidEntryBytes = 1 + 1 + 3 + 1 + varintSize(gidBytes) + gidBytes;
  const detailEntryBytes = 1 + 1 + 6 + 1 + varintSize(detailBytes) + detailBytes;
  split(ack.msgId, 0);
  split(ack.sendId, 2);
  split(ack.userId, 4);
  split(ack.fromId, 6);
  const replyBytes =
    idFieldSize(0) +
    idFieldSize(2) +
    (tm === 0 ? 0 : 1 + numberVarintSize(tm)) +
    (extraBytes === 0 ? 0 : 1 + varintSize(extraBytes) + extraBytes) +
    idFieldSize(4) +
    idFieldSize(6) +
    2 +
    varintSize(gidEntryBytes) +
    gidEntryBytes +
    2 +
    varintSize(detailEntryBytes) +
    detailEntryBytes;
  const plainBytes = 1 + varintSize(replyBytes) + replyBytes;
  const size =
    2 + (tm === 0 ? 0 : 1 + numberVarintSize(tm)) + 1 + 1 + 1 + varintSize(plainBytes) + plainBytes;

  // Node's pooled allocation: a typed array of its own (about 70 bytes, above V8's 64-byte limit for buffers on
  // the heap) cost more than encoding the acknowledgement.
  const out: Uint8Array = Buffer.allocUnsafe(size);
  out[0] = 8; // version = 1
  out[1] = 1;
  let pos = 2;
  if (tm !== 0) {
    out[pos++] = 24;
    pos = writeNumberVarint(out, pos, tm);
  }
  out[pos++] = 32;
  out[pos++] = ComMsgType.MsgTChatReply;
  out[pos++] = 98; // plainMsg
  pos = writeVarint(out, pos, plainBytes);
  out[pos++] = 98; // chatReply
  pos = writeVarint(out, pos, replyBytes);
  pos = writeIdField(out, pos, 8, 0);
  pos = writeIdField(out, pos, 16, 2);
  if (tm !== 0) {
    out[pos++] = 24;
    pos = writeNumberVarint(out, pos, tm);
  }
  if (extraBytes !== 0) {
    out[pos++] = 50;
    pos = writeVarint(out, pos, extraBytes);
    pos = writeUtf8(out, pos, ack.extraMsg);
  }
  pos = writeIdField(out, pos, 56, 4);
  pos = writeIdField(out, pos, 64, 6);
  pos = writeEntry(out, pos, 'gid', gidEntryBytes, ack.gid, gidBytes);
  writeEntry(out, pos, 'detail', detailEntryBytes, ack.detail, detailBytes);
  return out;
}

/** One `params` entry (field 30): its tag and length, then key and value. */
function writeEntry(
  out: Uint8Array,
  start: number,
  key: 'gid' | 'detail',
  entryBytes: number,
  value: string,
  valueBytes: number,
): number {
  let pos = start;
  out[pos++] = 242;
  out[pos++] = 1;
  pos = writeVarint(out, pos, entryBytes);
  out[pos++] = 10;
  out[pos++] = key.length;
  pos = writeUtf8(out, pos, key);
  out[pos++] = 18;
  pos = writeVarint(out, pos, valueBytes);
  return writeUtf8(out, pos, value);
}

const twoPow32 = 2 ** 32;

/**
 * An int64 field's value as the two 32-bit halves of its 64-bit two's complement (negative ids take ten bytes,
 * as the general encoder writes them), split into reused slots: bigint arithmetic is the slow part here, so an
 * id within the safe integers is split as a number.
 */
function split(id: bigint, slot: number): void {
  if (id >= 0n && id <= maxSafe) {
    const value = Number(id);
    halves[slot] = value % twoPow32;
    halves[slot + 1] = Math.floor(value / twoPow32);
  } else {
    const bits = BigInt.asUintN(64, id);
    halves[slot] = Number(BigInt.asUintN(32, bits));
    halves[slot + 1] = Number(bits >> 32n);
  }
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
/** The halves of msgId, sendId, userId and fromId, low first. */
const halves = new Float64Array(8);

/** The bytes of an int64 field whose halves are in `slot`: none for 0, a tag byte and the varint otherwise. */
function idFieldSize(slot: number): number {
  const low = halves[slot]!;
  const high = halves[slot + 1]!;
  if (high === 0) return low === 0 ? 0 : 1 + numberVarintSize(low);
  return 1 + splitVarintSize(high);
}

/** The varint bytes of a value with `high` ≠ 0 above its low 32 bits: the low 32 bits always take all 32. */
function splitVarintSize(high: number): number {
  const highBits = 32 - Math.clz32(high);
  return Math.ceil((32 + highBits) / 7);
}

function writeIdField(out: Uint8Array, start: number, tag: number, slot: number): number {
  const low = halves[slot]!;
  const high = halves[slot + 1]!;
  if (low === 0 && high === 0) return start;
  out[start] = tag;
  return writeSplitVarint(out, start + 1, low, high);
}

function numberVarintSize(value: number): number {
  let size = 1;
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128)) size += 1;
  return size;
}

function writeNumberVarint(out: Uint8Array, start: number, value: number): number {
  return writeSplitVarint(out, start, (value % twoPow32) >>> 0, Math.floor(value / twoPow32));
}

/** A varint of the 64-bit value `high`·2^32 + `low`, seven bits at a time, lowest first. */
function writeSplitVarint(out: Uint8Array, start: number, low: number, high: number): number {
  let pos = start;
  let lo = low;
  let hi = high;
  while (hi !== 0) {
    out[pos++] = (lo & 127) | 128;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    out[pos++] = (lo & 127) | 128;
    lo >>>= 7;
  }
  out[pos++] = lo;
  return pos;
}

function varintSize(value: number): number {
  return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : value < 268_435_456 ? 4 : 5;
}

function writeVarint(out: Uint8Array, start: number, value: number): number {
  let pos = start;
  let rest = value;
  while (rest > 127) {
    out[pos++] = (rest & 127) | 128;
    rest >>>= 7;
  }
  out[pos++] = rest;
  return pos;
}

const encoder = new TextEncoder();

/** UTF-8 length of `text`; -1 when it holds a lone surrogate, which has no UTF-8 form. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code < 0xd800 || code >= 0xe000) bytes += 3;
    else if (code >= 0xdc00 || i + 1 === text.length) return -1;
    else {
      const next = text.charCodeAt(i + 1);
      if (next < 0xdc00 || next >= 0xe000) return -1;
      bytes += 4;
      i += 1;
    }
  }
  return bytes;
}

function writeUtf8(out: Uint8Array, start: number, text: string): number {
  let ascii = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      ascii = false;
      break;
    }
    out[start + i] = code;
  }
  if (ascii) return start + text.length;
  return start + encoder.encodeInto(text, out.subarray(start)).written;
}
