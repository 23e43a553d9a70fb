import {
  ChatType,
  ComMsgType,
  ErrorMsgType,
  type FriendOpResultInit,
  GroupOperationType,
  type GroupOpResultInit,
  type Msg,
  type MsgChatInit,
  type MsgChatReplyInit,
  type MsgQuery,
  type MsgQueryResultInit,
  QueryDataType,
  SynType,
  UserOperationType,
} from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { big } from '../ids.js';
import type { Session } from '../session.js';
import { IO_IN, IO_OUT, type P2pRow, type RowQuery } from '../state/chat.js';
import { isGroupAdmin } from '../state/groups.js';
import {
  CMD_ADD_FRIEND,
  CMD_GROUP_INVITE_RECORD,
  CMD_GROUP_JOIN_REQUEST,
  type OpRecord,
} from '../state/oplog.js';
import { envelope, pushToUser, send, sendError } from '../wire.js';
import { checkUserLogin } from './common.js';

/** Fixed page size of every history query. */
const PAGE = 100;

function sendResult(ctx: ServerContext, session: Session, result: MsgQueryResultInit): void {
  send(ctx, session, envelope(ctx, ComMsgType.MsgTQueryResult, { commonQueryRet: result }));
}

/** Query (13): history, receipt state and the operation logs; only the asking connection gets the answer. */
export function handleQuery(ctx: ServerContext, session: Session, msg: Msg): void {
  const query = msg.plainMsg?.commonQuery;
  if (query === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'query message  is null');
    return;
  }
  if (!checkUserLogin(ctx, session)) return;
  switch (query.queryType) {
    case QueryDataType.QueryDataTypeChatData:
      if (query.chatType === ChatType.ChatTypeP2P) queryP2p(ctx, session, query);
      else if (query.chatType === ChatType.ChatTypeGroup) queryGroup(ctx, session, query);
      break;
    case QueryDataType.QueryDataTypeChatReply:
      queryReceipts(ctx, session, query);
      break;
    case QueryDataType.QueryDataTypeFriendOP:
      queryFriendOps(ctx, session, query);
      break;
    case QueryDataType.QueryDataTypeGroupOP:
      queryGroupOps(ctx, session, query);
      break;
    default:
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'query message, query type is unknown');
  }
}

/** Forward: id ≥ littleId ascending; Backward: id ≤ bigId descending; Between: ascending (P2P) — bounds inclusive. */
function rangeOf(
  synType: number,
  littleId: bigint,
  bigId: bigint,
  betweenDescending: boolean,
): RowQuery | undefined {
  if (synType === SynType.SynTypeForward) return { min: littleId, descending: false, limit: PAGE };
  if (synType === SynType.SynTypeBackward) return { max: bigId, descending: true, limit: PAGE };
  if (synType === SynType.SynTypeBetween) {
    return { min: littleId, max: bigId, descending: betweenDescending, limit: PAGE };
  }
  return undefined;
}

function queryP2p(ctx: ServerContext, session: Session, query: MsgQuery): void {
  const me = session.userId;
  // bigId 0 means "now": a fresh snowflake.
  const bigId = big(query.bigId) === 0n ? ctx.ids.next() : big(query.bigId);
  const peer = big(query.userId);
  const range = rangeOf(query.synType, big(query.littleId), bigId, false);
  const rows =
    range === undefined
      ? []
      : ctx.store.chat.queryP2p(me, peer === 0n || peer === me ? undefined : peer, range);
  const list: MsgChatInit[] = rows.map((row) => ({
    msgId: row.id,
    userId: me,
    fromId: row.io === IO_OUT ? row.uid1 : row.uid2,
    toId: row.io === IO_OUT ? row.uid2 : row.uid1,
    tm: row.tm,
    sendId: row.sendId,
    msgType: row.mt as MsgChatInit['msgType'],
    data: row.data,
    refMessageId: row.ref,
    status: row.st as MsgChatInit['status'],
    sendReply: row.tm,
    recvReply: row.tm1,
    readReply: row.tm2,
    chatType: ChatType.ChatTypeP2P,
  }));
  sendResult(ctx, session, {
    // The peer that was asked for, not the asking user.
    userId: peer,
    groupId: 0,
    // First and last item: inverted for Backward.
    littleId: rows[0]?.id ?? 0n,
    bigId: rows[rows.length - 1]?.id ?? 0n,
    synType: query.synType,
    tm: ctx.clock.now(),
    chatType: ChatType.ChatTypeP2P,
    queryType: QueryDataType.QueryDataTypeChatData,
    chatDataList: list,
    result: 'ok',
  });
}

