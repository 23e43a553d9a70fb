import { createMemoryKeyStore, defaultEcdh, type StoredKey } from '@birdtalk/crypto';
import {
  AbortError,
  type BirdTalkError,
  InvalidArgumentError,
  isBirdTalkError,
  ProtocolError,
  StateError,
  TimeoutError,
  TransportError,
} from '@birdtalk/errors';
import {
  type FriendOpReqInit,
  type FriendOpResult,
  GroupOperationType,
  type GroupOpReqInit,
  type GroupOpResult,
  type Int64,
  type Int64Input,
  type MsgChatInit,
  type MsgChatReplyInit,
  type MsgQueryInit,
  type MsgQueryResult,
  type MsgUploadReply,
  type MsgUploadReqInit,
  toInt64,
  type UserInfo,
  UserOperationType,
  type UserOpReqInit,
  type UserOpResult,
} from '@birdtalk/proto';
import {
  type Clock,
  EventHub,
  type Logger,
  type Random,
  silentLogger,
  sleep,
  systemClock,
  systemRandom,
} from '@birdtalk/runtime';
import type { Transport } from '@birdtalk/transport';
import { type Backoff, createBackoff } from './backoff.js';
import { Connection } from './connection.js';
import type { MatchOutcome, RequestSpec } from './correlator.js';
import { type Inbound, isSendAck } from './dispatch.js';
import { SessionErrorCode } from './errors.js';
import { describeError, type ListenOptions } from './events.js';
import { type BuiltFrame, buildFrame, type FrameSpec } from './frames.js';
import { forgetKey, runHandshake } from './handshake.js';
import { collectHelloInfo } from './hello-info.js';
import { isCredentialFailure, logIn } from './login.js';
import {
  type Credentials,
  type ResolvedSessionOptions,
  resolveOptions,
  type SessionDeps,
  type SessionOptions,
} from './options.js';
import { type ChatAck, createMemoryOutboxStore, Outbox, type OutboxEntry } from './outbox.js';
import { isSecretKey, SecretScrubber, sanitizeUser } from './secrets.js';
import { createClockSendIds, type SendIdSource } from './send-ids.js';
import type { CloseReason, SessionEvents, SessionState } from './types.js';

/** Options of a single request. */
export interface RequestOptions {
  /** Cancels the request (it may already have been sent). */
  readonly signal?: AbortSignal;
  /** Overrides `requestTimeoutMs`, counted from the call (waiting for a ready connection included). */
  readonly timeoutMs?: number;
}

/** Options of {@link Session.groupOp}. */
export interface GroupOpOptions extends RequestOptions {
  /**
   * For `GroupJoinRequest`: the group's `params.jointype`, as a group search returned it. Required there,
   * because joining an `auth` group crashes the server.
   */
  readonly groupJoinType?: string;
}

/** A chat to send. `sendId` is allocated when absent; `msgId` and `fromId` are always filled in. */
export type OutgoingChat = Omit<MsgChatInit, 'sendId' | 'msgId' | 'fromId'> & {
  readonly sendId?: Int64Input;
};

/** One BirdTalk protocol session: a connection kept logged in, and the requests that travel over it. */
export interface Session {
  /** Where the session is. */
  readonly state: SessionState;
  /** The logged-in user (secret params removed); the last one known while reconnecting. */
  readonly user: UserInfo | undefined;
  /** Why the session closed, once it has. */
  readonly closeReason: CloseReason | undefined;
  /**
   * The key of the current key exchange (keyPrint and the 32-byte shared secret), for signed download URLs.
   * It is a secret: never log it.
   */
  readonly currentKey: StoredKey | undefined;
  /** How many chats wait for an acknowledgement. */
  readonly outboxSize: number;

  /**
   * Connects, shakes hands and logs in; resolves with the user at the first `ready`. Transient failures are
   * retried with backoff; rejects when the session closes first (bad credentials, `close()`, giving up).
   * Calling it again returns the same promise.
   */
  start(): Promise<UserInfo>;
  /** Resolves when the session is (or next becomes) ready; rejects if it closes first or `signal` aborts. */
  ready(options?: RequestOptions): Promise<UserInfo>;
  /**
   * Ends the session: no more reconnects, every pending request rejects with `StateError SESSION_CLOSED`.
   * Idempotent; resolves when the connection is closed.
   */
  close(): Promise<void>;
  /** `await using session = createSession(…)` closes it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void>;

  /** Subscribes to an event; returns a function that unsubscribes. */
  on<K extends keyof SessionEvents>(
    event: K,
    listener: (payload: SessionEvents[K]) => void,
    options?: ListenOptions,
  ): () => void;
  /** The payloads of one event as an async iterable; ends when the session closes or `signal` aborts. */
  stream<K extends keyof SessionEvents>(
    event: K,
    options?: ListenOptions,
  ): AsyncIterableIterator<SessionEvents[K]>;

