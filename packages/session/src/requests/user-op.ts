import { InvalidArgumentError } from '@birdtalk/errors';
import { UserOperationType, type UserOpReqInit, type UserOpResult } from '@birdtalk/proto';
import type { Connection } from '../connection.js';
import { isSecretKey, sanitizeUser } from '../secrets.js';
import { type RequestCore, type RequestOptions, request } from './core.js';

/** What a user operation needs beyond the request core: the e-mail change touches the connection. */
export interface UserOpCore extends RequestCore {
  /** The current connection, ready or not. */
  connection(): Connection | undefined;
  /** Ends `conn` and connects again at once, to log in afresh. */
  recycle(conn: Connection, why: string): void;
  /** Holds queued chats back until the next ready connection: this one cannot send them. */
  holdOutbox(): void;
}

/** The operations a `userOp` call may carry, with the result operations that answer each. */
const userOpAnswers: ReadonlyMap<number, readonly number[]> = new Map([
  [UserOperationType.SetUserInfo, [UserOperationType.SetUserInfo]],
  [UserOperationType.DisableUser, [UserOperationType.DisableUser]],
  // RecoverUser is answered with operation DisableUser (a server bug).
  [UserOperationType.RecoverUser, [UserOperationType.DisableUser, UserOperationType.RecoverUser]],
  [
    UserOperationType.RealNameVerification,
    [UserOperationType.SetUserInfo, UserOperationType.RegisterUser, UserOperationType.Login],
  ],
]);

/** SetUserInfo, RealNameVerification, DisableUser or RecoverUser; see `Session.userOp`. */
export function userOp(
  core: UserOpCore,
  operationRequest: UserOpReqInit,
  options: RequestOptions = {},
): Promise<UserOpResult> {
  const operation = operationRequest?.operation ?? UserOperationType.UserNoneAction;
  const answers = userOpAnswers.get(operation);
  if (answers === undefined) {
    return Promise.reject(
      new InvalidArgumentError(
        'INVALID_OPERATION',
        `userOp carries SetUserInfo, RealNameVerification, DisableUser or RecoverUser; operation ${operation} has its own method`,
      ),
    );
  }
  // A new password (`Params.pwd`) or a code travels in the params; the server echoes some of them back
  // (a password change answers with the value under `wd`), so scrub them. A password stays secret from then
  // on; a code only while this request runs: the stock server's code is "12345", and scrubbing that for good
  // would cut it out of every later id and text.
  const codes: string[] = [];
  for (const [key, value] of Object.entries(operationRequest.params ?? {})) {
    if (isSecretKey(key)) core.scrubber.pin(value);
    else if (/^code$/i.test(key)) {
      core.scrubber.remember(value);
      codes.push(value);
    }
  }
  const result = request<UserOpResult>(
    core,
    { kind: 'user-op', request: operationRequest },
    {
      label: `user.${operation}`,
      match: (inbound) => {
        if (inbound.kind !== 'user-op-result' || !answers.includes(inbound.result.operation))
          return undefined;
        afterUserOp(core, operation, inbound.result);
        return { value: { ...inbound.result, users: inbound.result.users.map(sanitizeUser) } };
      },
      whenSilent: 'reject',
    },
    options,
    // A code for an e-mail change is submitted while the server holds the session logged out.
    operation !== UserOperationType.RealNameVerification,
  );
  if (codes.length === 0) return result;
  const release = (): void => {
    for (const code of codes) core.scrubber.release(code);
  };
  return result.finally(release);
}

/** An e-mail change logs the server session out until a fresh login. */
function afterUserOp(core: UserOpCore, operation: number, result: UserOpResult): void {
  const conn = core.connection();
  if (conn === undefined) return;
  if (operation === UserOperationType.SetUserInfo && result.status === 'waitcode') {
    conn.loggedIn = false;
    // The frame rules refuse chats on a logged-out connection; they wait for the fresh login instead.
    core.holdOutbox();
  } else if (
    operation === UserOperationType.RealNameVerification &&
    result.operation === UserOperationType.SetUserInfo
  ) {
    // The change is confirmed, but the server session stays logged out: reconnect and log in again.
    core.recycle(conn, 'reconnecting to log in after an e-mail change');
  }
}
