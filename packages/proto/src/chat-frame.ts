import type { MsgInit } from './gen/types.js';

/**
 * The encoder of the one frame a busy client sends most: a `Msg` envelope holding a `MsgChat`.
 *
 * The general encoder walks the generated code over a protobufjs writer, which records every field as an
 * operation object, nests a writer state per sub-message and copies it all out at the end; for a chat that
 * bookkeeping costs more than the bytes. This one measures the frame first and then writes it straight into its
 * final buffer.
 *
 * It writes exactly the bytes the general encoder writes, and only where it is sure of that: anything out of the
 * ordinary (a value the general encoder would refuse or treat specially, a 64-bit id beyond 2^53, a negative
 * number, `params` or unknown fields to carry, another payload, a frame over the size limit) makes it return
 * `undefined`, and the caller takes the general path, which encodes it or throws its usual error. It never throws
 * on its own account.
 */
export function encodeChatFrame(message: MsgInit, maxFrameBytes: number): Uint8Array | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const msg = message as Envelope;
  const plain = msg.plainMsg;
  if (plain == null || !own(msg, 'plainMsg') || typeof plain !== 'object') return undefined;
  if (msg.cipher != null || msg.$unknowns != null) return undefined;
  const chat = plain.chatData;
  if (chat == null || !own(plain, 'chatData') || typeof chat !== 'object' || !onlyChat(plain))
    return undefined;

  // Each field is read once, as a number: 0 when the general encoder skips it, -1 when this one cannot write it.
  let value: unknown = msg.version;
  const version = value == null || !own(msg, 'version') ? 0 : int32Of(value);
  value = msg.keyPrint;
  const keyPrint = value == null || !own(msg, 'keyPrint') ? 0 : int64Of(value);
  value = msg.tm;
  const tm = value == null || !own(msg, 'tm') ? 0 : int64Of(value);
  value = msg.msgType;
  const msgType = value == null || !own(msg, 'msgType') ? 0 : int32Of(value);
  value = msg.subType;
  const subType = value == null || !own(msg, 'subType') ? 0 : int32Of(value);
  if (version < 0 || keyPrint < 0 || tm < 0 || msgType < 0 || subType < 0) return undefined;
  const fields = readChat(chat as Chat);
  if (fields === undefined) return undefined;

  const chatBytes = chatSize(fields);
  const plainBytes = 1 + varintSize(chatBytes) + chatBytes;
  const size =
    fieldSize(version) +
    fieldSize(keyPrint) +
    fieldSize(tm) +
    fieldSize(msgType) +
    fieldSize(subType) +
    1 +
    varintSize(plainBytes) +
    plainBytes;
  if (size > maxFrameBytes) return undefined;

  const out = allocate(size);
  let pos = writeField(out, 0, 8, version);
  pos = writeField(out, pos, 16, keyPrint);
  pos = writeField(out, pos, 24, tm);
  pos = writeField(out, pos, 32, msgType);
  pos = writeField(out, pos, 40, subType);
  out[pos++] = 98;
  pos = writeVarint(out, pos, plainBytes);
  out[pos++] = 90;
  pos = writeVarint(out, pos, chatBytes);
  writeChat(out, pos, fields);
  return out;
}

/** The envelope as this encoder reads it: any value may be there, since callers may pass anything. */
interface Envelope {
  readonly plainMsg?: Plain | null;
  readonly cipher?: unknown;
  readonly $unknowns?: unknown;
  readonly [field: string]: unknown;
}

interface Plain {
  readonly chatData?: unknown;
  readonly [member: string]: unknown;
}

type Chat = Readonly<Record<string, unknown>>;

const hasOwn = Object.prototype.hasOwnProperty;

/** The generated encoders write a field only when it is the object's own (not inherited) property. */
function own(object: object, key: string): boolean {
  return hasOwn.call(object, key);
}

/**
 * Whether `chatData` is the only payload set: the general encoder refuses two members of the oneof, and this
 * encoder writes only the chat. Members are checked as the general encoder's oneof check reads them.
 */
