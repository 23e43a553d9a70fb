import { ComMsgType, encodeMsg } from '@birdtalk/proto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChatAck, encodeChatAck } from '../src/ack-frame.js';

/** The acknowledgement as the general encoder writes it: the envelope the chat handler used to build. */
function general(ack: ChatAck): Uint8Array {
  return encodeMsg(
    {
      version: 1,
      keyPrint: 0,
      tm: ack.tm,
      msgType: ComMsgType.MsgTChatReply,
      subType: 0,
      plainMsg: {
        chatReply: {
          msgId: ack.msgId,
          sendId: ack.sendId,
          sendOk: ack.tm,
          recvOk: 0,
          readOk: 0,
          extraMsg: ack.extraMsg,
          userId: ack.userId,
          fromId: ack.fromId,
          params: { gid: ack.gid, detail: ack.detail },
        },
      },
    },
    { maxFrameBytes: Number.MAX_SAFE_INTEGER },
  );
}

/** The bytes as a plain array: the direct encoder returns a pooled Buffer, the general one a Uint8Array. */
function bytes(frame: Uint8Array | undefined): number[] | undefined {
  return frame === undefined ? undefined : [...frame];
}

const int64 = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.bigInt({ min: 0n, max: 2n ** 21n }),
  fc.constantFrom(
    0n,
    1n,
    -1n,
    127n,
    128n,
    2n ** 32n - 1n,
    2n ** 32n,
    2n ** 53n,
    2n ** 63n - 1n,
    -(2n ** 63n),
  ),
);
const text = fc.oneof(
  fc.constantFrom('\ud800', 'a\udc00b', '\ud83d\ude00', 'é', '\u0800', '\u07ff'),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant(''),
);

describe('the direct encoder of a chat acknowledgement', () => {
  it('writes exactly the general encoder bytes, and leaves to it what it refuses (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          tm: fc.oneof(
            fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
            fc.constantFrom(0, 1_750_000_000_000),
          ),
          msgId: int64,
          sendId: int64,
          extraMsg: fc.oneof(fc.constantFrom('ok', 'fail', ''), text),
          userId: int64,
          fromId: int64,
          gid: fc.oneof(int64.map(String), text),
          detail: text,
        }),
        (ack) => {
          let expected: Uint8Array | undefined;
          try {
            expected = general(ack);
          } catch {
            // What the general encoder refuses (a lone surrogate) is left to it, to refuse in its own words.
            expected = undefined;
          }
          expect(bytes(encodeChatAck(ack))).toEqual(bytes(expected));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes the acknowledgements the server sends as the general encoder does', () => {
    const ack: ChatAck = {
      tm: 1_750_000_000_123,
      msgId: 1_948_123_456_789_012_345n,
      sendId: 42n,
      extraMsg: 'ok',
      userId: 10_001n,
      fromId: 10_002n,
      gid: '0',
      detail: 'send to self',
    };
    expect(bytes(encodeChatAck(ack))).toEqual(bytes(general(ack)));
    const refused = { ...ack, extraMsg: 'fail', detail: 'not friend', userId: 0n };
    expect(bytes(encodeChatAck(refused))).toEqual(bytes(general(refused)));
  });

  it('leaves a time it cannot write to the general encoder', () => {
    const ack: ChatAck = {
      tm: -1,
      msgId: 1n,
      sendId: 1n,
      extraMsg: 'ok',
      userId: 1n,
      fromId: 1n,
      gid: '0',
      detail: '',
    };
    expect(encodeChatAck(ack)).toBeUndefined();
    expect(encodeChatAck({ ...ack, tm: 1.5 })).toBeUndefined();
    expect(encodeChatAck({ ...ack, tm: 2 ** 53 })).toBeUndefined();
  });
});
