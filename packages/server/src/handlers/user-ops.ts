import { ErrorMsgType, type Msg, UserOperationType, type UserOpReq } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { big } from '../ids.js';
import { type Session, SessionStatus } from '../session.js';
import { setRefusal } from '../state/user-document.js';
import { cloneUser, type UserRecord } from '../state/users.js';
import { isEmptyMap, mapGet, sendError, userFromWire, userToWire } from '../wire.js';
import { createUser, onLoginSuccess, onRegisterSuccess, sendUserOp } from './account.js';
import { checkUserLogin, isValidEmail, mailCode } from './common.js';
import { handleSetUserInfo, onChangeInfoSuccess } from './user-info.js';

/** `MsgTUserOp` (31): user operations 1–8; 9–17 and 0 get no reply. */
export function handleUserOp(ctx: ServerContext, session: Session, msg: Msg): void {
  const op = msg.plainMsg?.userOp;
  if (op === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'user op  is null');
    return;
  }
  const code = op.operation;
  if (
    code !== UserOperationType.Login &&
    code !== UserOperationType.RegisterUser &&
    code !== UserOperationType.RealNameVerification &&
    !checkUserLogin(ctx, session)
  ) {
    return;
  }
  if (code === UserOperationType.DisableUser || code === UserOperationType.RecoverUser) {
    // Administrators are the ids below 100; real accounts start at 10001.
    if (session.userId >= 100n) {
      sendError(ctx, session, ErrorMsgType.ErrTNotPermission, 'permission error');
      return;
    }
  }
  switch (code) {
    case UserOperationType.RegisterUser:
      register(ctx, session, op);
      break;
    case UserOperationType.UnregisterUser:
      unregister(ctx, session, op);
      break;
    case UserOperationType.DisableUser:
      setDisabled(ctx, session, op, true);
      break;
    case UserOperationType.RecoverUser:
      setDisabled(ctx, session, op, false);
      break;
    case UserOperationType.SetUserInfo:
      handleSetUserInfo(ctx, session, op);
      break;
    case UserOperationType.RealNameVerification:
      verify(ctx, session, op);
      break;
    case UserOperationType.Login:
      login(ctx, session, op);
      break;
    case UserOperationType.Logout:
      session.stop('logout');
      break;
    default:
      ctx.logger.info('unhandled user operation', { operation: code });
  }
}

function register(ctx: ServerContext, session: Session, op: UserOpReq): void {
  if (session.hasStatus(SessionStatus.Ok)) {
    sendError(ctx, session, ErrorMsgType.ErrTStage, 'you are already login, do not register too much id');
    return;
  }
  if (op.user === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'register msg userinfo is nil', {
      field: 'userinfo',
    });
    return;
  }
  const mode = (mapGet(op.params, 'regmode') ?? 'anonymous').toLowerCase();
  const info = userFromWire(op.user);
  if (info.userName === '') info.userName = 'momo';
  if (info.nickName === '') info.nickName = info.userName;
  if (mode === 'email') {
    if (!isValidEmail(info.email)) {
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'email is not correct', { field: info.email });
      return;
    }
    if (ctx.store.users.findBy('email', info.email).length > 0) {
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'email is already used by user', {
        field: info.email,
      });
      return;
    }
    // createTempUser: remember the user, mark the address, issue the (configured, constant) code.
    info.params = { ...(info.params ?? {}), email: 'checked' };
    session.tempUser = info;
    session.params.set('code', ctx.config.verificationCode);
    session.setStatus(SessionStatus.Register | SessionStatus.Validate);
    sendUserOp(ctx, session, UserOperationType.RegisterUser, userToWire(info), 'waitcode');
    mailCode(ctx, 'an e-mail registration');
    return;
  }
  // "phone" registers anonymously, as on the real server.
  if (info.email.length > 0 && ctx.store.users.findBy('email', info.email).length > 0) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'email is already used by user', {
      field: info.email,
    });
    return;
  }
  createUser(ctx, session, info);
  onRegisterSuccess(ctx, session);
}

/** Rejects deleted and disabled accounts (`checkUserUsable`). */
function checkUsable(ctx: ServerContext, session: Session, user: UserRecord): boolean {
  const status = user.params?.status;
  if (status === 'deleted') {
    sendError(ctx, session, ErrorMsgType.ErrTDeleted, "user is deleted, can't be used again", {
      field: 'userInfo.Params.status',
    });
    return false;
  }
  if (status === 'disabled') {
    sendError(ctx, session, ErrorMsgType.ErrTDisabled, 'user is disabled, contact with admin', {
      field: 'userInfo.Params.status',
    });
    return false;
  }
  return true;
}

