import { ChatType, ComMsgType, decodeMsg, encodeMsg, type MsgInit, QueryDataType } from '@birdtalk/proto';
import { compareThroughput } from '../measure.js';
import { loadPristineCodec } from '../pristine-codec.js';
import { row, type ScenarioResult } from '../result.js';

/** Parameters of the codec scenario. */
export interface CodecParameters {
  /** Chats in the query-result frame. */
  readonly chatsPerPage: number;
  /** Bytes of text in each chat. */
  readonly textBytes: number;
  readonly roundMs: number;
  readonly rounds: number;
}

function chat(index: number, text: Uint8Array) {
  const id = (544_649_789_237_002_240n + BigInt(index)).toString();
  return {
    msgId: id,
    userId: '10001',
    fromId: '10002',
    toId: '10001',
    tm: '1732900000000',
    sendId: (1_732_900_000_000_000n + BigInt(index)).toString(),
    msgType: 0,
    data: text,
    chatType: ChatType.ChatTypeP2P,
    sendReply: '1732900000000',
  } as const;
}

/** Runs the codec scenario: our `encodeMsg`/`decodeMsg` against plain protobufjs on the same objects. */
export async function runCodec(parameters: CodecParameters): Promise<ScenarioResult> {
  const pristine = loadPristineCodec();
  const text = new TextEncoder().encode('x'.repeat(parameters.textBytes));
  const chatEnvelope: MsgInit = {
    version: 1,
    tm: '1732900000000',
    msgType: ComMsgType.MsgTChatMsg,
    plainMsg: { chatData: { ...chat(0, text), params: { gid: '0' } } },
  };
  const page: MsgInit = {
    version: 1,
    tm: '1732900000000',
    msgType: ComMsgType.MsgTQueryResult,
    plainMsg: {
      commonQueryRet: {
        userId: '10001',
        littleId: chat(0, text).msgId,
        bigId: chat(parameters.chatsPerPage - 1, text).msgId,
        queryType: QueryDataType.QueryDataTypeChatData,
        chatType: ChatType.ChatTypeP2P,
        result: 'ok',
        chatDataList: Array.from({ length: parameters.chatsPerPage }, (_, i) => chat(i, text)),
      },
    },
  };
  const rows = [];
  for (const [label, message] of [
    ['chat envelope', chatEnvelope],
    [`query result, ${parameters.chatsPerPage} chats`, page],
  ] as const) {
    const size = encodeMsg(message).byteLength;
    const [ours, baseline] = await compareThroughput(
      [
        { name: 'ours', run: () => decodeMsg(encodeMsg(message)) },
        { name: 'protobufjs', run: () => pristine.decode(pristine.encode(message).finish()) },
      ],
      { roundMs: parameters.roundMs, rounds: parameters.rounds, warmupOps: 2000 },
    );
    rows.push(
      row(
        `encode+decode ${label} (${size} B)`,
        'ops/s',
        ours!.opsPerSecond,
        baseline!.opsPerSecond,
        'plain protobufjs',
      ),
    );
  }
  return {
    id: 'codec',
    title: 'Codec: encode + decode',
    parameters: { ...parameters },
    rows,
    targets: [],
    notes: [
      'Ours adds exact 64-bit integers (decimal strings), UTF-8 and type validation, and the frame-size check; the baseline decodes 64-bit fields to Long objects.',
    ],
  };
}
