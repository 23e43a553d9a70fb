import type { BirdTalkError } from '@birdtalk/errors';
import type { Int64, MsgChatReply, UserInfo } from '@birdtalk/proto';
import type {
  CloseReason,
  DisconnectedEvent,
  PresenceEvent,
  ReconnectingEvent,
  SessionState,
} from '@birdtalk/session';
import type { ChatTarget } from './chat-target.js';
import type { FriendEvent, FriendRequestEvent, GroupEvent, GroupJoinRequestEvent } from './features.js';
import type { ChatMessage } from './message.js';

/**
 * Where a client is: the session's states (`connecting`, `hello`, `key-exchange`, `awaiting-login`, `ready`,
 * `reconnecting`) between `idle` (created) and `closed`, plus `starting` (opening the store) and `stopping`
 * (draining before the end).
 */
export type ClientState = SessionState | 'starting' | 'stopping';

/** The `state` event. */
export interface ClientStateChange {
  readonly from: ClientState;
  readonly to: ClientState;
}

/** The `ready` event: logged in on a fresh connection; a catch-up follows at once. */
export interface ClientReadyEvent {
  readonly user: UserInfo;
  /** Whether a stored key logged in without the password. */
  readonly fastLogin: boolean;
  /** 1 for the first connection, then counting reconnects. */
  readonly connection: number;
}

/** The `closed` event: the client is over (stopped, logged out, unregistered, or the session gave up). */
export interface ClientClosedEvent {
  /** `stopped` for `stop()`; otherwise why the session closed. */
  readonly reason: CloseReason | 'stopped';
  readonly error?: BirdTalkError;
}

/** The `recall` event: someone recalled (deleted) a message. Its listeners are handled like message listeners. */
export interface RecallEvent {
  /** The id of the recalled message. */
  readonly id: Int64;
  readonly chat: ChatTarget;
  /** Who recalled it (either party of a P2P chat, any member of a group). */
  readonly by: Int64;
  /** The recall notice itself (kind `'recall'`). */
  readonly notice: ChatMessage;
  readonly catchingUp: boolean;
  /** See `ChatMessage.redelivered`. */
  readonly redelivered: boolean;
  /** See `ChatMessage.signal`. */
  readonly signal: AbortSignal;
}

/** The `receipt` event: a peer's delivery or read receipt for messages we sent (P2P only). */
export interface ReceiptEvent {
  /** The ids of our messages it covers (several for a batch receipt). */
  readonly ids: readonly Int64[];
  /** The peer who received or read them. */
  readonly by: Int64;
  /** When they were delivered, by the peer's clock; undefined when the receipt says nothing about it. */
  readonly deliveredAt: number | undefined;
  /** When they were read, by the peer's clock; undefined unless it is a read receipt. */
  readonly readAt: number | undefined;
  readonly raw: MsgChatReply;
}

/**
 * The state of a message we sent: `sending` until the server acknowledges it, `sent` once stored, `delivered`
 * once the peer's client received it, `read` once the peer read it; `failed` when it could not be sent.
 * Group messages stop at `sent` (groups have no receipts).
 */
export type MessageState = 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/** The `message-state` event: one of our messages moved on. */
export interface MessageStateEvent {
  /** The server's id, once acknowledged. */
  readonly id: Int64 | undefined;
  readonly sendId: Int64;
  /** Where it went, when known (always, except for chats a previous run queued and the store lost). */
  readonly chat: ChatTarget | undefined;
  readonly state: MessageState;
  readonly previous: MessageState | undefined;
  /** Why it failed, for `failed`. */
  readonly error?: BirdTalkError;
}

/** The `catch-up` event: fetching what arrived while the client was away, after every login. */
export type CatchUpEvent =
  | { readonly phase: 'start'; readonly connection: number }
  | {
      readonly phase: 'done';
      readonly connection: number;
      /** Messages delivered to the application (duplicates and skipped own messages not counted). */
      readonly delivered: number;
      /** Whether every stream was fetched; false when a query failed (the next login tries again). */
      readonly complete: boolean;
      readonly error?: BirdTalkError;
    };

/** The `gap-sweep` event: a sweep looked for messages whose push the server dropped (see `sweepIntervalMs`). */
export interface GapSweepEvent {
  /** `'interval'`: the periodic sweep; `'unconfirmed'`: a stream had many live messages no page had listed. */
  readonly reason: 'interval' | 'unconfirmed';
  /** History queries it sent (at most `sweepMaxQueries`). */
  readonly queries: number;
  /** Messages it found whose push never arrived, handed to the application. */
  readonly delivered: number;
  /** Whether every stream was fetched up to its newest message (false when the query budget ran out first). */
  readonly complete: boolean;
  readonly error?: BirdTalkError;
}

/** The `dead-letter` event: every attempt of some listener failed; the message was passed (marked handled). */
export interface DeadLetterEvent {
  /** The event whose listener failed. */
  readonly event: 'message' | 'recall';
  readonly message: ChatMessage;
  /** The last failure. */
  readonly error: unknown;
  /** How many times the failing listener ran. */
  readonly attempts: number;
}

/**
 * Every event of a client, by name, with its payload.
 *
 * `message` and `recall` are *deliveries*: their listeners may be async, a message counts as handled when every
 * listener resolved, failing listeners are retried and finally dead-lettered, and each message reaches the
 * application once. Every other event is a notification: listeners run once, failures are reported as `error`.
 */
export interface ClientEvents {
  /** A chat message from someone else (or our own from another device, with `includeOwnMessages`). */
  message: ChatMessage;
  /** A message was recalled. */
  recall: RecallEvent;
  /** A peer's delivery or read receipt for our messages. */
  receipt: ReceiptEvent;
  /** One of our messages changed state. */
  'message-state': MessageStateEvent;
  /** Someone followed or removed us, or another device of ours ran a friend operation. */
  friend: FriendEvent;
  /** A friend request (friend mode). */
  'friend-request': FriendRequestEvent;
  /** A group broadcast: created, dissolved, members joined, left or were kicked, info changed… */
  group: GroupEvent;
  /** A request to join a group we administer. */
  'group-join-request': GroupJoinRequestEvent;
  /** A mutual friend came online or went offline (best effort on this server). */
  presence: PresenceEvent;
  /** The client's state changed. */
  state: ClientStateChange;
  /** Logged in on a fresh connection. */
  ready: ClientReadyEvent;
  /** A connection ended; the session reconnects unless the client is over. */
  disconnected: DisconnectedEvent;
  /** Waiting before the next connection attempt. */
  reconnecting: ReconnectingEvent;
  /** A catch-up started or finished. */
  'catch-up': CatchUpEvent;
  /** A sweep looked for messages whose push the server dropped. */
  'gap-sweep': GapSweepEvent;
  /** A message whose listener kept failing was passed. */
  'dead-letter': DeadLetterEvent;
  /** A registration created an account: persist `user.userId` and log in by id from now on. */
  registered: { readonly user: UserInfo };
  /** Something went wrong that did not stop the client (a listener, a catch-up query, the store). */
  error: BirdTalkError;
  /** The client is over. Emitted once. */
  closed: ClientClosedEvent;
}

/** The events whose listeners are handled with retries and at most one delivery per message. */
export type DeliveryEvent = 'message' | 'recall';

/** A listener of a client event; listeners of deliveries may return a promise. */
export type ClientListener<K extends keyof ClientEvents> = (payload: ClientEvents[K]) => unknown;

/** Options of `client.on()` and the client's async iterators: a `signal` that removes the listener. */
export type { ListenOptions } from '@birdtalk/runtime';
