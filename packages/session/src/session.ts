import { createMemoryKeyStore, defaultEcdh, type EcdhProvider, type StoredKey } from '@birdtalk/crypto';
import type { BirdTalkError } from '@birdtalk/errors';
import {
  type FriendOpReqInit,
  type FriendOpResult,
  type GroupOpReqInit,
  type GroupOpResult,
  type Int64Input,
  type MsgChatReplyInit,
  type MsgQueryInit,
  type MsgQueryResult,
  type MsgUploadReply,
  type MsgUploadReqInit,
  toInt64,
  type UserInfo,
  type UserOpReqInit,
  type UserOpResult,
} from '@birdtalk/proto';
import { EventHub, silentLogger, systemClock, systemRandom } from '@birdtalk/runtime';
import { describeError, type ListenOptions } from './events.js';
import { collectHelloInfo, type HelloInfo } from './hello-info.js';
import { checkOptions } from './option-checks.js';
import { resolveOptions, type SessionDeps, type SessionOptions } from './options.js';
import { type ChatAck, createMemoryOutboxStore, Outbox } from './outbox.js';
import { closedError, ReadyGate } from './ready-gate.js';
import { logout, unregister } from './requests/account-end.js';
import { type OutgoingChat, type SendChatOptions, sendChat, sendReceipt } from './requests/chat.js';
import type { RequestOptions } from './requests/core.js';
import { friendOp } from './requests/friend-op.js';
import { type GroupOpOptions, groupOp } from './requests/group-op.js';
import { query } from './requests/query.js';
import { upload } from './requests/upload.js';
import { userOp } from './requests/user-op.js';
import { SecretScrubber } from './secrets.js';
import { createClockSendIds } from './send-ids.js';
import { SessionCore } from './session-core.js';
import { Supervisor } from './supervisor.js';
import type { CloseReason, SessionEvents, SessionState } from './types.js';

export type { OutgoingChat, SendChatOptions } from './requests/chat.js';
export type { RequestOptions } from './requests/core.js';
export type { GroupOpOptions } from './requests/group-op.js';

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
   * `resendUnacknowledged`, when the server processed it without answering) until the server acknowledges it —
   * unless the conversation's history shows it stored already. Chats of one conversation (chat type and
   * recipient) go out one at a time, in the order of the calls, so the server stores them in that order.
   *
   * @throws ProtocolError `CHAT_REJECTED` / `CHAT_NOT_FRIEND` when the server answers "fail"; TimeoutError after
   * `outboxDeadlineMs`; RefusedError / InvalidArgumentError from the frame rules.
   */
  sendChat(chat: OutgoingChat, options?: SendChatOptions): Promise<ChatAck>;
  /**
   * Takes a chat out of the outbox: its `sendChat` rejects with `reason`, and it is not sent again (an attempt
   * already sent may still be stored). Returns whether the chat was still waiting. Cheaper than a signal per chat
   * for callers that cancel chats by their `sendId`.
   */
  abortChat(sendId: Int64Input, reason: BirdTalkError): boolean;
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

/**
 * The facade: it wires the supervisor (lifecycle), the ready gate, the outbox and the request functions
 * together, and each method is one line over them.
 */
class BirdTalkSession implements Session {
  readonly #hub: EventHub<SessionEvents>;
  readonly #outbox: Outbox;
  readonly #supervisor: Supervisor;
  /** The view every request function, the gate, the outbox and the supervisor get. */
  readonly #core: SessionCore;
  #started: Promise<UserInfo> | undefined;

  constructor(options: SessionOptions, deps: SessionDeps) {
    checkOptions(options, deps);
    const resolved = resolveOptions(options);
    const clock = deps.clock ?? systemClock;
    const logger = deps.logger ?? silentLogger;
    const scrubber = new SecretScrubber();
    // A listener that throws is logged and skipped; it never breaks the session or the other listeners.
    const hub = new EventHub<SessionEvents>((event, error) =>
      logger.error('an event listener threw', { event: String(event), error: describeError(error) }),
    );
    const core = new SessionCore({
      options: resolved,
      deps,
      clock,
      random: deps.random ?? systemRandom,
      logger,
      sendIds: deps.sendIds ?? createClockSendIds(clock),
      scrubber,
      hub,
      outboxStore: deps.outboxStore ?? createMemoryOutboxStore(),
      keyStore: deps.keyStore ?? createMemoryKeyStore(),
      ecdh: deps.ecdh ?? processEcdh(),
      hello: helloOf(resolved.clientId, resolved.platform, resolved.helloParams),
      credentials: options.credentials,
    });
    core.outbox = new Outbox(core);
    core.gate = new ReadyGate(clock, core);
    // The core is the supervisor's context too: a context object of its own would repeat a dozen of its fields.
    core.supervisor = new Supervisor(core);
    this.#hub = hub;
    this.#outbox = core.outbox;
    this.#supervisor = core.supervisor;
    this.#core = core;
  }

