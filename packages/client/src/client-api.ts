import type { Int64Input, UserInfo } from '@birdtalk/proto';
import type { Session } from '@birdtalk/session';
import type { Directory } from './cache/directory.js';
import type { ChatTarget } from './chat-target.js';
import type { MessageKind } from './content.js';
import type { SendOptions, SentMessage } from './context.js';
import type { HistoryOptions } from './delivery/history.js';
import type { SendContent } from './delivery/sender.js';
import type { WaitForFilter, WaitForOptions } from './delivery/wait-for.js';
import type { ClientEvents, ClientListener, ClientState, ListenOptions, MessageState } from './events.js';
import type {
  createFilesApi,
  createFriendsApi,
  createGroupsApi,
  createMediaApi,
  createUsersApi,
} from './features.js';
import type { ChatMessage } from './message.js';

/** Which messages an iterator from `client.messages()` yields. */
export interface MessageFilter extends ListenOptions {
  /** Only this conversation. */
  readonly chat?: ChatTarget;
  /** Only these kinds. */
  readonly kind?: MessageKind | readonly MessageKind[];
}

/** Options of `client.stop()`. */
export interface StopOptions {
  /**
   * How long to wait for running handlers, then for unacknowledged chats, in milliseconds; then the client
   * stops anyway (what was not handled is fetched again next time). `drainTimeoutMs` of the options by default.
   */
  readonly drainTimeoutMs?: number;
}

/**
 * A BirdTalk client: one account, logged in and kept logged in, with exactly-once delivery of incoming
 * messages to the application, offline catch-up, receipts, history and the feature modules.
 */
export interface Client {
  /** Where the client is. */
  readonly state: ClientState;
  /** The logged-in user; the last one known while reconnecting; undefined before the first login. */
  readonly user: UserInfo | undefined;
  /** The device id sent as `MsgHello.clientId`; known once `start()` has opened the store. */
  readonly deviceId: string | undefined;
  /** Whether a catch-up is fetching or its messages are still being handled. */
  readonly catchingUp: boolean;
  /**
   * Incoming messages in memory: `queued` are queued or being handled, `held` wait for a catch-up (see
   * `maxBacklog`). `held` stays within `maxBacklog`; `queued` within `maxBacklog` plus what a catch-up hands
   * the application at once (at most 300: it fetches a page of 100 while fewer than 200 are queued).
   */
  readonly backlog: { readonly queued: number; readonly held: number };
  /**
   * The protocol session below, for what the client does not cover. Before `start()` it is a stand-in:
   * subscriptions are kept for the real session, requests fail with `StateError CLIENT_NOT_STARTED`.
   */
  readonly session: Session;

  /** Profile operations and user search. */
  readonly users: ReturnType<typeof createUsersApi>;
  /** Following, blocking, memos, permissions, friend lists. */
  readonly friends: ReturnType<typeof createFriendsApi>;
  /** Group operations. */
  readonly groups: ReturnType<typeof createGroupsApi>;
  /** Uploads and downloads. */
  readonly files: ReturnType<typeof createFilesApi>;
  /** Sending images, files and voice clips. */
  readonly media: ReturnType<typeof createMediaApi>;
  /**
   * Users, groups and members looked up once and remembered (`ttlMs` of the `cache` option), forgotten when
   * the server announces a change: names and roles to show without a request each time.
   */
  readonly cache: Directory;

  /**
   * Opens the store, connects, logs in, and runs the first catch-up; resolves with the user once the backlog is
   * fetched and queued, or, for a long backlog, once as much is queued as the application is given at once (the
   * `catch-up` event with phase `done` says when it was all handled). Subscribe listeners and
   * iterators before calling it, or the backlog goes to nobody. Calling it again returns the same promise.
   *
   * @throws StateError `CLIENT_STOPPED` after `stop()`; the session's errors when the login fails for good.
   */
  start(): Promise<UserInfo>;
  /**
   * Stops gracefully: takes nothing new, lets running handlers finish (they may still send until then), sends
   * due receipts, waits for the outbox to be acknowledged (all within `drainTimeoutMs`), persists positions,
   * closes the session and the store. Idempotent.
   */
  stop(options?: StopOptions): Promise<void>;
  /** `await using client = createClient(…)` stops it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void>;
  /** Logs out (the stored key stays valid), then stops. */
  logout(): Promise<void>;
  /** Deletes the account on the server, then stops. */
  unregister(): Promise<void>;

