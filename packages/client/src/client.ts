import { createMemoryKeyStore } from '@birdtalk/crypto';
import {
  AbortError,
  BirdTalkError as BaseError,
  type BirdTalkError,
  InvalidArgumentError,
  isBirdTalkError,
  StateError,
} from '@birdtalk/errors';
import { ChatType, type Int64, type Int64Input, type MsgChatReply, type UserInfo } from '@birdtalk/proto';
import {
  type Clock,
  type Logger,
  type Random,
  silentLogger,
  systemClock,
  systemRandom,
} from '@birdtalk/runtime';
import { createSession, DEFAULT_SESSION_OPTIONS, type OutboxEntry, type Session } from '@birdtalk/session';
import type { ChatTarget } from './chat-target.js';
import { ClientErrorCode } from './client-errors.js';
import {
  type ClientDeps,
  type ClientOptions,
  type ResolvedClientOptions,
  resolveClientOptions,
} from './client-options.js';
import type { MessageKind } from './content.js';
import type { ClientContext, SendOptions, SentMessage } from './context.js';
import { CatchUp } from './delivery/catch-up.js';
import { DedupWindow } from './delivery/dedup.js';
import { Membership } from './delivery/group-membership.js';
import { type HistoryOptions, history } from './delivery/history.js';
import { type AcceptedMessage, Inbox } from './delivery/inbox.js';
import { SentMessages } from './delivery/message-states.js';
import { Positions } from './delivery/positions.js';
import { ReceiptSender } from './delivery/receipts.js';
import { type SendContent, Sender } from './delivery/sender.js';
import type { ClientEvents, ClientListener, ClientState, ListenOptions, MessageState } from './events.js';
import { EventHub } from './events-hub.js';
import {
  createFilesApi,
  createFriendsApi,
  createGroupsApi,
  createMediaApi,
  createUsersApi,
  friendEventFrom,
  friendRequestFrom,
  groupEventFrom,
  groupJoinRequestFrom,
} from './features.js';
import { createFetchHttpGet, httpBaseUrlOf } from './http.js';
import type { ChatMessage } from './message.js';
import { createSessionFacade } from './session-facade.js';
import { loadDeviceId } from './store/device-id.js';
import { createMemoryStore } from './store/memory-store.js';
import { outboxStoreOn } from './store/outbox-codec.js';
import { createStoreSendIds, type StoreSendIds } from './store/send-ids.js';
import { groupStream, type Store } from './store/store.js';

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
   * Opens the store, connects, logs in, and runs the first catch-up; resolves with the user once the backlog is
   * fetched and queued (the `catch-up` event with phase `done` says when it was handled). Subscribe listeners and
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
   * (`message`, `recall`) counts as handled once the loop asks for the next one.
   */
  stream<K extends keyof ClientEvents>(
    event: K,
    options?: ListenOptions,
  ): AsyncIterableIterator<ClientEvents[K]>;
  /** Incoming messages as an async iterable, optionally of one chat or kind; see {@link Client.stream}. */
  messages(filter?: MessageFilter): AsyncIterableIterator<ChatMessage>;

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

/**
 * Creates a client. Nothing happens until {@link Client.start}.
 *
 * @example
 * ```ts
 * const client = createClient(
 *   { server: 'wss://chat.example.com:7817/ws', credentials: { method: 'id', userId: '10001', password } },
 *   { connector: createNodeConnector(), store: createFileStore({ directory: './state' }) },
 * );
 * client.on('message', (message) => client.reply(message, `you said: ${message.text}`));
 * await client.start();
 * ```
 *
 * @throws InvalidArgumentError for options that cannot work.
 */
export function createClient(options: ClientOptions, deps: ClientDeps): Client {
  return new BirdTalkClient(options, deps);
}

/** The parts that exist once `start()` has opened the store. */
interface Running {
  readonly session: Session;
  readonly inbox: Inbox;
  readonly catchUp: CatchUp;
  readonly sendIds: StoreSendIds;
}

class BirdTalkClient implements Client {
  readonly #options: ResolvedClientOptions;
  readonly #deps: ClientDeps;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #logger: Logger;
  readonly #store: Store;
  readonly #hub: EventHub<ClientEvents>;
  readonly #membership = new Membership();
  readonly #states: SentMessages;
  readonly #receipts: ReceiptSender;
  readonly #sender: Sender;
  readonly #context: ClientContext;
  readonly #facade = createSessionFacade();

