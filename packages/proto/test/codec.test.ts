import { describe, expect, it } from 'vitest';
import {
  ComMsgType,
  DEFAULT_MAX_FRAME_BYTES,
  decodeMessage,
  decodeMsg,
  encodeMessage,
  encodeMsg,
  type MessageName,
} from '../src/index.js';
import { messageTypes } from './schema.js';

const extremes = [
  '9223372036854775807',
  '-9223372036854775808',
  '9007199254740993',
  '-4825332312412223051',
  '544649789237002240',
  '1',
];

describe('64-bit fields are exact on every int64 field of the schema', () => {
  const int64Fields = messageTypes().flatMap((type) =>
    type.fieldsArray
      .filter((field) => field.type === 'int64' && !field.map && !field.repeated)
      .map((field) => ({
        type: type.name as MessageName,
        field: field.name,
        jsString: field.options?.jstype === 'JS_STRING',
      })),
  );

  it('covers both plain int64 fields and jstype = JS_STRING fields', () => {
    expect(int64Fields.some((f) => f.jsString)).toBe(true);
    expect(int64Fields.some((f) => !f.jsString)).toBe(true);
    expect(int64Fields.length).toBeGreaterThan(60);
  });

  for (const { type, field, jsString } of int64Fields) {
    it(`${type}.${field} (${jsString ? 'JS_STRING' : 'plain'})`, () => {
      for (const value of extremes) {
        for (const input of [value, BigInt(value)]) {
          const bytes = encodeMessage(type, { [field]: input } as never);
          const decoded = decodeMessage(type, bytes) as unknown as Record<string, unknown>;
          expect(decoded[field]).toBe(value);
        }
      }
      const empty = decodeMessage(type, encodeMessage(type, {} as never)) as unknown as Record<
        string,
        unknown
      >;
      expect(empty[field]).toBe('0');
    });
  }
});

describe('encodeMsg', () => {
  it('omits default values, as proto3 encoders do', () => {
    expect(encodeMsg({})).toHaveLength(0);
    expect(encodeMsg({ version: 0, keyPrint: '0', tm: 0n, msgType: 0 })).toHaveLength(0);
  });

  it('refuses strings that would be invalid UTF-8, wherever they are', () => {
    const lone = 'ok\uD800';
    const frames = [
      { plainMsg: { chatData: { devId: lone } } },
      { plainMsg: { hello: { params: { [lone]: 'v' } } } },
      { plainMsg: { hello: { params: { k: lone } } } },
      { plainMsg: { groupOp: { group: { tags: ['fine', lone] } } } },
      { plainMsg: { userOp: { user: { nickName: '\uDC00x' } } } },
    ];
    for (const frame of frames) {
      expect(() => encodeMsg(frame)).toThrow(expect.objectContaining({ code: 'ENCODE_INVALID_UTF8' }));
    }
    expect(encodeMsg({ plainMsg: { chatData: { devId: '👋 surrogate pair' } } }).length).toBeGreaterThan(0);
  });

  it('refuses two members of a oneof', () => {
    const both = { plainMsg: { hello: {}, heartBeat: {} } } as never;
    expect(() => encodeMsg(both)).toThrow(expect.objectContaining({ code: 'ENCODE_ONEOF_CONFLICT' }));
    const envelope = { cipher: new Uint8Array(1), plainMsg: {} } as never;
    expect(() => encodeMsg(envelope)).toThrow(expect.objectContaining({ code: 'ENCODE_ONEOF_CONFLICT' }));
  });

  it('refuses values of the wrong kind with typed errors', () => {
    const cases: Array<[unknown, string]> = [
      [{ version: 1.5 }, 'ENCODE_INVALID_INT32'],
      [{ msgType: 2 ** 40 }, 'ENCODE_INVALID_INT32'],
      [{ tm: 2 ** 60 }, 'ENCODE_INVALID_INT64'],
      [{ tm: 'soon' }, 'ENCODE_INVALID_INT64'],
      [{ plainMsg: { chatData: { data: 'text, not bytes' } } }, 'ENCODE_INVALID_BYTES'],
      [{ plainMsg: { hello: { stage: 7 } } }, 'ENCODE_INVALID_STRING'],
      [null, 'ENCODE_INVALID_MESSAGE'],
    ];
    for (const [frame, code] of cases) {
      expect(() => encodeMsg(frame as never)).toThrow(expect.objectContaining({ name: 'EncodeError', code }));
    }
  });

  it('refuses frames over the size limit', () => {
    const frame = { plainMsg: { uploadReq: { fileData: new Uint8Array(2048) } } };
    expect(() => encodeMsg(frame, { maxFrameBytes: 1024 })).toThrow(
      expect.objectContaining({ code: 'ENCODE_TOO_LARGE' }),
    );
    expect(encodeMsg(frame).length).toBeGreaterThan(2048);
  });
});