  /**
   * Sends a chat through the outbox: it is resent with the same `sendId` after a reconnect (and, when
   * `resendUnacknowledged`, when the server processed it without answering) until the server acknowledges it.
   *
   * @throws ProtocolError `CHAT_REJECTED` / `CHAT_NOT_FRIEND` when the server answers "fail"; TimeoutError after
   * `outboxDeadlineMs`; RefusedError / InvalidArgumentError from the frame rules.
   */
  sendChat(chat: OutgoingChat, options?: Pick<RequestOptions, 'signal'>): Promise<ChatAck>;
  /** Sends a delivery or read receipt; resolves once the server processed it. */
  sendReceipt(receipt: MsgChatReplyInit, options?: RequestOptions): Promise<void>;
  /**
   * SetUserInfo, RealNameVerification (after a SetUserInfo `waitcode`), DisableUser or RecoverUser.
   * Login, registration, logout and unregistration have their own flows.
   */
  userOp(request: UserOpReqInit, options?: RequestOptions): Promise<UserOpResult>;
  /** A friend operation, matched by its echoed `sendId` (allocated here). */
  friendOp(
    request: Omit<FriendOpReqInit, 'sendId' | 'msgId'>,
    options?: RequestOptions,
  ): Promise<FriendOpResult>;
  /** A group operation, matched by its echoed `sendId` (allocated here). */
  groupOp(
    request: Omit<GroupOpReqInit, 'sendId' | 'msgId'>,
    options?: GroupOpOptions,
  ): Promise<GroupOpResult>;
  /** A history, receipt or log query; results are matched in order. */
  query(query: MsgQueryInit, options?: RequestOptions): Promise<MsgQueryResult>;
  /** One chunk of an in-band upload, matched by `sendId` and `fileName`. */
  upload(chunk: MsgUploadReqInit, options?: RequestOptions): Promise<MsgUploadReply>;
  /** Logs out; the server hangs up and the session closes with reason `logged-out`. */
  logout(options?: RequestOptions): Promise<void>;
  /** Deletes the account; the stored key is forgotten and the session closes with reason `unregistered`. */
  unregister(options?: RequestOptions): Promise<void>;
}

/**
 * Creates a session. Nothing happens until {@link Session.start}.
 *
 * @example
 * ```ts
 * const session = createSession(
 *   { url: server.url, credentials: { method: 'id', userId, password } },
 *   { connector: server.connector() },
 * );
 * const me = await session.start();
 * await session.sendChat({ toId: friendId, chatType: ChatType.ChatTypeP2P, data: new TextEncoder().encode('hi') });
 * await session.close();
 * ```
 *
 * @throws InvalidArgumentError for options that cannot work (no URL, credentials without a password).
 */
export function createSession(options: SessionOptions, deps: SessionDeps): Session {
  return new BirdTalkSession(options, deps);
}

/** Chat-reply statuses of a failed acknowledgement that name their cause. */
const notFriendDetail = 'not friend';

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

class BirdTalkSession implements Session {
  readonly #options: ResolvedSessionOptions;
  readonly #deps: SessionDeps;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #logger: Logger;
  readonly #sendIds: SendIdSource;
  readonly #keyStore;
  readonly #ecdh;
  readonly #hub: EventHub<SessionEvents>;
  readonly #scrubber = new SecretScrubber();
  /** Frames of queued chats already built by the early check, by `sendId`, for their first attempt. */
  readonly #prebuilt = new Map<Int64, { readonly frame: BuiltFrame; readonly selfId: Int64 }>();
  readonly #outbox: Outbox;
  readonly #backoff: Backoff;
  readonly #helloInfo;
  readonly #stop = new AbortController();

  #state: SessionState = 'idle';
  #credentials: Credentials;
  #account: string;
  #conn: Connection | undefined;
  #user: UserInfo | undefined;
  #key: StoredKey | undefined;
  #connections = 0;
  #closeReason: CloseReason | undefined;
  #ending: 'logged-out' | 'unregistered' | undefined;
  #recycle = false;
  #started: Promise<UserInfo> | undefined;
  #loop: Promise<void> | undefined;
  #closed: Promise<void> | undefined;
  #readyWaiters = new Set<{ resolve(conn: Connection): void; reject(error: unknown): void }>();

