import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeChatFrame } from '../src/chat-frame.js';
import { ChatMsgType, ChatType, ComMsgType, encodeMessage, encodeMsg, type MsgInit } from '../src/index.js';

const limit = 10 * 1024 * 1024;

/** What the general encoder makes of `msg`: its bytes as hex, or its error's code and message. */
function general(msg: unknown, maxFrameBytes = limit): string {
  try {
    return Buffer.from(encodeMessage('Msg', msg as MsgInit, { maxFrameBytes })).toString('hex');
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
}

/** What `encodeMsg` (which tries the chat path first) makes of `msg`, in the same form. */
function viaEncodeMsg(msg: unknown, maxFrameBytes = limit): string {
  try {
    return Buffer.from(encodeMsg(msg as MsgInit, { maxFrameBytes })).toString('hex');
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
}

function hex(bytes: Uint8Array | undefined): string | undefined {
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('hex');
}

const positiveId = fc.oneof(
  fc.bigInt(1n, 2n ** 53n - 1n).map(String),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: 1, max: 2 ** 31 - 1 }).map(String),
);
const anyInt64 = fc.oneof(
  positiveId,
  fc.constantFrom(0, '0', 0n, -0, '-0', '00', '+1', ' 1', '1e3', '', 1.5, Number.NaN, 2 ** 53, -1, '-1'),
  fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n),
  fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n).map(String),
  fc.bigInt(2n ** 53n, 2n ** 64n).map(String),
);
const anyInt32 = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.constantFrom(0, 1.5, 2 ** 31, '11', true, Number.NaN, -0),
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 40 }),
  // Lone surrogates, alone or among other text.
  fc.constantFrom('\uD800', 'a\uDC00b', '\uDBFF\uDBFF\uDC00', 'x\uD83D'),
);
const data = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.constantFrom(new Uint8Array(0), 'abc', [1, 2, 3], 7, Buffer.from('buffer bytes')),
);
/** Any value at all, for fields given something of the wrong type. */
const junk = fc.oneof(fc.anything({ maxDepth: 1 }), fc.constantFrom(null, undefined));

/** A chat as a caller might write it, including everything the general encoder refuses or treats specially. */
const chatArbitrary = fc.record(
  {
    msgId: fc.oneof(anyInt64, junk),
    userId: anyInt64,
    fromId: anyInt64,
    toId: anyInt64,
    tm: anyInt64,
    devId: fc.oneof(text, junk),
    sendId: anyInt64,
    msgType: anyInt32,
    data,
    priority: anyInt32,
    refMessageId: anyInt64,
    status: anyInt32,
    sendReply: anyInt64,
    recvReply: anyInt64,
    readReply: anyInt64,
    encType: anyInt32,
    chatType: anyInt32,
    subMsgType: anyInt32,
    keyPrint: anyInt64,
    params: fc.oneof(fc.dictionary(text, text, { maxKeys: 2 }), fc.constant({}), junk),
  },
  { requiredKeys: [] },
);

const envelopeArbitrary = fc.record(
  {
    version: anyInt32,
    keyPrint: anyInt64,
    tm: anyInt64,
    msgType: anyInt32,
    subType: anyInt32,
    cipher: fc.constantFrom(undefined, null, new Uint8Array([1])),
  },
  { requiredKeys: [] },
);

/** A chat the client's send path builds: positive ids, a device id, text or media bytes. */
const ordinaryChat = fc.record({
  msgId: positiveId,
  sendId: positiveId,
  fromId: positiveId,
  toId: positiveId,
  tm: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  devId: fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
    fc.string({ unit: 'grapheme', minLength: 1 }),
  ),
  msgType: fc.constantFrom(ChatMsgType.TEXT, ChatMsgType.IMAGE, ChatMsgType.DELETE),
  data: fc.uint8Array({ maxLength: 5000 }),
  chatType: fc.constantFrom(ChatType.ChatTypeP2P, ChatType.ChatTypeGroup),
  refMessageId: fc.option(positiveId, { nil: undefined }),
  params: fc.constant({}),
});

