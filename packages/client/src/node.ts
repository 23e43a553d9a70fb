/**
 * The BirdTalk client on Node.js, with everything a long-running bot needs wired in: the `ws` connector with
 * TLS verification or certificate pinning, a key store and a delivery-state store in a state directory (so a
 * restarted bot logs in without its password when it can, keeps its device id, and resumes exactly where it
 * stopped), `node:crypto` ECDH, and the Node pieces of the files API.
 *
 * @example
 * ```ts
 * import { createNodeClient } from '@birdtalk/client/node';
 *
 * const client = createNodeClient({
 *   server: 'wss://chat.example.com:7817/ws',
 *   credentials: { method: 'id', userId: '10001', password: process.env.BOT_PASSWORD ?? '' },
 *   tls: { pinSha256: process.env.BOT_SERVER_PIN },
 * });
 * client.on('message', (message) => client.reply(message, message.text));
 * await client.start();
 * ```
 *
 * @packageDocumentation
 */

import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createFileKeyStore } from '@birdtalk/crypto/file-store';
import { createNodeEcdh } from '@birdtalk/crypto/node';
import { type BirdTalkError, InvalidArgumentError } from '@birdtalk/errors';
import { toInt64 } from '@birdtalk/proto';
import { type Clock, type Logger, type Random, silentLogger } from '@birdtalk/runtime';
import type { CodeRequest, Credentials } from '@birdtalk/session';
import type { Connector } from '@birdtalk/transport';
import { createNodeConnector, createNodeHttpGet, type NodeConnectorOptions } from '@birdtalk/transport/node';
import { createClient } from './client.js';
import type { Client } from './client-api.js';
import type { ClientOptions } from './client-options.js';
import type { HttpGet } from './context.js';
import { nodeFilesDeps } from './files/node.js';
import { createFileStore } from './store/file-store.js';
import type { Store } from './store/store.js';

export { fileFromPath, nodeFilesDeps, nodeMd5, writeFileAtomic } from './files/node.js';
export {
  createFileStore,
  DEFAULT_FILE_STORE_OPTIONS,
  type FileStoreOptions,
  STATE_FILE_FORMAT,
  STATE_FILE_NAME,
  STATE_FILE_VERSION,
} from './store/file-store.js';

/** How the Node client verifies the server's certificate (`wss://` only). */
export interface NodeTlsOptions {
  /** Certificate authorities to trust instead of Node's roots, in PEM. */
  readonly ca?: NodeConnectorOptions['ca'];
  /**
   * SHA-256 fingerprints of the server's certificate (hex, colons optional). With a pin only a matching
   * certificate is accepted and chain, expiry and host name are not checked: the way to trust the real BirdTalk
   * server's expired self-signed certificate.
   */
  readonly pinSha256?: string | readonly string[] | undefined;
  /** Accepts any certificate: anyone in between can read and change the traffic. Local experiments only. */
  readonly dangerouslyDisableTlsVerification?: boolean;
}

