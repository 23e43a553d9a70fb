import {
  type BirdTalkError,
  isBirdTalkError,
  ProtocolError,
  RefusedError,
  StateError,
} from '@birdtalk/errors';
import {
  ErrorMsgType,
  toInt64,
  type UserInfo,
  UserOperationType,
  type UserOpReqInit,
  type UserOpResult,
} from '@birdtalk/proto';
import type { Connection } from './connection.js';
import type { MatchOutcome } from './correlator.js';
import type { Inbound } from './dispatch.js';
import { SessionErrorCode } from './errors.js';
import type { CodeRequest, Credentials } from './options.js';
import type { SecretScrubber } from './secrets.js';

/**
 * Logging in and registering with credentials, once the handshake has left the connection
 * waiting for a login.
 */

/** What a credential login needs. */
export interface LoginContext {
  readonly conn: Connection;
  readonly credentials: Credentials;
  readonly scrubber: SecretScrubber;
  readonly timeoutMs: number;
  readonly maxCodeAttempts: number;
  readonly requestCode: ((request: CodeRequest) => Promise<string>) | undefined;
  /** Aborts a pending code request when the connection or session goes away. */
  readonly signal: AbortSignal;
}

/** The logged-in user, and whether a registration created it. */
export interface LoginOutcome {
  readonly user: UserInfo;
  readonly registered: boolean;
}

/** Server error codes that mean "these credentials will not work": retrying cannot help. */
const credentialErrors: ReadonlySet<number> = new Set([
  ErrorMsgType.ErrTMsgContent,
  ErrorMsgType.ErrTWrongPwd,
  ErrorMsgType.ErrTWrongCode,
  ErrorMsgType.ErrTDisabled,
  ErrorMsgType.ErrTDeleted,
]);

/** Whether a login failure is final (bad credentials, unknown e-mail, no code) rather than transient. */
export function isCredentialFailure(error: unknown): boolean {
  return (
    // The frame rules refused the login request itself (an e-mail flow on a server whose mail kills it): the
    // same credentials would be refused again on every reconnect.
    error instanceof RefusedError ||
    isBirdTalkError(error, SessionErrorCode.LOGIN_REJECTED) ||
    isBirdTalkError(error, SessionErrorCode.LOGIN_UNKNOWN_EMAIL) ||
    isBirdTalkError(error, SessionErrorCode.LOGIN_CODE_UNAVAILABLE) ||
    // An answer the flow does not allow would come again; for a registration, retrying could create a second
    // account.
    isBirdTalkError(error, SessionErrorCode.LOGIN_UNEXPECTED)
  );
}

/** Logs in or registers with the credentials. On success the connection is marked logged in. */
export async function logIn(context: LoginContext): Promise<LoginOutcome> {
  const { credentials, scrubber } = context;
  let outcome: LoginOutcome;
  switch (credentials.method) {
    case 'id': {
      scrubber.pin(credentials.password);
      const userId = toInt64(credentials.userId);
      const reply = await userOp(
        context,
        'login',
        loginRequest({ userId, params: { pwd: credentials.password } }, 'id'),
        [UserOperationType.Login],
      );
      outcome = { user: expectLoginOk(reply, 'login'), registered: false };
      break;
    }
    case 'email': {
      scrubber.pin(credentials.password);
      const reply = await userOp(
        context,
        'login',
        loginRequest({ email: credentials.email, params: { pwd: credentials.password } }, 'email'),
        [UserOperationType.Login, UserOperationType.RegisterUser],
      );
      refuseUnknownEmail(reply);
      outcome = { user: expectLoginOk(reply, 'login'), registered: false };
      break;
    }
    case 'email-code': {
      const reply = await userOp(context, 'login', loginRequest({ email: credentials.email }, 'email'), [
        UserOperationType.Login,
        UserOperationType.RegisterUser,
      ]);
      refuseUnknownEmail(reply);
      const done =
        reply.status === 'waitcode' ? await submitCode(context, 'login', credentials.email) : reply;
      outcome = { user: expectLoginOk(done, 'login'), registered: false };
      break;
    }
    case 'register': {
      scrubber.pin(credentials.password);
      const email = credentials.email;
      const request: UserOpReqInit = {
        operation: UserOperationType.RegisterUser,
        user: {
          userName: credentials.userName,
          nickName: credentials.nickName ?? credentials.userName,
          ...(email === undefined ? {} : { email }),
          params: { ...(credentials.params ?? {}), pwd: credentials.password },
        },
        params: { regmode: email === undefined ? 'anonymous' : 'email' },
      };
      const reply = await userOp(context, 'register', request, [UserOperationType.RegisterUser]);
      let done =
        reply.status === 'waitcode' && email !== undefined
          ? await submitCode(context, 'register', email)
          : reply;
      const created = done.users[0]?.userId;
      if (done.status === 'needlogin' && created !== undefined && created !== '0') {
        // The account exists but the server could not load it; log in to it rather than register again.
        done = await userOp(
          context,
          'login',
          loginRequest({ userId: created, params: { pwd: credentials.password } }, 'id'),
          [UserOperationType.Login],
        );
      }
      outcome = { user: expectLoginOk(done, 'register'), registered: true };
      break;
    }
  }
  context.conn.loggedIn = true;
  context.conn.selfId = outcome.user.userId;
  return outcome;
}