describe('the chat frame encoder', () => {
  it('writes exactly the bytes of the general encoder whenever it writes anything', () => {
    fc.assert(
      fc.property(envelopeArbitrary, chatArbitrary, (envelope, chatData) => {
        const msg = { ...envelope, plainMsg: { chatData } };
        const fast = encodeChatFrame(msg as MsgInit, limit);
        if (fast !== undefined) expect(hex(fast)).toBe(general(msg));
        // Through encodeMsg, every input comes out as the general encoder has it: the same bytes or the same error.
        expect(viaEncodeMsg(msg)).toBe(general(msg));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes every chat the send path builds, byte for byte as the general encoder', () => {
    fc.assert(
      fc.property(ordinaryChat, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (chatData, tm) => {
        const msg: MsgInit = {
          version: 1,
          keyPrint: 0,
          tm,
          msgType: ComMsgType.MsgTChatMsg,
          plainMsg: { chatData },
        };
        const fast = encodeChatFrame(msg, limit);
        expect(fast).toBeDefined();
        expect(hex(fast)).toBe(general(msg));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the general validations: lone surrogates, inexact ids, oneof conflicts, the frame limit', () => {
    const chat = {
      msgId: '1764450000000001',
      sendId: '1764450000000001',
      fromId: '10001',
      toId: '10002',
      tm: 1764450000000,
      devId: '0123456789abcdef0123456789abcdef',
      msgType: ChatMsgType.TEXT,
      data: new Uint8Array(100).fill(120),
      chatType: ChatType.ChatTypeP2P,
    };
    const msg = (changes: object, plain: object = {}): MsgInit => ({
      version: 1,
      keyPrint: 0,
      tm: 1764450000000,
      msgType: ComMsgType.MsgTChatMsg,
      plainMsg: { chatData: { ...chat, ...changes }, ...plain },
    });
    const code = (m: MsgInit, maxFrameBytes?: number) => {
      try {
        encodeMsg(m, maxFrameBytes === undefined ? {} : { maxFrameBytes });
        return 'encoded';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    expect(code(msg({ devId: 'ab\uD800' }))).toBe('ENCODE_INVALID_UTF8');
    expect(code(msg({ toId: '0123' }))).toBe('ENCODE_INVALID_INT64');
    expect(code(msg({ toId: 2 ** 53 }))).toBe('ENCODE_INVALID_INT64');
    expect(code(msg({ toId: '9223372036854775808' }))).toBe('ENCODE_INVALID_INT64');
    expect(code(msg({ msgType: 2 ** 31 }))).toBe('ENCODE_INVALID_INT32');
    expect(code(msg({ data: 'text' }))).toBe('ENCODE_INVALID_BYTES');
    expect(code(msg({}, { hello: { clientId: 'x' } }))).toBe('ENCODE_ONEOF_CONFLICT');
    const size = encodeMsg(msg({})).byteLength;
    expect(code(msg({}), size)).toBe('encoded');
    expect(code(msg({}), size - 1)).toBe('ENCODE_TOO_LARGE');
    // 64-bit ids beyond 2^53 and negative ones are left to the general encoder, which writes them exactly.
    const big = msg({ toId: '9223372036854775807', keyPrint: '-4825332312412223051' });
    expect(encodeChatFrame(big, limit)).toBeUndefined();
    expect(hex(encodeMsg(big))).toBe(general(big));
  });

  it('reports a field that throws as it is read the way the general encoder does', () => {
    const chatData = { sendId: '5', msgId: '5' };
    Object.defineProperty(chatData, 'toId', {
      enumerable: true,
      get: () => {
        throw new Error('no toId here');
      },
    });
    const msg = { version: 1, tm: 1, msgType: ComMsgType.MsgTChatMsg, plainMsg: { chatData } } as MsgInit;
    expect(viaEncodeMsg(msg)).toBe(general(msg));
    expect(viaEncodeMsg(msg)).toMatch(/^ENCODE_FAILED: /);
  });

  it('skips inherited fields as the generated code does', () => {
    const chatData = Object.assign(Object.create({ toId: '77', devId: 'inherited' }) as object, {
      sendId: '5',
      msgId: '5',
    });
    const msg = { version: 1, tm: 1, msgType: ComMsgType.MsgTChatMsg, plainMsg: { chatData } } as MsgInit;
    expect(hex(encodeChatFrame(msg, limit))).toBe(general(msg));
  });

  it('gives each frame bytes of its own, though frames share a slab', () => {
    const frames = Array.from({ length: 200 }, (_, i) => {
      const msg: MsgInit = {
        version: 1,
        tm: 1764450000000 + i,
        msgType: ComMsgType.MsgTChatMsg,
        plainMsg: {
          chatData: { sendId: String(i + 1), msgId: String(i + 1), data: new Uint8Array(i * 3).fill(i) },
        },
      };
      return { msg, bytes: encodeMsg(msg) };
    });
    for (const { msg, bytes } of frames) expect(hex(bytes)).toBe(general(msg));
  });
});