function onlyChat(plain: Plain): boolean {
  return (
    plain.hello == null &&
    plain.heartBeat == null &&
    plain.errorMsg == null &&
    plain.keyEx == null &&
    plain.chatReply == null &&
    plain.commonQuery == null &&
    plain.commonQueryRet == null &&
    plain.uploadReq == null &&
    plain.downloadReq == null &&
    plain.uploadReply == null &&
    plain.downloadReply == null &&
    plain.userOp == null &&
    plain.userOpRet == null &&
    plain.friendOp == null &&
    plain.friendOpRet == null &&
    plain.groupOp == null &&
    plain.groupOpRet == null &&
    plain.otherTypeMsg == null &&
    plain.$unknowns == null
  );
}

/** A MsgChat's fields as this encoder writes them: numbers as in {@link encodeChatFrame}, and the two buffers. */
interface ChatFields {
  msgId: number;
  userId: number;
  fromId: number;
  toId: number;
  tm: number;
  devId: string;
  devIdBytes: number;
  sendId: number;
  msgType: number;
  data: Uint8Array | undefined;
  priority: number;
  refMessageId: number;
  status: number;
  sendReply: number;
  recvReply: number;
  readReply: number;
  encType: number;
  chatType: number;
  subMsgType: number;
  keyPrint: number;
}

/**
 * Reads a MsgChat's fields, each once and by its own name (which lets the engine look each up directly), or
 * returns `undefined` when this encoder cannot write one of them exactly.
 */
function readChat(chat: Chat): ChatFields | undefined {
  if (chat.$unknowns != null && own(chat, '$unknowns')) return undefined;
  let value: unknown = chat.params;
  if (value != null && own(chat, 'params') && !isEmpty(value)) return undefined;
  value = chat.msgId;
  const msgId = value == null || !own(chat, 'msgId') ? 0 : int64Of(value);
  value = chat.userId;
  const userId = value == null || !own(chat, 'userId') ? 0 : int64Of(value);
  value = chat.fromId;
  const fromId = value == null || !own(chat, 'fromId') ? 0 : int64Of(value);
  value = chat.toId;
  const toId = value == null || !own(chat, 'toId') ? 0 : int64Of(value);
  value = chat.tm;
  const tm = value == null || !own(chat, 'tm') ? 0 : int64Of(value);
  value = chat.devId;
  const devId = value == null || !own(chat, 'devId') || value === '' ? '' : value;
  const devIdBytes = typeof devId === 'string' ? utf8Length(devId) : -1;
  value = chat.sendId;
  const sendId = value == null || !own(chat, 'sendId') ? 0 : int64Of(value);
  value = chat.msgType;
  const msgType = value == null || !own(chat, 'msgType') ? 0 : int32Of(value);
  value = chat.data;
  let data: Uint8Array | undefined;
  if (value != null && own(chat, 'data') && (value as { length?: unknown }).length) {
    // The general encoder decides what becomes of anything else with a length.
    if (!(value instanceof Uint8Array)) return undefined;
    data = value;
  }
  value = chat.priority;
  const priority = value == null || !own(chat, 'priority') ? 0 : int32Of(value);
  value = chat.refMessageId;
  const refMessageId = value == null || !own(chat, 'refMessageId') ? 0 : int64Of(value);
  value = chat.status;
  const status = value == null || !own(chat, 'status') ? 0 : int32Of(value);
  value = chat.sendReply;
  const sendReply = value == null || !own(chat, 'sendReply') ? 0 : int64Of(value);
  value = chat.recvReply;
  const recvReply = value == null || !own(chat, 'recvReply') ? 0 : int64Of(value);
  value = chat.readReply;
  const readReply = value == null || !own(chat, 'readReply') ? 0 : int64Of(value);
  value = chat.encType;
  const encType = value == null || !own(chat, 'encType') ? 0 : int32Of(value);
  value = chat.chatType;
  const chatType = value == null || !own(chat, 'chatType') ? 0 : int32Of(value);
  value = chat.subMsgType;
  const subMsgType = value == null || !own(chat, 'subMsgType') ? 0 : int32Of(value);
  value = chat.keyPrint;
  const keyPrint = value == null || !own(chat, 'keyPrint') ? 0 : int64Of(value);
  if (
    msgId < 0 ||
    userId < 0 ||
    fromId < 0 ||
    toId < 0 ||
    tm < 0 ||
    devIdBytes < 0 ||
    sendId < 0 ||
    msgType < 0 ||
    priority < 0 ||
    refMessageId < 0 ||
    status < 0 ||
    sendReply < 0 ||
    recvReply < 0 ||
    readReply < 0 ||
    encType < 0 ||
    chatType < 0 ||
    subMsgType < 0 ||
    keyPrint < 0
  ) {
    return undefined;
  }
  return {
    msgId,
    userId,
    fromId,
    toId,
    tm,
    devId: devId as string,
    devIdBytes,
    sendId,
    msgType,
    data,
    priority,
    refMessageId,
    status,
    sendReply,
    recvReply,
    readReply,
    encType,
    chatType,
    subMsgType,
    keyPrint,
  };
}