function loginRequest(user: UserOpReqInit['user'], mode: 'id' | 'email'): UserOpReqInit {
  // Regmode "email" turns an unknown address into a code registration the session then declines,
  // instead of a silent anonymous registration.
  const params: Record<string, string> =
    mode === 'email' ? { loginmode: 'email', regmode: 'email' } : { loginmode: 'id' };
  return { operation: UserOperationType.Login, user, params };
}

/** The server answers an unknown e-mail with a registration; this session never registers by accident. */
function refuseUnknownEmail(reply: UserOpResult): void {
  if (reply.operation === UserOperationType.RegisterUser) {
    throw new ProtocolError(SessionErrorCode.LOGIN_UNKNOWN_EMAIL, 'no account uses this e-mail address', {
      request: 'login',
      details: { status: reply.status },
    });
  }
}

/** Asks for codes and submits them until one is accepted. */
async function submitCode(
  context: LoginContext,
  purpose: 'login' | 'register',
  email: string,
): Promise<UserOpResult> {
  const { requestCode } = context;
  if (requestCode === undefined) {
    throw new StateError(
      SessionErrorCode.LOGIN_CODE_UNAVAILABLE,
      `the server mailed a ${purpose} code and no requestCode callback is configured`,
    );
  }
  let lastError: BirdTalkError | undefined;
  for (let attempt = 1; attempt <= context.maxCodeAttempts; attempt += 1) {
    let code: string;
    try {
      code = await requestCode({ purpose, email, attempt, signal: context.signal });
    } catch (error) {
      // The connection ended while the callback waited (its signal carries why): a lost connection, after which
      // the session reconnects and asks for a fresh code, not a login that can never succeed.
      const { aborted, reason } = context.signal;
      if (aborted && isBirdTalkError(reason)) throw reason;
      throw new StateError(
        SessionErrorCode.LOGIN_CODE_UNAVAILABLE,
        'the requestCode callback did not supply a code',
        {
          cause: error,
        },
      );
    }
    // A code is scrubbed only while it is in use: stock codes ("12345") also occur in ordinary ids and texts.
    context.scrubber.remember(code);
    try {
      return await userOp(
        context,
        `${purpose}.code`,
        { operation: UserOperationType.RealNameVerification, params: { code } },
        [UserOperationType.Login, UserOperationType.RegisterUser],
      );
    } catch (error) {
      // A wrong code is error 14 and may be retried; anything else ends the attempt.
      if (!isBirdTalkError(error, SessionErrorCode.LOGIN_REJECTED)) throw error;
      lastError = error as BirdTalkError;
    } finally {
      context.scrubber.release(code);
    }
  }
  throw lastError!;
}

function expectLoginOk(reply: UserOpResult, request: string): UserInfo {
  const user = reply.users[0];
  if (reply.status !== 'loginok' || user === undefined || user.userId === '0') {
    throw new ProtocolError(
      SessionErrorCode.LOGIN_UNEXPECTED,
      `${request} ended with status "${reply.status}"`,
      {
        request,
        details: { status: reply.status },
      },
    );
  }
  return user;
}

/**
 * Sends one user operation and waits for the result whose `operation` is in `accepts` (user operations carry
 * no id and are matched by operation, in order). Server errors become `LOGIN_REJECTED` when
 * they mean the credentials are wrong.
 */
async function userOp(
  context: LoginContext,
  label: string,
  request: UserOpReqInit,
  accepts: readonly number[],
): Promise<UserOpResult> {
  try {
    return await context.conn.request<UserOpResult>(
      { kind: 'user-op', request },
      {
        label,
        match: (inbound: Inbound): MatchOutcome<UserOpResult> | undefined =>
          inbound.kind === 'user-op-result' && accepts.includes(inbound.result.operation)
            ? { value: inbound.result }
            : undefined,
        whenSilent: 'reject',
        timeoutMs: context.timeoutMs,
        signal: context.signal,
      },
    );
  } catch (error) {
    const serverCode = (error as { serverCode?: unknown }).serverCode;
    if (
      error instanceof ProtocolError &&
      typeof serverCode === 'number' &&
      credentialErrors.has(serverCode)
    ) {
      // The server error's message already says "the server refused <label>: error N …".
      throw new ProtocolError(SessionErrorCode.LOGIN_REJECTED, error.message, {
        serverCode,
        ...(error.serverDetail === undefined ? {} : { serverDetail: error.serverDetail }),
        request: label,
        cause: error,
      });
    }
    throw error;
  }
}
