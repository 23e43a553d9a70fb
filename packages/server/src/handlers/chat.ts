import {
  ChatMsgType,
  ChatType,
  ComMsgType,
  ErrorMsgType,
  type Msg,
  type MsgChat,
  type MsgChatInit,
  type MsgInit,
} from '@birdtalk/proto';
import { encodeChatAck } from '../ack-frame.js';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { big } from '../ids.js';
import type { Session } from '../session.js';
import { IO_IN, IO_OUT } from '../state/chat.js';
import { encodeOnce, envelope, pushToUser, pushToUserExcept, send, sendError } from '../wire.js';
import { toInt8 } from './common.js';

/** The chat permission bit of a friend permission mask. */
const PERMISSION_CHAT = 4;

/** The original envelope with a changed chat payload, as the real server forwards "the same Msg". */
export function withChat(msg: Msg, chat: MsgChatInit, msgType: ComMsgType = msg.msgType): MsgInit {
  return {
    version: msg.version,
    keyPrint: msg.keyPrint,
    tm: msg.tm,
    msgType,
    subType: msg.subType,
    plainMsg: { chatData: chat },
  };
}

/**
 * A copy of a chat with some fields changed. Written out field by field: an object spread of a decoded message
 * cost more than the rest of the chat's handling together.
 */
export function chatWith(
  chat: MsgChat,
  changes: Pick<MsgChatInit, 'msgId'> & Partial<Pick<MsgChatInit, 'fromId' | 'tm'>>,
): MsgChatInit {
  return {
    msgId: changes.msgId,
    userId: chat.userId,
    fromId: changes.fromId ?? chat.fromId,
    toId: chat.toId,
    tm: changes.tm ?? chat.tm,
    devId: chat.devId,
    sendId: chat.sendId,
    msgType: chat.msgType,
    data: chat.data,
    priority: chat.priority,
    refMessageId: chat.refMessageId,
    status: chat.status,
    sendReply: chat.sendReply,
    recvReply: chat.recvReply,
    readReply: chat.readReply,
    encType: chat.encType,
    chatType: chat.chatType,
    subMsgType: chat.subMsgType,
    keyPrint: chat.keyPrint,
    params: chat.params,
  };
}

/**
 * The sender's acknowledgement (`sendBackChatMsgReply`): `extraMsg` "ok"/"fail" is the real outcome, `sendOk`
 * is the server time even on failure, `params` carries `gid` and `detail`.
 */
function ack(
  ctx: ServerContext,
  session: Session,
  ok: boolean,
  detail: string,
  chat: { msgId: bigint; sendId: bigint; toId: bigint },
  gid: bigint,
): void {
  const tm = ctx.clock.now();
  const frame = encodeChatAck({
    tm,
    msgId: chat.msgId,
    sendId: chat.sendId,
    extraMsg: ok ? 'ok' : 'fail',
    userId: session.userId,
    fromId: chat.toId,
    gid: gid.toString(),
    detail,
  });
  if (frame !== undefined) {
    session.sendFrame(frame, 'ack');
    return;
  }
  send(
    ctx,
    session,
    envelope(
      ctx,
      ComMsgType.MsgTChatReply,
      {
        chatReply: {
          msgId: chat.msgId,
          sendId: chat.sendId,
          sendOk: tm,
          recvOk: 0,
          readOk: 0,
          extraMsg: ok ? 'ok' : 'fail',
          userId: session.userId,
          fromId: chat.toId,
          params: { gid: gid.toString(), detail },
        },
      },
      tm,
    ),
    'ack',
  );
}

/**
 * ChatMsg (11). No login check, as on the real server: only `fromId` must be the connection's user and
 * `msgId` must equal `sendId`; the server then assigns a snowflake. Self chat is P2P to oneself; a chatType
 * other than P2P or group gets no reply at all.
 */
export function handleChatMsg(ctx: ServerContext, session: Session, msg: Msg): void {
  const chat = msg.plainMsg?.chatData;
  if (chat === undefined) throw new HazardSignal('chat-missing-payload');
  const fromId = big(chat.fromId);
  const toId = big(chat.toId);
  const sendId = big(chat.sendId);
  const clientMsgId = big(chat.msgId);
  if (session.userId !== fromId) {
    ack(
      ctx,
      session,
      false,
      'from id is not same as session user id',
      { msgId: clientMsgId, sendId, toId },
      0n,
    );
    return;
  }
  if (clientMsgId !== sendId) {
    ack(ctx, session, false, 'msgId is not same as sendId', { msgId: clientMsgId, sendId, toId }, 0n);
    return;
  }
  const msgId = ctx.ids.next();
  if (chat.chatType === ChatType.ChatTypeP2P && fromId === toId) selfChat(ctx, session, msg, chat, msgId);
  else if (chat.chatType === ChatType.ChatTypeP2P) p2pChat(ctx, session, msg, chat, msgId);
  else if (chat.chatType === ChatType.ChatTypeGroup) groupChat(ctx, session, msg, chat, msgId);
}

