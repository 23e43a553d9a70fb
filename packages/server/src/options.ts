import type { Int64Input } from '@birdtalk/proto';
import type { Clock, Logger, Random } from '@birdtalk/runtime';
import type { FaultOptions } from './faults.js';
import type { HazardName } from './hazards.js';

/** A user to create when the server starts (see {@link ServerOptions.seed}) or through `createUser`. */
export interface SeedUser {
  /**
   * A fixed id. Ids below 100 are administrators on the real server (they may disable and recover users).
   * Absent: the next free id, counting from 10001 as the real server does.
   */
  userId?: Int64Input;
  /** @defaultValue `'momo'`, as when registering without a name. */
  userName?: string;
  /** @defaultValue the user name. */
  nickName?: string;
  email?: string;
  phone?: string;
  gender?: string;
  age?: number;
  region?: string;
  icon?: string;
  intro?: string;
  /** Stored as `params.pwd`, in plain text, as the real server stores it. */
  password?: string;
  /** Further `params` entries. */
  params?: Readonly<Record<string, string>>;
  /** Users this user follows (community-mode follows: they become this user's fans' counterpart). */
  follows?: readonly Int64Input[];
}

/** A group to create when the server starts. */
export interface SeedGroup {
  /** A fixed id; absent: the next free group id, counting from 10001. */
  groupId?: Int64Input;
  /** @defaultValue `'group<id>'`. */
  groupName?: string;
  /** `'chat'`, `'channel'` or `'map'`. @defaultValue `'chat'` */
  groupType?: string;
  tags?: readonly string[];
  /**
   * Group parameters (`visibility`, `brief`, `icon`, `jointype`, `joinquestion`, `joinanswer`).
   * @defaultValue `{ visibility: 'public', brief: '', icon: '', jointype: 'direct' }`
   */
  params?: Readonly<Record<string, string>>;
  /** The owner, who must be a seeded or existing user. */
  owner: Int64Input;
  /** Administrators; they become members too. */
  admins?: readonly Int64Input[];
  /** Plain members. */
  members?: readonly Int64Input[];
}

/** Options of `createServer`. Every field is optional; {@link SERVER_DEFAULTS} lists the defaults. */
export interface ServerOptions {
  /** TCP port; 0 picks any free port. @defaultValue `0` */
  port?: number;
  /** Interface to listen on. @defaultValue `'127.0.0.1'` */
  host?: string;
  /**
   * Whether to open a listening socket at all. Without one, only in-memory connections (`acceptTransport`,
   * `connector`) are served and `url` is a placeholder.
   * @defaultValue `true`
   */
  listen?: boolean;
  /** TLS certificate and key (PEM), or `'self-signed'` to generate one. Absent: plain `ws://`. */
  tls?: { cert: string; key: string } | 'self-signed';
  /**
   * Strict mode records every request that would crash the real server as a hazard and drops the connection
   * abruptly; lenient mode answers it with an error and keeps the connection.
   * @defaultValue `true`
   */
  strict?: boolean;
  /**
   * The hazards this server is meant to record: a test of the hazards themselves declares them here. A test
   * runner that checks every server of the process for hazards (see `SERVER_REGISTRY_KEY`) lets these pass,
   * and refuses a lenient server (`strict: false`) that declares none.
   * @defaultValue `[]`
   */
  expectedHazards?: readonly HazardName[];
  /** `'follow'` is the real server's community mode; `'request'` its friend (approval) mode. @defaultValue `'follow'` */
  friendMode?: 'follow' | 'request';
  /** The verification code every e-mail code flow expects. @defaultValue `'12345'` */
  verificationCode?: string;
  /**
   * Whether sending mail works. The stock server on Linux dies in its mail worker (a Windows-only template
   * path), so by default every request that makes it mail a code is the `mail-code` hazard, recorded after
   * the server's `waitcode` reply. `true` models a server whose mail works: the code flows complete.
   * @defaultValue `false`
   */
  mailWorks?: boolean;
  /** Interval of server WebSocket pings. @defaultValue `20000` */
  pingIntervalMs?: number;
  /** A connection that sends no frame and answers no ping for this long is dropped. @defaultValue `60000` */
  idleTimeoutMs?: number;
  /** Largest binary frame accepted; larger frames end the connection with close code 1009. @defaultValue 10 MiB */
  maxFrameBytes?: number;
  /** Time and timers. @defaultValue `systemClock` */
  clock?: Clock;
  /** Randomness for key pairs, IVs and seeded faults. @defaultValue `systemRandom` */
  random?: Random;
  /** Where the server logs. @defaultValue `silentLogger` */
  logger?: Logger;
  /** Faults to inject from the start; change them later with `server.faults.set()`. */
  faults?: FaultOptions;
  /** A JSON snapshot file: loaded at start when it exists, written on close. */
  snapshotFile?: string;
  /** Users and groups to create at start (after a snapshot is loaded). */
  seed?: { users?: readonly SeedUser[]; groups?: readonly SeedGroup[] };
  /**
   * Start as the real server does after a restart that also lost Redis's group member hashes: every group
   * present at start (snapshot or seed) is cold, so the first request that loads it sees no members. See
   * `BirdTalkServer.coldLoad`.
   * @defaultValue `false`
   */
  coldLoad?: boolean;
}

/** The defaults of {@link ServerOptions}. */
export const SERVER_DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  listen: true,
  strict: true,
  friendMode: 'follow',
  verificationCode: '12345',
  mailWorks: false,
  pingIntervalMs: 20_000,
  idleTimeoutMs: 60_000,
  maxFrameBytes: 10 * 1024 * 1024,
} as const;

/** The options the server runs with, defaults applied. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly listen: boolean;
  readonly strict: boolean;
  readonly friendMode: 'follow' | 'request';
  readonly verificationCode: string;
  readonly mailWorks: boolean;
  readonly pingIntervalMs: number;
  readonly idleTimeoutMs: number;
  readonly maxFrameBytes: number;
}

/** Applies {@link SERVER_DEFAULTS}. */
export function resolveConfig(options: ServerOptions): ServerConfig {
  return {
    port: options.port ?? SERVER_DEFAULTS.port,
    host: options.host ?? SERVER_DEFAULTS.host,
    listen: options.listen ?? SERVER_DEFAULTS.listen,
    strict: options.strict ?? SERVER_DEFAULTS.strict,
    friendMode: options.friendMode ?? SERVER_DEFAULTS.friendMode,
    verificationCode: options.verificationCode ?? SERVER_DEFAULTS.verificationCode,
    mailWorks: options.mailWorks ?? SERVER_DEFAULTS.mailWorks,
    pingIntervalMs: options.pingIntervalMs ?? SERVER_DEFAULTS.pingIntervalMs,
    idleTimeoutMs: options.idleTimeoutMs ?? SERVER_DEFAULTS.idleTimeoutMs,
    maxFrameBytes: options.maxFrameBytes ?? SERVER_DEFAULTS.maxFrameBytes,
  };
}