describe('decodeMsg', () => {
  const chatFrame = encodeMsg({
    version: 1,
    tm: Date.UTC(2026, 0, 1),
    msgType: ComMsgType.MsgTChatMsg,
    plainMsg: {
      chatData: { msgId: '544649789237002240', data: new TextEncoder().encode('hi'), params: { gid: '0' } },
    },
  });

  it('names the payload case and fills proto3 defaults', () => {
    const msg = decodeMsg(chatFrame);
    expect(msg.message).toBe('plainMsg');
    expect(msg.plainMsg?.message).toBe('chatData');
    expect(msg.plainMsg?.hello).toBeUndefined();
    expect(msg.keyPrint).toBe('0');
    expect(msg.plainMsg?.chatData?.devId).toBe('');
    expect(msg.plainMsg?.chatData?.toId).toBe('0');
  });

  it('refuses oversize frames before parsing', () => {
    const oversize = new Uint8Array(DEFAULT_MAX_FRAME_BYTES + 1);
    expect(() => decodeMsg(oversize)).toThrow(expect.objectContaining({ code: 'DECODE_TOO_LARGE' }));
    expect(() => decodeMsg(chatFrame, { maxFrameBytes: 4 })).toThrow(
      expect.objectContaining({ name: 'DecodeError', code: 'DECODE_TOO_LARGE' }),
    );
  });

  it('reports truncation, bad wire types and invalid UTF-8 as DecodeError', () => {
    const cases: Array<[number[], string]> = [
      [[0x62, 0x05, 0x5a], 'DECODE_MALFORMED'], // plainMsg claims 5 bytes, 1 present
      [[0x08], 'DECODE_MALFORMED'], // a varint key with no value
      [[0x0f], 'DECODE_MALFORMED'], // wire type 7 does not exist
      [[0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], 'DECODE_MALFORMED'], // 11-byte varint
      [[0x62, 0x05, 0x3a, 0x03, 0x0a, 0x01, 0xff], 'DECODE_INVALID_UTF8'], // hello.clientId = 0xff
      [[0x62, 0x06, 0x3a, 0x04, 0x1a, 0x02, 0xc3, 0x28], 'DECODE_INVALID_UTF8'], // bad continuation byte
    ];
    for (const [bytes, code] of cases) {
      expect(() => decodeMsg(Uint8Array.from(bytes))).toThrow(
        expect.objectContaining({ name: 'DecodeError', code }),
      );
    }
    expect(() => decodeMsg('frame' as never)).toThrow(expect.objectContaining({ code: 'DECODE_NOT_BYTES' }));
  });

  it('every truncation of a valid frame decodes or throws DecodeError, nothing else', () => {
    for (let length = 0; length < chatFrame.length; length += 1) {
      try {
        decodeMsg(chatFrame.subarray(0, length));
      } catch (error) {
        expect(error).toMatchObject({ name: 'DecodeError' });
      }
    }
  });

  it('skips unknown fields', () => {
    const withUnknown = Uint8Array.from([...chatFrame, 0xa8, 0x1f, 0x01]); // field 501, varint 1
    expect(decodeMsg(withUnknown).plainMsg?.chatData?.msgId).toBe('544649789237002240');
  });

  it('keeps the codec usable after malformed input', () => {
    expect(() => decodeMsg(Uint8Array.from([0x0f]))).toThrow();
    expect(decodeMsg(chatFrame).plainMsg?.message).toBe('chatData');
  });
});

describe('a oneof keeps one member', () => {
  const hello = encodeMessage('MsgPlain', { hello: { clientId: 'a' } });
  const reply = encodeMessage('MsgPlain', { chatReply: { sendId: '7', extraMsg: 'ok' } });

  it('decodes the last member a frame holds and drops the earlier ones', () => {
    // Two members in one payload: protobuf says the last one wins.
    const plain = decodeMessage('MsgPlain', new Uint8Array([...hello, ...reply]));
    expect(plain.message).toBe('chatReply');
    expect(Object.hasOwn(plain, 'hello')).toBe(false);
    expect(plain.hello).toBeUndefined();
    expect(plain.chatReply?.sendId).toBe('7');
    const back = decodeMessage('MsgPlain', new Uint8Array([...reply, ...hello]));
    expect(back.message).toBe('hello');
    expect(Object.hasOwn(back, 'chatReply')).toBe(false);
  });

  it('setting the member name drops the others and keeps the named one', () => {
    const plain = decodeMessage('MsgPlain', hello) as {
      message?: string;
      hello?: unknown;
      chatReply?: unknown;
    };
    plain.chatReply = { sendId: '1' };
    plain.message = 'chatReply';
    expect(Object.hasOwn(plain, 'hello')).toBe(false);
    expect(plain.chatReply).toEqual({ sendId: '1' });
    expect(plain.message).toBe('chatReply');
  });
});