/** Options of {@link createNodeClient}: the client's options plus where state lives and how TLS is checked. */
export interface NodeClientOptions extends ClientOptions {
  /**
   * The directory of the bot's state: `keys/` (the key-exchange key), the delivery state and the device id.
   * Directory 0700, files 0600. By default a directory per server and account under the user's configuration
   * directory (see {@link defaultStateDir}).
   */
  readonly stateDir?: string;
  /** TLS verification of the WebSocket connection and of HTTP downloads. */
  readonly tls?: NodeTlsOptions;
  /** Extra HTTP headers of the WebSocket upgrade request. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Collaborators a Node client may override; everything has a Node default. */
export interface NodeClientDeps {
  readonly clock?: Clock;
  readonly random?: Random;
  /** Where the client, the stores and their warnings are logged; silent by default. */
  readonly logger?: Logger;
  readonly requestCode?: (request: CodeRequest) => Promise<string>;
  /** Replaces the `ws` connector (tests use a server's in-memory connector). */
  readonly connector?: Connector;
  /** Replaces the file store in `stateDir`. */
  readonly store?: Store;
  /** Replaces HTTP GET for downloads. */
  readonly httpGet?: HttpGet;
}

/**
 * Creates a client for Node, with its state in `options.stateDir`. Nothing happens until `start()`.
 *
 * @throws InvalidArgumentError for options that cannot work.
 */
export function createNodeClient(options: NodeClientOptions, deps: NodeClientDeps = {}): Client {
  const logger = deps.logger ?? silentLogger;
  const stateDir = options.stateDir ?? defaultStateDir(options.server, options.credentials);
  const warn =
    (what: string) =>
    (warning: BirdTalkError): void =>
      logger.warn(what, { code: warning.code, reason: warning.message, details: warning.details });
  const tls = options.tls ?? {};
  const trust = {
    ...(tls.ca === undefined ? {} : { ca: tls.ca }),
    ...(tls.pinSha256 === undefined ? {} : { pinSha256: tls.pinSha256 }),
    ...(tls.dangerouslyDisableTlsVerification === undefined
      ? {}
      : { dangerouslyDisableTlsVerification: tls.dangerouslyDisableTlsVerification }),
  };
  const connector =
    deps.connector ??
    typedOptionError(() =>
      createNodeConnector({
        ...trust,
        ...(options.headers === undefined ? {} : { headers: options.headers }),
        ...(options.session?.connectTimeoutMs === undefined
          ? {}
          : { connectTimeoutMs: options.session.connectTimeoutMs }),
      }),
    );
  const { stateDir: _stateDir, tls: _tls, headers: _headers, ...clientOptions } = options;
  return createClient(clientOptions, {
    connector,
    keyStore: createFileKeyStore({
      directory: join(stateDir, 'keys'),
      onWarning: warn('key store'),
      ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    }),
    store:
      deps.store ??
      createFileStore({
        directory: stateDir,
        onWarning: warn('state store'),
        ...(deps.clock === undefined ? {} : { clock: deps.clock }),
      }),
    ecdh: createNodeEcdh(),
    files: nodeFilesDeps,
    logger,
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
    ...(deps.random === undefined ? {} : { random: deps.random }),
    ...(deps.requestCode === undefined ? {} : { requestCode: deps.requestCode }),
    // Downloads get exactly the trust the WebSocket connection has (a pinned self-signed certificate included).
    httpGet: deps.httpGet ?? typedOptionError(() => createNodeHttpGet(trust)),
  });
}

/**
 * Runs a transport factory, turning its refusal of an option (a `TypeError` or `RangeError`, such as a pin that
 * is not a SHA-256 fingerprint) into the `InvalidArgumentError` every other bad client option gives, so that a
 * program can tell a configuration mistake from a bug (a bot's exit code 2).
 */
function typedOptionError<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) {
      const option = /^pinSha256\b/.test(error.message) ? { option: 'tls.pinSha256' } : undefined;
      throw new InvalidArgumentError('INVALID_ARGUMENT', error.message, {
        cause: error,
        ...(option === undefined ? {} : { details: option }),
      });
    }
    throw error;
  }
}

/**
 * The default state directory of a bot: `<config>/birdtalk/<name>-<hash>`, where `<config>` is
 * `$XDG_CONFIG_HOME` or `~/.config` (Linux and others), `~/Library/Application Support` (macOS) or `%APPDATA%`
 * (Windows), `<name>` the account (user id, e-mail or `register-<userName>`) made safe for a file name, and
 * `<hash>` a short hash of server URL and account, so that two bots never share a directory by accident.
 */
export function defaultStateDir(
  server: string,
  credentials: Credentials,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: string = process.platform,
  home: string = homedir(),
): string {
  const account = accountOf(credentials);
  const hash = createHash('sha256')
    .update(JSON.stringify([server, account]), 'utf8')
    .digest('hex')
    .slice(0, 12);
  const name = account.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 48);
  return join(configDir(env, platform, home), 'birdtalk', `${name}-${hash}`);
}

function accountOf(credentials: Credentials): string {
  switch (credentials?.method) {
    case 'id':
      try {
        return toInt64(credentials.userId);
      } catch {
        return String(credentials.userId);
      }
    case 'email':
    case 'email-code':
      return credentials.email.toLowerCase();
    case 'register':
      return `register-${credentials.userName}`;
    default:
      return 'account';
  }
}

function configDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: string,
  home: string,
): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  const xdg = env.XDG_CONFIG_HOME;
  return xdg?.startsWith('/') ? xdg : join(home, '.config');
}
