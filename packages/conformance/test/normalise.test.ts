import { ChatType, ComMsgType, decodeMsg, encodeMsg, type MsgInit } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { jsonText } from '../src/json-text.js';
import { Normaliser } from '../src/normalise.js';
import { type Dict, type DictValue, messageToDict } from '../src/to-dict.js';

const sorted = { sortKeys: true, ensureAscii: false } as const;

function line(message: MsgInit, normaliser: Normaliser): string {
  return jsonText(normaliser.message(messageToDict('Msg', decodeMsg(encodeMsg(message)))), sorted);
}

function facts(names: Record<string, string> = {}, secrets: string[] = []) {
  return { names: new Map(Object.entries(names)), secrets: new Set(secrets) };
}

describe('messageToDict (protobuf JSON with proto field names)', () => {
  it('prints set fields in field-number order, enums by name, 64-bit ints as text, bytes as base64', () => {
    const dict = messageToDict(
      'Msg',
      decodeMsg(
        encodeMsg({
          version: 1,
          tm: '1733300000000',
          msgType: ComMsgType.MsgTChatMsg,
          plainMsg: {
            chatData: {
              toId: '9',
              msgId: '5',
              chatType: ChatType.ChatTypeGroup,
              data: new Uint8Array([104, 105]),
            },
          },
        }),
      ),
    );
    expect([...dict.keys()]).toEqual(['version', 'tm', 'msgType', 'plainMsg']);
    const chat = (dict.get('plainMsg') as Dict).get('chatData') as Dict;
    expect([...chat.entries()]).toEqual([
      ['msgId', '5'],
      ['toId', '9'],
      ['data', 'aGk='],
      ['chatType', 'ChatTypeGroup'],
    ]);
  });

  it('prints a present but empty sub-message as {} and leaves out default scalars and empty maps', () => {
    const dict = messageToDict(
      'Msg',
      decodeMsg(encodeMsg({ version: 0, plainMsg: { hello: { params: {} } } })),
    );
    expect(jsonText(dict, sorted)).toBe('{"plainMsg": {"hello": {}}}');
  });
});

describe('jsonText (Python json.dumps)', () => {
  it('uses ", " and ": " separators, sorts keys, and escapes as Python does', () => {
    const value: Dict = new Map<string, DictValue>([
      ['b', 'é\n"\u0001'],
      ['a', [1, true, null]],
    ]);
    expect(jsonText(value, sorted)).toBe('{"a": [1, true, null], "b": "é\\n\\"\\u0001"}');
    expect(jsonText(new Map([['text', 'é✓\u007f']]), { sortKeys: false, ensureAscii: true })).toBe(
      '{"text": "\\u00e9\\u2713\\u007f"}',
    );
  });
});

describe('Normaliser', () => {
  it('names the scenario’s users, numbers other ids by first appearance, and keeps zeros', () => {
    const n = new Normaliser(facts({ 'U:1001': 'ann' }));
    const text = line(
      {
        plainMsg: {
          chatReply: {
            userId: '1001',
            fromId: '2002',
            msgId: '1234567890123456789',
            sendId: '7',
            params: { gid: '0' },
          },
        },
      },
      n,
    );
    expect(text).toBe(
      '{"plainMsg": {"chatReply": {"fromId": "<U2>", "msgId": "<M1>", "params": {"gid": "0"}, "sendId": "<S1>", "userId": "<U:ann>"}}}',
    );
    // userId (field 3) is visited before fromId (field 4), and a named user takes a number too; the same id
    // keeps its token later in the transcript.
    expect(line({ plainMsg: { heartBeat: { userId: '2002' } } }, n)).toBe(
      '{"plainMsg": {"heartBeat": {"userId": "<U2>"}}}',
    );
  });

  it('reads fromId of a group receipt and toId of a group chat as groups', () => {
    const n = new Normaliser(facts({ 'G:77': 'club' }));
    expect(
      line({ plainMsg: { chatReply: { fromId: '77', extraMsg: 'ok', params: { gid: '77' } } } }, n),
    ).toBe(
      '{"plainMsg": {"chatReply": {"extraMsg": "ok", "fromId": "<G:club>", "params": {"gid": "<G:club>"}}}}',
    );
    expect(line({ plainMsg: { chatData: { toId: '77', chatType: ChatType.ChatTypeGroup } } }, n)).toContain(
      '"toId": "<G:club>"',
    );
  });

  it('masks times, keys, passwords and secrets inside longer text', () => {
    const n = new Normaliser(facts({}, ['s3cret-pw']));
    expect(
      line(
        {
          tm: '1733300000000',
          plainMsg: {
            errorMsg: {
              code: 14,
              detail: 'pwd is not correct: s3cret-pw',
              params: { value: 's3cret-pw', tm: '5' },
            },
          },
        },
        n,
      ),
    ).toBe(
      '{"plainMsg": {"errorMsg": {"code": 14, "detail": "pwd is not correct: <secret>", "params": {"tm": "<t>", "value": "<secret>"}}}, "tm": "<t>"}',
    );
    expect(line({ plainMsg: { keyEx: { keyPrint: '-5', pubKey: new Uint8Array([1]) } } }, n)).toBe(
      '{"plainMsg": {"keyEx": {"keyPrint": "<secret>", "pubKey": "<secret>"}}}',
    );
  });

  it('reads params by their keys: user ids by mode, groups by keyword, batches of message ids, stored names', () => {
    const n = new Normaliser(facts());
    expect(line({ plainMsg: { friendOp: { params: { mode: 'id', value: '42' } } } }, n)).toContain(
      '"value": "<U1>"',
    );
    expect(line({ plainMsg: { groupOp: { params: { keyword: '99999' } } } }, n)).toContain(
      '"keyword": "<G1>"',
    );
    expect(
      line({ plainMsg: { chatReply: { params: { batch: '1234567890123456, 2222222222222222,x' } } } }, n),
    ).toContain('"batch": "<M1>,<M2>,x"');
    expect(
      line({ plainMsg: { uploadReply: { fileName: '20261204_abc.txt', uuidName: '20261204_abc.txt' } } }, n),
    ).toBe('{"plainMsg": {"uploadReply": {"fileName": "<F1>", "uuidName": "<F1>"}}}');
    // A number already seen as an id keeps its token inside params.
    expect(line({ plainMsg: { groupOp: { params: { other: '42' } } } }, n)).toContain('"other": "<U1>"');
  });

  it('turns 16–19 digit numbers inside free text into message tokens', () => {
    const n = new Normaliser(facts());
    expect(n.string('message 1234567890123456 not found, 12345678901234567890 too long')).toBe(
      'message <M1> not found, 12345678901234567890 too long',
    );
  });
});