/** The encoded size of a MsgChat's fields. */
function chatSize(chat: ChatFields): number {
  return (
    fieldSize(chat.msgId) +
    fieldSize(chat.userId) +
    fieldSize(chat.fromId) +
    fieldSize(chat.toId) +
    fieldSize(chat.tm) +
    (chat.devIdBytes === 0 ? 0 : 1 + varintSize(chat.devIdBytes) + chat.devIdBytes) +
    fieldSize(chat.sendId) +
    fieldSize(chat.msgType) +
    (chat.data === undefined ? 0 : 1 + varintSize(chat.data.length) + chat.data.length) +
    fieldSize(chat.priority) +
    fieldSize(chat.refMessageId) +
    fieldSize(chat.status) +
    fieldSize(chat.sendReply) +
    fieldSize(chat.recvReply) +
    fieldSize(chat.readReply) +
    wideFieldSize(chat.encType) +
    wideFieldSize(chat.chatType) +
    wideFieldSize(chat.subMsgType) +
    wideFieldSize(chat.keyPrint)
  );
}

/** Writes a MsgChat's fields from `start`, in field-number order as the generated code does. */
function writeChat(out: Uint8Array, start: number, chat: ChatFields): void {
  let pos = writeField(out, start, 8, chat.msgId);
  pos = writeField(out, pos, 16, chat.userId);
  pos = writeField(out, pos, 24, chat.fromId);
  pos = writeField(out, pos, 32, chat.toId);
  pos = writeField(out, pos, 40, chat.tm);
  if (chat.devIdBytes > 0) pos = writeString(out, pos, 50, chat.devId, chat.devIdBytes);
  pos = writeField(out, pos, 56, chat.sendId);
  pos = writeField(out, pos, 64, chat.msgType);
  const data = chat.data;
  if (data !== undefined) {
    out[pos++] = 74;
    pos = writeVarint(out, pos, data.length);
    out.set(data, pos);
    pos += data.length;
  }
  pos = writeField(out, pos, 80, chat.priority);
  pos = writeField(out, pos, 88, chat.refMessageId);
  pos = writeField(out, pos, 96, chat.status);
  pos = writeField(out, pos, 104, chat.sendReply);
  pos = writeField(out, pos, 112, chat.recvReply);
  pos = writeField(out, pos, 120, chat.readReply);
  pos = writeWideField(out, pos, 128, chat.encType);
  pos = writeWideField(out, pos, 136, chat.chatType);
  pos = writeWideField(out, pos, 144, chat.subMsgType);
  writeWideField(out, pos, 152, chat.keyPrint);
}

/** Whether a map value holds no key the general encoder would write (it writes `Object.keys`). */
function isEmpty(map: unknown): boolean {
  for (const _ in map as object) return false;
  return true;
}

/**
 * A 64-bit value the general encoder writes (present and own) as a number: 0 when it is zero (skipped), the
 * value when it is a positive safe integer (a number, or strict decimal text of at most 16 digits), -1 otherwise.
 */
function int64Of(value: unknown): number {
  if (typeof value === 'number') {
    if (value === 0) return 0;
    return value > 0 && Number.isSafeInteger(value) ? value : -1;
  }
  if (typeof value === 'string') return value === '0' ? 0 : decimal(value);
  return -1;
}

/** Strict decimal text of a positive safe integer (no sign, no leading zero), or -1. */
function decimal(text: string): number {
  const length = text.length;
  if (length === 0 || length > 16) return -1;
  let code = text.charCodeAt(0);
  if (code < 49 || code > 57) return -1;
  // Exact while below 2^53; a larger value rounds to 2^53 or more, which the last check refuses.
  let value = code - 48;
  for (let i = 1; i < length; i += 1) {
    code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + (code - 48);
  }
  return value <= Number.MAX_SAFE_INTEGER ? value : -1;
}