  constructor(options: SessionOptions, deps: SessionDeps) {
    checkOptions(options, deps);
    this.#options = resolveOptions(options);
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    this.#random = deps.random ?? systemRandom;
    this.#logger = deps.logger ?? silentLogger;
    this.#sendIds = deps.sendIds ?? createClockSendIds(this.#clock);
    this.#keyStore = deps.keyStore ?? createMemoryKeyStore();
    this.#ecdh = deps.ecdh ?? defaultEcdh();
    // A listener that throws is logged and skipped; it never breaks the session or the other listeners.
    this.#hub = new EventHub((event, error) =>
      this.#logger.error('an event listener threw', { event: String(event), error: describeError(error) }),
    );
    this.#credentials = options.credentials;
    this.#account = this.#options.account;
    this.#backoff = createBackoff(
      {
        baseMs: this.#options.reconnectBaseMs,
        capMs: this.#options.reconnectCapMs,
        maxAttempts: this.#options.reconnectMaxAttempts,
      },
      this.#random,
    );
    this.#outbox = new Outbox({
      clock: this.#clock,
      store: deps.outboxStore ?? createMemoryOutboxStore(),
      logger: this.#logger,
      deadlineMs: this.#options.outboxDeadlineMs,
      resendUnacknowledged: this.#options.resendUnacknowledged,
      resendDelayMs: this.#options.resendDelayMs,
      onAcked: (ack) => this.#hub.emit('chat-acked', ack),
      onFailed: (sendId, error) => {
        // A chat that failed before its first attempt (aborted, past its deadline) leaves no prebuilt frame.
        this.#prebuilt.delete(sendId);
        this.#hub.emit('chat-failed', { sendId, error });
      },
    });
    const info = collectHelloInfo();
    const params: Record<string, string> = { ...info.params };
    for (const [key, value] of Object.entries(this.#options.helloParams)) {
      if (value === undefined) delete params[key];
      else params[key] = value;
    }
    this.#helloInfo = {
      clientId: this.#options.clientId,
      version: info.version,
      platform: this.#options.platform ?? info.platform,
      params,
    };
  }

  get state(): SessionState {
    return this.#state;
  }

  get user(): UserInfo | undefined {
    return this.#user;
  }

  get closeReason(): CloseReason | undefined {
    return this.#closeReason;
  }

  get currentKey(): StoredKey | undefined {
    return this.#key;
  }

  get outboxSize(): number {
    return this.#outbox.size;
  }

  on<K extends keyof SessionEvents>(
    event: K,
    listener: (payload: SessionEvents[K]) => void,
    options?: ListenOptions,
  ): () => void {
    return this.#hub.on(event, listener, options);
  }

  stream<K extends keyof SessionEvents>(
    event: K,
    options?: ListenOptions,
  ): AsyncIterableIterator<SessionEvents[K]> {
    return this.#hub.stream(event, options);
  }

  start(): Promise<UserInfo> {
    if (this.#started !== undefined) return this.#started;
    if (this.#state === 'closed') return Promise.reject(closedError());
    this.#started = this.ready();
    // `void session.start()` is a common pattern: a later close must not become an unhandled rejection.
    this.#started.catch(() => {});
    this.#loop = this.#run().catch((error: unknown) => {
      this.#logger.error('the session loop failed', { error: describeError(error) });
      this.#shutdown('gave-up', asBirdTalkError(error));
    });
    return this.#started;
  }

  async ready(options: RequestOptions = {}): Promise<UserInfo> {
    await this.#whenReady(options.signal, options.timeoutMs, 'ready', false);
    return this.#user!;
  }

  close(): Promise<void> {
    if (this.#closed !== undefined) return this.#closed;
    const conn = this.#conn;
    this.#shutdown('closed', undefined);
    this.#closed = (async () => {
      await this.#loop;
      if (conn !== undefined) await conn.ended;
    })();
    return this.#closed;
  }

  // Where the runtime lacks Symbol.asyncDispose this becomes an inert "undefined" key; close() still works.
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  // ─── the connection loop ────────────────────────────────────────────────────────────────────────────────

  async #run(): Promise<void> {
    try {
      await this.#outbox.restore();
    } catch (error) {
      this.#logger.warn('the outbox store could not be loaded', { error: describeError(error) });
    }
    while (!this.#stop.signal.aborted) {
      const error = await this.#connectOnce();
      if (this.#stop.signal.aborted) return;
      if (isCredentialFailure(error)) {
        this.#shutdown('auth-failed', error);
        return;
      }
      if (this.#recycle) {
        // A deliberate reconnect (after an e-mail change the server keeps the session logged out).
        this.#recycle = false;
        continue;
      }
      const delayMs = this.#backoff.next();
      if (delayMs === undefined) {
        this.#shutdown('gave-up', error);
        return;
      }
      this.#setState('reconnecting');
      this.#hub.emit('reconnecting', { attempt: this.#backoff.attempts, delayMs, error });
      try {
        await sleep(this.#clock, delayMs, this.#stop.signal);
      } catch {
        return;
      }
    }
  }

  /** One connection, from connecting to its end. Returns why it ended. */
  async #connectOnce(): Promise<BirdTalkError> {
    this.#setState('connecting');
    let transport: Transport;
    try {
      transport = await this.#openTransport();
    } catch (error) {
      return asBirdTalkError(error);
    }
    if (this.#stop.signal.aborted) {
      transport.close(1000, 'closing');
      return closedError();
    }
    this.#connections += 1;
    const conn = new Connection(transport, {
      id: this.#connections,
      clock: this.#clock,
      logger: this.#logger,
      scrubber: this.#scrubber,
      heartbeatIntervalMs: this.#options.heartbeatIntervalMs,
      pingIntervalMs: this.#options.pingIntervalMs,
      livenessTimeoutMs: this.#options.livenessTimeoutMs,
      allowServerCrashingRequests: this.#options.allowServerCrashingRequests,
      hooks: {
        onInbound: (inbound) => this.#onPush(conn, inbound),
        onServerError: (error, after) => {
          this.#logger.warn('server error', {
            code: error.code,
            serverCode: error.serverCode,
            detail: error.serverDetail,
            after,
          });
          this.#hub.emit('server-error', after === undefined ? { error } : { error, after });
        },
        onAnomaly: (error) => this.#anomaly(error),
        onText: (text) => this.#onText(text),
      },
    });
    this.#conn = conn;
    const connectionGone = new AbortController();
    void conn.ended.then(() => connectionGone.abort());
    conn.startLiveness();

    let stable: ReturnType<Clock['setTimeout']> | undefined;
    try {
      await this.#handshakeAndLogin(conn, connectionGone.signal);
      this.#setState('ready');
      this.#hub.emit('ready', { user: this.#user!, fastLogin: conn.fastLogin, connection: conn.id });
      for (const waiter of [...this.#readyWaiters]) waiter.resolve(conn);
      this.#outbox.connected((entry) => this.#sendChatAttempt(conn, entry));
      stable = this.#clock.setTimeout(() => this.#backoff.reset(), this.#options.stableAfterMs);
    } catch (error) {
      const failure = asBirdTalkError(error);
      this.#logger.warn('the handshake failed', { error: describeError(failure) });
      conn.end(failure);
      if (this.#conn === conn) this.#conn = undefined;
      return failure;
    }
    const end = await conn.ended;
    this.#clock.clearTimeout(stable);
    this.#outbox.disconnected();
    if (this.#conn === conn) this.#conn = undefined;
    if (this.#stop.signal.aborted) return end.error;
    if (end.text === 'unregok' || this.#ending === 'unregistered') {
      await forgetKey(this.#keyContext());
      this.#shutdown('unregistered', undefined);
      return end.error;
    }
    if (end.text === 'logout' || this.#ending === 'logged-out') {
      this.#shutdown('logged-out', undefined);
      return end.error;
    }
    this.#logger.info('the connection was lost', { connection: conn.id, error: describeError(end.error) });
    this.#hub.emit('disconnected', { error: end.error, willReconnect: true });
    return end.error;
  }

  async #openTransport(): Promise<Transport> {
    const attempt = new AbortController();
    const onStop = (): void => attempt.abort(closedError());
    this.#stop.signal.addEventListener('abort', onStop, { once: true });
    let timer: ReturnType<Clock['setTimeout']> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = this.#clock.setTimeout(() => {
        const error = new TransportError(
          SessionErrorCode.CONNECT_TIMEOUT,
          `no connection within ${this.#options.connectTimeoutMs} ms`,
          { details: { timeoutMs: this.#options.connectTimeoutMs } },
        );
        attempt.abort(error);
        reject(error);
      }, this.#options.connectTimeoutMs);
    });
    const connecting = this.#deps.connector(this.#options.url, { signal: attempt.signal });
    try {
      // The race guards against a connector that ignores its signal.
      return await Promise.race([connecting, timeout]);
    } catch (error) {
      // A connection that opens after we gave up on it is closed at once.
      connecting.then(
        (late) => late.terminate(),
        () => {},
      );
      throw error;
    } finally {
      this.#clock.clearTimeout(timer);
      this.#stop.signal.removeEventListener('abort', onStop);
    }
  }

  async #handshakeAndLogin(conn: Connection, signal: AbortSignal): Promise<void> {
    const credentials = this.#credentials;
    const outcome = await runHandshake({
      conn,
      clock: this.#clock,
      random: this.#random,
      logger: this.#logger,
      scrubber: this.#scrubber,
      keyStore: this.#keyStore,
      ecdh: this.#ecdh,
      serverUrl: this.#options.url,
      account: this.#account,
      expectedUserId: credentials.method === 'id' ? toInt64(credentials.userId) : undefined,
      hello: this.#helloInfo,
      keyExchange: this.#options.keyExchange,
      encType: this.#options.encType,
      maxKeyExchangeAttempts: this.#options.maxKeyExchangeAttempts,
      stageTimeoutMs: this.#options.handshakeStageTimeoutMs,
      onStage: (stage) => this.#setState(stage),
    });
    let key = outcome.key;
    let user: UserInfo;
    if (outcome.loggedIn) {
      user = outcome.user;
      conn.fastLogin = true;
    } else {
      this.#setState('awaiting-login');
      const login = await logIn({
        conn,
        credentials,
        scrubber: this.#scrubber,
        timeoutMs: this.#options.requestTimeoutMs,
        maxCodeAttempts: this.#options.maxCodeAttempts,
        requestCode: this.#deps.requestCode,
        signal,
      });
      user = login.user;
      if (login.registered && credentials.method === 'register') {
        // Later connections log in by the new id (a registration is done once).
        this.#credentials = { method: 'id', userId: user.userId, password: credentials.password };
        if (this.#options.account === `register:${credentials.userName}`) {
          if (key !== undefined) await forgetKey(this.#keyContext());
          this.#account = user.userId;
        }
        this.#hub.emit('registered', { user: sanitizeUser(user) });
      }
      // The server bound the key to this user at login; remember that, so the next token login is checked.
      if (key !== undefined && (key.userId !== user.userId || key.account !== this.#account)) {
        key = { ...key, account: this.#account, userId: user.userId };
        try {
          await this.#keyStore.save(key);
        } catch (error) {
          this.#logger.warn('the key store could not update the key', { error: describeError(error) });
        }
      }
    }
    this.#key = key;
    this.#user = sanitizeUser(user);
  }

  #keyContext() {
    return {
      keyStore: this.#keyStore,
      serverUrl: this.#options.url,
      account: this.#account,
      logger: this.#logger,
    };
  }

  #setState(to: SessionState): void {
    const from = this.#state;
    if (from === to || from === 'closed') return;
    this.#state = to;
    this.#logger.debug('session state', { from, to });
    this.#hub.emit('state', { from, to });
  }

  #shutdown(reason: CloseReason, error: BirdTalkError | undefined): void {
    if (this.#state === 'closed') return;
    this.#closeReason = reason;
    this.#stop.abort();
    const closed = new StateError(SessionErrorCode.SESSION_CLOSED, `the session closed (${reason})`, {
      ...(error === undefined ? {} : { cause: error }),
      details: { reason },
    });
    this.#conn?.end(closed);
    this.#outbox.close(closed);
    this.#prebuilt.clear();
    for (const waiter of [...this.#readyWaiters]) waiter.reject(error ?? closed);
    this.#readyWaiters.clear();
    this.#logger.info('session closed', {
      reason,
      ...(error === undefined ? {} : { error: describeError(error) }),
    });
    this.#setState('closed');
    this.#hub.emit('closed', error === undefined ? { reason } : { reason, error });
    this.#hub.end();
  }

  // ─── what the server pushes ──────────────────────────────────────────────────────────────────────────────

  #onPush(conn: Connection, inbound: Inbound): void {
    switch (inbound.kind) {
      case 'chat':
        this.#hub.emit('chat', {
          chat: inbound.chat,
          repushed: inbound.repushed,
          own: inbound.chat.fromId === conn.selfId,
        });
        return;
      case 'chat-reply':
        if (isSendAck(inbound.reply)) this.#unsolicited('a chat acknowledgement', inbound);
        else this.#hub.emit('receipt', inbound.reply);
        return;
      case 'user-op': {
        const status = inbound.request.params.status;
        const user = inbound.request.user;
        if (
          inbound.request.operation === UserOperationType.SetUserInfo &&
          user !== undefined &&
          (status === 'online' || status === 'offline')
        ) {
          this.#hub.emit('presence', { user: sanitizeUser(user), status, notice: inbound.request });
        } else this.#unsolicited('a user operation', inbound);
        return;
      }
      case 'friend-op':
        this.#hub.emit('friend-request', inbound.request);
        return;
      case 'friend-op-result':
        this.#hub.emit('friend-notice', inbound.result);
        return;
      case 'group-op':
        this.#hub.emit('group-join-request', inbound.request);
        return;
      case 'group-op-result':
        this.#hub.emit('group-notice', inbound.result);
        return;
      default:
        this.#unsolicited(`a "${inbound.kind}" frame`, inbound);
    }
  }

  #unsolicited(what: string, inbound: Inbound): void {
    this.#anomaly(
      new ProtocolError(SessionErrorCode.UNSOLICITED, `${what} nobody asked for`, {
        details: { kind: inbound.kind, msgType: inbound.msg.msgType },
      }),
    );
  }

  #anomaly(error: BirdTalkError): void {
    this.#logger.warn('unusable frame', { error: describeError(error) });
    this.#hub.emit('protocol-error', error);
  }

  #onText(text: string): void {
    this.#hub.emit('text', this.#scrubber.text(text));
    // The server's own texts; "recv msg:" echoes a text frame (this client never sends one).
    if (text === 'logout' || text === 'unregok' || text === 'stop' || text.startsWith('recv msg:')) return;
    this.#anomaly(
      new ProtocolError(SessionErrorCode.UNEXPECTED_TEXT, 'a text frame where binary frames are expected', {
        details: { length: text.length },
      }),
    );
  }

  // ─── requests ───────────────────────────────────────────────────────────────────────────────────────────

  /** The connection once the session is ready (now, or after the reconnect under way). */
  #whenReady(
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    label: string,
    requireLogin = true,
  ): Promise<Connection> {
    const conn = this.#conn;
    if (this.#state === 'ready' && conn !== undefined && conn.open && (conn.loggedIn || !requireLogin)) {
      return Promise.resolve(conn);
    }
    if (this.#state === 'closed') return Promise.reject(closedError());
    if (signal?.aborted)
      return Promise.reject(new AbortError(`${label} was aborted`, { cause: signal.reason }));
    return new Promise<Connection>((resolve, reject) => {
      let timer: ReturnType<Clock['setTimeout']> | undefined;
      const onAbort = (): void =>
        finish(() => reject(new AbortError(`${label} was aborted`, { cause: signal?.reason })));
      const waiter = {
        resolve: (ready: Connection) => finish(() => resolve(ready)),
        reject: (error: unknown) => finish(() => reject(error)),
      };
      const finish = (settle: () => void): void => {
        this.#readyWaiters.delete(waiter);
        this.#clock.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      this.#readyWaiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = this.#clock.setTimeout(() => {
          finish(() =>
            reject(
              new TimeoutError(`${label}: no ready connection within ${timeoutMs} ms`, {
                details: { request: label, timeoutMs },
              }),
            ),
          );
        }, timeoutMs);
      }
    });
  }

  /** Waits for a ready connection, then sends `frame` as a correlated request on it. */
  async #request<T>(
    frame: FrameSpec,
    request: Omit<RequestSpec<T>, 'timeoutMs' | 'signal'>,
    options: RequestOptions,
    requireLogin = true,
  ): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.#options.requestTimeoutMs;
    const startedAt = this.#clock.now();
    this.#precheck(frame);
    const conn = await this.#whenReady(options.signal, timeoutMs, request.label, requireLogin);
    const remaining = Math.max(1, timeoutMs - (this.#clock.now() - startedAt));
    return conn.request(frame, { ...request, timeoutMs: remaining, signal: options.signal });
  }

  /**
   * Runs the frame rules at once, so a bad request fails before waiting for a connection. Returns the frame it
   * built, for the user it was built for.
   */
  #precheck(frame: FrameSpec): BuiltFrame | undefined {
    const selfId = this.#user?.userId;
    if (selfId === undefined) return undefined;
    return buildFrame(frame, {
      tm: this.#clock.now(),
      loggedIn: true,
      stage2Received: false,
      allowServerCrashingRequests: this.#options.allowServerCrashingRequests,
      selfId,
    });
  }

  async sendChat(chat: OutgoingChat, options: Pick<RequestOptions, 'signal'> = {}): Promise<ChatAck> {
    if (typeof chat !== 'object' || chat === null) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'a chat message is required');
    }
    const sendId = chat.sendId === undefined ? this.#sendIds.next() : toInt64(chat.sendId);
    const entry: OutboxEntry = {
      sendId,
      chat: Object.assign({}, chat, { sendId, msgId: sendId }),
      createdAt: this.#clock.now(),
    };
    const built = this.#precheck({ kind: 'chat', chat: entry.chat });
    // The checked frame goes out as it is on the first attempt (if the same user is still logged in), instead of
    // being built and encoded a second time; resends build afresh.
    if (built !== undefined) this.#prebuilt.set(entry.sendId, { frame: built, selfId: this.#user!.userId });
    return this.#outbox.submit(entry, options.signal);
  }

  #sendChatAttempt(conn: Connection, entry: OutboxEntry): Promise<ChatAck> {
    const label = `chat ${entry.sendId}`;
    const prebuilt = this.#prebuilt.get(entry.sendId);
    this.#prebuilt.delete(entry.sendId);
    return conn.requestSharingFence<ChatAck>(
      { kind: 'chat', chat: entry.chat },
      {
        label,
        match: (inbound, errors): MatchOutcome<ChatAck> | undefined => {
          if (
            inbound.kind !== 'chat-reply' ||
            !isSendAck(inbound.reply) ||
            inbound.reply.sendId !== entry.sendId
          ) {
            return undefined;
          }
          const reply = inbound.reply;
          const detail = reply.params.detail ?? '';
          if (reply.extraMsg === 'ok') {
            return { value: { sendId: entry.sendId, msgId: reply.msgId, serverTime: reply.sendOk, detail } };
          }
          // "not friend" follows an ErrTNotFriend (21), which the fence attributed to this chat.
          const cause = errors[0];
          return {
            error: new ProtocolError(
              detail === notFriendDetail ? SessionErrorCode.CHAT_NOT_FRIEND : SessionErrorCode.CHAT_REJECTED,
              `the server refused ${label}: "${detail}"`,
              {
                serverDetail: detail,
                request: label,
                ...(cause === undefined ? {} : { serverCode: cause.code }),
                details: { sendId: entry.sendId },
              },
            ),
          };
        },
        whenSilent: 'reject',
        // No timeout of its own: the fence answers a processed chat at once, liveness catches a dead
        // connection, and the outbox deadline bounds the whole. A timed-out attempt could otherwise swallow a
        // late acknowledgement and provoke a duplicate resend.
        timeoutMs: this.#options.outboxDeadlineMs,
      },
      prebuilt !== undefined && prebuilt.selfId === conn.selfId ? prebuilt.frame : undefined,
    );
  }

  sendReceipt(receipt: MsgChatReplyInit, options: RequestOptions = {}): Promise<void> {
    return this.#request<void>(
      { kind: 'receipt', receipt },
      { label: `receipt ${String(receipt?.msgId)}`, whenSilent: 'resolve' },
      options,
    );
  }

  userOp(request: UserOpReqInit, options: RequestOptions = {}): Promise<UserOpResult> {
    const operation = request?.operation ?? UserOperationType.UserNoneAction;
    const answers = userOpAnswers.get(operation);
    if (answers === undefined) {
      return Promise.reject(
        new InvalidArgumentError(
          'INVALID_OPERATION',
          `userOp carries SetUserInfo, RealNameVerification, DisableUser or RecoverUser; operation ${operation} has its own method`,
        ),
      );
    }
    const label = `user.${operation}`;
    // A new password (`Params.pwd`) or a code travels in the params; the server echoes some of them back
    // (a password change answers with the value under `wd`), so scrub them from then on.
    for (const [key, value] of Object.entries(request.params ?? {})) {
      if (isSecretKey(key) || /^code$/i.test(key)) this.#scrubber.pin(value);
    }
    return this.#request<UserOpResult>(
      { kind: 'user-op', request },
      {
        label,
        match: (inbound) => {
          if (inbound.kind !== 'user-op-result' || !answers.includes(inbound.result.operation))
            return undefined;
          this.#afterUserOp(operation, inbound.result);
          return { value: { ...inbound.result, users: inbound.result.users.map(sanitizeUser) } };
        },
        whenSilent: 'reject',
      },
      options,
      // A code for an e-mail change is submitted while the server holds the session logged out.
      operation !== UserOperationType.RealNameVerification,
    );
  }

  /** An e-mail change logs the server session out until a fresh login. */
  #afterUserOp(operation: number, result: UserOpResult): void {
    const conn = this.#conn;
    if (conn === undefined) return;
    if (operation === UserOperationType.SetUserInfo && result.status === 'waitcode') {
      conn.loggedIn = false;
    } else if (
      operation === UserOperationType.RealNameVerification &&
      result.operation === UserOperationType.SetUserInfo
    ) {
      // The change is confirmed, but the server session stays logged out: reconnect and log in again.
      this.#recycle = true;
      queueMicrotask(() =>
        conn.end(
          new TransportError(
            SessionErrorCode.CONNECTION_LOST,
            'reconnecting to log in after an e-mail change',
          ),
        ),
      );
    }
  }

  friendOp(
    request: Omit<FriendOpReqInit, 'sendId' | 'msgId'>,
    options: RequestOptions = {},
  ): Promise<FriendOpResult> {
    const sendId = this.#sendIds.next();
    const operation = request?.operation;
    return this.#request<FriendOpResult>(
      { kind: 'friend-op', request: { ...request, sendId } },
      {
        label: `friend.${operation}`,
        match: (inbound) =>
          inbound.kind === 'friend-op-result' &&
          inbound.result.sendId === sendId &&
          inbound.result.operation === operation &&
          inbound.result.result !== 'notice'
            ? { value: inbound.result }
            : undefined,
        whenSilent: 'reject',
      },
      options,
    );
  }

  groupOp(
    request: Omit<GroupOpReqInit, 'sendId' | 'msgId'>,
    options: GroupOpOptions = {},
  ): Promise<GroupOpResult> {
    const sendId = this.#sendIds.next();
    const operation = request?.operation ?? GroupOperationType.GroupNoneAction;
    const { final, partial } = groupOpAnswers(operation);
    return this.#request<GroupOpResult>(
      {
        kind: 'group-op',
        request: { ...request, sendId },
        ...(options.groupJoinType === undefined ? {} : { groupJoinType: options.groupJoinType }),
      },
      {
        label: `group.${operation}`,
        match: (inbound) => {
          if (inbound.kind !== 'group-op-result' || inbound.result.sendId !== sendId) return undefined;
          if (inbound.result.operation === final) return { value: inbound.result };
          if (inbound.result.operation === partial) {
            // The per-member broadcast an invitation causes is news for the application too.
            this.#hub.emit('group-notice', inbound.result);
            return { partial: true };
          }
          return undefined;
        },
        whenSilent: 'reject',
      },
      options,
    );
  }

  query(query: MsgQueryInit, options: RequestOptions = {}): Promise<MsgQueryResult> {
    return this.#request<MsgQueryResult>(
      { kind: 'query', query },
      {
        label: `query.${query?.queryType ?? 0}`,
        // Query results carry no id and go only to the asking session: the oldest waiting query gets the next one.
        match: (inbound) => (inbound.kind === 'query-result' ? { value: inbound.result } : undefined),
        whenSilent: 'reject',
      },
      options,
    );
  }

  upload(chunk: MsgUploadReqInit, options: RequestOptions = {}): Promise<MsgUploadReply> {
    const sendId = chunk?.sendId === undefined ? this.#sendIds.next() : toInt64(chunk.sendId);
    return this.#request<MsgUploadReply>(
      { kind: 'upload', upload: { ...chunk, sendId } },
      {
        label: `upload ${chunk?.fileName}#${chunk?.chunkIndex ?? 0}`,
        match: (inbound) =>
          inbound.kind === 'upload-reply' &&
          inbound.reply.sendId === sendId &&
          inbound.reply.fileName === chunk.fileName
            ? { value: inbound.reply }
            : undefined,
        whenSilent: 'reject',
      },
      options,
      false,
    );
  }

  async logout(options: RequestOptions = {}): Promise<void> {
    this.#ending = 'logged-out';
    try {
      await this.#request<void>(
        { kind: 'user-op', request: { operation: UserOperationType.Logout } },
        { label: 'logout', whenSilent: 'resolve', whenConnectionLost: 'resolve' },
        options,
      );
    } catch (error) {
      this.#ending = undefined;
      throw error;
    }
    // The server answers by hanging up; should it not, the session ends here anyway.
    this.#shutdown('logged-out', undefined);
  }

  async unregister(options: RequestOptions = {}): Promise<void> {
    await this.#request<UserOpResult>(
      { kind: 'user-op', request: { operation: UserOperationType.UnregisterUser } },
      {
        label: 'unregister',
        match: (inbound) => {
          if (
            inbound.kind !== 'user-op-result' ||
            inbound.result.operation !== UserOperationType.UnregisterUser
          ) {
            return undefined;
          }
          if (inbound.result.status === 'unregok') this.#ending = 'unregistered';
          return { value: inbound.result };
        },
        whenSilent: 'reject',
      },
      options,
    );
    // A deleted account can still log in with an old token: never use this key again.
    await forgetKey(this.#keyContext());
    this.#key = undefined;
    this.#shutdown('unregistered', undefined);
  }
}

