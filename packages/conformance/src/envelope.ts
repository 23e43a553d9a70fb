import { ComMsgType, type Msg, type MsgInit, type MsgPlainCase, type MsgPlainInit } from '@birdtalk/proto';

/** The `msgType` a payload is sent under. */
const msgTypeOf: Partial<Record<MsgPlainCase, ComMsgType>> = {
  hello: ComMsgType.MsgTHello,
  heartBeat: ComMsgType.MsgTHeartBeat,
  errorMsg: ComMsgType.MsgTError,
  keyEx: ComMsgType.MsgTKeyExchange,
  chatData: ComMsgType.MsgTChatMsg,
  chatReply: ComMsgType.MsgTChatReply,
  commonQuery: ComMsgType.MsgTQuery,
  uploadReq: ComMsgType.MsgTUpload,
  downloadReq: ComMsgType.MsgTDownload,
  userOp: ComMsgType.MsgTUserOp,
  friendOp: ComMsgType.MsgTFriendOp,
  groupOp: ComMsgType.MsgTGroupOp,
  friendOpRet: ComMsgType.MsgTFriendOpRet,
  groupOpRet: ComMsgType.MsgTGroupOpRet,
};

/** How {@link envelope} wraps a payload. */
export interface EnvelopeOptions {
  /** The envelope's `msgType`; the payload's own by default. */
  readonly msgType?: ComMsgType;
  /** `Msg.tm`; now by default. */
  readonly tm?: string | number;
  /** `Msg.version`; 1 by default (the only version the server accepts). */
  readonly version?: number;
  /** `Msg.keyPrint`; 0 by default (the server refuses anything else). */
  readonly keyPrint?: string | number;
}

/** The payload case of a frame: `'text'` for a text frame, undefined for a Msg without a plain payload. */
export function caseOf(frame: Msg | string | undefined): MsgPlainCase | 'text' | undefined {
  if (typeof frame === 'string') return 'text';
  return frame?.plainMsg?.message;
}

/** Wraps a payload in a `Msg` envelope as the scenario would send it. */
export function envelope(payload: MsgPlainInit, nowMs: number, options: EnvelopeOptions = {}): MsgInit {
  const name = Object.keys(payload)[0] as MsgPlainCase;
  return {
    version: options.version ?? 1,
    msgType: options.msgType ?? msgTypeOf[name] ?? ComMsgType.MsgTOther,
    tm: options.tm ?? nowMs,
    keyPrint: options.keyPrint ?? 0,
    plainMsg: payload,
  };
}
