import { ErrorMsgType, UserOperationType, type UserOpReq } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { goAtoiInt32 } from '../ids.js';
import { type Session, SessionStatus } from '../session.js';
import { setCustomPath, setRefusal } from '../state/user-document.js';
import { publicUser, type UserRecord } from '../state/users.js';
import { isEmptyMap, sendError, userToWire } from '../wire.js';
import { sendUserOp } from './account.js';
import { isValidEmail, mailCode, trimLeftChars } from './common.js';

type TextField = 'userName' | 'nickName' | 'region' | 'gender' | 'icon' | 'intro';
const TEXT_FIELDS: Record<string, TextField> = {
  username: 'userName',
  nickname: 'nickName',
  region: 'region',
  gender: 'gender',
  icon: 'icon',
  intro: 'intro',
};

/**
 * SetUserInfo (5): the changes travel in `UserOpReq.params` with case-insensitive keys. Profile fields change
 * at once (in memory even when a later e-mail check fails, as on the real server); e-mail and phone need a
 * code; any other key is a custom parameter, stored in the database under its lower-cased name and in memory
 * under that name with leading characters from "params." stripped (so "Params.sex" reads "ex").
 */
export function handleSetUserInfo(ctx: ServerContext, session: Session, op: UserOpReq): void {
  if (isEmptyMap(op.params)) {
    sendUserOp(ctx, session, UserOperationType.SetUserInfo, undefined, 'ok');
    return;
  }
  const cached = ctx.store.users.cached(session.userId);
  if (cached === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTServerInside, "can't find user in user cache ", {
      field: 'userinfo',
    });
    return;
  }
  const memory = cached.info;
  /** The `$set` of the database update: lower-cased keys as MongoDB field paths. */
  const dbChanges: [string, string | number][] = [];
  let hasEmail = false;
  let hasPhone = false;
  for (const [key, value] of Object.entries(op.params)) {
    const lower = key.toLowerCase();
    const field = TEXT_FIELDS[lower];
    if (lower === 'params.status') continue;
    if (field !== undefined) {
      memory[field] = value;
      dbChanges.push([lower, value]);
    } else if (lower === 'age') {
      memory.age = goAtoiInt32(value);
      dbChanges.push(['age', memory.age]);
    } else if (lower === 'email') {
      hasEmail = true;
      session.params.set('changeEmail', value);
    } else if (lower === 'phone') {
      hasPhone = true;
      session.params.set('changePhone', value);
    } else {
      dbChanges.push([lower, value]);
      memory.params = { ...(memory.params ?? {}), [trimLeftChars(lower, 'params.')]: value };
    }
  }
  if (hasEmail) {
    const address = session.params.get('changeEmail') ?? '';
    if (!isValidEmail(address)) {
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'email is not correct', { field: address });
      return;
    }
    if (ctx.store.users.findBy('email', address).length > 0) {
      sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'email is already used by user', {
        field: address,
      });
      return;
    }
    session.params.set('code', ctx.config.verificationCode);
    session.setStatus(SessionStatus.ChangeInfo | SessionStatus.Validate);
  }
  // No code is ever generated for a phone change, so it can only complete with a code left from another flow.
  if (hasPhone) session.setStatus(SessionStatus.ChangeInfo | SessionStatus.Validate);
  const doc = ctx.store.users.doc(session.userId);
  if (doc !== undefined && dbChanges.length > 0) applyToDocument(doc, dbChanges);
  sendUserOp(
    ctx,
    session,
    UserOperationType.SetUserInfo,
    userToWire(publicUser(memory)),
    hasEmail || hasPhone ? 'waitcode' : 'ok',
  );
  // The code was queued for the mail worker before the update; the worker dies after the reply went out.
  if (hasEmail) mailCode(ctx, 'an e-mail change');
}

/**
 * The database update (`UpdateUserInfoPart`): a `$set` of the collected paths. MongoDB refuses some of them,
 * and the real server exits on the refusal (`Logger.Fatal`).
 */
function applyToDocument(doc: UserRecord, changes: readonly [string, string | number][]): void {
  const paths = changes.map(([path]) => path);
  if (
    paths.some((path) => path.startsWith('params.')) &&
    doc.params === undefined &&
    doc.extra?.params === undefined
  )
    throw new HazardSignal('null-params-update');
  const refusal = setRefusal(doc, paths);
  if (refusal !== undefined)
    throw new HazardSignal('user-update-refused', `MongoDB refuses the update: ${refusal}`);
  for (const [path, value] of changes) {
    const field = TEXT_FIELDS[path];
    if (field !== undefined) doc[field] = String(value);
    else if (path === 'age') doc.age = value as number;
    else setCustomPath(doc, path, String(value));
  }
}

/** A correct code after an e-mail (or phone) change: store the new address, stay logged out. */
export function onChangeInfoSuccess(ctx: ServerContext, session: Session): void {
  const cached = ctx.store.users.cached(session.userId);
  if (cached === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTServerInside, 'user in not in cache, please login again');
    return;
  }
  const doc = ctx.store.users.doc(session.userId);
  const email = session.params.get('changeEmail') ?? '';
  const phone = session.params.get('changePhone') ?? '';
  // With nothing to store the real server calls Logger.Fatal ("email and phone not found in session params").
  if (email === '' && phone === '') throw new HazardSignal('change-info-nothing-pending');
  if (email !== '') {
    cached.info.email = email;
    if (doc !== undefined) doc.email = email;
    session.params.delete('changeEmail');
  }
  if (phone !== '') {
    cached.info.phone = phone;
    if (doc !== undefined) doc.phone = phone;
    session.params.delete('changePhone');
  }
  sendUserOp(ctx, session, UserOperationType.SetUserInfo, userToWire(publicUser(cached.info)), 'ok');
  session.setStatus(SessionStatus.ChangeInfo);
}
