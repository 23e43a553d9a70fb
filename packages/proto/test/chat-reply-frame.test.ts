import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChatReplyFrame } from '../src/chat-reply-frame.js';
import { ComMsgType, decodeMessage, decodeMsg, encodeMessage, type MsgInit } from '../src/index.js';

/** What the general decoder makes of `frame`: the message, or its error's code and message. */
function general(frame: Uint8Array): unknown {
  try {
    return decodeMessage('Msg', frame);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
}

/** What `decodeMsg` (which tries the acknowledgement path first) makes of `frame`, in the same form. */
function viaDecodeMsg(frame: Uint8Array): unknown {
  try {
    return decodeMsg(frame);
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code}: ${message}`;
  }
}

/** Every own key in insertion order, the class of each message and the oneof each reports, all the way down. */
function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  return {
    class: Object.getPrototypeOf(value)?.constructor?.name,
    message: 'message' in record ? record.message : undefined,
    own: Object.keys(record).map((key) => [key, shape(record[key])]),
  };
}

/** The same value read as the decoder's result is: every own field and every prototype default. */
function expectSame(fast: unknown, slow: unknown): void {
  expect(fast).toStrictEqual(slow);
  expect(shape(fast)).toEqual(shape(slow));
}

const int64 = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  fc.bigInt(1n, 2n ** 53n - 1n).map(String),
  fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n).map(String),
);
const int32 = fc.oneof(fc.constant(0), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.nat(300));
const text = fc.oneof(
  fc.constantFrom('', 'ok', 'fail'),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

const replyArbitrary = fc.record(
  {
    msgId: int64,
    sendId: int64,
    sendOk: int64,
    recvOk: int64,
    readOk: int64,
    extraMsg: text,
    userId: int64,
    fromId: int64,
    params: fc.oneof(
      fc.constant({}),
      fc.dictionary(
        fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('', '__proto__', 'gid', 'détail')),
        fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('', 'é')),
        { maxKeys: 3 },
      ),
    ),
  },
  { requiredKeys: [] },
);
const envelopeArbitrary = fc.record(
  { version: int32, keyPrint: int64, tm: int64, msgType: int32, subType: int32 },
  { requiredKeys: [] },
);

/** Frames near an acknowledgement: encoded ones, with bytes changed, cut off or appended, and random bytes. */
const frameArbitrary = fc.oneof(
  fc
    .tuple(envelopeArbitrary, replyArbitrary)
    .map(([envelope, chatReply]) =>
      encodeMessage('Msg', { ...envelope, plainMsg: { chatReply } } as MsgInit),
    ),
  fc
    .tuple(envelopeArbitrary, replyArbitrary, fc.nat(), fc.nat(255))
    .map(([envelope, chatReply, at, byte]) => {
      const frame = encodeMessage('Msg', { ...envelope, plainMsg: { chatReply } } as MsgInit).slice();
      if (frame.length > 0) frame[at % frame.length] = byte;
      return frame;
    }),
  fc
    .tuple(envelopeArbitrary, replyArbitrary, fc.nat(), fc.uint8Array({ maxLength: 4 }))
    .map(([envelope, chatReply, cut, extra]) => {
      const frame = encodeMessage('Msg', { ...envelope, plainMsg: { chatReply } } as MsgInit);
      return Uint8Array.from([...frame.subarray(0, frame.length - (cut % 3)), ...extra]);
    }),
  fc.uint8Array({ maxLength: 40 }),
);

describe('the chat reply frame decoder', () => {
  it('returns exactly what the general decoder returns whenever it returns anything', () => {
    fc.assert(
      fc.property(frameArbitrary, (frame) => {
        const fast = decodeChatReplyFrame(frame);
        if (fast !== undefined) expectSame(fast, general(frame));
        // Through decodeMsg, every frame comes out as the general decoder has it: the same message or error.
        expectSame(viaDecodeMsg(frame), general(frame));
      }),
      { numRuns: 4000 },
    );
  });

  it('takes every acknowledgement the server sends', () => {
    const ids = fc.bigInt(1n, 2n ** 63n - 1n).map(String);
    fc.assert(
      fc.property(
        ids,
        ids,
        ids,
        fc.constantFrom('ok', 'fail'),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n).map(String),
        ids,
        fc.constantFrom('', 'peer blocked you', 'not friends'),
        (msgId, sendId, userId, extraMsg, tm, keyPrint, gid, detail) => {
          const frame = encodeMessage('Msg', {
            version: 1,
            keyPrint,
            tm,
            msgType: ComMsgType.MsgTChatReply,
            plainMsg: {
              chatReply: { msgId, sendId, sendOk: tm, userId, extraMsg, params: { gid, detail } },
            },
          });
          const fast = decodeChatReplyFrame(frame);
          expect(fast).toBeDefined();
          expectSame(fast, general(frame));
          expect(fast?.plainMsg?.message).toBe('chatReply');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('leaves to the general decoder what it cannot return exactly', () => {
    const frame = (chatReply: object, envelope: object = {}) =>
      encodeMessage('Msg', {
        version: 1,
        msgType: ComMsgType.MsgTChatReply,
        ...envelope,
        plainMsg: { chatReply },
      });
    const ok = { msgId: '5', sendId: '5', extraMsg: 'ok' };
    expect(decodeChatReplyFrame(frame(ok))).toBeDefined();
    // A negative int32 (ten bytes), non-ASCII text, another payload, a field twice.
    expect(decodeChatReplyFrame(frame(ok, { subType: -1 }))).toBeUndefined();
    expect(decodeMsg(frame(ok, { subType: -1 })).subType).toBe(-1);
    expect(decodeChatReplyFrame(frame({ ...ok, extraMsg: 'é' }))).toBeUndefined();
    expect(decodeChatReplyFrame(frame({ ...ok, params: { gid: '1', detail: 'é' } }))).toBeUndefined();
    const hello = encodeMessage('Msg', { plainMsg: { hello: { clientId: 'x' } } });
    expect(decodeChatReplyFrame(hello)).toBeUndefined();
    const twice = Uint8Array.from([8, 1, 8, 2, ...frame(ok).subarray(2)]);
    expect(decodeChatReplyFrame(twice)).toBeUndefined();
    // The general decoder keeps the last of a repeated field.
    expect(decodeMsg(twice).version).toBe(2);
    // Fields sent as zero, which the encoder never writes: the general decoder leaves them to the defaults.
    const reply = [0x08, 0x00, 0x10, 0x05, 0x18, 0x00, 0x32, 0x02, 0x6f, 0x6b];
    const plain = [0x62, reply.length, ...reply];
    const zeros = Uint8Array.from([0x08, 0x00, 0x10, 0x00, 0x20, 0x0c, 0x62, plain.length, ...plain]);
    const decoded = decodeChatReplyFrame(zeros);
    expect(decoded).toBeDefined();
    expectSame(decoded, general(zeros));
    expect(Object.keys(decoded?.plainMsg?.chatReply ?? {})).toEqual(['params', 'sendId', 'extraMsg']);
    // A truncated frame is still the general decoder's DecodeError.
    const cut = frame(ok).subarray(0, frame(ok).length - 1);
    expect(decodeChatReplyFrame(cut)).toBeUndefined();
    expect(() => decodeMsg(cut)).toThrow(expect.objectContaining({ code: 'DECODE_MALFORMED' }));
  });
});
