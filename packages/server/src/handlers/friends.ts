import {
  ComMsgType,
  ErrorMsgType,
  type FriendOpReq,
  type Msg,
  type MsgInit,
  type UserInfoInit,
  UserOperationType,
} from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { big, parseGoInt } from '../ids.js';
import type { Session } from '../session.js';
import { CMD_ADD_FRIEND, CMD_REMOVE_FRIEND } from '../state/oplog.js';
import { counterIsText } from '../state/user-document.js';
import { type CachedUser, filteredUser, publicUser, type UserRecord } from '../state/users.js';
import { envelope, isEmptyMap, mapGet, pushToUser, sendError, userToWire } from '../wire.js';
import { checkUserLoginTwice } from './common.js';

/** The "exists" bit the server ORs into every stored permission. */
const PERMISSION_EXIST = 32768;

/** A friend-op result (`newFriendOpResultMsg`). */
function friendResult(
  ctx: ServerContext,
  operation: UserOperationType,
  result: string,
  user: UserInfoInit | undefined,
  users: UserInfoInit[] | undefined,
  params: Readonly<Record<string, string>> | undefined,
  op: { sendId: bigint; msgId: bigint },
): MsgInit {
  return envelope(ctx, ComMsgType.MsgTFriendOpRet, {
    friendOpRet: { operation, result, user, users, sendId: op.sendId, msgId: op.msgId, params },
  });
}

interface FriendRequest {
  readonly req: FriendOpReq;
  readonly sendId: bigint;
  /** The server's snowflake, replacing the client's msgId. */
  readonly msgId: bigint;
}

/** FriendOp (33); results go to every connection of the requesting user. */
export function handleFriendOp(ctx: ServerContext, session: Session, msg: Msg): void {
  const req = msg.plainMsg?.friendOp;
  if (req === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'friend op is null');
    return;
  }
  if (!checkUserLoginTwice(ctx, session)) return;
  const op: FriendRequest = { req, sendId: big(req.sendId), msgId: ctx.ids.next() };
  switch (req.operation) {
    case UserOperationType.FindUser:
      findUser(ctx, session, op);
      break;
    case UserOperationType.AddFriend:
      addFriend(ctx, session, op);
      break;
    case UserOperationType.ApproveFriend:
      // The real handler reads the (absent) friendOpRet payload and panics.
      throw new HazardSignal('approve-friend');
    case UserOperationType.RemoveFriend:
      removeFriend(ctx, session, op);
      break;
    case UserOperationType.BlockFriend:
    case UserOperationType.UnBlockFriend:
    case UserOperationType.SetFriendPermission:
      setPermission(ctx, session, op);
      break;
    case UserOperationType.SetFriendMemo:
      setMemo(ctx, session, op);
      break;
    case UserOperationType.ListFriends:
      listFriends(ctx, session, op);
      break;
    default:
      ctx.logger.info('unhandled friend operation', { operation: req.operation });
  }
}

/** `findUserInfo`: the user's public profile, loading them into the cache. */
/** A stored user, as the cache holds it and as others may see it. */
type PublicUser = { cached: CachedUser; info: UserRecord };

function loadPublic(ctx: ServerContext, uid: bigint): PublicUser | undefined {
  const loaded = ctx.store.users.load(uid);
  if (loaded === undefined) return undefined;
  return { cached: loaded.user, info: publicUser(loaded.user.info) };
}

/** What the real server answers when a friend operation's target is absent or is the caller: each op words it. */
interface TargetTexts {
  readonly missing: string;
  readonly self: string;
}

/**
 * Checks the target of a friend operation in the real server's order (given, not the caller, stored) and sends
 * the error itself when a check fails. Returns the target, its id and its stored user, or `undefined`.
 */
