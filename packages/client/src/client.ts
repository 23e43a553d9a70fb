import { createMemoryKeyStore } from '@birdtalk/crypto';
import {
  AbortError,
  BirdTalkError as BaseError,
  type BirdTalkError,
  InvalidArgumentError,
  isBirdTalkError,
  StateError,
} from '@birdtalk/errors';
import { ChatType, type Int64, type Int64Input, toInt64, type UserInfo } from '@birdtalk/proto';
import {
  type Clock,
  EventHub,
  type Logger,
  type Random,
  silentLogger,
  systemClock,
  systemRandom,
} from '@birdtalk/runtime';
import { createSession, DEFAULT_SESSION_OPTIONS, type OutboxEntry, type Session } from '@birdtalk/session';
import { BlockList } from './block-list.js';
import { createDirectory, type Directory } from './cache/directory.js';
import { forgettingGroups, forgettingUsers } from './cache/forgetting-apis.js';
import type { ChatTarget } from './chat-target.js';
import type { Client, MessageFilter, StopOptions } from './client-api.js';
import { ClientErrorCode } from './client-errors.js';
import {
  type ClientDeps,
  type ClientOptions,
  type ResolvedClientOptions,
  resolveClientOptions,
} from './client-options.js';
import type { ClientContext, SendOptions, SentMessage } from './context.js';
import { CatchUp } from './delivery/catch-up.js';
import { DedupWindow } from './delivery/dedup.js';
import { GapSweeper } from './delivery/gap-sweep.js';
import { Membership } from './delivery/group-membership.js';
import { type HistoryOptions, history } from './delivery/history.js';
import { Inbox } from './delivery/inbox.js';
import { MembershipCheck } from './delivery/membership-check.js';
import { SentMessages } from './delivery/message-states.js';
import { Positions } from './delivery/positions.js';
import { ReceiptSender } from './delivery/receipts.js';
import { recipientBlockedError, type SendContent, Sender } from './delivery/sender.js';
import type { ClientEvents, ClientListener, ClientState, ListenOptions, MessageState } from './events.js';
import {
  createFilesApi,
  createFriendsApi,
  createGroupsApi,
  createMediaApi,
  createUsersApi,
} from './features.js';
import { createFetchHttpGet, httpBaseUrlOf } from './http.js';

export type { Client, MessageFilter, StopOptions } from './client-api.js';

import { outboxSettled, settlesBy } from './deadline.js';
import { deliveryReceiptDue, receiptTargetOf } from './delivery/receipts.js';
import { applyGroupResult, routeSessionEvents } from './delivery/session-routes.js';
import { sameChat, type WaitForFilter, type WaitForOptions, waitForMessage } from './delivery/wait-for.js';
import type { ChatMessage } from './message.js';
import { createSessionFacade } from './session-facade.js';
import { loadDeviceId } from './store/device-id.js';
import { createMemoryStore } from './store/memory-store.js';
import { outboxStoreOn } from './store/outbox-codec.js';
import { createStoreSendIds, type StoreSendIds } from './store/send-ids.js';
import type { Store } from './store/store.js';

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

/** The pause before a failed catch-up is tried again on the same connection. */
const CATCH_UP_RETRY_DELAY_MS = 10_000;

