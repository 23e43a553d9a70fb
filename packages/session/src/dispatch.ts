import { ProtocolError } from '@birdtalk/errors';
import {
  ComMsgType,
  type FriendOpReq,
  type FriendOpResult,
  type GroupOpReq,
  type GroupOpResult,
  type Msg,
  type MsgChat,
  type MsgChatReply,
  type MsgDownloadReply,
  type MsgError,
  type MsgHeartBeat,
  type MsgHello,
  type MsgKeyExchange,
  type MsgPlainCase,
  type MsgQueryResult,
  type MsgUploadReply,
  type UserOpReq,
  type UserOpResult,
} from '@birdtalk/proto';
import { SessionErrorCode } from './errors.js';

/**
 * One decoded server frame, named by the payload it carries.
 *
 * The server labels several frames with a `msgType` that does not match their payload:
 * heartbeat replies come as `MsgTHello`, re-pushed chats as `MsgTQueryResult`, online notices as `MsgTUserOp`
 * requests. So frames are routed on the payload case, and the label is only checked.
 */
export type Inbound =
  | { readonly kind: 'hello'; readonly msg: Msg; readonly hello: MsgHello }
  | { readonly kind: 'heartbeat'; readonly msg: Msg; readonly heartBeat: MsgHeartBeat }
  | { readonly kind: 'error'; readonly msg: Msg; readonly error: MsgError }
  | { readonly kind: 'key-exchange'; readonly msg: Msg; readonly keyEx: MsgKeyExchange }
  /** `repushed`: re-sent by the server because the sender ran a receipt query (labelled MsgTQueryResult). */
  | { readonly kind: 'chat'; readonly msg: Msg; readonly chat: MsgChat; readonly repushed: boolean }
  | { readonly kind: 'chat-reply'; readonly msg: Msg; readonly reply: MsgChatReply }
  | { readonly kind: 'query-result'; readonly msg: Msg; readonly result: MsgQueryResult }
  | { readonly kind: 'upload-reply'; readonly msg: Msg; readonly reply: MsgUploadReply }
  | { readonly kind: 'download-reply'; readonly msg: Msg; readonly reply: MsgDownloadReply }
  | { readonly kind: 'user-op'; readonly msg: Msg; readonly request: UserOpReq }
  | { readonly kind: 'user-op-result'; readonly msg: Msg; readonly result: UserOpResult }
  | { readonly kind: 'friend-op'; readonly msg: Msg; readonly request: FriendOpReq }
  | { readonly kind: 'friend-op-result'; readonly msg: Msg; readonly result: FriendOpResult }
  | { readonly kind: 'group-op'; readonly msg: Msg; readonly request: GroupOpReq }
  | { readonly kind: 'group-op-result'; readonly msg: Msg; readonly result: GroupOpResult };

/** What {@link classifyFrame} found: the routed frame (if it can be used) and anything odd about it. */
export interface Classified {
  /** The frame, ready to route; `undefined` when nothing in it can be used. */
  readonly inbound: Inbound | undefined;
  /** A typed description of what was wrong with the frame, to be reported; the frame may still be usable. */
  readonly anomaly: ProtocolError | undefined;
}

/** The labels the server is known to put on each payload it sends. */
const expectedTypes: Partial<Record<MsgPlainCase, readonly number[]>> = {
  hello: [ComMsgType.MsgTHello],
  heartBeat: [ComMsgType.MsgTHello, ComMsgType.MsgTHeartBeat],
  errorMsg: [ComMsgType.MsgTError],
  keyEx: [ComMsgType.MsgTKeyExchange],
  chatData: [ComMsgType.MsgTChatMsg, ComMsgType.MsgTQueryResult],
  chatReply: [ComMsgType.MsgTChatReply],
  commonQueryRet: [ComMsgType.MsgTQueryResult],
  uploadReply: [ComMsgType.MsgTUploadReply],
  downloadReply: [ComMsgType.MsgTDownloadReply],
  userOp: [ComMsgType.MsgTUserOp],
  userOpRet: [ComMsgType.MsgTUserOpRet],
  friendOp: [ComMsgType.MsgTFriendOp],
  friendOpRet: [ComMsgType.MsgTFriendOpRet],
  groupOp: [ComMsgType.MsgTGroupOp],
  groupOpRet: [ComMsgType.MsgTGroupOpRet],
};

const knownTypes: ReadonlySet<number> = new Set(Object.values(ComMsgType));