/** A 32-bit value the general encoder writes: 0 when zero, the value when a positive int32, -1 otherwise. */
function int32Of(value: unknown): number {
  if (value === 0) return 0;
  return typeof value === 'number' && (value | 0) === value && value > 0 ? value : -1;
}

/** The UTF-8 length of `value`, or -1 when it holds a lone surrogate. */
function utf8Length(value: string): number {
  let bytes = 0;
  const length = value.length;
  for (let i = 0; i < length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code < 0xd800 || code > 0xdfff) bytes += 3;
    else if (code < 0xdc00 && i + 1 < length) {
      const next = value.charCodeAt(i + 1);
      if (next < 0xdc00 || next > 0xdfff) return -1;
      bytes += 4;
      i += 1;
    } else return -1;
  }
  return bytes;
}

const encoder = new TextEncoder();

/** Writes tag, length and the UTF-8 of a string that {@link stringBytes} accepted. */
function writeString(out: Uint8Array, start: number, tag: number, value: string, bytes: number): number {
  out[start] = tag;
  let pos = writeVarint(out, start + 1, bytes);
  if (bytes === value.length) {
    for (let i = 0; i < bytes; i += 1) out[pos + i] = value.charCodeAt(i);
    return pos + bytes;
  }
  pos += encoder.encodeInto(value, out.subarray(pos, pos + bytes)).written;
  return pos;
}

/** The bytes of a varint field with a one-byte tag, 0 when the value is 0 (not written). */
function fieldSize(value: number): number {
  return value === 0 ? 0 : 1 + varintSize(value);
}

/** The bytes of a varint field with a two-byte tag (field numbers 16 and up). */
function wideFieldSize(value: number): number {
  return value === 0 ? 0 : 2 + varintSize(value);
}

function writeField(out: Uint8Array, pos: number, tag: number, value: number): number {
  if (value === 0) return pos;
  out[pos] = tag;
  return writeVarint(out, pos + 1, value);
}

/** Writes a field numbered 16 to 2047, whose tag takes two bytes: `tag` is (number << 3) | wire type. */
function writeWideField(out: Uint8Array, pos: number, tag: number, value: number): number {
  if (value === 0) return pos;
  out[pos] = (tag & 0x7f) | 0x80;
  out[pos + 1] = tag >>> 7;
  return writeVarint(out, pos + 2, value);
}

/** The varint length of a non-negative safe integer. */
function varintSize(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x20_0000) return 3;
  if (value < 0x1000_0000) return 4;
  let size = 4;
  let rest = Math.floor(value / 0x1000_0000);
  while (rest > 0) {
    size += 1;
    rest = Math.floor(rest / 0x80);
  }
  return size;
}

/**
 * Writes a non-negative safe integer as a varint. Beyond 32 bits it is split into two 32-bit halves first, so
 * that the loop runs on integer operations only, as protobufjs's own 64-bit varint does.
 */
function writeVarint(out: Uint8Array, start: number, value: number): number {
  let pos = start;
  let low = value >>> 0;
  if (value > 0xffff_ffff) {
    let high = Math.floor(value / 0x1_0000_0000);
    low = (value - high * 0x1_0000_0000) >>> 0;
    while (high !== 0) {
      out[pos++] = (low & 0x7f) | 0x80;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
  }
  while (low > 0x7f) {
    out[pos++] = (low & 0x7f) | 0x80;
    low >>>= 7;
  }
  out[pos++] = low;
  return pos;
}

/** Frames are cut from a shared slab, as protobufjs's own writer does, so a small frame costs no buffer of its own. */
const slabSize = 8192;
let slab = new Uint8Array(slabSize);
let slabUsed = 0;

function allocate(size: number): Uint8Array {
  if (size > slabSize >>> 1) return new Uint8Array(size);
  if (slabUsed + size > slabSize) {
    slab = new Uint8Array(slabSize);
    slabUsed = 0;
  }
  const bytes = slab.subarray(slabUsed, slabUsed + size);
  // Keep each frame 8-byte aligned within the slab, as protobufjs does.
  slabUsed = (slabUsed + size + 7) & ~7;
  return bytes;
}