function queryGroup(ctx: ServerContext, session: Session, query: MsgQuery): void {
  const gid = big(query.groupId);
  const group = ctx.store.groups.load(gid);
  if (group === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'group id is not correct');
    return;
  }
  if (!group.members.has(session.userId)) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'not a member');
    sendResult(ctx, session, {
      userId: session.userId,
      synType: query.synType,
      tm: ctx.clock.now(),
      chatType: query.chatType,
      queryType: query.queryType,
      result: 'fail',
      detail: 'not member of group',
    });
    return;
  }
  const bigId = big(query.bigId) === 0n ? ctx.ids.next() : big(query.bigId);
  const range = rangeOf(query.synType, big(query.littleId), bigId, true);
  const rows = range === undefined ? [] : ctx.store.chat.queryGroup(gid, range);
  sendResult(ctx, session, {
    userId: session.userId,
    groupId: gid,
    littleId: rows[0]?.id ?? 0n,
    bigId: rows[rows.length - 1]?.id ?? 0n,
    synType: query.synType,
    tm: ctx.clock.now(),
    chatType: ChatType.ChatTypeGroup,
    queryType: QueryDataType.QueryDataTypeChatData,
    // Group results carry no "ok".
    chatDataList: rows.map((row) => ({
      msgId: row.id,
      userId: session.userId,
      fromId: row.uid,
      toId: row.gid,
      tm: row.tm,
      sendId: row.sendId,
      msgType: row.mt as MsgChatInit['msgType'],
      data: row.data,
      refMessageId: row.ref,
      status: row.st as MsgChatInit['status'],
      sendReply: row.tm,
      chatType: ChatType.ChatTypeGroup,
    })),
  });
}

/**
 * Receipt state of the user's rows. Outgoing rows become receipts, incoming rows empty placeholders; every
 * outgoing row without any receipt is pushed to the peer again, as `MsgTQueryResult` carrying `chatData`.
 * `bigId` is not defaulted here: 0 means 0.
 */
function queryReceipts(ctx: ServerContext, session: Session, query: MsgQuery): void {
  const me = session.userId;
  const range = rangeOf(query.synType, big(query.littleId), big(query.bigId), false);
  const rows = range === undefined ? [] : ctx.store.chat.queryP2p(me, undefined, range);
  const list: MsgChatReplyInit[] = rows.map((row) => {
    if (row.io === IO_IN) return {};
    resend(ctx, me, row);
    return {
      msgId: row.id,
      sendId: row.sendId,
      userId: row.uid1,
      fromId: row.uid2,
      sendOk: row.tm,
      recvOk: row.tm1,
      readOk: row.tm2,
    };
  });
  sendResult(ctx, session, {
    userId: me,
    groupId: 0,
    littleId: rows[0]?.id ?? 0n,
    bigId: rows[rows.length - 1]?.id ?? 0n,
    synType: query.synType,
    tm: ctx.clock.now(),
    chatType: ChatType.ChatTypeP2P,
    queryType: QueryDataType.QueryDataTypeChatReply,
    chatReplyList: list,
    result: 'ok',
  });
}

