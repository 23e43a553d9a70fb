import {
  type ChatMessage,
  type ChatTarget,
  type Client,
  ClientErrorCode,
  type ClientEvents,
  type ClientListener,
  type ClientState,
  FeatureErrorCode,
  type FileSource,
  type FollowResult,
  type FriendsApi,
  type MediaApi,
  type MediaMessage,
  messageTest,
  positiveId,
  type RecallEvent,
  type SendContent,
  type SentMessage,
  type UserProfile,
  type WaitForFilter,
  type WaitForOptions,
} from '@birdtalk/client';
import { AbortError, RefusedError, StateError, TimeoutError } from '@birdtalk/errors';
import { type Clock, systemClock } from '@birdtalk/runtime';
import type { BotUser, Int64, Int64Input } from '../types.js';
import { settlesBy } from '../within.js';
import { type MessageInit, nextTestId, TEST_BOT_ID, textMessage, userProfile } from './builders.js';

/** What a test client was asked to send. */
export interface SentRecord {
  /** `text` for a string, `content` for built content, `image`/`file`/`voice` for media, `recall`. */
  readonly kind: 'text' | 'content' | 'image' | 'file' | 'voice' | 'recall';
  readonly chat: ChatTarget;
  /** The text of a `text` send. */
  readonly text: string | undefined;
  /** What was passed to `send()` (text or content). */
  readonly content: SendContent | undefined;
  /** The file of a media send. */
  readonly source: FileSource | undefined;
  /** The quoted message id, or the recalled one for `recall`. */
  readonly quote: Int64 | undefined;
  /** The id the test client gave the sent message. */
  readonly id: Int64;
}

/** How a delivery through the test client went. */
export interface DeliveryResult {
  /** Whether every listener succeeded. */
  readonly ok: boolean;
  /**
   * The error of a failing listener. The real client would retry the message a few times and then pass it to
   * its `dead-letter` event; the test client reports it at once.
   */
  readonly error?: unknown;
  /** What was sent while the listeners ran. */
  readonly sent: readonly SentRecord[];
  /** The texts among {@link DeliveryResult.sent}. */
  readonly texts: readonly string[];
}

/** The events a test can emit by name (everything but the deliveries, which have their own methods). */
export type NotificationEvent = Exclude<keyof ClientEvents, 'message' | 'recall'>;

/**
 * A `Client` without a server, for unit tests of bots: it records what is sent (texts, content, media,
 * recalls), followed and marked read, and lets the test deliver messages and emit events, awaiting the
 * listeners the way the real client does. Users, groups, the cache, files, history and the session are not simulated:
 * their methods reject with `StateError TEST_CLIENT_UNSUPPORTED` unless given in the options.
 */
export interface TestClient extends Client {
  /** Everything sent so far, in order. */
  readonly sent: readonly SentRecord[];
  /** Users followed through `friends.follow()`, in order. */
  readonly followed: readonly Int64[];
  /** Ids of messages marked read. */
  readonly read: readonly Int64[];
  /** The texts sent so far, in order. */
  texts(): string[];
  /** Delivers a message to the `message` listeners and waits for them. */
  deliver(message: ChatMessage): Promise<DeliveryResult>;
  /** Delivers a text message (see `textMessage`) to the `message` listeners and waits for them. */
  receive(text: string, init?: MessageInit): Promise<DeliveryResult>;
  /** Delivers a recall to the `recall` listeners and waits for them. */
  deliverRecall(event: RecallEvent): Promise<DeliveryResult>;
  /** Emits any other event and waits for async listeners. */
  emit<K extends NotificationEvent>(event: K, payload: ClientEvents[K]): Promise<DeliveryResult>;
}

/** Options of {@link createTestClient}. */
export interface TestClientOptions {
  /** The bot's account. @defaultValue user {@link TEST_BOT_ID}, named `testbot` */
  readonly user?: { readonly userId?: Int64Input; readonly userName?: string; readonly nickName?: string };
  /** Users following the bot (`friends.fans()`). */
  readonly fans?: readonly (Int64Input | UserProfile)[];
  /** Users the bot follows (`friends.follows()`, `friends.isFollowing()`). */
  readonly follows?: readonly Int64Input[];
  /** Users the bot blocked (`friends.blocked()`, `friends.isBlocked()`); `friends.follow()` refuses them. */
  readonly blocked?: readonly Int64Input[];
  /**
   * Called for every send before it is recorded; throw to make the send fail, return a promise to delay it.
   */
  readonly onSend?: (record: SentRecord) => void | Promise<void>;
  /** Stands in for the parts the test client does not simulate. */
  readonly overrides?: Partial<Pick<Client, 'users' | 'groups' | 'files' | 'session' | 'history' | 'cache'>>;
  /** Times `stop()`'s drain; the system clock by default. */
  readonly clock?: Clock;
}

