import type { MsgInit } from '../src/index.js';
import { bytes, int, mapEntry, msg, str } from './wire.js';

const tm = 1_732_900_000_000n;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const pem = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';

/** A golden frame: the message as the API takes it, and the same frame written field by field. */
export interface GoldenFrame {
  readonly name: string;
  readonly message: MsgInit;
  readonly wire: number[];
}

/**
 * The golden frames. Field order follows field numbers, as protobuf encoders (Go's included) write them; map
 * entries are key then value.
 */
export const goldenFrames: readonly GoldenFrame[] = [
  {
    name: 'hello',
    message: {
      version: 1,
      tm,
      msgType: 1,
      plainMsg: {
        hello: {
          clientId: 'bot-7',
          version: '0.1.0',
          platform: 'linux',
          stage: 'clienthello',
          keyPrint: '-4825332312412223051',
          params: { Lang: 'en-US', checkTokenData: 'AAEC' },
        },
      },
    },
    wire: [
      ...int(1, 1),
      ...int(3, tm),
      ...int(4, 1),
      ...msg(
        12,
        msg(
          7,
          str(1, 'bot-7'),
          str(2, '0.1.0'),
          str(3, 'linux'),
          str(5, 'clienthello'),
          int(6, -4_825_332_312_412_223_051n),
          mapEntry(8, 'Lang', 'en-US'),
          mapEntry(8, 'checkTokenData', 'AAEC'),
        ),
      ),
    ],
  },
  {
    name: 'key-exchange-stage-1',
    message: {
      version: 1,
      tm,
      msgType: 4,
      plainMsg: { keyEx: { stage: 1, pubKey: utf8(pem), encType: 'AES-CTR' } },
    },
    wire: [
      ...int(1, 1),
      ...int(3, tm),
      ...int(4, 4),
      ...msg(12, msg(10, int(3, 1), bytes(5, utf8(pem)), str(6, 'AES-CTR'))),
    ],
  },
  {
    name: 'chat',
    message: {
      version: 1,
      tm,
      msgType: 11,
      plainMsg: {
        chatData: {
          msgId: '1001',
          userId: '10001',
          fromId: '10001',
          toId: '10002',
          tm: '1732900000000',
          devId: 'd1',
          sendId: 1001n,
          msgType: 0,
          data: utf8('héllo 👋'),
          refMessageId: '9007199254740993',
          chatType: 1,
        },
      },
    },
    wire: [
      ...int(1, 1),
      ...int(3, tm),
      ...int(4, 11),
      ...msg(
        12,
        msg(
          11,
          int(1, 1001),
          int(2, 10_001),
          int(3, 10_001),
          int(4, 10_002),
          int(5, tm),
          str(6, 'd1'),
          int(7, 1001),
          bytes(9, utf8('héllo 👋')),
          int(11, 9_007_199_254_740_993n),
          int(17, 1),
        ),
      ),
    ],
  },
  {
    name: 'receipt',
    message: {
      version: 1,
      tm,
      msgType: 12,
      plainMsg: {
        chatReply: {
          msgId: '544649789237002240',
          sendId: '1001',
          recvOk: 1_732_900_000_123,
          userId: '10001',
          fromId: '10002',
          params: { gid: '0' },
        },
      },
    },
    wire: [
      ...int(1, 1),
      ...int(3, tm),
      ...int(4, 12),
      ...msg(
        12,
        msg(
          12,
          int(1, 544_649_789_237_002_240n),
          int(2, 1001),
          int(4, 1_732_900_000_123n),
          int(7, 10_001),
          int(8, 10_002),
          mapEntry(30, 'gid', '0'),
        ),
      ),
    ],
  },
];