function login(ctx: ServerContext, session: Session, op: UserOpReq): void {
  const user = op.user;
  if (user === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'login msg userinfo is nil', { field: 'userinfo' });
    return;
  }
  const mode = (mapGet(op.params, 'loginmode') ?? 'id').toLowerCase();
  if (mode === 'email') {
    if (!isValidEmail(user.email)) {
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'email format is not correct', {
        field: user.email,
      });
      return;
    }
    const found = ctx.store.users.findBy('email', user.email)[0];
    if (found === undefined) {
      // An unknown address registers a new account with the same request (anonymously unless regmode says so).
      register(ctx, session, op);
      return;
    }
    // The real server binds the connection to the account here, before any check (a known leak); this one
    // binds it only once the password or the code is right.
    if (!checkUsable(ctx, session, found)) return;
    const pwd = mapGet(user.params, 'pwd');
    if (pwd !== undefined) {
      const stored = found.params?.pwd;
      if (stored === undefined) {
        sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'user pwd in db is nil', {
          field: 'pwd',
          value: pwd,
        });
        return;
      }
      if (pwd !== stored) {
        sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'pwd is not correct', {
          field: 'pwd',
          value: pwd,
        });
        return;
      }
      session.userId = found.userId;
      session.tempUser = cloneUser(found);
      onLoginSuccess(ctx, session, true);
      return;
    }
    session.tempUser = cloneUser(found);
    session.params.set('code', ctx.config.verificationCode);
    session.setStatus(SessionStatus.Login | SessionStatus.Validate);
    sendUserOp(ctx, session, UserOperationType.Login, user, 'waitcode');
    mailCode(ctx, 'an e-mail code login');
    return;
  }
  if (mode === 'phone') {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'phone login is not available', {
      field: user.phone,
    });
    return;
  }
  const userId = big(user.userId);
  const found = ctx.store.users.doc(userId);
  if (found === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, "can't find user by id", {
      field: 'userid',
      value: userId.toString(),
    });
    return;
  }
  if (isEmptyMap(user.params)) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'params is nil', { field: 'params', value: 'nil' });
    return;
  }
  const pwd = mapGet(user.params, 'pwd');
  if (pwd === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'pwd is not set in your login data', {
      field: 'params.pwd',
      value: '',
    });
    return;
  }
  if (!checkUsable(ctx, session, found)) return;
  if (found.params === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTServerInside, 'pwd is not in db', { field: 'pwd' });
    return;
  }
  if (pwd !== (found.params.pwd ?? '')) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'pwd is not correct', { field: 'pwd', value: pwd });
    return;
  }
  session.userId = found.userId;
  session.tempUser = cloneUser(found);
  onLoginSuccess(ctx, session, true);
}

function verify(ctx: ServerContext, session: Session, op: UserOpReq): void {
  if (!session.hasStatus(SessionStatus.Validate)) {
    sendError(ctx, session, ErrorMsgType.ErrTStage, 'current user session not has a status of Verification ');
    return;
  }
  if (isEmptyMap(op.params)) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'not has params field', { field: 'params' });
    return;
  }
  const code = mapGet(op.params, 'code');
  if (code === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'verification code, but params.code is nil', {
      field: 'params.code',
    });
    return;
  }
  const expected = session.params.get('code') ?? '';
  if (expected === '') {
    sendError(ctx, session, ErrorMsgType.ErrTServerInside, 'server does not has a verification code');
    return;
  }
  if (code !== expected) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTMsgContent,
      'verification code, but params.code is not correct',
      {
        field: 'params.code',
        value: code,
      },
    );
    return;
  }
  if (session.hasStatus(SessionStatus.Register)) {
    const temp = session.tempUser;
    if (temp === undefined) {
      sendError(ctx, session, ErrorMsgType.ErrTServerInside, 'create user meet error');
      return;
    }
    createUser(ctx, session, temp);
    onRegisterSuccess(ctx, session);
  } else if (session.hasStatus(SessionStatus.Login)) {
    if (session.tempUser !== undefined) session.userId = session.tempUser.userId;
    onLoginSuccess(ctx, session, true);
  } else if (session.hasStatus(SessionStatus.ChangeInfo)) {
    onChangeInfoSuccess(ctx, session);
  }
  session.unsetStatus(SessionStatus.Validate);
  session.params.delete('code');
}

/** A `$set` of `params.*` fields fails on a document whose params are null, or were replaced by a text. */
function checkParamsUpdate(doc: UserRecord, paths: readonly string[]): void {
  if (doc.params === undefined && doc.extra?.params === undefined)
    throw new HazardSignal('null-params-update');
  const refusal = setRefusal(doc, paths);
  if (refusal !== undefined)
    throw new HazardSignal('user-update-refused', `MongoDB refuses the update: ${refusal}`);
}

function unregister(ctx: ServerContext, session: Session, op: UserOpReq): void {
  const doc = ctx.store.users.doc(session.userId);
  if (doc !== undefined) {
    checkParamsUpdate(doc, ['params.status']);
    doc.params!.status = 'deleted';
  }
  sendUserOp(ctx, session, UserOperationType.UnregisterUser, op.user, 'unregok');
  const cached = ctx.store.users.cached(session.userId);
  if (cached !== undefined) cached.info.params = { ...(cached.info.params ?? {}), status: 'deleted' };
  session.stop('unregok');
}

function setDisabled(ctx: ServerContext, session: Session, op: UserOpReq, disable: boolean): void {
  const user = op.user;
  if (user === undefined) {
    sendError(
      ctx,
      session,
      ErrorMsgType.ErrTMsgContent,
      disable ? 'disable msg userinfo is nil' : 'recover msg userinfo is nil',
      { field: 'userinfo' },
    );
    return;
  }
  // The reason is read from the target's params, and only when the request carries params of its own.
  const reason = isEmptyMap(op.params) ? '' : (mapGet(user.params, 'reason') ?? '');
  const target = big(user.userId);
  const doc = ctx.store.users.doc(target);
  if (doc !== undefined) {
    checkParamsUpdate(doc, ['params.status', 'params.reason']);
    doc.params!.status = disable ? 'disabled' : 'ok';
    doc.params!.reason = reason;
  }
  const cached = ctx.store.users.cached(target);
  if (cached !== undefined) {
    const params: Record<string, string> = {
      ...(cached.info.params ?? {}),
      status: disable ? 'disabled' : 'ok',
    };
    if (disable) params.reason = reason;
    cached.info.params = params;
  }
  // Recovery answers with operation DisableUser too.
  sendUserOp(ctx, session, UserOperationType.DisableUser, user, disable ? 'disabled' : 'ok');
}
