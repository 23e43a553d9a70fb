import { ComMsgType, ErrorMsgType, type Msg } from '@birdtalk/proto';
import type { ServerContext } from './context.js';
import { handleChatMsg } from './handlers/chat.js';
import { handleDownload, handleUpload } from './handlers/files.js';
import { handleFriendOp } from './handlers/friends.js';
import { handleGroupOp, handleGroupOpRet } from './handlers/groups.js';
import { handleClientError, handleHeartbeat, handleHello } from './handlers/hello.js';
import { handleKeyExchange } from './handlers/key-exchange.js';
import { handleQuery } from './handlers/query.js';
import { handleChatReply } from './handlers/receipts.js';
import { handleUserOp } from './handlers/user-ops.js';
import { big } from './ids.js';
import type { Session } from './session.js';
import { sendError } from './wire.js';

type Handler = (ctx: ServerContext, session: Session, msg: Msg) => void;

/** Request handlers by msgType; server-to-client types and unknown values are ignored, as on the real server. */
const HANDLERS: Partial<Record<number, Handler>> = {
  [ComMsgType.MsgTHello]: handleHello,
  [ComMsgType.MsgTHeartBeat]: handleHeartbeat,
  [ComMsgType.MsgTError]: handleClientError,
  [ComMsgType.MsgTKeyExchange]: handleKeyExchange,
  [ComMsgType.MsgTChatMsg]: handleChatMsg,
  [ComMsgType.MsgTChatReply]: handleChatReply,
  [ComMsgType.MsgTQuery]: handleQuery,
  [ComMsgType.MsgTUpload]: handleUpload,
  [ComMsgType.MsgTDownload]: handleDownload,
  [ComMsgType.MsgTUserOp]: handleUserOp,
  [ComMsgType.MsgTFriendOp]: handleFriendOp,
  [ComMsgType.MsgTGroupOp]: handleGroupOp,
  [ComMsgType.MsgTGroupOpRet]: handleGroupOpRet,
};

/**
 * `HandleCommonMsg`: the envelope checks (keyPrint must be 0, a plain payload must be present), then the
 * handler chosen by msgType. Handlers may throw a `HazardSignal`; the caller deals with it.
 */
export function dispatch(ctx: ServerContext, session: Session, msg: Msg): void {
  if (big(msg.keyPrint) !== 0n) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'current version, msg.keyPrint must be 0');
    return;
  }
  if (msg.plainMsg === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'msg.plainMsg is null');
    return;
  }
  const handler = HANDLERS[msg.msgType];
  if (handler === undefined) {
    ctx.logger.debug('message type without a handler', { msgType: msg.msgType });
    return;
  }
  try {
    handler(ctx, session, msg);
  } finally {
    // A group shown cold is cold for one request only.
    ctx.store.groups.settle();
  }
}