  readonly users: ReturnType<typeof createUsersApi>;
  readonly friends: ReturnType<typeof createFriendsApi>;
  readonly groups: ReturnType<typeof createGroupsApi>;
  readonly files: ReturnType<typeof createFilesApi>;
  readonly media: ReturnType<typeof createMediaApi>;

  #state: ClientState = 'idle';
  #running: Running | undefined;
  #deviceId: string | undefined;
  #started: Promise<UserInfo> | undefined;
  #stopping = false;
  #stopped: Promise<void> | undefined;
  #finalized: Promise<void> | undefined;

  constructor(options: ClientOptions, deps: ClientDeps) {
    this.#options = resolveClientOptions(options, deps);
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    this.#random = deps.random ?? systemRandom;
    this.#logger = deps.logger ?? silentLogger;
    this.#store = deps.store ?? createMemoryStore();
    const httpBaseUrl = httpBaseUrlOf(this.#options.server);
    this.#hub = new EventHub<ClientEvents>((event, error) => this.#listenerFailed(event, error));
    this.#states = new SentMessages(this.#options.trackedMessages, (event) =>
      this.#hub.emit('message-state', event),
    );
    this.#receipts = new ReceiptSender({
      session: () => this.#running?.session,
      selfId: () => this.#selfId(),
      clock: this.#clock,
      logger: this.#logger,
      delayMs: this.#options.receiptDelayMs,
      maxBatch: 100,
      onError: (error) => this.#report(error),
    });
    this.#sender = new Sender({
      session: () => this.#requireRunning().session,
      membership: this.#membership,
      states: this.#states,
      nextSendId: () => this.#requireRunning().sendIds.next(),
      clock: this.#clock,
      membershipWaitMs: this.#options.session.requestTimeoutMs ?? DEFAULT_SESSION_OPTIONS.requestTimeoutMs,
      deviceId: () => this.#deviceId ?? '',
      maxTextBytes: this.#options.maxTextBytes,
    });
    this.#context = {
      session: this.#facade,
      selfId: () => this.#selfId(),
      currentKey: () => this.#running?.session.currentKey,
      logger: this.#logger,
      clock: this.#clock,
      random: this.#random,
      policy: this.#options.policy,
      httpBaseUrl,
      httpGet: deps.httpGet ?? createFetchHttpGet(),
      groups: this.#membership,
      sendContent: (target, content, sendOptions) => this.#sender.sendContent(target, content, sendOptions),
    };
    this.files = createFilesApi(this.#context, deps.files ?? {});
    this.users = createUsersApi(this.#context, this.files);
    this.friends = createFriendsApi(this.#context);
    this.groups = createGroupsApi(this.#context);
    this.media = createMediaApi(this.#context, this.files);
  }

  get state(): ClientState {
    return this.#state;
  }

  get user(): UserInfo | undefined {
    return this.#running?.session.user;
  }

  get deviceId(): string | undefined {
    return this.#deviceId;
  }

  get catchingUp(): boolean {
    return this.#running?.catchUp.active ?? false;
  }

  get session(): Session {
    return this.#facade;
  }

  // ─── lifecycle ───────────────────────────────────────────────────────────────────────────────────────────

  start(): Promise<UserInfo> {
    if (this.#started !== undefined) return this.#started;
    if (this.#stopping) return Promise.reject(stoppedError());
    this.#started = this.#start().catch(async (error: unknown) => {
      if (this.#stopped !== undefined) throw stoppedError(error);
      if (this.#running === undefined) {
        // The store could not be opened: there is no session whose end would close the client.
        await this.#finalize('stopped', isBirdTalkError(error) ? (error as BirdTalkError) : undefined);
      }
      throw error;
    });
    // `void client.start()` is a common pattern: a later failure must not become an unhandled rejection.
    this.#started.catch(() => {});
    return this.#started;
  }

  async #start(): Promise<UserInfo> {
    this.#setState('starting');
    const store = this.#store;
    const [positions, seen, outbox] = await Promise.all([
      store.loadPositions(),
      store.loadSeen(),
      store.loadOutbox(),
    ]);
    this.#deviceId = this.#options.clientId ?? (await loadDeviceId(store, this.#random));
    const sendIds = createStoreSendIds(store, { clock: this.#clock, logger: this.#logger });
    await sendIds.ready;
    if (this.#stopping) throw stoppedError();
    for (const entry of outbox) this.#states.sending(entry.sendId, targetOfEntry(entry));

    const dedup = new DedupWindow(this.#options.dedupWindow, seen);
    const savePosition = (stream: string, position: Int64): void => {
      store.savePosition(stream, position).catch((error: unknown) => this.#storeFailed(error));
    };
    const streamPositions = new Positions(positions, savePosition);
    const inbox = new Inbox({
      hub: this.#hub,
      dedup,
      positions: streamPositions,
      store,
      clock: this.#clock,
      logger: this.#logger,
      selfId: () => this.#selfId(),
      includeOwnMessages: this.#options.includeOwnMessages,
      isOwnSend: (msgId) => this.#states.isOwnSend(msgId),
      handlerRetries: this.#options.handlerRetries,
      handlerRetryDelayMs: this.#options.handlerRetryDelayMs,
      onAccepted: (message) => this.#maybeReceipt(message),
      onError: (error) => this.#report(error),
    });
    const catchUp = new CatchUp({
      inbox,
      positions: streamPositions,
      membership: this.#membership,
      policy: this.#options.catchUp,
      logger: this.#logger,
      emit: (event) => this.#hub.emit('catch-up', event),
      onError: (error) => this.#report(error),
    });
    const session = createSession(
      {
        ...this.#options.session,
        url: this.#options.server,
        credentials: this.#options.credentials,
        ...(this.#options.account === undefined ? {} : { account: this.#options.account }),
        clientId: this.#deviceId,
        helloParams: this.#options.helloParams,
      },
      {
        connector: this.#deps.connector,
        keyStore: this.#deps.keyStore ?? createMemoryKeyStore(),
        clock: this.#clock,
        random: this.#random,
        logger: this.#logger,
        sendIds,
        outboxStore: outboxStoreOn(store),
        ...(this.#deps.ecdh === undefined ? {} : { ecdh: this.#deps.ecdh }),
        ...(this.#deps.requestCode === undefined ? {} : { requestCode: this.#deps.requestCode }),
      },
    );
    this.#running = { session, inbox, catchUp, sendIds };
    this.#wire(session, inbox, catchUp);
    this.#facade.attach(session);
    const user = await session.start();
    await catchUp.whenFetched();
    return user;
  }

  stop(options: StopOptions = {}): Promise<void> {
    this.#stopped ??= this.#stop(options.drainTimeoutMs ?? this.#options.drainTimeoutMs);
    return this.#stopped;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  async #stop(drainTimeoutMs: number): Promise<void> {
    if (this.#finalized !== undefined) return this.#finalized;
    const deadline = this.#clock.now() + drainTimeoutMs;
    await this.#drain(deadline);
    const session = this.#running?.session;
    if (session !== undefined && !(await this.#within(outboxSettled(session), deadline))) {
      this.#logger.warn('stopping with unacknowledged chats; the next start resends them', {
        count: session.outboxSize,
      });
    }
    await this.#finalize('stopped', undefined);
  }

  /** Stops taking work in, then waits (until `deadline`) for running handlers and due receipts. */
  async #drain(deadline: number): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      this.#setState('stopping');
    }
    const running = this.#running;
    if (running === undefined) {
      this.#sender.close();
      return;
    }
    running.catchUp.close();
    running.inbox.close();
    if (!(await this.#within(running.inbox.whenIdle(), deadline))) {
      this.#logger.warn('stopping while handlers still run; their messages are fetched again next time', {
        count: running.inbox.load,
      });
      running.inbox.abandon();
    }
    // Only now: a handler that is finishing usually still replies, and the outbox wait below covers its chats.
    this.#sender.close();
    await this.#within(this.#receipts.flush(), deadline);
  }

  async logout(): Promise<void> {
    await this.#end('logged-out', (session) => session.logout());
  }

  async unregister(): Promise<void> {
    await this.#end('unregistered', (session) => session.unregister());
  }

  async #end(
    reason: 'logged-out' | 'unregistered',
    request: (session: Session) => Promise<void>,
  ): Promise<void> {
    const session = this.#requireRunning().session;
    if (this.#stopping) throw stoppedError();
    await this.#drain(this.#clock.now() + this.#options.drainTimeoutMs);
    try {
      await request(session);
    } catch (error) {
      await this.#finalize('stopped', isBirdTalkError(error) ? (error as BirdTalkError) : undefined);
      throw error;
    }
    await this.#finalize(reason, undefined);
  }

  /** The end of the client, whatever caused it. Idempotent. */
  #finalize(reason: ClientEvents['closed']['reason'], error: BirdTalkError | undefined): Promise<void> {
    this.#finalized ??= (async () => {
      this.#stopping = true;
      if (this.#state !== 'stopping' && this.#state !== 'closed') this.#setState('stopping');
      const closing = new StateError(ClientErrorCode.STOPPED, 'the client stopped');
      this.#sender.close();
      this.#receipts.close(closing);
      const running = this.#running;
      if (running !== undefined) {
        running.catchUp.close();
        running.inbox.abandon();
        await running.session.close();
      }
      try {
        await this.#store.flush();
      } catch (cause) {
        this.#storeFailed(cause);
      }
      try {
        await this.#store.close();
      } catch (cause) {
        this.#storeFailed(cause);
      }
      this.#setState('closed');
      this.#hub.emit('closed', error === undefined ? { reason } : { reason, error });
      this.#hub.end();
    })();
    return this.#finalized;
  }

  /** Resolves `true` once `promise` settles, or `false` at `deadline` (on the client's clock). */
  async #within(promise: Promise<unknown>, deadline: number): Promise<boolean> {
    const remaining = deadline - this.#clock.now();
    if (remaining <= 0) return false;
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = this.#clock.setTimeout(() => resolve(false), remaining);
    });
    try {
      return await Promise.race([
        promise.then(
          () => true,
          () => true,
        ),
        timeout,
      ]);
    } finally {
      this.#clock.clearTimeout(timer);
    }
  }

  // ─── the session's events ────────────────────────────────────────────────────────────────────────────────

  #wire(session: Session, inbox: Inbox, catchUp: CatchUp): void {
    session.on('state', ({ to }) => {
      // `closed` is the client's to announce, once its own shutdown is complete.
      if (!this.#stopping && to !== 'closed') this.#setState(to);
    });
    session.on('ready', (event) => {
      this.#hub.emit('ready', event);
      this.#receipts.connected();
      void catchUp.start(session, event.connection);
    });
    session.on('chat', ({ chat, repushed }) => {
      if (chat.chatType === ChatType.ChatTypeGroup && chat.fromId !== this.#selfIdOrUndefined()) {
        // A group message reaching us means we are in the group, whatever the last list said.
        this.#membership.add(chat.toId);
      }
      inbox.ingest(chat, repushed ? 'repush' : 'live');
    });
    session.on('receipt', (reply) => this.#onReceipt(reply));
    session.on('chat-acked', (ack) => this.#states.acked(ack.sendId, ack.msgId));
    session.on('chat-failed', ({ sendId, error }) => this.#states.failed(sendId, error));
    session.on('presence', (event) => this.#hub.emit('presence', event));
    session.on('disconnected', (event) => this.#hub.emit('disconnected', event));
    session.on('reconnecting', (event) => this.#hub.emit('reconnecting', event));
    session.on('registered', (event) => this.#hub.emit('registered', event));
    session.on('friend-notice', (result) => {
      const event = friendEventFrom(result, this.#selfId());
      if (event !== undefined && event !== null) this.#hub.emit('friend', event as ClientEvents['friend']);
    });
    session.on('friend-request', (request) => {
      const event = friendRequestFrom(request);
      if (event !== undefined && event !== null) {
        this.#hub.emit('friend-request', event as ClientEvents['friend-request']);
      }
    });
    session.on('group-notice', (result) => {
      const selfId = this.#selfId();
      const change = this.#membership.apply(result, selfId);
      if (change?.change === 'joined') {
        void catchUp.initialise(session, groupStream(change.groupId), change.groupId);
      }
      const event = groupEventFrom(result, selfId);
      if (event !== undefined && event !== null) this.#hub.emit('group', event as ClientEvents['group']);
    });
    session.on('group-join-request', (request) => {
      const event = groupJoinRequestFrom(request);
      if (event !== undefined && event !== null) {
        this.#hub.emit('group-join-request', event as ClientEvents['group-join-request']);
      }
    });
    session.on('closed', ({ reason, error }) => {
      if (this.#stopping) return;
      this.#logger.info('the session ended; the client stops', { reason });
      void this.#finalize(reason, error);
    });
  }

  #onReceipt(reply: MsgChatReply): void {
    const ids = new Set<Int64>();
    for (const id of [reply.msgId, ...(reply.params.batch ?? '').split(',')]) {
      const trimmed = id.trim();
      if (/^[1-9][0-9]*$/.test(trimmed)) ids.add(trimmed);
    }
    const delivered = reply.recvOk !== '0';
    const read = reply.readOk !== '0';
    this.#states.receipt([...ids], delivered, read);
    this.#hub.emit('receipt', {
      ids: [...ids],
      by: reply.fromId,
      deliveredAt: delivered ? Number(reply.recvOk) : undefined,
      readAt: read ? Number(reply.readOk) : undefined,
      raw: reply,
    });
  }

  /**
   * Decides whether an incoming message gets a delivery receipt: P2P messages from others, when they first
   * arrive live, whenever the server re-pushes them (the sender is waiting for one), and catch-up rows the
   * server has no delivery time for. Never group messages (no receipts exist for them), never our own copies.
   */
  #maybeReceipt({ raw, arrival, duplicate }: AcceptedMessage): void {
    if (!this.#options.autoReceipts || raw.chatType !== ChatType.ChatTypeP2P) return;
    const due =
      arrival === 'repush' ||
      (arrival === 'live' && !duplicate) ||
      (arrival === 'catch-up' && raw.recvReply === '0');
    if (due) this.#receipts.delivered({ id: raw.msgId, sendId: raw.sendId, from: raw.fromId });
  }

  // ─── events ──────────────────────────────────────────────────────────────────────────────────────────────

  on<K extends keyof ClientEvents>(
    event: K,
    listener: ClientListener<K>,
    options?: ListenOptions,
  ): () => void {
    return this.#hub.on(event, listener, options);
  }

  once<K extends keyof ClientEvents>(
    event: K,
    options: ListenOptions & { readonly filter?: (payload: ClientEvents[K]) => boolean } = {},
  ): Promise<ClientEvents[K]> {
    const { signal, filter } = options;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError(signal));
        return;
      }
      const onAbort = (): void => {
        off();
        reject(abortError(signal));
      };
      const off = this.#hub.on(event, (payload) => {
        if (filter !== undefined && !filter(payload)) return;
        off();
        signal?.removeEventListener('abort', onAbort);
        resolve(payload);
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  stream<K extends keyof ClientEvents>(
    event: K,
    options: ListenOptions = {},
  ): AsyncIterableIterator<ClientEvents[K]> {
    return this.#hub.stream(event, options);
  }

  messages(filter: MessageFilter = {}): AsyncIterableIterator<ChatMessage> {
    const kinds =
      filter.kind === undefined
        ? undefined
        : new Set(typeof filter.kind === 'string' ? [filter.kind] : filter.kind);
    const chat = filter.chat;
    return this.#hub.stream('message', {
      ...(filter.signal === undefined ? {} : { signal: filter.signal }),
      filter: (message) =>
        (kinds === undefined || kinds.has(message.kind)) &&
        (chat === undefined || sameChat(chat, message.chat)),
    });
  }

  // ─── chat ────────────────────────────────────────────────────────────────────────────────────────────────

  send(target: ChatTarget, content: SendContent, options?: SendOptions): Promise<SentMessage> {
    return this.#sender.send(target, content, options);
  }

  sendText(target: ChatTarget, text: string, options?: SendOptions): Promise<SentMessage> {
    if (typeof text !== 'string') {
      return Promise.reject(
        new InvalidArgumentError(ClientErrorCode.INVALID_CONTENT, 'text must be a string'),
      );
    }
    return this.#sender.send(target, text, options);
  }

  reply(
    message: ChatMessage,
    content: SendContent,
    options: Omit<SendOptions, 'quote'> = {},
  ): Promise<SentMessage> {
    if (typeof message !== 'object' || message === null || message.chat === undefined) {
      return Promise.reject(new InvalidArgumentError('INVALID_ARGUMENT', 'reply() needs a received message'));
    }
    return this.#sender.send(message.chat, content, { ...options, quote: message.id });
  }

  recall(
    message: ChatMessage | SentMessage | Int64Input,
    target?: ChatTarget,
    options: Pick<SendOptions, 'signal'> = {},
  ): Promise<SentMessage> {
    if (typeof message === 'object' && message !== null && 'chat' in message && 'id' in message) {
      return this.#sender.recall(message.id, target ?? message.chat, options);
    }
    if (target === undefined) {
      return Promise.reject(
        new InvalidArgumentError('INVALID_ARGUMENT', 'recall(id) needs the chat the message belongs to'),
      );
    }
    return this.#sender.recall(message as Int64Input, target, options);
  }

  markRead(messages: ChatMessage | readonly ChatMessage[]): Promise<void> {
    const list: readonly ChatMessage[] = Array.isArray(messages) ? messages : [messages as ChatMessage];
    const targets = list
      .filter((message) => message?.chat?.type === 'p2p' && !message.own)
      .map((message) => ({ id: message.id, sendId: message.sendId, from: message.from }));
    if (this.#stopping) return Promise.reject(stoppedError());
    return this.#receipts.read(targets);
  }

  messageState(id: Int64Input): MessageState | undefined {
    let key: string;
    try {
      key = typeof id === 'string' ? id : BigInt(id).toString();
    } catch {
      return undefined;
    }
    return this.#states.state(key);
  }

  history(target: ChatTarget, options: HistoryOptions = {}): AsyncIterableIterator<ChatMessage> {
    const client = this;
    return (async function* () {
      const session = client.#requireRunning().session;
      yield* history(session, client.#selfId(), target, options);
    })();
  }

  // ─── helpers ─────────────────────────────────────────────────────────────────────────────────────────────

  #setState(to: ClientState): void {
    const from = this.#state;
    if (from === to || from === 'closed') return;
    this.#state = to;
    this.#hub.emit('state', { from, to });
  }

  #requireRunning(): Running {
    if (this.#running === undefined) {
      throw new StateError(ClientErrorCode.NOT_STARTED, 'the client has not been started');
    }
    return this.#running;
  }

  #selfIdOrUndefined(): Int64 | undefined {
    return this.#running?.session.user?.userId;
  }

  #selfId(): Int64 {
    const id = this.#selfIdOrUndefined();
    if (id === undefined) throw new StateError(ClientErrorCode.NOT_LOGGED_IN, 'there has been no login yet');
    return id;
  }

  #report(error: BirdTalkError): void {
    if (this.#hub.has('error')) this.#hub.emit('error', error);
    else this.#logger.warn('client error', { code: error.code, error: error.message });
  }

  #storeFailed(cause: unknown): void {
    this.#report(
      isBirdTalkError(cause)
        ? (cause as BirdTalkError)
        : new StateError(ClientErrorCode.STORE_WRITE_FAILED, 'the store failed', { cause }),
    );
  }

  #listenerFailed(event: keyof ClientEvents, error: unknown): void {
    if (event === 'error') {
      this.#logger.error('an error listener failed', { error: String(error) });
      return;
    }
    this.#report(
      new BaseError('LISTENER_FAILED', `a listener of "${String(event)}" failed`, {
        cause: error,
        details: { event: String(event) },
      }),
    );
  }
}

