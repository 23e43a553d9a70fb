import {
  ChatMsgType,
  ChatType,
  ComMsgType,
  encodeMsg,
  GroupOperationType,
  type MsgInit,
  type MsgPlainInit,
  QueryDataType,
  UserOperationType,
} from '@birdtalk/proto';
import { type Random, seededRandom } from '@birdtalk/runtime';

/** Builds one valid frame, with fresh ids drawn from `random`. */
export type FrameTemplate = (random: Random) => MsgInit;

/** How a fuzz frame was made. */
export type FuzzKind = 'valid' | 'random' | 'truncated' | 'bit-flipped' | 'spliced';

/** One frame of a fuzz run. */
export interface FuzzFrame {
  readonly kind: FuzzKind;
  readonly bytes: Uint8Array;
}

/** The ids the templates put into frames. */
export interface FuzzPeople {
  /** The user the frames are addressed to (server → client) or sent by (client → server). */
  readonly selfId: string;
  /** Another user. */
  readonly peerId: string;
  /** A group both are in. */
  readonly groupId: string;
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const int = (random: Random, below: number): number => Math.floor(random.float() * below);
const id = (random: Random): string => String(1_000_000_000_000_000_000n + BigInt(int(random, 1e15)));
const frame = (msgType: ComMsgType, plainMsg: MsgPlainInit, random: Random): MsgInit => ({
  version: 1,
  keyPrint: 0,
  tm: 1_750_000_000_000 + int(random, 1e9),
  msgType,
  plainMsg,
});

/** Frames the server sends: pushes, replies, errors, notices — valid ones, as the real server labels them. */
export function serverFrames(people: FuzzPeople): FrameTemplate[] {
  const { selfId, peerId, groupId } = people;
  const chat = (random: Random, chatType: ChatType, msgType: ChatMsgType, data: Uint8Array) => ({
    msgId: id(random),
    sendId: id(random),
    fromId: peerId,
    toId: chatType === ChatType.ChatTypeGroup ? groupId : selfId,
    userId: selfId,
    tm: 1_750_000_000_000 + int(random, 1e9),
    chatType,
    msgType,
    data,
  });
  return [
    (r) =>
      frame(
        ComMsgType.MsgTChatMsg,
        { chatData: chat(r, ChatType.ChatTypeP2P, ChatMsgType.TEXT, text(`hi ${int(r, 1e6)}`)) },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTChatMsg,
        { chatData: chat(r, ChatType.ChatTypeGroup, ChatMsgType.TEXT, text('group text')) },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTChatMsg,
        {
          chatData: chat(
            r,
            ChatType.ChatTypeP2P,
            ChatMsgType.FILE,
            text(
              JSON.stringify({
                txt: ' ',
                fmt: [{ at: 0, len: 1, key: 0 }],
                ent: [
                  { tp: 'EX', data: { mime: 'text/plain', name: 'a.txt', ref: '20250101_abc.txt', size: 3 } },
                ],
              }),
            ),
          ),
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTQueryResult,
        { chatData: chat(r, ChatType.ChatTypeP2P, ChatMsgType.TEXT, text('re-pushed')) },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTChatReply,
        {
          chatReply: {
            msgId: id(r),
            sendId: id(r),
            sendOk: 1,
            extraMsg: 'ok',
            userId: selfId,
            fromId: peerId,
            params: { gid: '0' },
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTChatReply,
        {
          chatReply: {
            msgId: id(r),
            recvOk: 1,
            readOk: int(r, 2),
            userId: peerId,
            fromId: peerId,
            params: { gid: '0', batch: `${id(r)},${id(r)}` },
          },
        },
        r,
      ),
    (r) => frame(ComMsgType.MsgTHello, { heartBeat: { tm: 1, userId: selfId } }, r),
    (r) =>
      frame(
        ComMsgType.MsgTError,
        { errorMsg: { code: int(r, 25), detail: 'something went wrong', params: { field: 'x' } } },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTQueryResult,
        {
          commonQueryRet: {
            queryType: QueryDataType.QueryDataTypeChatData,
            chatType: ChatType.ChatTypeP2P,
            result: 'ok',
            userId: selfId,
            chatDataList: [chat(r, ChatType.ChatTypeP2P, ChatMsgType.TEXT, text('history'))],
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTUserOp,
        {
          userOp: {
            operation: UserOperationType.SetUserInfo,
            user: { userId: peerId, nickName: 'peer' },
            params: { status: 'online' },
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTUserOpRet,
        {
          userOpRet: {
            operation: UserOperationType.Login,
            result: 'ok',
            status: 'loginok',
            users: [{ userId: selfId }],
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTFriendOpRet,
        {
          friendOpRet: {
            operation: UserOperationType.AddFriend,
            result: 'ok',
            user: { userId: peerId },
            users: [{ userId: selfId }],
            msgId: id(r),
            sendId: id(r),
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTGroupOpRet,
        {
          groupOpRet: {
            operation: GroupOperationType.GroupJoinAnswer,
            result: 'ok',
            detail: 'direct',
            group: { groupId: String(10_001 + int(r, 50)), groupName: 'g', params: {} },
            members: [{ userId: selfId, role: 'u', groupId }],
            msgId: id(r),
            sendId: id(r),
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTGroupOp,
        {
          groupOp: {
            operation: GroupOperationType.GroupJoinRequest,
            group: { groupId },
            ReqMem: { userId: peerId },
            sendId: id(r),
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTUploadReply,
        {
          uploadReply: {
            fileName: 'a.bin',
            sendId: id(r),
            uuidName: '20250101_abc.bin',
            chunkIndex: 0,
            result: 'fileok',
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTKeyExchange,
        { keyEx: { stage: 2 + int(r, 3), keyPrint: id(r), pubKey: text('not a key'), tempKey: r.bytes(20) } },
        r,
      ),
    (r) =>
      frame(ComMsgType.MsgTHello, { hello: { stage: 'waitlogin', version: 'v1.0', platform: 'windows' } }, r),
  ];
}

/** Requests a client sends, valid ones (none of them a hazard by itself). */
export function clientFrames(people: FuzzPeople): FrameTemplate[] {
  const { selfId, peerId, groupId } = people;
  return [
    (r) => {
      const sendId = id(r);
      return frame(
        ComMsgType.MsgTChatMsg,
        {
          chatData: {
            msgId: sendId,
            sendId,
            fromId: selfId,
            toId: r.float() < 0.5 ? peerId : groupId,
            chatType: r.float() < 0.5 ? ChatType.ChatTypeP2P : ChatType.ChatTypeGroup,
            msgType: ChatMsgType.TEXT,
            data: text(`fuzz ${int(r, 1e6)}`),
          },
        },
        r,
      );
    },
    (r) =>
      frame(
        ComMsgType.MsgTChatReply,
        { chatReply: { msgId: id(r), recvOk: 1, userId: selfId, fromId: peerId, params: { gid: '0' } } },
        r,
      ),
    (r) => frame(ComMsgType.MsgTHeartBeat, { heartBeat: { tm: 1, userId: selfId } }, r),
    (r) =>
      frame(
        ComMsgType.MsgTQuery,
        {
          commonQuery: {
            queryType: QueryDataType.QueryDataTypeChatData,
            chatType: ChatType.ChatTypeP2P,
            synType: 0,
            littleId: int(r, 1000),
            userId: 0,
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTQuery,
        {
          commonQuery: {
            queryType: QueryDataType.QueryDataTypeChatData,
            chatType: ChatType.ChatTypeGroup,
            synType: 1,
            groupId,
            bigId: '9223372036854775807',
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTFriendOp,
        {
          friendOp: {
            operation: UserOperationType.FindUser,
            user: { userId: peerId },
            params: { mode: 'id', value: peerId },
            sendId: id(r),
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTFriendOp,
        { friendOp: { operation: UserOperationType.AddFriend, user: { userId: peerId }, sendId: id(r) } },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTGroupOp,
        { groupOp: { operation: GroupOperationType.GroupListIn, sendId: id(r) } },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTGroupOp,
        {
          groupOp: {
            operation: GroupOperationType.GroupCreate,
            group: { groupName: `g${int(r, 100)}`, params: { jointype: 'direct' } },
            sendId: id(r),
          },
        },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTGroupOp,
        { groupOp: { operation: GroupOperationType.GroupSearchMember, group: { groupId }, sendId: id(r) } },
        r,
      ),
    (r) =>
      frame(
        ComMsgType.MsgTUserOp,
        {
          userOp: {
            operation: UserOperationType.SetUserInfo,
            user: { userId: selfId, nickName: `n${int(r, 100)}` },
            params: {},
          },
        },
        r,
      ),
    (r) => {
      const data = text(`upload ${int(r, 1e6)}`);
      return frame(
        ComMsgType.MsgTUpload,
        {
          uploadReq: {
            fileName: 'f.txt',
            fileSize: data.length,
            fileData: data,
            hashType: 'md5',
            hashCode: '0123456789abcdef0123456789abcdef',
            chunkIndex: 0,
            chunkCount: 1,
            chunkSize: 1 << 20,
            sendId: id(r),
          },
        },
        r,
      );
    },
    (r) =>
      frame(ComMsgType.MsgTDownload, { downloadReq: { fileName: '20250101_abc.txt', sendId: id(r) } }, r),
    (r) =>
      frame(
        ComMsgType.MsgTHello,
        { hello: { clientId: 'fuzz', version: '1.0', platform: 'linux', stage: 'clienthello' } },
        r,
      ),
  ];
}

/**
 * Frames for a fuzz run, all drawn from `seed`: valid frames from the templates, random bytes, valid frames cut
 * short, valid frames with 1–8 bits flipped, and pieces of two frames glued together.
 */
export function* fuzzFrames(
  seed: number,
  templates: readonly FrameTemplate[],
  count: number,
): Generator<FuzzFrame> {
  const random = seededRandom(seed);
  const valid = (): Uint8Array => encodeMsg(templates[int(random, templates.length)]!(random));
  for (let n = 0; n < count; n += 1) {
    const roll = random.float();
    if (roll < 0.15) {
      yield { kind: 'valid', bytes: valid() };
    } else if (roll < 0.3) {
      yield { kind: 'random', bytes: random.bytes(int(random, 96)) };
    } else if (roll < 0.55) {
      const bytes = valid();
      yield { kind: 'truncated', bytes: bytes.subarray(0, int(random, bytes.length)) };
    } else if (roll < 0.9) {
      const bytes = valid().slice();
      const flips = 1 + int(random, 8);
      for (let i = 0; i < flips; i += 1) {
        const bit = int(random, bytes.length * 8);
        bytes[bit >> 3]! ^= 1 << (bit & 7);
      }
      yield { kind: 'bit-flipped', bytes };
    } else {
      const a = valid();
      const b = valid();
      const head = a.subarray(0, int(random, a.length));
      const tail = b.subarray(int(random, b.length));
      const joined = new Uint8Array(head.length + tail.length);
      joined.set(head);
      joined.set(tail, head.length);
      yield { kind: 'spliced', bytes: joined };
    }
  }
}

/** The seed of a fuzz run: `BIRDTALK_FUZZ_SEED` when set (to replay a failure), else `fallback`. */
export function fuzzSeed(fallback: number): number {
  const value = Number(process.env.BIRDTALK_FUZZ_SEED);
  return Number.isSafeInteger(value) && process.env.BIRDTALK_FUZZ_SEED !== '' ? value : fallback;
}
