import type { BirdTalkError, ProtocolError } from '@birdtalk/errors';
import type {
  FriendOpReq,
  FriendOpResult,
  GroupOpReq,
  GroupOpResult,
  Int64,
  MsgChat,
  MsgChatReply,
  UserInfo,
  UserOpReq,
} from '@birdtalk/proto';
import type { ChatAck } from './outbox.js';

/**
 * Where a session is:
 *
 * `idle` (created) → `connecting` → `hello` → `key-exchange` (only when there is no usable stored key) →
 * `awaiting-login` (logging in or registering) → `ready`. A lost connection leads to `reconnecting` (waiting
 * out the backoff) and back to `connecting`. `closed` is final.
 */
export type SessionState =
  | 'idle'
  | 'connecting'
  | 'hello'
  | 'key-exchange'
  | 'awaiting-login'
  | 'ready'
  | 'reconnecting'
  | 'closed';

/**
 * Why a session closed:
 * - `closed`: `close()` was called;
 * - `logged-out`: `logout()` succeeded (the server hung up after its "logout" text);
 * - `unregistered`: `unregister()` succeeded;
 * - `auth-failed`: the server refused the credentials, or a code could not be obtained;
 * - `gave-up`: `reconnectMaxAttempts` reconnects in a row failed.
 */
export type CloseReason = 'closed' | 'logged-out' | 'unregistered' | 'auth-failed' | 'gave-up';

/** The `state` event. */
export interface StateChange {
  readonly from: SessionState;
  readonly to: SessionState;
}

/** The `ready` event: the session is logged in on a fresh connection. */
export interface ReadyEvent {
  /** The logged-in user, with secret params removed. */
  readonly user: UserInfo;
  /** Whether the stored key logged in without a password (a token Hello). */
  readonly fastLogin: boolean;
  /** 1 for the first connection, then counting reconnects. */
  readonly connection: number;
}

/** The `disconnected` event: a ready or handshaking connection ended. */
export interface DisconnectedEvent {
  readonly error: BirdTalkError;
  /** Whether the session will reconnect (it will not after logout, unregistration or `close()`). */
  readonly willReconnect: boolean;
}

/** The `reconnecting` event: the session waits `delayMs` before its next attempt. */
export interface ReconnectingEvent {
  /** 1 for the first reconnect after a success, and so on. */
  readonly attempt: number;
  readonly delayMs: number;
  /** Why the previous attempt or connection ended. */
  readonly error: BirdTalkError;
}

/** The `closed` event. */
export interface ClosedEvent {
  readonly reason: CloseReason;
  /** What ended the session, when it was not a request of the application. */
  readonly error?: BirdTalkError;
}

/** The `registered` event: a `register` login created an account. Later connections log in by its id. */
export interface RegisteredEvent {
  readonly user: UserInfo;
}

/** The `chat` event: a chat message pushed by the server. */
export interface IncomingChat {
  readonly chat: MsgChat;
  /**
   * Whether the server re-sent it because its sender ran a receipt query (it arrives as `MsgTQueryResult`). It may have been delivered before: deduplicate by `msgId`.
   */
  readonly repushed: boolean;
  /** Whether it is our own message, copied from another of our devices (`fromId` is us). Never receipt it. */
  readonly own: boolean;
}

/** The `presence` event: a mutual friend came online or went offline (best effort). */
export interface PresenceEvent {
  readonly user: UserInfo;
  readonly status: 'online' | 'offline';
  /** The notice as it arrived (a `SetUserInfo` request). */
  readonly notice: UserOpReq;
}

/**
 * The `server-error` event: a server error no pending request claimed (it arrived when nothing was in front of
 * the first fence, or after the request had settled). Secrets the server echoed are already scrubbed.
 */
export interface ServerErrorEvent {
  readonly error: ProtocolError;
  /** The request it followed, when it arrived after that request had settled. */
  readonly after?: string;
}

/** The `chat-acked` event: the server stored one of our chats. */
export type ChatAckedEvent = ChatAck;

/** The `chat-failed` event: one of our chats finally failed (refused, or past its deadline). */
export interface ChatFailedEvent {
  readonly sendId: Int64;
  readonly error: BirdTalkError;
}

/** Every event of a session, by name, with its payload. */
export interface SessionEvents {
  /** The state changed. */
  state: StateChange;
  /** Logged in on a fresh connection. */
  ready: ReadyEvent;
  /** A connection ended. */
  disconnected: DisconnectedEvent;
  /** Waiting before the next connection attempt. */
  reconnecting: ReconnectingEvent;
  /** The session is over. Emitted once. */
  closed: ClosedEvent;
  /** A registration created an account. */
  registered: RegisteredEvent;
  /** A chat message arrived. */
  chat: IncomingChat;
  /** A peer's delivery or read receipt for one of our messages. */
  receipt: MsgChatReply;
  /** A friend came online or went offline. */
  presence: PresenceEvent;
  /** Someone followed or removed us, or another of our devices ran a friend operation. */
  'friend-notice': FriendOpResult;
  /** A friend request in friend mode. */
  'friend-request': FriendOpReq;
  /** A group broadcast or a result of another device's group operation. */
  'group-notice': GroupOpResult;
  /** A request to join a group we administer. */
  'group-join-request': GroupOpReq;
  /** A server error no pending request claimed. */
  'server-error': ServerErrorEvent;
  /** A text frame from the server (`logout`, `unregok`, `stop`, an echo…). */
  text: string;
  /**
   * Something the server sent that this client cannot use: a frame that does not decode, an unknown type, a
   * payload that does not fit its type, an unexpected text frame, a reply nobody asked for. The session stays up.
   */
  'protocol-error': BirdTalkError;
  /** One of our chats was acknowledged (also those restored from the outbox store). */
  'chat-acked': ChatAckedEvent;
  /** One of our chats failed for good. */
  'chat-failed': ChatFailedEvent;
}