function stoppedError(cause?: unknown): StateError {
  return new StateError(
    ClientErrorCode.STOPPED,
    'the client is stopped',
    cause === undefined ? {} : { cause },
  );
}

function abortError(signal: AbortSignal | undefined): BirdTalkError {
  return new AbortError('the wait was aborted', { cause: signal?.reason });
}

function sameChat(a: ChatTarget, b: ChatTarget): boolean {
  return a.type === 'p2p'
    ? b.type === 'p2p' && b.userId === a.userId
    : b.type === 'group' && b.groupId === a.groupId;
}

function targetOfEntry(entry: OutboxEntry): ChatTarget | undefined {
  const to = entry.chat.toId;
  if (to === undefined) return undefined;
  const id = String(to);
  return entry.chat.chatType === ChatType.ChatTypeGroup
    ? { type: 'group', groupId: id }
    : { type: 'p2p', userId: id };
}

/** Resolves once the session's outbox is empty (or the session closed). */
function outboxSettled(session: Session): Promise<void> {
  if (session.outboxSize === 0 || session.state === 'closed') return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (session.outboxSize > 0 && session.state !== 'closed') return;
      for (const off of offs) off();
      resolve();
    };
    const offs = [
      session.on('chat-acked', () => queueMicrotask(check)),
      session.on('chat-failed', () => queueMicrotask(check)),
      session.on('closed', () => queueMicrotask(check)),
    ];
  });
}