function checkTarget(
  ctx: ServerContext,
  session: Session,
  op: FriendRequest,
  texts: TargetTexts,
): { target: NonNullable<FriendRequest['req']['user']>; uid2: bigint; friend: PublicUser } | undefined {
  const target = op.req.user;
  if (target === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, texts.missing);
    return undefined;
  }
  const uid2 = big(target.userId);
  if (uid2 === session.userId) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, texts.self);
    return undefined;
  }
  const friend = loadPublic(ctx, uid2);
  if (friend === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'user not in db');
    return undefined;
  }
  return { target, uid2, friend };
}

function findUser(ctx: ServerContext, session: Session, op: FriendRequest): void {
  const params = op.req.params;
  if (isEmptyMap(params)) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'FriendOpMsg  must hava Params field');
    return;
  }
  const mode = mapGet(params, 'mode');
  const value = mapGet(params, 'value');
  if (mode === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'search friend mode field is nil', {
      field: 'mode',
      value: 'nil',
    });
    return;
  }
  if (value === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'search friend value field is nil', {
      field: 'mode',
      value: 'nil',
    });
    return;
  }
  const lower = mode.toLowerCase();
  const users = ctx.store.users;
  let found: UserRecord[];
  if (lower === 'id') {
    const uid = parseGoInt(value) ?? 0n;
    const cached = users.cached(uid);
    if (cached !== undefined) {
      // The real server filters the cached object itself: from now on this user's cached e-mail and phone
      // read "*" everywhere the cache is used, including their own login reply.
      cached.info = filteredUser(cached.info, lower);
      found = [cached.info];
    } else {
      const loaded = loadPublic(ctx, uid);
      found = loaded === undefined ? [] : [loaded.info];
    }
  } else if (lower === 'name') {
    found = users.findBy('userName', value);
    if (found.length === 0) found = users.findBy('nickName', value);
  } else if (lower === 'email') {
    found = users.findBy('email', value);
  } else if (lower === 'phone') {
    found = users.findBy('phone', value);
  } else {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'search friend mode is not supported', {
      field: 'mode',
      value: mode,
    });
    return;
  }
  const list = found.map((user) => userToWire(filteredUser(user, lower)));
  pushToUser(
    ctx,
    session.userId,
    friendResult(ctx, UserOperationType.FindUser, 'ok', undefined, list, undefined, op),
  );
}

function addFriend(ctx: ServerContext, session: Session, op: FriendRequest): void {
  const checked = checkTarget(ctx, session, op, {
    missing: 'must have a user info',
    self: "can't add your self",
  });
  if (checked === undefined) return;
  const { target, uid2, friend } = checked;
  const me = session.userId;
  if (friend.info.params?.status === 'deleted') {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'user is deleted');
    return;
  }
  const friendInfo = filteredUser(friend.info, '');
  const self = ctx.store.users.cached(me);
  const { relations } = ctx.store;
  const answerOk = (): void =>
    pushToUser(
      ctx,
      me,
      friendResult(
        ctx,
        UserOperationType.AddFriend,
        'ok',
        self && userToWire(publicUser(self.info)),
        [userToWire(friendInfo)],
        undefined,
        op,
      ),
    );
  if (ctx.config.friendMode === 'request') {
    // Friend mode: done already when they follow me; otherwise the request is forwarded and nobody answers
    // me. The target's "friendaddmode" setting is never seen (the cache strips it first), so it is always
    // "require".
    const isFan = relations.follows(uid2, me);
    self?.fans.set(uid2, isFan);
    if (isFan) {
      answerOk();
      return;
    }
    saveFriendLog(ctx, me, uid2, op, false, true);
    pushToUser(
      ctx,
      uid2,
      envelope(ctx, ComMsgType.MsgTFriendOp, {
        friendOp: {
          operation: UserOperationType.AddFriend,
          user: self && userToWire(publicUser(self.info)),
          sendId: op.sendId,
          msgId: op.msgId,
          params: op.req.params,
        },
      }),
    );
    return;
  }
  // Community mode: following is immediate; repeating it changes nothing.
  const alreadyFollowing = relations.follows(me, uid2);
  friend.cached.fans.set(me, alreadyFollowing);
  if (alreadyFollowing) {
    answerOk();
    return;
  }
  if (self === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTServerInside, 'user not in cache');
    return;
  }
  requireNumericCounters(ctx, [
    [me, 'follows'],
    [uid2, 'fans'],
  ]);
  saveFriendLog(ctx, me, uid2, op, true, true);
  const tm = ctx.clock.now();
  const memo = target.nickName || target.userName || friend.info.nickName;
  relations.addFollow(me, uid2, { tm, nick: memo }, { tm, nick: self.info.nickName || self.info.userName });
  const theyFollowMe = relations.follows(uid2, me);
  self.fans.set(uid2, theyFollowMe);
  if (theyFollowMe) relations.addMutual(me, uid2, { tm, nick: memo });
  ctx.store.users.addCount(me, 'follows', 1n);
  ctx.store.users.addCount(uid2, 'fans', 1n);
  self.following.set(uid2, true);
  friend.cached.fans.set(me, true);
  pushToUser(
    ctx,
    uid2,
    friendResult(
      ctx,
      UserOperationType.AddFriend,
      'notice',
      userToWire(publicUser(self.info)),
      [userToWire(publicUser(friend.cached.info))],
      undefined,
      op,
    ),
  );
  answerOk();
}

