import { ErrorMsgType, type Msg, type MsgChatReply, type MsgInit } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { big, parseGoInt } from '../ids.js';
import type { Session } from '../session.js';
import { isEmptyMap, mapGet, pushToUser, sendError } from '../wire.js';

/**
 * ChatReply (12), a receipt from a recipient: stamps the original sender's row with server time (when the
 * row exists) and forwards the receipt unchanged, plus `params.gid = "0"`, to the sender's connections.
 */
export function handleChatReply(ctx: ServerContext, session: Session, msg: Msg): void {
  const reply = msg.plainMsg?.chatReply;
  if (reply === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'reply is null');
    return;
  }
  if (isEmptyMap(reply.params)) throw new HazardSignal('receipt-empty-params');
  const forwarded: MsgInit = {
    version: msg.version,
    keyPrint: msg.keyPrint,
    tm: msg.tm,
    msgType: msg.msgType,
    subType: msg.subType,
    plainMsg: { chatReply: { ...reply, params: { ...reply.params, gid: '0' } } },
  };
  const batch = mapGet(reply.params, 'batch');
  if (batch !== undefined) {
    handleBatch(ctx, session, reply, batch, forwarded);
    return;
  }
  if (ctx.store.users.cached(session.userId) === undefined) return;
  if (!stamp(ctx, reply, big(reply.msgId))) return;
  pushToUser(ctx, big(reply.userId), forwarded);
}

function handleBatch(
  ctx: ServerContext,
  session: Session,
  reply: MsgChatReply,
  batch: string,
  forwarded: MsgInit,
): void {
  const trimmed = batch.trim();
  if (trimmed === '') {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'reply ids format err');
    return;
  }
  // A non-numeric item silently becomes 0.
  const ids = trimmed.split(',').map((item) => parseGoInt(item.trim()) ?? 0n);
  if (ctx.store.users.cached(session.userId) === undefined)
    throw new HazardSignal('batch-receipt-before-login');
  for (const id of ids) {
    // The first failing id stops the loop; earlier ones stay stamped and nothing is forwarded.
    if (!stamp(ctx, reply, id)) return;
  }
  pushToUser(ctx, big(reply.userId), forwarded);
}

/** The CAS update of the sender's row; `false` when a stamp was asked for but the row does not exist. */
function stamp(ctx: ServerContext, reply: MsgChatReply, msgId: bigint): boolean {
  const recv = big(reply.recvOk) > 0n;
  const read = big(reply.readOk) > 0n;
  if (!recv && !read) return true;
  const row = ctx.store.chat.p2pRow(big(reply.userId), msgId);
  if (row === undefined) return false;
  const now = ctx.clock.now();
  if (recv) row.tm1 = now;
  if (read) row.tm2 = now;
  return true;
}
