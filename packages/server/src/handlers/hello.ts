import { ComMsgType, ErrorMsgType, type Msg } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { decryptProof } from '../crypto/ciphers.js';
import { decodeGoBase64 } from '../crypto/go-base64.js';
import { big } from '../ids.js';
import { type Session, SessionStatus } from '../session.js';
import { envelope, mapGet, send, sendError } from '../wire.js';
import { onLoginSuccess } from './account.js';

/** The Hello reply (`sendBackHelloMsg`): fixed version and platform strings, the stage, nothing else. */
export function sendHello(ctx: ServerContext, session: Session, stage: string): void {
  send(
    ctx,
    session,
    envelope(ctx, ComMsgType.MsgTHello, {
      hello: { clientId: '', version: 'v1.0', platform: 'windows', stage, keyPrint: 0, rsaPrint: 0 },
    }),
  );
}

/**
 * Hello (1). With keyPrint 0 it answers `waitlogin`; with a keyPrint it tries a token login. Either way a
 * failed or plain Hello leaves the connection in WaitLogin, so a Hello after login logs the connection out.
 */
export function handleHello(ctx: ServerContext, session: Session, msg: Msg): void {
  session.version = msg.version;
  if (msg.version !== 1) {
    sendError(ctx, session, ErrorMsgType.ErrTVersion, 'version is too high');
    return;
  }
  const hello = msg.plainMsg?.hello;
  if (hello === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'hello msg is null');
    return;
  }
  session.deviceId = hello.clientId;
  session.platform = hello.platform;
  session.params.set('Stage', hello.stage);
  session.params.set('ClientVersion', hello.version);
  for (const key of ['Lang', 'CountryCode', 'CodeType']) {
    const value = mapGet(hello.params, key);
    if (value !== undefined) session.params.set(key, value);
  }
  const keyPrint = big(hello.keyPrint);
  if (keyPrint !== 0n) {
    const checkTokenData = mapGet(hello.params, 'checkTokenData') ?? '';
    if (!loginWithPrint(ctx, session, keyPrint, checkTokenData, msg.tm))
      session.setStatus(SessionStatus.WaitLogin);
  } else {
    sendHello(ctx, session, 'waitlogin');
    session.setStatus(SessionStatus.WaitLogin);
  }
}

/**
 * `LoginWithPrint`: load the token, prove possession of its key by decrypting `checkTokenData` to exactly the
 * decimal `Msg.tm` (no tolerance, no replay protection), then log in without a password. A token never bound
 * to a user answers Hello `needlogin`. Deleted accounts are not checked on this path.
 */
function loginWithPrint(
  ctx: ServerContext,
  session: Session,
  keyPrint: bigint,
  checkTokenData: string,
  tm: string,
): boolean {
  const token = ctx.store.tokens.load(keyPrint);
  if (token === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTKeyPrint, 'key print is not exist');
    return false;
  }
  session.userId = token.uid;
  session.keyEx = { encType: token.enc, sharedKey: token.key, keyHash: token.keyHash, keyPrint };
  const fail = (detail: string): false => {
    sendError(ctx, session, ErrorMsgType.ErrTCheckData, detail);
    session.userId = 0n;
    session.keyEx = undefined;
    return false;
  };
  const cipher = decodeGoBase64(checkTokenData, 'std');
  if (!cipher.ok) return fail(`check data error: ${cipher.error}`);
  const plain = decryptProof(token.enc, token.keyHash, cipher.bytes);
  if (!plain.ok) return fail('check hello check data  decrypt error');
  if (Buffer.from(plain.bytes).toString('latin1') !== tm) return fail(`check data error: ${checkTokenData}`);
  if (token.uid === 0n) {
    sendHello(ctx, session, 'needlogin');
    return false;
  }
  onLoginSuccess(ctx, session, false);
  return true;
}

/** HeartBeat (2): answered with a heartBeat payload under msgType **Hello**. */
export function handleHeartbeat(ctx: ServerContext, session: Session, msg: Msg): void {
  if (msg.plainMsg?.heartBeat === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'heart msg ping is null');
    return;
  }
  const now = ctx.clock.now();
  send(
    ctx,
    session,
    envelope(ctx, ComMsgType.MsgTHello, { heartBeat: { tm: now, userId: session.userId } }, now),
  );
}

/** Error (3) from a client: logged, never answered. */
export function handleClientError(ctx: ServerContext, session: Session, msg: Msg): void {
  const error = msg.plainMsg?.errorMsg;
  if (error === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'error msg error part is null');
    return;
  }
  ctx.logger.info('client reported an error', { code: error.code, detail: error.detail });
}
