import type { EcdhProvider, KeyStore } from '@birdtalk/crypto';
import { InvalidArgumentError } from '@birdtalk/errors';
import type { Clock, Logger, Random } from '@birdtalk/runtime';
import type { CodeRequest, Credentials, SessionOptions } from '@birdtalk/session';
import type { Connector } from '@birdtalk/transport';
import { type CacheOptions, resolveCacheOptions } from './cache/directory.js';
import type { ClientPolicy, HttpGet } from './context.js';
import type { CatchUpPolicy } from './delivery/catch-up.js';
import type { FilesDeps } from './features.js';
import type { Store } from './store/store.js';

/** Session options the client passes through unchanged (timeouts, heartbeats, reconnects, the outbox…). */
export type PassThroughSessionOptions = Omit<
  SessionOptions,
  'url' | 'credentials' | 'account' | 'clientId' | 'helloParams'
>;

/**
 * Plain-data configuration of a client. Everything but `server` and `credentials` has a default in
 * {@link DEFAULT_CLIENT_OPTIONS}.
 */
export interface ClientOptions {
  /** The server's WebSocket endpoint, e.g. `wss://chat.example.com:7817/ws`. */
  readonly server: string;
  /** How to log in: by id, by e-mail and password, by e-mail and code, or by registering a new account. */
  readonly credentials: Credentials;
  /** The key-store name of the account; the user id or e-mail of the credentials by default. */
  readonly account?: string;
  /**
   * `MsgHello.clientId`. By default a device id generated once and kept in the store, so a bot keeps its id
   * across restarts.
   */
  readonly clientId?: string;
  /** Extra or replacement `MsgHello.params`; a key set to `undefined` removes a default param. */
  readonly helloParams?: Readonly<Record<string, string | undefined>>;
  /** Options of the session below (see `@birdtalk/session`). */
  readonly session?: PassThroughSessionOptions;
  /**
   * Send delivery receipts for incoming P2P messages from others, automatically.
   * @defaultValue true
   */
  readonly autoReceipts?: boolean;
  /**
   * How long receipts wait to be batched with others for the same sender, in milliseconds.
   * @defaultValue 250
   */
  readonly receiptDelayMs?: number;
  /**
   * Where a stream with no stored position starts (the very first start, or a group first seen):
   * `'latest'` — from the newest message at that moment, replaying nothing old; `'all'` — its whole history.
   * @defaultValue 'latest'
   */
  readonly catchUp?: CatchUpPolicy;
  /**
   * How many handled messages the deduplication window remembers (in memory and in the store).
   * @defaultValue 5000
   */
  readonly dedupWindow?: number;
  /**
   * How far apart in server time (`tm`) two copies with the same sender, chat, `sendId` and content may be
   * for the second to be dropped as a resend, in milliseconds. Senders resend under the same `sendId` when an
   * acknowledgement was lost; but clients also reuse `sendId`s (counters that restart), so a later copy is a
   * new message.
   * @defaultValue 600000 (10 minutes)
   */
  readonly resendWindowMs?: number;
  /**
   * Deliver our own messages sent from other devices of the account (never those this client sent).
   * @defaultValue false
   */
  readonly includeOwnMessages?: boolean;
  /**
   * How many times a failing `message` / `recall` listener is retried before the message is dead-lettered.
   * @defaultValue 2
   */
  readonly handlerRetries?: number;
  /**
   * The pause before retry n of a failing listener is n × this, in milliseconds.
   * @defaultValue 1000
   */
  readonly handlerRetryDelayMs?: number;
  /**
   * How long the `message` / `recall` listeners of one message may take, retries included, in milliseconds.
   * Then the message's `signal` aborts with a `TimeoutError`, the message is dead-lettered with
   * that error, and its chat moves on (the listener itself is not stopped: it should honour the signal).
   * 0 disables the limit, and a listener that never settles then holds up its chat for good.
   * @defaultValue 60000
   */
  readonly handlerTimeoutMs?: number;
  /**
   * How far incoming messages may pile up in memory. When this many are queued or being handled (or a
   * stream's position lags this many handled messages behind, because one handler is slow), live messages are
   * held instead and a catch-up fetches them later from the server, at the pace the application handles them;
   * held ones beyond this many are dropped from memory and fetched by that catch-up too. Keep it well below
   * `dedupWindow`: after a crash, what lies beyond a lagging position is fetched again and must be recognised.
   * @defaultValue 1000
   */
  readonly maxBacklog?: number;
  /**
   * How often, on average, a sweep looks for messages whose push the server dropped while the connection
   * stayed up (the real server drops what overflows a connection's 128-frame send queue), in milliseconds:
   * it fetches streams forward from their positions, as the catch-up after a login does. Each sweep waits
   * between 0.9 and 1.1 times this (drawn from the injected `Random`). 0 disables the periodic sweep (a stream
   * with many live messages no page has listed is still swept, and every login still catches up).
   * @defaultValue 60000
   */
  readonly sweepIntervalMs?: number;
  /**
   * The most history queries one sweep sends: the P2P stream first, then groups with live messages to confirm,
   * then the other groups in turn (a bot in many groups sweeps them over several rounds).
   * @defaultValue 20
   */
  readonly sweepMaxQueries?: number;
  /**
   * The longest text message, in bytes of UTF-8.
   * @defaultValue 65536
   */
  readonly maxTextBytes?: number;
  /**
   * The largest file `files.upload()` and the media sends accept, in bytes; larger ones are refused with
   * `FILE_TOO_LARGE` before anything is read or sent. Uploads travel in band, one chunk after the other on the
   * chat connection, so a very large one holds up everything else for a long time.
   * @defaultValue 67108864 (64 MiB, the same as the default limit of `files.downloadBytes()`)
   */
  readonly maxUploadBytes?: number;
  /**
   * How long `stop()` waits for running handlers and unacknowledged chats by default, in milliseconds.
   * @defaultValue 10000
   */
  readonly drainTimeoutMs?: number;
  /**
   * How many of our sent messages have their state remembered for `messageState()`.
   * @defaultValue 10000
   */
  readonly trackedMessages?: number;
  /** What the client sends to servers that cannot survive it. */
  readonly policy?: Partial<ClientPolicy>;
  /** How long and how many users and groups `client.cache` remembers. */
  readonly cache?: CacheOptions;
}