function selfChat(ctx: ServerContext, session: Session, msg: Msg, chat: MsgChat, msgId: bigint): void {
  const ids = { msgId, sendId: big(chat.sendId), toId: big(chat.toId) };
  ctx.store.chat.saveP2p({
    uid1: big(chat.fromId),
    uid2: ids.toId,
    id: msgId,
    sendId: ids.sendId,
    tm: ctx.clock.now(),
    tm1: 0,
    tm2: 0,
    io: IO_IN,
    st: 0,
    mt: toInt8(chat.msgType),
    ref: big(chat.refMessageId),
    data: chat.data,
  });
  // Recalls are not special here: a DELETE to oneself is stored and forwarded like any message.
  pushToUserExcept(ctx, ids.toId, withChat(msg, chatWith(chat, { msgId })), session);
  ack(ctx, session, true, 'send to self', ids, 0n);
}

function p2pChat(ctx: ServerContext, session: Session, msg: Msg, chat: MsgChat, msgId: bigint): void {
  const fromId = session.userId;
  const toId = big(chat.toId);
  const ids = { msgId, sendId: big(chat.sendId), toId };
  const { chat: table, relations } = ctx.store;
  if (chat.msgType === ChatMsgType.DELETE) {
    // Recall: mark the referenced row of both parties; either party may recall, and the data stays.
    const ref = big(chat.refMessageId);
    const own = table.p2pRow(fromId, ref);
    if (own === undefined) {
      ack(ctx, session, false, 'ref error', ids, 0n);
      return;
    }
    own.st = 5;
    const peer = table.p2pRow(toId, ref);
    if (peer === undefined) {
      ack(ctx, session, false, 'ref error', ids, 0n);
      return;
    }
    peer.st = 5;
  } else {
    // The recipient must follow the sender (the sender is the recipient's idol, they are its fan).
    const isFan = relations.follows(toId, fromId);
    ctx.store.users.cached(fromId)?.fans.set(toId, isFan);
    if (!isFan) {
      sendError(ctx, session, ErrorMsgType.ErrTNotFriend, 'not friend', { uid: toId.toString() });
      ack(ctx, session, false, 'not friend', ids, 0n);
      return;
    }
    const permission = relations.permission(toId, fromId);
    if (permission !== undefined && (permission.perm & PERMISSION_CHAT) === 0) {
      throw new HazardSignal(
        'p2p-blocked-sender',
        `user ${toId} follows ${fromId} but removed the chat permission`,
      );
    }
  }
  const tm = ctx.clock.now();
  const mt = toInt8(chat.msgType);
  const ref = big(chat.refMessageId);
  const row = (uid1: bigint, uid2: bigint, io: number) => ({
    id: msgId,
    sendId: ids.sendId,
    tm,
    tm1: 0,
    tm2: 0,
    st: 0,
    mt,
    ref,
    data: chat.data,
    uid1,
    uid2,
    io,
  });
  table.saveP2p(row(fromId, toId, IO_OUT));
  table.saveP2p(row(toId, fromId, IO_IN));
  ack(ctx, session, true, 'save data ok', ids, 0n);
  const forwarded = encodeOnce(ctx, withChat(msg, chatWith(chat, { msgId, fromId, tm })));
  pushToUser(ctx, toId, forwarded);
  pushToUserExcept(ctx, fromId, forwarded, session);
}

function groupChat(ctx: ServerContext, session: Session, msg: Msg, chat: MsgChat, msgId: bigint): void {
  const gid = big(chat.toId);
  const ids = { msgId, sendId: big(chat.sendId), toId: gid };
  const group = ctx.store.groups.load(gid);
  if (group === undefined) {
    ack(ctx, session, false, 'group id error', ids, gid);
    return;
  }
  if (!group.members.has(session.userId)) {
    ack(ctx, session, false, 'you are not a group member ', ids, gid);
    return;
  }
  if (chat.msgType === ChatMsgType.DELETE) {
    // Any member may recall any message.
    const target = ctx.store.chat.groupRow(gid, big(chat.refMessageId));
    if (target === undefined) {
      ack(ctx, session, false, 'ref error', ids, gid);
      return;
    }
    target.st = 5;
  }
  ctx.store.chat.saveGroup({
    gid,
    uid: big(chat.fromId),
    id: msgId,
    sendId: ids.sendId,
    tm: ctx.clock.now(),
    st: 0,
    mt: toInt8(chat.msgType),
    ref: big(chat.refMessageId),
    data: chat.data,
  });
  ack(ctx, session, true, 'ok', ids, gid);
  // The pushed copy keeps the client's tm; every member's connections get it except the sending one.
  const forwarded = encodeOnce(ctx, withChat(msg, chatWith(chat, { msgId })));
  for (const uid of [...group.members.keys()]) {
    if (uid === session.userId) pushToUserExcept(ctx, uid, forwarded, session);
    else pushToUser(ctx, uid, forwarded);
  }
}
