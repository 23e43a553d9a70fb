import type { EcdhProvider, EncType, KeyStore } from '@birdtalk/crypto';
import { type Int64Input, toInt64 } from '@birdtalk/proto';
import type { Clock, Logger, Random } from '@birdtalk/runtime';
import type { Connector } from '@birdtalk/transport';
import type { OutboxStore } from './outbox.js';
import type { SendIdSource } from './send-ids.js';

/** How the session logs in — on the first connection and again whenever a fast re-login is not possible. */
export type Credentials =
  /** By user id and password (login mode "id"). */
  | { readonly method: 'id'; readonly userId: Int64Input; readonly password: string }
  /**
   * By e-mail and password (login mode "email"). The session always adds `regmode: "email"`, so an unknown
   * address is never silently registered as a new anonymous account; it fails with `LOGIN_UNKNOWN_EMAIL`.
   * That path makes the server mail a code, which kills the stock server: refused (`RefusedError`
   * `REFUSED_EMAIL_LOGIN`) unless `allowServerCrashingRequests`.
   */
  | { readonly method: 'email'; readonly email: string; readonly password: string }
  /**
   * By e-mail and a code the server mails; `deps.requestCode` supplies the code. Refused (`REFUSED_EMAIL_LOGIN`)
   * unless `allowServerCrashingRequests`: the stock server's mail worker kills it.
   */
  | { readonly method: 'email-code'; readonly email: string }
  /**
   * Registers a new account, anonymously or — with `email` — after confirming a mailed code. Later
   * connections log in by the new id and this password; the `registered` event tells the application the id.
   */
  | {
      readonly method: 'register';
      readonly userName: string;
      readonly password: string;
      readonly nickName?: string;
      /**
       * Registers with e-mail confirmation (`regmode: "email"`) instead of anonymously. Refused
       * (`REFUSED_EMAIL_REGISTRATION`) unless `allowServerCrashingRequests`: the stock server's mail worker kills it.
       */
      readonly email?: string;
      /** Extra profile attributes stored with the account (`user.params`). */
      readonly params?: Readonly<Record<string, string>>;
    };

/**
 * Plain-data configuration of a session. Every field but `url` and `credentials` has a default in
 * {@link DEFAULT_SESSION_OPTIONS}.
 */
