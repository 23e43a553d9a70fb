import { join } from 'node:path';
import { type Client, createMemoryStore, group, groupStream } from '@birdtalk/client';
import { createFileStore, createNodeClient, type NodeTlsOptions } from '@birdtalk/client/node';
import { createFileKeyStore } from '@birdtalk/crypto/file-store';
import { toInt64, type UserInfo } from '@birdtalk/proto';
import type { Credentials } from '@birdtalk/session';
import { createNodeHttpGet } from '@birdtalk/transport/node';
import type { CommandContext } from './context.js';
import { CliError, CliErrorCode, usageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { accountDir, type HomeConfig, loadConfig } from './home.js';

/** How long a stopping command waits for receipts and unacknowledged chats, in milliseconds. */
export const STOP_DRAIN_MS = 3_000;

/** A started client and what it logged in as. */
export interface Connection {
  readonly client: Client;
  readonly user: UserInfo;
  readonly server: string;
  /** Whether the stored key logged in (no password sent). */
  readonly fastLogin: boolean;
  /** The account's state directory. */
  readonly stateDir: string;
  /** Stops the client (idempotent). */
  close(): Promise<void>;
}

/** How a command logs in and what it keeps. */
export interface OpenOptions {
  readonly server: string;
  /** How to log in; the stored key is tried first either way. */
  readonly credentials: Credentials;
  /** Logs in with the stored key only: a server asking for the password fails with `CLI_KEY_REJECTED`. */
  readonly keyOnly: boolean;
  /** The client's state directory (keys, delivery state). */
  readonly stateDir: string;
  /**
   * `file` keeps delivery positions in the state directory (login, register, listen): `listen` then shows what
   * arrived since. `memory` leaves them alone, so that `send` or `whoami` never swallow messages `listen` has
   * not shown yet.
   */
  readonly store: 'file' | 'memory';
  /** Send delivery receipts for incoming messages (only `listen`, which shows them). */
  readonly autoReceipts: boolean;
  readonly deviceId: string | undefined;
  /** Called before `start()`, to subscribe listeners that must see the catch-up. */
  readonly beforeStart?: (client: Client) => void;
  /** Sends what the stock server cannot survive (`login --mail-works`: e-mail flows on a server whose mail works). */
  readonly allowServerCrashingRequests?: boolean;
}

/**
 * The server URL: `--server`, else `$BIRDTALK_SERVER`, else the one remembered at login.
 *
 * @throws CliError `CLI_NO_SERVER` when there is none.
 */
export function resolveServer(ctx: CommandContext, config: HomeConfig): string {
  const server = ctx.globals.server ?? nonEmpty(ctx.io.env.BIRDTALK_SERVER) ?? config.server;
  if (server === undefined) {
    throw new CliError(
      CliErrorCode.NO_SERVER,
      'no server: pass --server wss://host:7817/ws (or set BIRDTALK_SERVER)',
      ExitCode.USAGE,
    );
  }
  if (!/^wss?:\/\//i.test(server) || !URL.canParse(server)) {
    throw usageError(`${server} is not a ws:// or wss:// URL`);
  }
  return server;
}

/** The TLS settings: `--pin` / `$BIRDTALK_PIN` / the pin remembered for this server, and `--insecure`. */
export function tlsOptions(ctx: CommandContext, config: HomeConfig, server: string): NodeTlsOptions {
  const fromEnv = nonEmpty(ctx.io.env.BIRDTALK_PIN);
  const pin = ctx.globals.pin ?? fromEnv ?? (config.server === server ? config.pin : undefined);
  if (pin !== undefined && !isSha256(pin)) {
    // Name where the pin came from: a malformed $BIRDTALK_PIN must not be reported as a flag nobody passed.
    const source =
      ctx.globals.pin !== undefined
        ? '--pin'
        : fromEnv !== undefined
          ? 'BIRDTALK_PIN'
          : `the pin remembered for ${server}`;
    throw usageError(`${source} must be a SHA-256 fingerprint: 64 hex digits, with or without colons`);
  }
  return {
    ...(pin === undefined ? {} : { pinSha256: pin }),
    ...(ctx.globals.insecure ? { dangerouslyDisableTlsVerification: true } : {}),
  };
}

/** Whether `text` is a SHA-256 fingerprint: 64 hex digits, with or without colons between bytes. */
export function isSha256(text: string): boolean {
  return /^(?:[0-9a-f]{2}:?){31}[0-9a-f]{2}$/i.test(text.trim());
}

/** Creates and starts a client; fails at the first failed connection attempt instead of retrying. */
export async function open(
  ctx: CommandContext,
  config: HomeConfig,
  options: OpenOptions,
): Promise<Connection> {
  const tls = tlsOptions(ctx, config, options.server);
  ctx.failure.server = options.server;
  ctx.failure.keyOnly = options.keyOnly;
  const client = createNodeClient(
    {
      server: options.server,
      credentials: options.credentials,
      stateDir: options.stateDir,
      tls,
      autoReceipts: options.autoReceipts,
      drainTimeoutMs: STOP_DRAIN_MS,
      ...(options.deviceId === undefined ? {} : { clientId: options.deviceId }),
      session: {
        connectTimeoutMs: 10_000,
        handshakeStageTimeoutMs: 10_000,
        requestTimeoutMs: 20_000,
        // `login --password` checks the password even where a stored key would log in (key-only commands give none).
        verifyPassword: true,
      },
      ...(options.allowServerCrashingRequests === true
        ? { policy: { allowServerCrashingRequests: true } }
        : {}),
    },
    {
      logger: ctx.logger,
      httpGet: createNodeHttpGet({
        ...(tls.pinSha256 === undefined ? {} : { pinSha256: tls.pinSha256 }),
        ...(tls.dangerouslyDisableTlsVerification ? { dangerouslyDisableTlsVerification: true } : {}),
      }),
      ...(options.store === 'memory' ? { store: createMemoryStore() } : {}),
    },
  );
  let fastLogin = false;
  client.on('ready', (event) => {
    fastLogin = event.fastLogin;
  });
  const close = (): Promise<void> => client.stop({ drainTimeoutMs: STOP_DRAIN_MS });
  // A command is a single attempt: the first failure to connect ends it rather than a reconnect loop.
  const failed = new Promise<never>((_, reject) => {
    client.once('reconnecting').then(
      (event) => reject(event.error),
      () => {},
    );
    if (options.keyOnly) {
      client.on('state', ({ to }) => {
        if (to === 'awaiting-login') {
          reject(
            new CliError(
              CliErrorCode.KEY_REJECTED,
              'the server no longer accepts the stored key (it may have restarted); run `birdtalk login` again',
              ExitCode.AUTH,
            ),
          );
        }
      });
    }
    const interrupt = ctx.io.interrupt;
    const onInterrupt = (): void =>
      reject(new CliError(CliErrorCode.INTERRUPTED, 'interrupted', ExitCode.INTERRUPTED));
    if (interrupt.aborted) onInterrupt();
    else interrupt.addEventListener('abort', onInterrupt, { once: true });
  });
  failed.catch(() => {});
  options.beforeStart?.(client);
  try {
    const user = await Promise.race([client.start(), failed]);
    return { client, user, server: options.server, fastLogin, stateDir: options.stateDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Connects as the account remembered in the home directory, with its stored key only.
 *
 * @throws CliError `CLI_NOT_LOGGED_IN` when there is no remembered account or no stored key for the server.
 */
export async function openStored(
  ctx: CommandContext,
  options: {
    readonly store: 'file' | 'memory';
    readonly autoReceipts?: boolean;
    readonly beforeStart?: (client: Client) => void;
  },
): Promise<Connection> {
  const config = await loadConfig(ctx.home);
  const account = config.account;
  const server = resolveServer(ctx, config);
  ctx.failure.server = server;
  if (account === undefined) {
    throw new CliError(
      CliErrorCode.NOT_LOGGED_IN,
      `not logged in (home ${ctx.home}); run \`birdtalk login --id <uid> --password-stdin\` first`,
      ExitCode.AUTH,
    );
  }
  const stateDir = accountDir(ctx.home, server, account.userId);
  const key = await createFileKeyStore({ directory: join(stateDir, 'keys') }).load(
    server,
    toInt64(account.userId),
  );
  if (key === undefined) {
    throw new CliError(
      CliErrorCode.NOT_LOGGED_IN,
      `no stored key for user ${account.userId} on ${server}; run \`birdtalk login\` first`,
      ExitCode.AUTH,
    );
  }
  return open(ctx, config, {
    server,
    // The password is never stored: the stored key logs in, and a server that asks for more is refused above.
    credentials: { method: 'id', userId: account.userId, password: '' },
    keyOnly: true,
    stateDir,
    store: options.store,
    autoReceipts: options.autoReceipts ?? false,
    deviceId: config.deviceId,
    ...(options.beforeStart === undefined ? {} : { beforeStart: options.beforeStart }),
  });
}

/** Runs `body` with a connection as the remembered account, then stops the client whatever happened. */
export async function withStored<T>(
  ctx: CommandContext,
  body: (connection: Connection) => Promise<T>,
  options: { readonly store?: 'file' | 'memory'; readonly autoReceipts?: boolean } = {},
): Promise<T> {
  const connection = await openStored(ctx, { ...options, store: options.store ?? 'memory' });
  try {
    return await body(connection);
  } finally {
    await connection.close();
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Gives a group just joined or created a starting point in the account's delivery state, so that the next
 * `listen` shows the group's messages from now on (a group first seen by `listen` would start at that moment).
 */
export async function rememberGroupStart(connection: Connection, groupId: string): Promise<void> {
  const store = createFileStore({ directory: connection.stateDir });
  try {
    const positions = await store.loadPositions();
    if (positions.has(groupStream(groupId))) return;
    let newest = '0';
    for await (const message of connection.client.history(group(groupId))) {
      newest = message.id;
      break;
    }
    await store.savePosition(groupStream(groupId), newest);
  } finally {
    await store.close();
  }
}