/** Creates a {@link TestClient}. */
export function createTestClient(options: TestClientOptions = {}): TestClient {
  return new FakeClient(options);
}

type AnyListener = (payload: never) => unknown;

class FakeClient {
  readonly sent: SentRecord[] = [];
  readonly followed: Int64[] = [];
  readonly read: Int64[] = [];
  readonly users: Client['users'];
  readonly groups: Client['groups'];
  readonly cache: Client['cache'];
  readonly files: Client['files'];
  readonly session: Client['session'];
  readonly friends: FriendsApi;
  readonly media: MediaApi;
  readonly deviceId = 'test-device';
  readonly catchingUp = false;
  readonly backlog = { queued: 0, held: 0 } as const;
  readonly #options: TestClientOptions;
  readonly #user: BotUser;
  readonly #listeners = new Map<keyof ClientEvents, Set<AnyListener>>();
  readonly #follows: Set<Int64>;
  readonly #blocked: Set<Int64>;
  readonly #fans: UserProfile[];
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #waiters = new Set<{ accepts(message: ChatMessage): boolean; take(message: ChatMessage): void }>();
  readonly #clock: Clock;
  #state: ClientState = 'idle';
  #started: Promise<BotUser> | undefined;
  #stopped: Promise<void> | undefined;

  constructor(options: TestClientOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    const userId = positiveId(options.user?.userId ?? TEST_BOT_ID, 'userId');
    const userName = options.user?.userName ?? 'testbot';
    this.#user = {
      userId,
      userName,
      nickName: options.user?.nickName ?? userName,
      email: '',
      phone: '',
      gender: '',
      age: 0,
      region: '',
      icon: '',
      intro: '',
      follows: '0',
      fans: '0',
      params: {},
    } as unknown as BotUser;
    this.#follows = new Set((options.follows ?? []).map((id) => positiveId(id, 'follows')));
    this.#blocked = new Set((options.blocked ?? []).map((id) => positiveId(id, 'blocked')));
    this.#fans = (options.fans ?? []).map((fan) => (typeof fan === 'object' ? fan : userProfile(fan)));
    const overrides = options.overrides ?? {};
    this.users = overrides.users ?? unsupported('users');
    this.groups = overrides.groups ?? unsupported('groups');
    this.cache = overrides.cache ?? unsupported('cache');
    this.files = overrides.files ?? unsupported('files');
    this.session = overrides.session ?? unsupported('session');
    if (overrides.history !== undefined) this.history = overrides.history;
    this.friends = this.#friendsApi();
    this.media = this.#mediaApi();
  }

  get state(): ClientState {
    return this.#state;
  }

  get user(): BotUser {
    return this.#user;
  }

  start(): Promise<BotUser> {
    if (this.#stopped !== undefined) {
      return Promise.reject(new StateError(ClientErrorCode.STOPPED, 'the client is stopped'));
    }
    this.#started ??= (async () => {
      this.#state = 'ready';
      await this.emit('ready', { user: this.#user, fastLogin: false, connection: 1 });
      return this.#user;
    })();
    return this.#started;
  }

  stop(options: { readonly drainTimeoutMs?: number } = {}): Promise<void> {
    this.#stopped ??= (async () => {
      this.#state = 'stopping';
      const deadline = this.#clock.now() + (options.drainTimeoutMs ?? 10_000);
      await settlesBy(Promise.all([...this.#inFlight]), deadline, this.#clock);
      this.#state = 'closed';
      await this.emit('closed', { reason: 'stopped' });
      this.#listeners.clear();
    })();
    return this.#stopped;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  logout(): Promise<void> {
    return this.stop();
  }

  unregister(): Promise<void> {
    return this.stop();
  }

  on<K extends keyof ClientEvents>(
    event: K,
    listener: ClientListener<K>,
    options: { readonly signal?: AbortSignal } = {},
  ): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const entry: AnyListener = (payload) => listener(payload as ClientEvents[K]);
    set.add(entry);
    const off = (): void => {
      set.delete(entry);
    };
    options.signal?.addEventListener('abort', off, { once: true });
    return off;
  }

  once<K extends keyof ClientEvents>(
    event: K,
    options: { readonly filter?: (payload: ClientEvents[K]) => boolean } = {},
  ): Promise<ClientEvents[K]> {
    return new Promise((resolve) => {
      const off = this.on(event, (payload) => {
        if (options.filter !== undefined && !options.filter(payload)) return;
        off();
        resolve(payload);
      });
    });
  }

  stream(): never {
    throw unsupportedError('stream');
  }

  messages(): never {
    throw unsupportedError('messages');
  }

  history: Client['history'] = () => {
    throw unsupportedError('history');
  };

  messageState(id: Int64Input): 'sent' | undefined {
    const key = String(id);
    return this.sent.some((record) => record.id === key) ? 'sent' : undefined;
  }

  texts(): string[] {
    return this.sent.flatMap((record) => (record.text === undefined ? [] : [record.text]));
  }

  send(target: ChatTarget, content: SendContent, options: { readonly quote?: Int64Input } = {}) {
    return this.#record({
      kind: typeof content === 'string' ? 'text' : 'content',
      chat: target,
      text: typeof content === 'string' ? content : undefined,
      content,
      source: undefined,
      quote: options.quote === undefined ? undefined : String(options.quote),
    });
  }

  sendText(target: ChatTarget, text: string, options: { readonly quote?: Int64Input } = {}) {
    return this.send(target, text, options);
  }

  reply(message: ChatMessage, content: SendContent) {
    return this.send(message.chat, content, { quote: message.id });
  }

  recall(message: ChatMessage | SentMessage | Int64Input, target?: ChatTarget) {
    const isObject = typeof message === 'object' && message !== null;
    const chat = target ?? (isObject ? message.chat : undefined);
    if (chat === undefined)
      return Promise.reject(new StateError('INVALID_ARGUMENT', 'recall(id) needs a chat'));
    return this.#record({
      kind: 'recall',
      chat,
      text: undefined,
      content: undefined,
      source: undefined,
      quote: isObject ? message.id : String(message),
    });
  }

  async markRead(messages: ChatMessage | readonly ChatMessage[]): Promise<void> {
    const list: readonly ChatMessage[] = Array.isArray(messages) ? messages : [messages as ChatMessage];
    for (const message of list) if (message.chat.type === 'p2p' && !message.own) this.read.push(message.id);
  }

  /**
   * Like the real client's: the next delivered message `filter` accepts goes to the waiter instead of the
   * listeners (`deliver()` then resolves at once with nothing sent).
   */
  waitFor(filter: WaitForFilter, options: WaitForOptions = {}): Promise<ChatMessage> {
    let test: (message: ChatMessage) => boolean;
    try {
      test = messageTest(filter);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#stopped !== undefined) {
      return Promise.reject(new StateError(ClientErrorCode.STOPPED, 'the client is stopped'));
    }
    return new Promise((resolve, reject) => {
      const { signal, timeoutMs } = options;
      const end = (): void => {
        this.#waiters.delete(waiter);
        this.#clock.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = (): void => {
        end();
        reject(new AbortError('the wait was aborted', { cause: signal?.reason }));
      };
      const waiter = {
        accepts: test,
        take: (message: ChatMessage) => {
          end();
          resolve(message);
        },
      };
      const timer =
        timeoutMs === undefined
          ? undefined
          : this.#clock.setTimeout(() => {
              end();
              reject(new TimeoutError(`no matching message came within ${timeoutMs} ms`));
            }, timeoutMs);
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiters.add(waiter);
    });
  }

  deliver(message: ChatMessage): Promise<DeliveryResult> {
    for (const waiter of this.#waiters) {
      if (!waiter.accepts(message)) continue;
      waiter.take(message);
      return Promise.resolve({ ok: true, sent: [], texts: [] });
    }
    return this.#dispatch('message', message);
  }

  receive(text: string, init: MessageInit = {}): Promise<DeliveryResult> {
    return this.deliver(textMessage(text, { botId: this.#user.userId, ...init }));
  }

  deliverRecall(event: RecallEvent): Promise<DeliveryResult> {
    return this.#dispatch('recall', event);
  }

  emit<K extends NotificationEvent>(event: K, payload: ClientEvents[K]): Promise<DeliveryResult> {
    return this.#dispatch(event, payload);
  }

  async #dispatch<K extends keyof ClientEvents>(event: K, payload: ClientEvents[K]): Promise<DeliveryResult> {
    const before = this.sent.length;
    const listeners = [...(this.#listeners.get(event) ?? [])];
    const running = Promise.allSettled(listeners.map(async (listener) => listener(payload as never)));
    this.#inFlight.add(running);
    let results: PromiseSettledResult<unknown>[];
    try {
      results = await running;
    } finally {
      this.#inFlight.delete(running);
    }
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    const sent = this.sent.slice(before);
    const texts = sent.flatMap((record) => (record.text === undefined ? [] : [record.text]));
    return failed === undefined
      ? { ok: true, sent, texts }
      : { ok: false, error: failed.reason, sent, texts };
  }

  async #record(record: Omit<SentRecord, 'id'>): Promise<SentMessage> {
    if (this.#state === 'closed') throw new StateError(ClientErrorCode.STOPPED, 'the client is stopped');
    const full: SentRecord = { ...record, id: nextTestId() };
    await this.#options.onSend?.(full);
    this.sent.push(full);
    return { id: full.id, sendId: full.id, chat: full.chat, time: this.#clock.now() };
  }

  #friendsApi(): FriendsApi {
    const api: Partial<FriendsApi> = {
      follow: async (userId): Promise<FollowResult> => {
        const id = positiveId(userId, 'userId');
        if (this.#blocked.has(id)) {
          throw new RefusedError(FeatureErrorCode.REFUSED_FOLLOW_BLOCKED, `user ${id} is blocked`);
        }
        this.followed.push(id);
        this.#follows.add(id);
        const fan = this.#fans.find((user) => user.userId === id);
        return { status: 'following', user: fan ?? userProfile(id) };
      },
      unfollow: async (userId) => this.#follows.delete(positiveId(userId, 'userId')),
      isFollowing: async (userId) => this.#follows.has(positiveId(userId, 'userId')),
      block: async (userId) => {
        const id = positiveId(userId, 'userId');
        this.#blocked.add(id);
        this.#follows.delete(id);
      },
      unblock: async (userId) => {
        this.#blocked.delete(positiveId(userId, 'userId'));
      },
      isBlocked: async (userId) => this.#blocked.has(positiveId(userId, 'userId')),
      blocked: async () => [...this.#blocked].sort(byId),
      follows: (options) =>
        listAfter(
          [...this.#follows].map((id) => userProfile(id)),
          options,
        ),
      fans: (options) => listAfter(this.#fans, options),
      mutual: (options) =>
        listAfter(
          this.#fans.filter((fan) => this.#follows.has(fan.userId)),
          options,
        ),
    };
    return unsupported<FriendsApi>('friends', api);
  }

  #mediaApi(): MediaApi {
    const send = async (
      kind: 'image' | 'file' | 'voice',
      chat: ChatTarget,
      source: FileSource,
      options: { readonly quote?: Int64Input },
    ): Promise<MediaMessage> => {
      const message = await this.#record({
        kind,
        chat,
        text: undefined,
        content: undefined,
        source,
        quote: options.quote === undefined ? undefined : String(options.quote),
      });
      return { message, upload: undefined };
    };
    return {
      sendImage: (chat, source, options = {}) => send('image', chat, source, options),
      sendFile: (chat, source, options = {}) => send('file', chat, source, options),
      sendVoice: (chat, source, options) => send('voice', chat, source, options),
    };
  }
}

function byId(a: Int64, b: Int64): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The users in ascending id order after `options.after`, as the friend lists page through them. */
async function* listAfter(
  users: readonly UserProfile[],
  options: { readonly after?: Int64Input } = {},
): AsyncGenerator<UserProfile> {
  const after = options.after === undefined ? 0n : BigInt(positiveId(options.after, 'after'));
  yield* [...users].filter((user) => BigInt(user.userId) > after).sort((a, b) => byId(a.userId, b.userId));
}

function unsupportedError(what: string): StateError {
  return new StateError('TEST_CLIENT_UNSUPPORTED', `the test client does not simulate ${what}`);
}

/**
 * An object whose methods are those of `known`; every other method rejects (or throws, for iterators) with
 * `TEST_CLIENT_UNSUPPORTED`.
 */
function unsupported<T>(name: string, known: object = {}): T {
  return new Proxy(known, {
    get: (target, property, receiver) => {
      if (Reflect.has(target, property)) return Reflect.get(target, property, receiver);
      if (typeof property === 'symbol' || property === 'then') return undefined;
      return () => Promise.reject(unsupportedError(`${name}.${property}`));
    },
  }) as T;
}