export interface SessionOptions {
  /** The server's WebSocket endpoint, e.g. `wss://chat.example.com:7817/ws`. */
  readonly url: string;
  /** How to log in. */
  readonly credentials: Credentials;
  /**
   * The name under which the key store keeps this account's key. Defaults to the user id or e-mail of the
   * credentials (for a registration: `register:<userName>` until the new id is known).
   */
  readonly account?: string;
  /** `MsgHello.clientId`: a stable id of this device or installation, which the caller persists. */
  readonly clientId?: string;
  /** `MsgHello.platform`; computed from the runtime when absent. */
  readonly platform?: string;
  /** Extra or replacement `MsgHello.params`; a key set to `undefined` removes a default param. */
  readonly helloParams?: Readonly<Record<string, string | undefined>>;
  /** Whether to run the key exchange for password-less re-login; without it every connect logs in again. */
  readonly keyExchange?: boolean;
  /** The cipher of the key exchange. */
  readonly encType?: EncType;
  /** How many fresh key pairs to try when the server refuses one with error 11; a whole number ≥ 1. */
  readonly maxKeyExchangeAttempts?: number;
  /** How many codes to ask `requestCode` for before giving up on a code login or registration; ≥ 1. */
  readonly maxCodeAttempts?: number;
  /** How long a connection attempt may take, in milliseconds. */
  readonly connectTimeoutMs?: number;
  /** How long each handshake stage may wait for the server, in milliseconds. */
  readonly handshakeStageTimeoutMs?: number;
  /** How long a request waits for its answer by default, in milliseconds. */
  readonly requestTimeoutMs?: number;
  /**
   * Interval of application heartbeats, in milliseconds; 0 disables them (fences still use heartbeats). Where
   * pings are off or unavailable too, one heartbeat still probes a connection quiet for half of
   * `livenessTimeoutMs`, so a healthy idle connection is not taken for a dead one.
   */
  readonly heartbeatIntervalMs?: number;
  /** Interval of WebSocket pings where the transport supports them, in milliseconds; 0 disables them. */
  readonly pingIntervalMs?: number;
  /**
   * How many frames (requests and their fences) may await their answers at once on a connection; more wait
   * in the session, unsent. The real server silently drops replies beyond 128 queued for a connection when
   * the client reads slowly, so this stays well below that: a whole number from 2 to 100.
   */
  readonly maxFramesInFlight?: number;
  /**
   * A fence (heartbeat) unanswered this long means the server dropped its reply: the connection is rebuilt
   * rather than risk pinning later answers on the wrong requests. In milliseconds.
   */
  readonly fenceTimeoutMs?: number;
  /** A server silent for this long is treated as a lost connection, in milliseconds. */
  readonly livenessTimeoutMs?: number;
  /** The ceiling of the first reconnect delay, in milliseconds (full jitter below it). */
  readonly reconnectBaseMs?: number;
  /** The largest reconnect delay, in milliseconds. */
  readonly reconnectCapMs?: number;
  /** How many reconnects in a row before giving up; `null` never gives up. */
  readonly reconnectMaxAttempts?: number | null;
  /** A connection ready for this long resets the reconnect schedule, in milliseconds. */
  readonly stableAfterMs?: number;
  /** An unacknowledged chat fails after this long, in milliseconds from when it was queued. */
  readonly outboxDeadlineMs?: number;
  /**
   * Whether a chat the server did not acknowledge (its fence came back empty, or its request timed out) is
   * resent on the same connection. Chats are always resent after a reconnect.
   */
  readonly resendUnacknowledged?: boolean;
  /** The pause before such a resend, in milliseconds. */
  readonly resendDelayMs?: number;
  /**
   * Whether the chats of one conversation (chat type and recipient) go out one at a time, each once the one
   * before was acknowledged or failed for good, so the server stores them in the order they were sent — also
   * when one is resent after a lost connection or acknowledgement, or after a cold group's one-off refusal.
   * `false` sends every waiting chat at once (up to `maxFramesInFlight`): a burst to one conversation takes one
   * round trip instead of one per chat, but such a resend may then be stored after chats sent later.
   */
  readonly chatsInOrder?: boolean;
  /**
   * Sends the requests the stock server crashes on (ApproveFriend, GroupInviteAnswer, joining an `auth`
   * group, and every flow that makes it mail a code: e-mail login, e-mail registration, e-mail change) instead
   * of refusing them. Only for servers known to have fixed those defects (for mail: a server whose mail works).
   */
  readonly allowServerCrashingRequests?: boolean;
  /**
   * Logs in with the password on the session's first connection even when a stored key could log in, so that a
   * wrong password is refused (`LOGIN_REJECTED`) instead of silently beaten by the key; reconnects use the key.
   * A refused login leaves the stored key as it was. Only for credentials that carry a password (a key-only
   * login passes an empty one).
   */
  readonly verifyPassword?: boolean;
}

/** The defaults of every optional {@link SessionOptions} field. */
export const DEFAULT_SESSION_OPTIONS = {
  clientId: '',
  helloParams: {},
  keyExchange: true,
  encType: 'AES-CTR',
  maxKeyExchangeAttempts: 5,
  maxCodeAttempts: 3,
  connectTimeoutMs: 15_000,
  handshakeStageTimeoutMs: 15_000,
  requestTimeoutMs: 30_000,
  heartbeatIntervalMs: 30_000,
  pingIntervalMs: 20_000,
  livenessTimeoutMs: 75_000,
  maxFramesInFlight: 32,
  fenceTimeoutMs: 20_000,
  reconnectBaseMs: 1_000,
  reconnectCapMs: 30_000,
  reconnectMaxAttempts: null,
  stableAfterMs: 60_000,
  outboxDeadlineMs: 120_000,
  resendUnacknowledged: true,
  resendDelayMs: 5_000,
  chatsInOrder: true,
  verifyPassword: false,
  allowServerCrashingRequests: false,
} as const satisfies Partial<SessionOptions>;