/** The defaults of every optional {@link ClientOptions} field. */
export const DEFAULT_CLIENT_OPTIONS = {
  autoReceipts: true,
  receiptDelayMs: 250,
  catchUp: 'latest',
  dedupWindow: 5000,
  resendWindowMs: 600_000,
  includeOwnMessages: false,
  handlerRetries: 2,
  handlerRetryDelayMs: 1000,
  handlerTimeoutMs: 60_000,
  maxBacklog: 1000,
  sweepIntervalMs: 60_000,
  sweepMaxQueries: 20,
  maxTextBytes: 65_536,
  maxUploadBytes: 64 * 1024 * 1024,
  drainTimeoutMs: 10_000,
  trackedMessages: 10_000,
  policy: { allowServerCrashingRequests: false },
} as const;

/** The collaborators of a client: everything that does I/O, keeps state outside it, or tells time. */
export interface ClientDeps {
  /** Opens connections (`createNodeConnector()`, the WHATWG connector, or a test server's `connector()`). */
  readonly connector: Connector;
  /** Where keys of completed key exchanges are kept (password-less re-login); in memory by default. */
  readonly keyStore?: KeyStore;
  /** Where delivery state is kept; in memory by default (nothing survives a restart). */
  readonly store?: Store;
  /** Time and timers; the system clock by default. */
  readonly clock?: Clock;
  /** Randomness (device id, jitter, IVs); the system generator by default. */
  readonly random?: Random;
  /** Where the client logs; silent by default. */
  readonly logger?: Logger;
  /** Key-exchange key pairs; WebCrypto by default. */
  readonly ecdh?: EcdhProvider;
  /** HTTP GET for downloads; `fetch` by default. */
  readonly httpGet?: HttpGet;
  /** Supplies mailed verification codes (e-mail code login, e-mail registration). */
  readonly requestCode?: (request: CodeRequest) => Promise<string>;
  /** What the files API needs from the platform (MD5, opening paths, writing downloads); none by default. */
  readonly files?: FilesDeps;
}

/** {@link ClientOptions} with every default applied. */
export interface ResolvedClientOptions
  extends Required<
    Omit<ClientOptions, 'account' | 'clientId' | 'helloParams' | 'session' | 'policy' | 'cache'>
  > {
  readonly account: string | undefined;
  readonly clientId: string | undefined;
  readonly helloParams: Readonly<Record<string, string | undefined>>;
  readonly session: PassThroughSessionOptions;
  readonly policy: ClientPolicy;
  readonly cache: Required<CacheOptions>;
}

const durations = [
  'receiptDelayMs',
  'handlerRetryDelayMs',
  'handlerTimeoutMs',
  'drainTimeoutMs',
  'resendWindowMs',
  'sweepIntervalMs',
] as const;
const counts = [
  'dedupWindow',
  'maxBacklog',
  'sweepMaxQueries',
  'handlerRetries',
  'maxTextBytes',
  'maxUploadBytes',
  'trackedMessages',
] as const;

/**
 * Checks the options and applies the defaults.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for options that cannot work.
 */
export function resolveClientOptions(options: ClientOptions, deps: ClientDeps): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'client options are required');
  }
  if (typeof options.server !== 'string' || options.server === '') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'options.server (the WebSocket URL) is required');
  }
  if (typeof deps?.connector !== 'function') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'deps.connector is required');
  }
  for (const name of [...durations, ...counts]) {
    const value = options[name];
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', `options.${name} must be a finite number ≥ 0`);
    }
  }
  if (options.catchUp !== undefined && options.catchUp !== 'latest' && options.catchUp !== 'all') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', "options.catchUp must be 'latest' or 'all'");
  }
  if (options.clientId !== undefined && typeof options.clientId !== 'string') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'options.clientId must be a string');
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return {
    ...DEFAULT_CLIENT_OPTIONS,
    ...defined,
    account: options.account,
    clientId: options.clientId,
    helloParams: options.helloParams ?? {},
    session: options.session ?? {},
    policy: { ...DEFAULT_CLIENT_OPTIONS.policy, ...options.policy },
    cache: resolveCacheOptions(options.cache ?? {}),
  } as ResolvedClientOptions;
}