  /** Subscribes to an event; returns a function that unsubscribes. Delivery listeners may be async. */
  on<K extends keyof ClientEvents>(
    event: K,
    listener: ClientListener<K>,
    options?: ListenOptions,
  ): () => void;
  /** The next payload of an event (that `filter` accepts); rejects with `AbortError` when `signal` aborts. */
  once<K extends keyof ClientEvents>(
    event: K,
    options?: ListenOptions & { readonly filter?: (payload: ClientEvents[K]) => boolean },
  ): Promise<ClientEvents[K]>;
  /**
   * The payloads of an event as an async iterable, until `signal` aborts or the client stops. A delivery
   * (`message`, `recall`) counts as handled once the loop asks for the next one; an iterator that is not read
   * holds up every chat until `handlerTimeoutMs`, when the waiting delivery is dead-lettered and leaves its
   * buffer. Other events are buffered up to 1000 payloads, the oldest dropped first.
   */
  stream<K extends keyof ClientEvents>(
    event: K,
    options?: ListenOptions,
  ): AsyncIterableIterator<ClientEvents[K]>;
  /** Incoming messages as an async iterable, optionally of one chat or kind; see {@link Client.stream}. */
  messages(filter?: MessageFilter): AsyncIterableIterator<ChatMessage>;
  /**
   * The next incoming message that `filter` accepts — a test, or `{ chat, from, kind }` — taken before it
   * reaches the `message` listeners, iterators and `dead-letter`: they never see it. It does not wait for its
   * chat's queue, so a `message` listener may await the next message of its own chat (a reply to a question):
   * a message already queued behind the listener is taken at once (the oldest first), otherwise the next one
   * to arrive. Only deliveries are offered: not duplicates, not our own sends, not recall notices, and not
   * live messages held back while a catch-up fetches older ones (they are offered once it has).
   *
   * The message counts as handled when it is taken: it is recorded as seen and never delivered again, even if
   * the process dies before the awaiting code acted on it.
   *
   * @example
   * ```ts
   * client.on('message', async (message) => {
   *   if (message.text !== '/name') return;
   *   await client.reply(message, 'What is your name?');
   *   const answer = await client.waitFor({ chat: message.chat, from: message.from }, { timeoutMs: 60_000 });
   *   await client.reply(answer, `Hello, ${answer.text}!`);
   * });
   * ```
   *
   * @throws TimeoutError after `timeoutMs`; `AbortError` when `signal` aborts; StateError
   * `CLIENT_NOT_STARTED` before `start()`, `CLIENT_STOPPED` once the client stops; InvalidArgumentError
   * `INVALID_ARGUMENT` for a bad filter or timeout.
   */
  waitFor(filter: WaitForFilter, options?: WaitForOptions): Promise<ChatMessage>;

  /** Sends text or content to a chat; resolves once the server stored it. See `Sender.send` for the errors. */
  send(target: ChatTarget, content: SendContent, options?: SendOptions): Promise<SentMessage>;
  /** Sends text to a chat. */
  sendText(target: ChatTarget, text: string, options?: SendOptions): Promise<SentMessage>;
  /** Answers a message in its chat, quoting it. */
  reply(
    message: ChatMessage,
    content: SendContent,
    options?: Omit<SendOptions, 'quote'>,
  ): Promise<SentMessage>;
  /**
   * Recalls a message: a received or sent one (its chat is known), or an id with its chat.
   *
   * @throws InvalidArgumentError `INVALID_ARGUMENT` for a bare id without a target.
   */
  recall(
    message: ChatMessage | SentMessage | Int64Input,
    target?: ChatTarget,
    options?: Pick<SendOptions, 'signal'>,
  ): Promise<SentMessage>;
  /**
   * Sends read receipts for messages (P2P messages from others; others are skipped), batched per sender;
   * resolves once sent.
   */
  markRead(messages: ChatMessage | readonly ChatMessage[]): Promise<void>;
  /** The state of a message we sent, by its server id or `sendId`; undefined when not (or no longer) tracked. */
  messageState(id: Int64Input): MessageState | undefined;
  /** A conversation's history, newest first, fetched page by page as the iteration goes on. */
  history(target: ChatTarget, options?: HistoryOptions): AsyncIterableIterator<ChatMessage>;
}
