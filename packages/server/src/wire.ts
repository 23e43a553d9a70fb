import {
  ComMsgType,
  encodeMsg,
  type GroupInfoInit,
  type MsgInit,
  type MsgPlainInit,
  type UserInfo,
  type UserInfoInit,
} from '@birdtalk/proto';
import type { ServerContext } from './context.js';
import { big } from './ids.js';
import type { Session } from './session.js';
import type { GroupInfoData } from './state/groups.js';
import type { UserRecord } from './state/users.js';

/** A server message: version 1, keyPrint 0, `tm` = server time, as `ProtocolVersion`/`GetTimeStamp` give. */
export function envelope(ctx: ServerContext, msgType: ComMsgType, plain: MsgPlainInit, tm?: number): MsgInit {
  return { version: 1, keyPrint: 0, tm: tm ?? ctx.clock.now(), msgType, subType: 0, plainMsg: plain };
}

/** Encodes, or logs and returns `undefined` when the message cannot be put on the wire. */
export function encode(ctx: ServerContext, msg: MsgInit): Uint8Array | undefined {
  try {
    return encodeMsg(msg, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
  } catch (error) {
    ctx.logger.error('server message could not be encoded', { error: String(error), msgType: msg.msgType });
    return undefined;
  }
}

/** Sends to one connection. */
export function send(
  ctx: ServerContext,
  session: Session,
  msg: MsgInit,
  kind: 'reply' | 'ack' = 'reply',
): void {
  const frame = encode(ctx, msg);
  if (frame !== undefined) session.sendFrame(frame, kind);
}

/** Sends a `MsgTError` (`sendBackErrorMsg`): only code, detail and params are ever set. */
export function sendError(
  ctx: ServerContext,
  session: Session,
  code: number,
  detail: string,
  params?: Record<string, string>,
): void {
  send(ctx, session, envelope(ctx, ComMsgType.MsgTError, { errorMsg: { code, detail, params } }));
}

/**
 * A message to push, encoded when the first connection needs it and then shared: a chat is pushed to the
 * recipient and to the sender's other connections, and often neither is online.
 */
export type Push = MsgInit | (() => Uint8Array | undefined);

/** Encodes `msg` at most once, on the first call. */
export function encodeOnce(ctx: ServerContext, msg: MsgInit): () => Uint8Array | undefined {
  let done = false;
  let frame: Uint8Array | undefined;
  return () => {
    if (!done) {
      done = true;
      frame = encode(ctx, msg);
    }
    return frame;
  };
}

function frameOf(ctx: ServerContext, push: Push): Uint8Array | undefined {
  return typeof push === 'function' ? push() : encode(ctx, push);
}

/** `trySendMsgToUser`: every connection bound to the user (when the user is loaded). */
export function pushToUser(ctx: ServerContext, userId: bigint, push: Push): void {
  const user = ctx.store.users.cached(userId);
  if (user === undefined || user.sessions.length === 0) return;
  const frame = frameOf(ctx, push);
  if (frame === undefined) return;
  for (const sid of [...user.sessions]) ctx.sessions.get(sid)?.sendFrame(frame);
}

/** `trySendMsgToMe`: every connection of the user except `except`. */
export function pushToUserExcept(ctx: ServerContext, userId: bigint, push: Push, except: Session): void {
  const user = ctx.store.users.cached(userId);
  if (user === undefined || !user.sessions.some((sid) => sid !== except.sid)) return;
  const frame = frameOf(ctx, push);
  if (frame === undefined) return;
  for (const sid of [...user.sessions]) {
    if (sid !== except.sid) ctx.sessions.get(sid)?.sendFrame(frame);
  }
}

/** `notifyGroupMembers`: every connection of every current member. */
export function notifyGroup(ctx: ServerContext, gid: bigint, msg: MsgInit): void {
  const group = ctx.store.groups.get(gid);
  if (group === undefined) return;
  const push = encodeOnce(ctx, msg);
  for (const uid of [...group.members.keys()]) pushToUser(ctx, uid, push);
}

/** A stored user as a wire `UserInfo`. */
export function userToWire(user: UserRecord): UserInfoInit {
  return {
    userId: user.userId,
    userName: user.userName,
    nickName: user.nickName,
    email: user.email,
    phone: user.phone,
    gender: user.gender,
    age: user.age,
    region: user.region,
    icon: user.icon,
    intro: user.intro,
    follows: user.follows,
    fans: user.fans,
    params: user.params,
    privacy: user.privacy,
  };
}

/** A group description as a wire `GroupInfo`. */
export function groupToWire(info: GroupInfoData): GroupInfoInit {
  return {
    groupId: info.groupId,
    groupName: info.groupName,
    groupType: info.groupType,
    tags: info.tags,
    params: info.params,
  };
}

/** Proto3 has no nil map: an empty map reads as absent. */
export function isEmptyMap(map: Readonly<Record<string, string>> | undefined): boolean {
  return map === undefined || Object.keys(map).length === 0;
}

/** A lookup in a decoded map, distinguishing "absent" (Go's `v, ok := m[k]`). */
export function mapGet(map: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  if (map === undefined || !Object.hasOwn(map, key)) return undefined;
  return map[key];
}

/** A decoded wire `UserInfo` as a stored user (an empty map becomes "no map", as in Go). */
export function userFromWire(user: UserInfo): UserRecord {
  return {
    userId: big(user.userId),
    userName: user.userName,
    nickName: user.nickName,
    email: user.email,
    phone: user.phone,
    gender: user.gender,
    age: user.age,
    region: user.region,
    icon: user.icon,
    intro: user.intro,
    follows: big(user.follows),
    fans: big(user.fans),
    params: isEmptyMap(user.params) ? undefined : { ...user.params },
    privacy: isEmptyMap(user.privacy) ? undefined : { ...user.privacy },
  };
}