/**
 * The counters a friend operation increments (`$inc`) must be numbers: a counter SetUserInfo stored as text
 * makes the update fail, and the real server exits on it (`log.Fatal`).
 */
function requireNumericCounters(
  ctx: ServerContext,
  counters: readonly (readonly [bigint, 'follows' | 'fans'])[],
): void {
  for (const [uid, field] of counters) {
    const doc = ctx.store.users.doc(uid);
    if (doc !== undefined && counterIsText(doc, field)) {
      throw new HazardSignal('counter-not-numeric', `user ${uid} has ${field} stored as text`);
    }
  }
}

/** `saveOpFriendLog`: add (101) or remove (102) records for both users, finished (1) or pending (0). */
function saveFriendLog(
  ctx: ServerContext,
  uid1: bigint,
  uid2: bigint,
  op: FriendRequest,
  finished: boolean,
  add: boolean,
): void {
  ctx.store.oplog.saveUserOp({
    uid1,
    uid2,
    gid: 0n,
    id: op.msgId,
    sendId: op.sendId,
    tm: ctx.clock.now(),
    cmd: add ? CMD_ADD_FRIEND : CMD_REMOVE_FRIEND,
    ret: finished ? 1 : 0,
    data: new Uint8Array(0),
  });
}

function removeFriend(ctx: ServerContext, session: Session, op: FriendRequest): void {
  const checked = checkTarget(ctx, session, op, {
    missing: 'userinfo is null',
    self: 'userinfo is your self',
  });
  if (checked === undefined) return;
  const { target, uid2, friend } = checked;
  const me = session.userId;
  const { relations, users } = ctx.store;
  const friendMode = ctx.config.friendMode === 'request';
  requireNumericCounters(ctx, [
    [me, 'follows'],
    [uid2, friendMode ? 'follows' : 'fans'],
  ]);
  relations.removeFollow(me, uid2);
  relations.removeMutual(me, uid2);
  // The counters drop whether or not there was anything to remove.
  if (friendMode) {
    relations.removeFollow(uid2, me);
    users.addCount(me, 'follows', -1n);
    users.addCount(uid2, 'follows', -1n);
  } else {
    users.addCount(me, 'follows', -1n);
    users.addCount(uid2, 'fans', -1n);
  }
  const self = users.cached(me);
  self?.following.set(uid2, false);
  if (friendMode) self?.fans.set(uid2, false);
  friend.cached.fans.set(me, false);
  if (friendMode) friend.cached.following.set(me, false);
  saveFriendLog(ctx, me, uid2, op, true, false);
  pushToUser(
    ctx,
    me,
    friendResult(ctx, UserOperationType.RemoveFriend, 'ok', target, undefined, undefined, op),
  );
  pushToUser(
    ctx,
    uid2,
    friendResult(
      ctx,
      UserOperationType.RemoveFriend,
      'notice',
      self && userToWire(publicUser(self.info)),
      [userToWire(publicUser(friend.cached.info))],
      undefined,
      op,
    ),
  );
}