/** {@link SessionOptions} with every default applied. */
export type ResolvedSessionOptions = Required<Omit<SessionOptions, 'platform' | 'reconnectMaxAttempts'>> & {
  readonly platform: string | undefined;
  readonly reconnectMaxAttempts: number;
};

/** What a `requestCode` callback is asked for. */
export interface CodeRequest {
  /** Why the code is needed. */
  readonly purpose: 'login' | 'register';
  /** The address the server mailed the code to. */
  readonly email: string;
  /** 1 for the first code, 2 after the server refused the first, and so on. */
  readonly attempt: number;
  /**
   * Aborts when the session no longer needs the code: closed, or the connection lost (the reason is then the
   * connection's error; the session reconnects and asks again for the new code the server mails).
   */
  readonly signal: AbortSignal;
}

/** The collaborators of a session: everything that does I/O, keeps state outside it, or tells time. */
export interface SessionDeps {
  /** Opens connections (`@birdtalk/transport`'s Node or WHATWG connector, or a memory one in tests). */
  readonly connector: Connector;
  /** Where keys of completed key exchanges are kept; an in-memory store by default. */
  readonly keyStore?: KeyStore;
  /** Time and timers; the system clock by default. */
  readonly clock?: Clock;
  /** Randomness for jitter, IVs and nonces; the system generator by default. */
  readonly random?: Random;
  /** Where the session logs; silent by default. Every frame is logged (redacted) at debug level. */
  readonly logger?: Logger;
  /** Makes key-exchange key pairs; WebCrypto where available by default. */
  readonly ecdh?: EcdhProvider;
  /** Hands out `sendId`s; clock-seeded and strictly increasing by default. */
  readonly sendIds?: SendIdSource;
  /** Keeps unacknowledged chats; in memory by default. Entries found at start are resent after login. */
  readonly outboxStore?: OutboxStore;
  /** Supplies mailed verification codes for e-mail code login and e-mail registration. */
  readonly requestCode?: (request: CodeRequest) => Promise<string>;
}

/**
 * What every session's resolved options inherit: the defaults, resolved. A session keeps as its own only what
 * its caller set, instead of a copy of some twenty-five defaults that a thousand idle sessions would each hold.
 */
const resolvedDefaults: Readonly<Record<string, unknown>> = {
  ...DEFAULT_SESSION_OPTIONS,
  platform: undefined,
  reconnectMaxAttempts: Number.POSITIVE_INFINITY,
};

/** Applies {@link DEFAULT_SESSION_OPTIONS}; the shapes were already checked by `createSession`. */
export function resolveOptions(options: SessionOptions): ResolvedSessionOptions {
  const resolved = Object.create(resolvedDefaults) as Record<string, unknown>;
  const given = options as unknown as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(given)) {
    const value = given[key];
    if (value !== undefined) resolved[key] = value;
  }
  // null asks for the default: retrying for ever.
  if (resolved.reconnectMaxAttempts === null) resolved.reconnectMaxAttempts = Number.POSITIVE_INFINITY;
  resolved.account = options.account ?? defaultAccount(options.credentials);
  return resolved as ResolvedSessionOptions;
}

/** The key-store account name for a set of credentials. */
export function defaultAccount(credentials: Credentials): string {
  switch (credentials.method) {
    case 'id':
      return toInt64(credentials.userId);
    case 'email':
    case 'email-code':
      return credentials.email.toLowerCase();
    case 'register':
      return `register:${credentials.userName}`;
  }
}
