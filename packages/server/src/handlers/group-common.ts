import {
  ComMsgType,
  ErrorMsgType,
  type GroupInfoInit,
  type GroupMemberInit,
  type GroupOperationType,
  type GroupOpReq,
  type Msg,
  type MsgInit,
} from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { big } from '../ids.js';
import type { Session } from '../session.js';
import type { GroupRecord } from '../state/groups.js';
import { envelope, sendError } from '../wire.js';

/** One group request after the common checks: the payload, its echo id and the server's snowflake. */
export interface GroupRequest {
  /** The whole request, for the one case where the server forwards it as is. */
  readonly msg: Msg;
  readonly req: GroupOpReq;
  readonly sendId: bigint;
  readonly msgId: bigint;
}

/** A `GroupOpResult` message (`createGroupOpRetMsg`); `params` is always nil. */
export function groupResult(
  ctx: ServerContext,
  operation: GroupOperationType,
  fields: {
    group?: GroupInfoInit | undefined;
    reqMem?: GroupMemberInit | undefined;
    members?: readonly GroupMemberInit[] | undefined;
    groups?: readonly GroupInfoInit[] | undefined;
  },
  op: { sendId: bigint; msgId: bigint },
  result: string,
  detail: string,
): MsgInit {
  return envelope(ctx, ComMsgType.MsgTGroupOpRet, {
    groupOpRet: {
      operation,
      ReqMem: fields.reqMem,
      result,
      detail,
      group: fields.group,
      sendId: op.sendId,
      msgId: op.msgId,
      members: fields.members,
      groups: fields.groups,
    },
  });
}

/** `saveGroupOpRecord`: the group's log; records of one request share its id, so the last one wins. */
export function saveGroupRecord(
  ctx: ServerContext,
  group: GroupRecord,
  from: bigint,
  to: bigint,
  op: GroupRequest,
  cmd: number,
  data: string | Uint8Array | undefined,
): void {
  ctx.store.oplog.saveGroupOp({
    uid1: from,
    uid2: to,
    gid: group.info.groupId,
    id: op.msgId,
    sendId: op.sendId,
    tm: ctx.clock.now(),
    io: 1,
    cmd,
    ret: 0,
    data: typeof data === 'string' ? Buffer.from(data, 'utf8') : (data ?? new Uint8Array(0)),
  });
}

/** The connection's user profile for default `ReqMem` entries. */
export function selfProfile(ctx: ServerContext, session: Session): { nick: string; icon: string } {
  const info = ctx.store.users.cached(session.userId)?.info;
  return { nick: info?.nickName ?? '', icon: info?.icon ?? '' };
}

/** The request's `ReqMem`, or a default. */
export function reqMemOr(op: GroupRequest, fallback: GroupMemberInit): GroupMemberInit {
  return op.req.ReqMem ?? fallback;
}

/**
 * A text rendering of a group for the set-info log record. The real server stores Go's protobuf `String()`,
 * whose spacing is deliberately unstable; this is the same text format without the random spaces.
 */
export function groupInfoText(info: GroupInfoInit): string {
  const parts: string[] = [];
  if (info.groupId !== undefined && String(info.groupId) !== '0')
    parts.push(`groupId:${String(info.groupId)}`);
  for (const tag of info.tags ?? []) parts.push(`tags:${JSON.stringify(tag)}`);
  if (info.groupName) parts.push(`groupName:${JSON.stringify(info.groupName)}`);
  if (info.groupType) parts.push(`groupType:${JSON.stringify(info.groupType)}`);
  for (const key of Object.keys(info.params ?? {}).sort()) {
    parts.push(`params:{key:${JSON.stringify(key)} value:${JSON.stringify(info.params?.[key] ?? '')}}`);
  }
  return parts.join(' ');
}

/** Looks the group of the request up, or sends `missing`/`wrongId` as `ErrTMsgContent`. */
export function requireGroup(
  ctx: ServerContext,
  session: Session,
  op: GroupRequest,
  missing: string,
  wrongId: string,
): GroupRecord | undefined {
  const info = op.req.group;
  if (info === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, missing);
    return undefined;
  }
  const group = ctx.store.groups.load(big(info.groupId));
  if (group === undefined) sendError(ctx, session, ErrorMsgType.ErrTMsgContent, wrongId);
  return group;
}
