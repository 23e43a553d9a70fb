import { ProtocolError } from '@birdtalk/errors';
import type { MsgError } from '@birdtalk/proto';

/**
 * The stable `code` of every error this package creates itself (server refusals use {@link serverErrorCode}).
 *
 * The class is given beside each code: programs test with `isBirdTalkError(error, SessionErrorCode.X)`.
 */
export const SessionErrorCode = {
  /** `StateError`: the session was closed (by `close()`, logout, unregistration, or a fatal failure). */
  SESSION_CLOSED: 'SESSION_CLOSED',
  /** `TransportError`: the connection dropped while the request was waiting for its answer. */
  CONNECTION_LOST: 'SESSION_CONNECTION_LOST',
  /** `TransportError`: the connector did not open a connection within `connectTimeoutMs`. */
  CONNECT_TIMEOUT: 'SESSION_CONNECT_TIMEOUT',
  /** `TransportError`: the server stopped answering for longer than `livenessTimeoutMs`. */
  PEER_SILENT: 'SESSION_PEER_SILENT',
  /**
   * `TransportError`: the server dropped frames it owed this connection (its 128-frame send queue overflows
   * when the client reads slowly), so replies could no longer be told apart: the connection was rebuilt
   * instead. Requests in flight fail with it; queued chats are resent after the reconnect.
   */
  REPLIES_LOST: 'SESSION_REPLIES_LOST',
  /** `ProtocolError`: the server processed the request and sent nothing back (its fence came back first). */
  NO_REPLY: 'PROTOCOL_NO_REPLY',
  /** `ProtocolError`: a reply nobody asked for (reported as an event, never thrown at a caller). */
  UNSOLICITED: 'PROTOCOL_UNSOLICITED',
  /** `ProtocolError`: a frame without a payload, with an encrypted payload, or with a client-only payload. */
  UNEXPECTED_PAYLOAD: 'PROTOCOL_UNEXPECTED_PAYLOAD',
  /** `ProtocolError`: a `msgType` this client does not know, or one that does not fit the payload it carries. */
  UNEXPECTED_TYPE: 'PROTOCOL_UNEXPECTED_TYPE',
  /** `ProtocolError`: a text frame other than the few the server is known to send. */
  UNEXPECTED_TEXT: 'PROTOCOL_UNEXPECTED_TEXT',
  /** `ProtocolError`: a handshake stage got no answer within `handshakeStageTimeoutMs`. */
  HANDSHAKE_TIMEOUT: 'HANDSHAKE_TIMEOUT',
  /** `ProtocolError`: the server refused a handshake stage with an error this client cannot recover from. */
  HANDSHAKE_REFUSED: 'HANDSHAKE_REFUSED',
  /** `ProtocolError`: key-exchange stage 2 failed verification (keyPrint or tempKey): the peer is not trusted. */
  HANDSHAKE_UNVERIFIED: 'HANDSHAKE_UNVERIFIED',
  /** `ProtocolError`: the server refused `maxKeyExchangeAttempts` fresh key pairs in a row (error 11). */
  HANDSHAKE_KEY_RETRIES: 'HANDSHAKE_KEY_RETRIES',
  /** `ProtocolError`: the stored key logged in a user other than the configured account. */
  HANDSHAKE_WRONG_ACCOUNT: 'HANDSHAKE_WRONG_ACCOUNT',
  /** `ProtocolError`: the server answered a handshake stage with something the protocol does not allow there. */
  HANDSHAKE_UNEXPECTED: 'HANDSHAKE_UNEXPECTED',
  /** `ProtocolError`: an e-mail login named an address with no account (the server offered to register it). */
  LOGIN_UNKNOWN_EMAIL: 'LOGIN_UNKNOWN_EMAIL',
  /** `ProtocolError`: the server refused the credentials (wrong password, unknown id, wrong code…). */
  LOGIN_REJECTED: 'LOGIN_REJECTED',
  /** `StateError`: a verification code was needed and no `requestCode` callback was configured. */
  LOGIN_CODE_UNAVAILABLE: 'LOGIN_CODE_UNAVAILABLE',
  /** `ProtocolError`: the server answered a login or registration in a way the flow does not allow. */
  LOGIN_UNEXPECTED: 'LOGIN_UNEXPECTED',
  /** `ProtocolError`: the server acknowledged a chat with "fail" (`serverDetail` holds its reason). */
  CHAT_REJECTED: 'CHAT_REJECTED',
  /** `ProtocolError`: the chat failed because the recipient does not follow the sender (server error 21). */
  CHAT_NOT_FRIEND: 'CHAT_NOT_FRIEND',
} as const;

/** One of the codes in {@link SessionErrorCode}. */
export type SessionErrorCode = (typeof SessionErrorCode)[keyof typeof SessionErrorCode];

/**
 * The `code` of the {@link ProtocolError} made from a server `MsgError`, by the server's numeric code.
 * Codes the server never sends (3, 4, 7, 8, 12, 20) and unknown numbers map to `SERVER_ERROR`.
 */
const serverCodes: Readonly<Record<number, string>> = {
  0: 'SERVER_ERROR',
  1: 'SERVER_VERSION',
  2: 'SERVER_KEY_PRINT',
  5: 'SERVER_WRONG_CODE',
  6: 'SERVER_RSA_PRINT',
  9: 'SERVER_INTERNAL',
  10: 'SERVER_STAGE',
  11: 'SERVER_PUBLIC_KEY',
  13: 'SERVER_CHECK_DATA',
  14: 'SERVER_MSG_CONTENT',
  15: 'SERVER_NOT_LOGGED_IN',
  16: 'SERVER_NOT_PERMITTED',
  17: 'SERVER_USER_DISABLED',
  18: 'SERVER_USER_DELETED',
  19: 'SERVER_EMAIL',
  21: 'CHAT_NOT_FRIEND',
};

/** The stable code for a server error number (see the table in the package README). */
export function serverErrorCode(serverCode: number): string {
  return serverCodes[serverCode] ?? 'SERVER_ERROR';
}

/**
 * A {@link ProtocolError} for a server `MsgError`. `detail` must already be scrubbed of secrets: the server
 * echoes passwords and check tokens in some details.
 */
export function errorFromServer(
  error: Pick<MsgError, 'code' | 'detail'>,
  request: string | undefined,
  details: Readonly<Record<string, unknown>> = {},
): ProtocolError {
  const what = request === undefined ? 'the server' : `the server refused ${request}`;
  return new ProtocolError(
    serverErrorCode(error.code),
    `${what}: error ${error.code}${error.detail === '' ? '' : ` "${error.detail}"`}`,
    {
      serverCode: error.code,
      serverDetail: error.detail,
      ...(request === undefined ? {} : { request }),
      details,
    },
  );
}