  get state(): SessionState {
    return this.#supervisor.state;
  }

  get user(): UserInfo | undefined {
    return this.#supervisor.user;
  }

  get closeReason(): CloseReason | undefined {
    return this.#supervisor.closeReason;
  }

  get currentKey(): StoredKey | undefined {
    return this.#supervisor.key;
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
    if (this.#supervisor.state === 'closed') return Promise.reject(closedError());
    this.#started = this.ready();
    // `void session.start()` is a common pattern: a later close must not become an unhandled rejection.
    this.#started.catch(() => {});
    this.#supervisor.start();
    return this.#started;
  }

  async ready(options: RequestOptions = {}): Promise<UserInfo> {
    await this.#core.whenReady(options.signal, options.timeoutMs, 'ready', false);
    return this.#supervisor.user!;
  }

  close(): Promise<void> {
    return this.#supervisor.close();
  }

  // Where the runtime lacks Symbol.asyncDispose this becomes an inert "undefined" key; close() still works.
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  sendChat(chat: OutgoingChat, options?: SendChatOptions): Promise<ChatAck> {
    return sendChat(this.#core, chat, options);
  }

  abortChat(sendId: Int64Input, reason: BirdTalkError): boolean {
    return this.#outbox.abort(toInt64(sendId), reason);
  }

  sendReceipt(receipt: MsgChatReplyInit, options?: RequestOptions): Promise<void> {
    return sendReceipt(this.#core, receipt, options);
  }

  userOp(request: UserOpReqInit, options?: RequestOptions): Promise<UserOpResult> {
    return userOp(this.#core, request, options);
  }

  friendOp(
    request: Omit<FriendOpReqInit, 'sendId' | 'msgId'>,
    options?: RequestOptions,
  ): Promise<FriendOpResult> {
    return friendOp(this.#core, request, options);
  }

  groupOp(
    request: Omit<GroupOpReqInit, 'sendId' | 'msgId'>,
    options?: GroupOpOptions,
  ): Promise<GroupOpResult> {
    return groupOp(this.#core, request, options);
  }

  query(msgQuery: MsgQueryInit, options?: RequestOptions): Promise<MsgQueryResult> {
    return query(this.#core, msgQuery, options);
  }

  upload(chunk: MsgUploadReqInit, options?: RequestOptions): Promise<MsgUploadReply> {
    return upload(this.#core, chunk, options);
  }

  logout(options?: RequestOptions): Promise<void> {
    return logout(this.#core, options);
  }

  unregister(options?: RequestOptions): Promise<void> {
    return unregister(this.#core, options);
  }
}

/** The default ECDH provider, shared by the sessions of the process (see {@link processEcdh}). */
let sharedEcdh: EcdhProvider | undefined;

/**
 * The default ECDH provider, made once per process: it holds nothing of a session's (only whether the runtime's
 * WebCrypto works), and one per session costs an idle session a few closures and a dictionary-mode object.
 */
function processEcdh(): EcdhProvider {
  sharedEcdh ??= defaultEcdh();
  return sharedEcdh;
}

/**
 * The runtime's description for the Hello, read once per process: it asks the operating system (`os.cpus()`,
 * the total memory) and ICU (locale, time zone), which costs more than a whole fast re-login, and none of it
 * changes while the process runs.
 */
let runtimeHello: HelloInfo | undefined;

/** The Hello this client introduces itself with: what the runtime tells, with the options' overrides. */
function helloOf(
  clientId: string,
  platform: string | undefined,
  overrides: Readonly<Record<string, string | undefined>>,
): HelloInfo & { readonly clientId: string } {
  if (runtimeHello === undefined) {
    const collected = collectHelloInfo();
    runtimeHello = { ...collected, params: Object.freeze({ ...collected.params }) };
  }
  const info = runtimeHello;
  const overridden = Object.keys(overrides);
  // Without overrides every session shares the runtime's params: the frame builder only reads them.
  let params = info.params;
  if (overridden.length > 0) {
    const own: Record<string, string> = { ...info.params };
    for (const key of overridden) {
      const value = overrides[key];
      if (value === undefined) delete own[key];
      else own[key] = value;
    }
    params = own;
  }
  return { clientId, version: info.version, platform: platform ?? info.platform, params };
}
