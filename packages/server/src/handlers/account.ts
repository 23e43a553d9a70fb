import { ComMsgType, type UserInfoInit, UserOperationType } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { type Session, SessionStatus } from '../session.js';
import { type CachedUser, cloneUser, publicUser, type UserRecord } from '../state/users.js';
import { envelope, pushToUser, send, userToWire } from '../wire.js';

/** `SendBackUserOp`: result is always "ok"; failures travel as separate errors. */
export function sendUserOp(
  ctx: ServerContext,
  session: Session,
  operation: UserOperationType,
  user: UserInfoInit | undefined,
  status: string,
): void {
  // A nil user is marshalled as an empty entry.
  const wireUser: UserInfoInit = user ?? {};
  send(
    ctx,
    session,
    envelope(ctx, ComMsgType.MsgTUserOpRet, {
      userOpRet: { operation, result: 'ok', status, users: [wireUser], params: { status } },
    }),
  );
}

/** `createUser`: the next id, a new document, and the connection bound to it (not yet logged in). */
export function createUser(ctx: ServerContext, session: Session, info: UserRecord): void {
  const uid = ctx.store.users.allocateId();
  info.userId = uid;
  ctx.store.users.insert(info);
  session.userId = uid;
  session.setStatus(SessionStatus.WaitLogin);
}

/** Binds the connection's key-exchange token to `uid` (`SaveToken`); a token without a print is skipped. */
export function saveSessionToken(ctx: ServerContext, session: Session, uid: bigint): void {
  const keyEx = session.keyEx;
  if (keyEx === undefined || keyEx.keyPrint === 0n) return;
  ctx.store.tokens.save(keyEx.keyPrint, {
    key: keyEx.sharedKey ?? new Uint8Array(0),
    keyHash: keyEx.keyHash ?? new Uint8Array(0),
    uid,
    enc: keyEx.encType,
  });
}

/** Adds the connection to the user's list (`AddSessionID`), once, and records the most live ones at once. */
function bindSession(ctx: ServerContext, user: CachedUser, session: Session): void {
  if (!user.sessions.includes(session.sid)) user.sessions.push(session.sid);
  const live = user.sessions.filter((sid) => ctx.sessions.has(sid)).length;
  if (live > user.peakLiveSessions) user.peakLiveSessions = live;
}

/** `onRegisterSuccess`: load the new user, bind the token, answer `loginok` with the raw stored document. */
export function onRegisterSuccess(ctx: ServerContext, session: Session): void {
  const doc = ctx.store.users.doc(session.userId);
  if (doc === undefined) {
    const temp = session.tempUser;
    sendUserOp(ctx, session, UserOperationType.RegisterUser, temp && userToWire(temp), 'needlogin');
    return;
  }
  session.tempUser = cloneUser(doc);
  const loaded = ctx.store.users.load(session.userId);
  if (loaded !== undefined) bindSession(ctx, loaded.user, session);
  saveSessionToken(ctx, session, session.userId);
  // The registration reply is the stored document itself, password included, as on the real server.
  sendUserOp(ctx, session, UserOperationType.RegisterUser, userToWire(doc), 'loginok');
  session.setStatus(SessionStatus.Ok);
}

/** `onLoginSuccess`: bind the token (password and code logins), load the user, answer, go online. */
export function onLoginSuccess(ctx: ServerContext, session: Session, saveToken: boolean): void {
  if (saveToken) saveSessionToken(ctx, session, session.userId);
  const loaded = ctx.store.users.load(session.userId);
  if (loaded === undefined) throw new HazardSignal('login-user-missing');
  const user = loaded.user;
  bindSession(ctx, user, session);
  // The real server writes these two empty counters into the shared cached params map, so they stay there.
  user.info.params = { ...(user.info.params ?? {}), nfans: '', nfollows: '' };
  sendUserOp(ctx, session, UserOperationType.Login, userToWire(publicUser(user.info)), 'loginok');
  session.setStatus(SessionStatus.Ok);
  setUserOnline(ctx, user, true);
}

/**
 * `setUserOnline`: tells the user's mutual friends (as far as the lazily filled in-memory flags know them)
 * that the user came online, or went offline once no connection id is left.
 */
export function setUserOnline(ctx: ServerContext, user: CachedUser, online: boolean): void {
  const mutual = [...user.following.entries()]
    .filter(([uid, follows]) => follows && user.fans.get(uid) === true)
    .map(([uid]) => uid);
  if (!online && user.sessions.length > 0) return;
  // Nobody to tell: the notice is not built (on the wire the same as building it and sending it to no one; the
  // two snowflake ids it would take are not observable). Most bot accounts have no mutual friends, and a burst
  // of thousands of logins otherwise built a notice apiece.
  if (mutual.length === 0) return;
  const msg = envelope(ctx, ComMsgType.MsgTUserOp, {
    userOp: {
      operation: UserOperationType.SetUserInfo,
      user: userToWire(publicUser(user.info)),
      sendId: ctx.ids.next(),
      msgId: ctx.ids.next(),
      params: { status: online ? 'online' : 'offline' },
    },
  });
  for (const uid of mutual) pushToUser(ctx, uid, msg);
}

/** The connection is gone (`cleanUp`): unbind it and maybe announce the user offline. */
export function onSessionClosed(ctx: ServerContext, session: Session): void {
  ctx.sessions.delete(session.sid);
  if (session.userId === 0n) return;
  const user = ctx.store.users.cached(session.userId);
  if (user === undefined) return;
  const index = user.sessions.indexOf(session.sid);
  if (index >= 0) user.sessions.splice(index, 1);
  setUserOnline(ctx, user, false);
}
