import { join } from 'node:path';
import type { ChatMessage, Client, ClientEvents } from '@birdtalk/client';
import { createNodeClient, type NodeTlsOptions } from '@birdtalk/client/node';
import type { EncType } from '@birdtalk/crypto';
import type { Random } from '@birdtalk/runtime';
import type { Credentials } from '@birdtalk/session';
import { createNodeConnector } from '@birdtalk/transport/node';
import type { FrameLog } from './frame-log.js';
import { Mismatch, type Waits } from './waits.js';

/** One throwaway account of an interop run. */
export interface Account {
  /** `a`, `b`, `c`: also the name of its state directory. */
  readonly label: string;
  readonly userName: string;
  readonly password: string;
  /** Set once registered. */
  userId: string;
  readonly encType: EncType;
  /** The running client, if any. */
  client: Client | undefined;
  /** Every message its current client delivered, in order. */
  readonly inbox: ChatMessage[];
  /** The `clientId` its first Hello carried (the device id kept in its state directory). */
  clientId: string;
}

/** What every check shares: the server, the accounts, the frame log, and ways to wait. */
export interface World {
  readonly server: string;
  readonly tls: NodeTlsOptions;
  readonly workDir: string;
  readonly frames: FrameLog;
  readonly waits: Waits;
  readonly random: Random;
  readonly accounts: { readonly a: Account; readonly b: Account; readonly c: Account };
  /** The group the run created (set by the group checks). */
  groupId: string | undefined;
}

/** A short random hex string (account names, texts). */
export function token(random: Random, bytes = 4): string {
  return [...random.bytes(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A new account description; nothing is sent. */
export function newAccount(random: Random, prefix: string, label: string, encType: EncType): Account {
  return {
    label,
    userName: `${prefix}-${label}`,
    password: `pw-${token(random, 12)}`,
    userId: '0',
    encType,
    client: undefined,
    inbox: [],
    clientId: '',
  };
}

/**
 * Starts a client for an account: registers it the first time, then logs in by id (the stored key first).
 * `stateDir` names its state directory under the run's work directory; a new name means no stored key.
 */
export async function startClient(
  world: World,
  account: Account,
  options: { stateDir?: string; register?: boolean } = {},
): Promise<{ client: Client; ready: ClientEvents['ready'] }> {
  const credentials: Credentials = options.register
    ? { method: 'register', userName: account.userName, password: account.password }
    : { method: 'id', userId: account.userId, password: account.password };
  const trust = {
    ...(world.tls.pinSha256 === undefined ? {} : { pinSha256: world.tls.pinSha256 }),
    ...(world.tls.ca === undefined ? {} : { ca: world.tls.ca }),
    ...(world.tls.dangerouslyDisableTlsVerification ? { dangerouslyDisableTlsVerification: true } : {}),
  };
  const client = createNodeClient(
    {
      server: world.server,
      credentials,
      stateDir: join(world.workDir, options.stateDir ?? account.label),
      tls: world.tls,
      session: { encType: account.encType, reconnectMaxAttempts: 3 },
      catchUp: 'latest',
    },
    { connector: world.frames.wrap(createNodeConnector(trust)) },
  );
  account.inbox.length = 0;
  client.on('message', (message) => {
    account.inbox.push(message);
  });
  const ready = client.once('ready');
  try {
    const user = await world.waits.within(client.start(), 'login');
    if (options.register) account.userId = user.userId;
    else if (user.userId !== account.userId) {
      throw new Mismatch(`logged in as ${user.userId}, expected ${account.userId}`);
    }
  } catch (error) {
    await client.stop({ drainTimeoutMs: 0 }).catch(() => undefined);
    throw error;
  }
  account.client = client;
  return { client, ready: await ready };
}

/** The running client of an account. @throws Mismatch when it has none (an earlier check failed). */
export function clientOf(account: Account): Client {
  if (account.client === undefined) throw new Mismatch(`account ${account.label} is not logged in`);
  return account.client;
}

/** Stops an account's client, if running. */
export async function stopClient(account: Account): Promise<void> {
  const client = account.client;
  account.client = undefined;
  await client?.stop({ drainTimeoutMs: 3_000 });
}