/** The result operation that settles a group operation, and one that only accompanies it. */
function groupOpAnswers(operation: number): { final: number; partial: number | undefined } {
  switch (operation) {
    // A member nick change is answered as GroupSetInfo.
    case GroupOperationType.GroupSetMemberInfo:
      return { final: GroupOperationType.GroupSetInfo, partial: undefined };
    // A (direct) join is answered by the JoinAnswer broadcast that adds us.
    case GroupOperationType.GroupJoinRequest:
      return { final: GroupOperationType.GroupJoinAnswer, partial: undefined };
    // Each invitee's JoinAnswer broadcast comes first, then the inviter's own result.
    case GroupOperationType.GroupInviteRequest:
      return { final: GroupOperationType.GroupInviteRequest, partial: GroupOperationType.GroupJoinAnswer };
    default:
      return { final: operation, partial: undefined };
  }
}

function checkOptions(options: SessionOptions, deps: SessionDeps): void {
  if (typeof options?.url !== 'string' || options.url === '') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'options.url is required');
  }
  if (typeof deps?.connector !== 'function') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'deps.connector is required');
  }
  for (const [name, value] of Object.entries(options)) {
    // Every number option is a duration or a count: finite (or, for the attempt limit, null) and not negative.
    if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `options.${name} must be a finite number ≥ 0`);
    }
  }
  const credentials = options.credentials;
  switch (credentials?.method) {
    case 'id':
      if (!isUserId(credentials.userId))
        throw new InvalidArgumentError('INVALID_ID', 'credentials.userId is not a user id');
      if (typeof credentials.password !== 'string')
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'a password is required');
      return;
    case 'email':
      if (typeof credentials.password !== 'string')
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'a password is required');
      if (typeof credentials.email !== 'string' || credentials.email === '') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'an e-mail address is required');
      }
      return;
    case 'email-code':
      if (typeof credentials.email !== 'string' || credentials.email === '') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'an e-mail address is required');
      }
      return;
    case 'register':
      if (typeof credentials.password !== 'string' || typeof credentials.userName !== 'string') {
        throw new InvalidArgumentError('INVALID_ARGUMENT', 'registration needs a user name and a password');
      }
      return;
    default:
      throw new InvalidArgumentError(
        'INVALID_ARGUMENT',
        'options.credentials.method must be id, email, email-code or register',
      );
  }
}

function isUserId(value: Int64Input): boolean {
  try {
    return toInt64(value) !== '0';
  } catch {
    return false;
  }
}

function closedError(): StateError {
  return new StateError(SessionErrorCode.SESSION_CLOSED, 'the session is closed');
}

function asBirdTalkError(error: unknown): BirdTalkError {
  if (isBirdTalkError(error)) return error as BirdTalkError;
  return new TransportError(SessionErrorCode.CONNECTION_LOST, describeError(error), { cause: error });
}
