/**
 * The stable `code` of every error the client creates itself. Errors of the layers below keep their own codes
 * (`SESSION_CLOSED`, `CHAT_NOT_FRIEND`, `SERVER_*`, …; see `@birdtalk/session`).
 *
 * The class is given beside each code: programs test with `isBirdTalkError(error, ClientErrorCode.X)`.
 */
export const ClientErrorCode = {
  /** `StateError`: the client has not been started, so there is no session yet. */
  NOT_STARTED: 'CLIENT_NOT_STARTED',
  /** `StateError`: the client is stopping or stopped; nothing new is accepted. */
  STOPPED: 'CLIENT_STOPPED',
  /** `StateError`: the operation needs a logged-in user and there has been no login yet. */
  NOT_LOGGED_IN: 'NOT_LOGGED_IN',
  /** `InvalidArgumentError`: a group send to a group the user is not known to belong to. Nothing was sent. */
  NOT_GROUP_MEMBER: 'NOT_GROUP_MEMBER',
  /** `InvalidArgumentError`: text longer than `maxTextBytes` (UTF-8). Nothing was sent. */
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  /** `InvalidArgumentError`: text holding a lone surrogate, which is not valid UTF-8. Nothing was sent. */
  INVALID_UTF8: 'INVALID_UTF8',
  /** `InvalidArgumentError`: content that is neither text nor `OutgoingContent`, or empty. Nothing was sent. */
  INVALID_CONTENT: 'INVALID_CONTENT',
  /**
   * `RefusedError`: a P2P chat to a user we blocked: refused before sending, or taken out of the outbox when the
   * block came while it waited for the server.
   */
  RECIPIENT_BLOCKED: 'RECIPIENT_BLOCKED',
  /** `ProtocolError`: the server refused a group chat because the user is not a member (any more). */
  CHAT_NOT_GROUP_MEMBER: 'CHAT_NOT_GROUP_MEMBER',
  /** `ProtocolError`: the server refused a group chat to a group it does not know. */
  CHAT_GROUP_NOT_FOUND: 'CHAT_GROUP_NOT_FOUND',
  /** `ProtocolError`: the server refused a recall (or quote) whose target message does not exist. */
  CHAT_REF_NOT_FOUND: 'CHAT_REF_NOT_FOUND',
  /** `ProtocolError`: the server refused to list a group's history: the user is not a member. */
  HISTORY_NOT_MEMBER: 'HISTORY_NOT_MEMBER',
  /** `StateError`: the store was closed. */
  STORE_CLOSED: 'STORE_CLOSED',
  /** `StateError`: the store could not write (disk full, permissions, …). */
  STORE_WRITE_FAILED: 'STORE_WRITE_FAILED',
  /** `DecodeError` (a warning): a stored state file was unreadable or damaged and the store started fresh. */
  STORE_CORRUPT: 'STORE_CORRUPT',
  /** `StateError` (a warning): a state file or directory was open to others; its mode was tightened. */
  STORE_LOOSE_PERMISSIONS: 'STORE_LOOSE_PERMISSIONS',
  /** `BirdTalkError`: every listener attempt for a message failed; it was dead-lettered. */
  HANDLER_FAILED: 'HANDLER_FAILED',
  /** `TimeoutError`: `stop()` gave up waiting for handlers or acknowledgements. */
  DRAIN_TIMEOUT: 'DRAIN_TIMEOUT',
} as const;

/** One of the codes in {@link ClientErrorCode}. */
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];