/** The parts that exist once `start()` has opened the store. */
interface Running {
  readonly session: Session;
  readonly inbox: Inbox;
  readonly catchUp: CatchUp;
  readonly sweeper: GapSweeper;
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
  readonly #blocks: BlockList;
  readonly #membershipCheck: MembershipCheck;
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
  readonly cache: Directory;

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
    this.#blocks = new BlockList(this.#store, this.#logger);
    this.#membershipCheck = new MembershipCheck(this.#membership, this.#logger);
    const httpBaseUrl = httpBaseUrlOf(this.#options.server);
    this.#hub = new EventHub<ClientEvents>((event, error) => this.#listenerFailed(event, error));
    this.#states = new SentMessages(
      this.#options.trackedMessages,
      (event) => this.#hub.emit('message-state', event),
      // Building state events nobody listens to costs more than sending the chat: skip them.
      () => this.#hub.has('message-state'),
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
      isBlocked: (userId) => this.#blocks.hasNow(this.#selfId(), userId),
      confirmMembership: (groupId) => this.#membershipCheck.confirm(this.#requireRunning().session, groupId),
    });
    this.#blocks.onBlocked((account, userId) => {
      if (account === this.#selfIdOrUndefined()) this.#sender.recipientBlocked(userId);
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
      maxUploadBytes: this.#options.maxUploadBytes,
      checkTarget: (target) => this.#sender.checkTarget(target),
      sendContent: (target, content, sendOptions) => this.#sender.sendContent(target, content, sendOptions),
      ownGroupResult: async (result) => {
        const running = this.#running;
        const selfId = this.#selfIdOrUndefined();
        if (running === undefined || selfId === undefined) return;
        await applyGroupResult(running.session, result, {
          hub: this.#hub,
          catchUp: running.catchUp,
          membership: this.#membership,
          selfId,
          own: true,
        });
      },
    };
    this.files = createFilesApi(this.#context, deps.files ?? {});
    const users = createUsersApi(this.#context, this.files);
    const groups = createGroupsApi(this.#context);
    this.cache = createDirectory(this.#facade, { users, groups }, this.#clock, this.#options.cache);
    this.users = forgettingUsers(users, this.cache, () => this.#selfIdOrUndefined());
    this.friends = createFriendsApi(this.#context, this.#blocks);
    this.groups = forgettingGroups(groups, this.cache);
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

  get backlog(): { readonly queued: number; readonly held: number } {
    const inbox = this.#running?.inbox;
    return { queued: inbox?.load ?? 0, held: inbox?.heldCount ?? 0 };
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
    const [positions, seen, handling, outbox] = await Promise.all([
      store.loadPositions(),
      store.loadSeen(),
      store.loadHandling(),
      store.loadOutbox(),
    ]);
    this.#deviceId = this.#options.clientId ?? (await loadDeviceId(store, this.#random));
    const sendIds = createStoreSendIds(store, { clock: this.#clock, logger: this.#logger });
    await sendIds.ready;
    if (this.#stopping) throw stoppedError();
    for (const entry of outbox) this.#states.sending(entry.sendId, targetOfEntry(entry));
    await this.#dropBlockedChats(outbox);

    const dedup = new DedupWindow(this.#options.dedupWindow, seen, this.#options.resendWindowMs);
    const savePosition = (stream: string, position: Int64): void => {
      store.savePosition(stream, position).catch((error: unknown) => this.#storeFailed(error));
    };
    const streamPositions = new Positions(positions, savePosition);
    const inbox = new Inbox({
      hub: this.#hub,
      dedup,
      positions: streamPositions,
      store,
      handling,
      clock: this.#clock,
      logger: this.#logger,
      selfId: () => this.#selfId(),
      includeOwnMessages: this.#options.includeOwnMessages,
      isOwnSend: (msgId) => this.#states.isOwnSend(msgId),
      handlerRetries: this.#options.handlerRetries,
      handlerRetryDelayMs: this.#options.handlerRetryDelayMs,
      handlerTimeoutMs: this.#options.handlerTimeoutMs,
      maxQueuedMessages: this.#options.maxBacklog,
      maxHeldMessages: this.#options.maxBacklog,
      onBacklogFull: () => {
        this.#logger.warn('messages arrive faster than they are handled; live ones wait for a catch-up', {
          load: inbox.load,
        });
        catchUp.request();
      },
      onUnconfirmed: () => sweeper.request(),
      onAccepted: (message) => {
        if (this.#options.autoReceipts && deliveryReceiptDue(message))
          this.#receipts.delivered(receiptTargetOf(message.raw));
      },
      onError: (error) => this.#report(error),
    });
    // Until the first login's catch-up has fetched the backlog, live messages wait behind it (see the routes).
    inbox.hold();
    const catchUp = new CatchUp({
      inbox,
      positions: streamPositions,
      membership: this.#membership,
      policy: this.#options.catchUp,
      clock: this.#clock,
      logger: this.#logger,
      retryDelayMs: CATCH_UP_RETRY_DELAY_MS,
      emit: (event) => this.#hub.emit('catch-up', event),
      confirmMembership: (session, groupId) => this.#membershipCheck.confirm(session, groupId),
      onError: (error) => this.#report(error),
    });
    const sweeper = new GapSweeper({
      sweep: (streams, maxQueries) => catchUp.sweep(streams, maxQueries),
      positions: streamPositions,
      groups: () => this.#membership.all(),
      clock: this.#clock,
      random: this.#random,
      logger: this.#logger,
      intervalMs: this.#options.sweepIntervalMs,
      maxQueries: this.#options.sweepMaxQueries,
      emit: (event) => this.#hub.emit('gap-sweep', event),
    });
    const session = createSession(
      {
        ...this.#options.session,
        url: this.#options.server,
        credentials: this.#options.credentials,
        ...(this.#options.account === undefined ? {} : { account: this.#options.account }),
        clientId: this.#deviceId,
        helloParams: this.#options.helloParams,
        // The one switch for requests only a fixed server survives, down to the session's frame rules.
        allowServerCrashingRequests: this.#options.policy.allowServerCrashingRequests,
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
    this.#running = { session, inbox, catchUp, sweeper, sendIds };
    this.#route(session, inbox, catchUp, sweeper);
    this.#facade.attach(session);
    const user = await session.start();
    await catchUp.whenFetched();
    return user;
  }

  /**
   * Chats an earlier run queued to users it blocked meanwhile fail with `RECIPIENT_BLOCKED` instead of being
   * resent. Only known for a login by id: the block list belongs to an account.
   */
  async #dropBlockedChats(outbox: readonly OutboxEntry[]): Promise<void> {
    const credentials = this.#options.credentials;
    if (credentials.method !== 'id') return;
    const account = toInt64(credentials.userId);
    for (const entry of outbox) {
      const target = targetOfEntry(entry);
      if (target?.type !== 'p2p' || !(await this.#blocks.has(account, target.userId))) continue;
      await this.#store.removeOutbox(entry.sendId);
      const error = recipientBlockedError(target.userId, true);
      this.#states.failed(entry.sendId, error);
      this.#report(error);
    }
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
    running.sweeper.close();
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
        running.sweeper.close();
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
  #within(promise: Promise<unknown>, deadline: number): Promise<boolean> {
    return settlesBy(this.#clock, promise, deadline);
  }

  // ─── the session's events ────────────────────────────────────────────────────────────────────────────────

  #route(session: Session, inbox: Inbox, catchUp: CatchUp, sweeper: GapSweeper): void {
    routeSessionEvents(session, {
      hub: this.#hub,
      inbox,
      catchUp,
      sweeper,
      membership: this.#membership,
      states: this.#states,
      receipts: this.#receipts,
      selfId: () => this.#selfIdOrUndefined(),
      onState: (to) => {
        // `closed` is the client's to announce, once its own shutdown is complete.
        if (!this.#stopping && to !== 'closed') this.#setState(to);
      },
      onClosed: (reason, error) => {
        if (this.#stopping) return;
        this.#logger.info('the session ended; the client stops', { reason });
        void this.#finalize(reason, error);
      },
    });
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
    return this.#hub.stream(event, {
      ...options,
      ...(event === 'message' || event === 'recall' ? { expiry: deliverySignal } : {}),
    });
  }

  messages(filter: MessageFilter = {}): AsyncIterableIterator<ChatMessage> {
    const kinds =
      filter.kind === undefined
        ? undefined
        : new Set(typeof filter.kind === 'string' ? [filter.kind] : filter.kind);
    const chat = filter.chat;
    return this.#hub.stream('message', {
      ...(filter.signal === undefined ? {} : { signal: filter.signal }),
      expiry: deliverySignal,
      filter: (message) =>
        (kinds === undefined || kinds.has(message.kind)) &&
        (chat === undefined || sameChat(chat, message.chat)),
    });
  }

  waitFor(filter: WaitForFilter, options: WaitForOptions = {}): Promise<ChatMessage> {
    if (this.#stopping) return Promise.reject(stoppedError());
    const running = this.#running;
    if (running === undefined) {
      return Promise.reject(new StateError(ClientErrorCode.NOT_STARTED, 'the client has not been started'));
    }
    return waitForMessage(
      { inbox: running.inbox, clock: this.#clock, stopped: () => stoppedError() },
      filter,
      options,
    );
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

/**
 * The signal of a delivery: a stream's buffered message leaves the buffer when its handling is given up
 * (`handlerTimeoutMs`), so an iterator that is not read holds only the deliveries still in progress.
 */
function deliverySignal(payload: unknown): AbortSignal | undefined {
  return (payload as { signal?: AbortSignal }).signal;
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

function targetOfEntry(entry: OutboxEntry): ChatTarget | undefined {
  const to = entry.chat.toId;
  if (to === undefined) return undefined;
  const id = String(to);
  return entry.chat.chatType === ChatType.ChatTypeGroup
    ? { type: 'group', groupId: id }
    : { type: 'p2p', userId: id };
}