/** BlockFriend, UnBlockFriend and SetFriendPermission: what I allow the other user. */
function setPermission(ctx: ServerContext, session: Session, op: FriendRequest): void {
  // The same self text for all three operations, as on the real server ("can't block yourself").
  const checked = checkTarget(ctx, session, op, {
    missing: 'userinfo is null',
    self: "can't block yourself",
  });
  if (checked === undefined) return;
  const { target, uid2 } = checked;
  const me = session.userId;
  const operation = op.req.operation;
  const { relations } = ctx.store;
  if (operation === UserOperationType.UnBlockFriend) {
    relations.deletePermission(me, uid2);
  } else {
    let perm = PERMISSION_EXIST;
    if (operation === UserOperationType.SetFriendPermission) {
      const text = mapGet(op.req.params, 'permission');
      if (text === undefined || text.length === 0) {
        sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'params.permission is null');
        return;
      }
      const mask = parseGoInt(text, 16);
      if (mask === undefined) {
        sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'params.permission is too big');
        return;
      }
      // uint32(int16) | exist, stored as an int32.
      perm = Number(BigInt.asIntN(32, BigInt.asUintN(32, mask) | BigInt(PERMISSION_EXIST)));
    }
    relations.setPermission(me, uid2, { perm, nick: target.nickName, tm: ctx.clock.now() });
  }
  pushToUser(ctx, me, friendResult(ctx, operation, 'ok', target, undefined, undefined, op));
}

function setMemo(ctx: ServerContext, session: Session, op: FriendRequest): void {
  const fansMode = (mapGet(op.req.params, 'mode') ?? '').toLowerCase() === 'fans';
  const target = op.req.user;
  if (target === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'user id is null');
    return;
  }
  // An empty memo is silently ignored.
  if (target.nickName.length === 0) return;
  const me = session.userId;
  const uid2 = big(target.userId);
  if (uid2 === me) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, "can't memo yourself");
    return;
  }
  const { relations } = ctx.store;
  if (!fansMode) {
    if (!relations.follows(me, uid2)) {
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'not followed user');
      return;
    }
    relations.setNick('following', me, uid2, target.nickName);
  } else {
    if (!relations.follows(uid2, me)) {
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'not your fans');
      return;
    }
    relations.setNick('fans', me, uid2, target.nickName);
  }
  pushToUser(
    ctx,
    me,
    friendResult(ctx, UserOperationType.SetFriendMemo, 'ok', target, undefined, undefined, op),
  );
}

/** ListFriends: follows (default), fans, or anything else for mutual friends; 100 per page after `user.userId`. */
function listFriends(ctx: ServerContext, session: Session, op: FriendRequest): void {
  const from = op.req.user === undefined ? 0n : big(op.req.user.userId);
  const mode = (mapGet(op.req.params, 'mode') ?? 'follows').toLowerCase();
  const kind = mode === 'fans' ? 'fans' : mode === 'follows' ? 'following' : 'mutual';
  const rows = ctx.store.relations.page(kind, session.userId, from, 100);
  const users: UserInfoInit[] = rows.map(([uid, row]) => {
    const loaded = loadPublic(ctx, uid);
    if (loaded === undefined) return { userId: uid, nickName: row.nick, email: '*', phone: '*' };
    // The memo is overwritten by the user's real nick; e-mail and phone are masked.
    const entry: UserRecord = { ...filteredUser(loaded.info, ''), follows: 0n, fans: 0n };
    return {
      userId: uid,
      userName: entry.userName,
      nickName: entry.nickName,
      email: entry.email,
      phone: entry.phone,
      gender: entry.gender,
      age: entry.age,
      region: entry.region,
      icon: entry.icon,
      intro: entry.intro,
      params: entry.params,
    };
  });
  pushToUser(
    ctx,
    session.userId,
    friendResult(ctx, UserOperationType.ListFriends, 'ok', undefined, users, op.req.params, op),
  );
}