/**
 * Names what a decoded server frame carries, by its payload case.
 *
 * A frame whose label does not fit its payload is still routed by payload (that is how the server's own
 * mislabelled replies work) and reported; a frame with no usable payload is only reported.
 */
export function classifyFrame(msg: Msg): Classified {
  const plain = msg.plainMsg;
  // Read once: the generated `message` getter lists the payload's keys (an array) on every read, and every frame
  // comes through here.
  const payload = plain?.message;
  if (plain === undefined || payload === undefined) {
    const what = msg.message === 'cipher' ? 'an encrypted payload, which no server sends' : 'no payload';
    return {
      inbound: undefined,
      anomaly: unexpectedPayload(`a frame of type ${msg.msgType} with ${what}`, msg),
    };
  }
  const inbound = toInbound(msg, plain, payload);
  if (inbound === undefined) {
    return {
      inbound: undefined,
      anomaly: unexpectedPayload(`a "${payload}" payload, which only clients send`, msg),
    };
  }
  const expected = expectedTypes[payload] ?? [];
  if (expected.includes(msg.msgType)) return { inbound, anomaly: undefined };
  const label = knownTypes.has(msg.msgType) ? 'does not fit' : 'is unknown and does not fit';
  return {
    inbound,
    anomaly: new ProtocolError(
      SessionErrorCode.UNEXPECTED_TYPE,
      `msgType ${msg.msgType} ${label} a "${payload}" payload; routed by payload`,
      { details: { msgType: msg.msgType, payload } },
    ),
  };
}

/** The frame named by its payload, `payload` being `plain.message` as read once by the caller. */
function toInbound(
  msg: Msg,
  plain: NonNullable<Msg['plainMsg']>,
  payload: MsgPlainCase,
): Inbound | undefined {
  switch (payload) {
    case 'hello':
      return { kind: 'hello', msg, hello: plain.hello! };
    case 'heartBeat':
      return { kind: 'heartbeat', msg, heartBeat: plain.heartBeat! };
    case 'errorMsg':
      return { kind: 'error', msg, error: plain.errorMsg! };
    case 'keyEx':
      return { kind: 'key-exchange', msg, keyEx: plain.keyEx! };
    case 'chatData':
      return {
        kind: 'chat',
        msg,
        chat: plain.chatData!,
        repushed: msg.msgType === ComMsgType.MsgTQueryResult,
      };
    case 'chatReply':
      return { kind: 'chat-reply', msg, reply: plain.chatReply! };
    case 'commonQueryRet':
      return { kind: 'query-result', msg, result: plain.commonQueryRet! };
    case 'uploadReply':
      return { kind: 'upload-reply', msg, reply: plain.uploadReply! };
    case 'downloadReply':
      return { kind: 'download-reply', msg, reply: plain.downloadReply! };
    case 'userOp':
      return { kind: 'user-op', msg, request: plain.userOp! };
    case 'userOpRet':
      return { kind: 'user-op-result', msg, result: plain.userOpRet! };
    case 'friendOp':
      return { kind: 'friend-op', msg, request: plain.friendOp! };
    case 'friendOpRet':
      return { kind: 'friend-op-result', msg, result: plain.friendOpRet! };
    case 'groupOp':
      return { kind: 'group-op', msg, request: plain.groupOp! };
    case 'groupOpRet':
      return { kind: 'group-op-result', msg, result: plain.groupOpRet! };
    default:
      // commonQuery, uploadReq, downloadReq and otherTypeMsg only ever travel from client to server.
      return undefined;
  }
}

function unexpectedPayload(what: string, msg: Msg): ProtocolError {
  return new ProtocolError(SessionErrorCode.UNEXPECTED_PAYLOAD, `ignored ${what}`, {
    details: { msgType: msg.msgType, payload: msg.plainMsg?.message ?? msg.message ?? 'none' },
  });
}

/**
 * Whether a `MsgChatReply` is the server's acknowledgement of one of our sends rather than a peer's receipt.
 *
 * Both arrive as `MsgTChatReply`. An acknowledgement always has `recvOk = readOk = 0` and a `params.detail`
 *; a forwarded receipt is the peer's own frame, which carries a receive or read time and no
 * detail.
 */
export function isSendAck(reply: MsgChatReply): boolean {
  return reply.recvOk === '0' && reply.readOk === '0' && 'detail' in reply.params;
}
