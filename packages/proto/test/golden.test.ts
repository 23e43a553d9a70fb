import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMsg, encodeMsg } from '../src/index.js';
import { goldenFrames } from './golden.js';
import { hex } from './wire.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}.hex`, import.meta.url), 'utf8').trim();

describe('golden frames', () => {
  for (const frame of goldenFrames) {
    describe(frame.name, () => {
      it('the hand-built wire bytes match the committed fixture', () => {
        expect(hex(frame.wire)).toBe(fixture(frame.name));
      });

      it('encodeMsg produces exactly the fixture bytes', () => {
        expect(hex(encodeMsg(frame.message))).toBe(fixture(frame.name));
      });

      it('decoding the fixture and encoding again is byte-identical', () => {
        const bytes = Uint8Array.from(Buffer.from(fixture(frame.name), 'hex'));
        expect(hex(encodeMsg(decodeMsg(bytes) as never))).toBe(fixture(frame.name));
      });
    });
  }

  it('decodes the fixtures into the expected values', () => {
    const bytes = (name: string) => Uint8Array.from(Buffer.from(fixture(name), 'hex'));

    const hello = decodeMsg(bytes('hello'));
    expect(hello.tm).toBe('1732900000000');
    expect(hello.keyPrint).toBe('0');
    if (hello.plainMsg?.message !== 'hello') throw new Error('expected a hello payload');
    expect(hello.plainMsg.hello.keyPrint).toBe('-4825332312412223051');
    expect(hello.plainMsg.hello.params).toEqual({ Lang: 'en-US', checkTokenData: 'AAEC' });

    const chat = decodeMsg(bytes('chat')).plainMsg;
    if (chat?.message !== 'chatData') throw new Error('expected a chat payload');
    expect(chat.chatData.refMessageId).toBe('9007199254740993');
    expect(new TextDecoder().decode(chat.chatData.data)).toBe('héllo 👋');
    expect(chat.chatData.readReply).toBe('0');
    expect(chat.chatData.params).toEqual({});

    const receipt = decodeMsg(bytes('receipt')).plainMsg;
    if (receipt?.message !== 'chatReply') throw new Error('expected a receipt payload');
    expect(receipt.chatReply.msgId).toBe('544649789237002240');
    expect(receipt.chatReply.recvOk).toBe('1732900000123');

    const keyEx = decodeMsg(bytes('key-exchange-stage-1')).plainMsg;
    if (keyEx?.message !== 'keyEx') throw new Error('expected a key exchange payload');
    expect(keyEx.keyEx.stage).toBe(1);
    expect(keyEx.keyEx.encType).toBe('AES-CTR');
  });
});