/** `resendChatMsg`: recalled messages come back with status 0, and the row's receipts stay as stored. */
function resend(ctx: ServerContext, me: bigint, row: P2pRow): void {
  if (row.tm1 > 0 || row.tm2 > 0 || row.io !== IO_OUT) return;
  pushToUser(
    ctx,
    row.uid2,
    envelope(ctx, ComMsgType.MsgTQueryResult, {
      chatData: {
        msgId: row.id,
        userId: me,
        fromId: row.uid1,
        toId: row.uid2,
        tm: row.tm,
        sendId: row.sendId,
        msgType: row.mt as MsgChatInit['msgType'],
        data: row.data,
        refMessageId: row.ref,
        status: 0,
        sendReply: row.tm,
        recvReply: row.tm1,
        readReply: row.tm2,
        chatType: ChatType.ChatTypeP2P,
      },
    }),
  );
}

function resultText(record: OpRecord): string {
  return record.ret === 1 ? 'accept' : record.ret === 2 ? 'refuse' : '';
}

function queryFriendOps(ctx: ServerContext, session: Session, query: MsgQuery): void {
  if (query.synType !== SynType.SynTypeForward) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'query message, syn type is not accepted');
    return;
  }
  const friends: FriendOpResultInit[] = [];
  const groups: GroupOpResultInit[] = [];
  for (const record of ctx.store.oplog.userForward(session.userId, big(query.littleId), PAGE)) {
    const requester = record.io === IO_OUT ? record.uid1 : record.uid2;
    const target = record.io === IO_OUT ? record.uid2 : record.uid1;
    if (record.cmd === CMD_ADD_FRIEND) {
      friends.push({
        result: resultText(record),
        operation: UserOperationType.AddFriend,
        msgId: record.id,
        sendId: record.sendId,
        user: { userId: requester },
        users: [{ userId: target }],
      });
    } else if (record.cmd === CMD_GROUP_INVITE_RECORD) {
      groups.push({
        result: resultText(record),
        operation: GroupOperationType.GroupInviteRequest,
        msgId: record.id,
        sendId: record.sendId,
        detail: '',
        group: { groupId: record.gid },
        ReqMem: { userId: requester },
        members: [{ userId: target }],
      });
    }
    // Removal records (cmd 102) use up the page but are left out.
  }
  sendResult(ctx, session, {
    userId: session.userId,
    groupId: 0,
    littleId: 0,
    bigId: 0,
    synType: query.synType,
    tm: ctx.clock.now(),
    chatType: ChatType.ChatTypeNone,
    queryType: QueryDataType.QueryDataTypeFriendOP,
    friendOpRetList: friends,
    groupOpRetList: groups,
  });
}

function queryGroupOps(ctx: ServerContext, session: Session, query: MsgQuery): void {
  const gid = big(query.groupId);
  const group = ctx.store.groups.load(gid);
  if (group === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'query message, group id is not correct');
    return;
  }
  if (!isGroupAdmin(group, session.userId)) {
    sendError(ctx, session, ErrorMsgType.ErrTNotPermission, 'query message, you are not group admin');
    return;
  }
  if (query.synType !== SynType.SynTypeForward) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'query message, syn type is not accepted');
    return;
  }
  // One entry per record: cmd 3 (also GroupSetInfo's number) reads as a join request, others are empty.
  const list: GroupOpResultInit[] = ctx.store.oplog
    .groupForward(gid, big(query.littleId), PAGE)
    .map((record) =>
      record.cmd === CMD_GROUP_JOIN_REQUEST
        ? {
            result: resultText(record),
            operation: GroupOperationType.GroupJoinRequest,
            msgId: record.id,
            sendId: record.sendId,
            detail: Buffer.from(record.data).toString('utf8'),
            group: { groupId: record.gid },
            ReqMem: { userId: record.uid1 },
            members: [{ userId: record.uid2 }],
          }
        : {},
    );
  sendResult(ctx, session, {
    userId: session.userId,
    groupId: gid,
    littleId: 0,
    bigId: 0,
    synType: query.synType,
    tm: ctx.clock.now(),
    chatType: ChatType.ChatTypeNone,
    queryType: QueryDataType.QueryDataTypeGroupOP,
    groupOpRetList: list,
  });
}
