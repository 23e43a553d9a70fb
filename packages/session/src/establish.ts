import type { StoredKey } from '@birdtalk/crypto';
import { toInt64, type UserInfo } from '@birdtalk/proto';
import { describeError } from './events.js';
import { forgetKey, type HandshakeContext, runHandshake } from './handshake.js';
import { logIn } from './login.js';
import type { CodeRequest, Credentials, ResolvedSessionOptions } from './options.js';
import { sanitizeUser } from './secrets.js';

/** What bringing one connection to a logged-in state needs. */
export interface EstablishContext
  extends Pick<
    HandshakeContext,
    'conn' | 'clock' | 'random' | 'logger' | 'scrubber' | 'keyStore' | 'ecdh' | 'hello'
  > {
  readonly options: ResolvedSessionOptions;
  /** The credentials as they stand now (a completed registration has turned them into an id login). */
  readonly credentials: Credentials;
  /** The key-store account the key of this session is kept under. */
  readonly account: string;
  readonly requestCode: ((request: CodeRequest) => Promise<string>) | undefined;
  /** Aborts a pending code request when the connection or session goes away; made when first asked for. */
  readonly signal: () => AbortSignal;
  /** Reports progress: `'hello'`, `'key-exchange'`, `'awaiting-login'`. */
  readonly onStage: (stage: 'hello' | 'key-exchange' | 'awaiting-login') => void;
  /** `false`: log in with the password even when a stored key could (see `verifyPassword`). */
  readonly useStoredKey?: boolean;
}

/** A registration this connection completed: later connections use these credentials and account. */
export interface Registration {
  readonly credentials: Credentials;
  readonly account: string;
  /** The new account's user (secret params removed). */
  readonly user: UserInfo;
}

/** What establishing a connection changed; the caller owns the state and applies it. */
export interface Established {
  /** The logged-in user (secret params removed). */
  readonly user: UserInfo;
  /** The key of the key exchange, for signed URLs and the next fast login. */
  readonly key: StoredKey | undefined;
  /** Whether the stored key logged this connection in (no password was sent). */
  readonly fastLogin: boolean;
  /** Set when this connection completed a registration. */
  readonly registration: Registration | undefined;
}

/**
 * Shakes hands and logs in (or registers) on a fresh connection. It changes no session
 * state: everything that changed comes back in {@link Established}.
 */
export async function establish(context: EstablishContext): Promise<Established> {
  const { conn, options, credentials } = context;
  // Named one by one rather than spread from the context: a spread copy of this many fields cost a re-login
  // kilobytes of garbage, which a burst of thousands of reconnecting sessions pays in collections.
  const outcome = await runHandshake({
    conn,
    clock: context.clock,
    random: context.random,
    logger: context.logger,
    scrubber: context.scrubber,
    keyStore: context.keyStore,
    ecdh: context.ecdh,
    hello: context.hello,
    serverUrl: options.url,
    account: context.account,
    expectedUserId: credentials.method === 'id' ? toInt64(credentials.userId) : undefined,
    keyExchange: options.keyExchange,
    encType: options.encType,
    maxKeyExchangeAttempts: options.maxKeyExchangeAttempts,
    stageTimeoutMs: options.handshakeStageTimeoutMs,
    onStage: context.onStage,
    useStoredKey: context.useStoredKey !== false,
  });
  if (outcome.loggedIn) {
    conn.fastLogin = true;
    // A key kept under a registration's name logs in only once the server has bound it to the new account:
    // the registration went through even if its reply was lost, and must never run again.
    const registration =
      credentials.method === 'register'
        ? await registered(context, credentials, outcome.user, outcome.key)
        : undefined;
    const key =
      registration === undefined
        ? outcome.key
        : await bindKey(context, outcome.key, outcome.user, registration.account);
    return { user: sanitizeUser(outcome.user), key, fastLogin: true, registration };
  }
  context.onStage('awaiting-login');
  let login: Awaited<ReturnType<typeof logIn>>;
  try {
    login = await logIn({
      conn,
      credentials,
      scrubber: context.scrubber,
      timeoutMs: options.requestTimeoutMs,
      maxCodeAttempts: options.maxCodeAttempts,
      requestCode: context.requestCode,
      signal: context.signal(),
    });
  } catch (error) {
    // A password that was checked instead of the stored key, and refused: the key it would have replaced still
    // logs in, so it goes back (a typo must not cost the working key).
    if (outcome.unused !== undefined) await restoreKey(context, outcome.unused);
    throw error;
  }
  const user = login.user;
  const registration =
    login.registered && credentials.method === 'register'
      ? await registered(context, credentials, user, outcome.key)
      : undefined;
  const key = await bindKey(context, outcome.key, user, registration?.account ?? context.account);
  return { user: sanitizeUser(user), key, fastLogin: false, registration };
}

/**
 * A registration is done: later connections log in by the new id, and the key moves from the registration's
 * account name to the new id (unless the caller named the account).
 */
async function registered(
  context: EstablishContext,
  credentials: Extract<Credentials, { method: 'register' }>,
  user: UserInfo,
  key: StoredKey | undefined,
): Promise<Registration> {
  let account = context.account;
  if (context.options.account === `register:${credentials.userName}`) {
    if (key !== undefined) await forgetKey(keyContext(context, account));
    account = user.userId;
  }
  return {
    credentials: { method: 'id', userId: user.userId, password: credentials.password },
    account,
    user: sanitizeUser(user),
  };
}

/** The server bound the key to this user at login; remember that, so the next token login is checked. */
async function bindKey(
  context: EstablishContext,
  key: StoredKey | undefined,
  user: UserInfo,
  account: string,
): Promise<StoredKey | undefined> {
  if (key === undefined || (key.userId === user.userId && key.account === account)) return key;
  const bound = { ...key, account, userId: user.userId };
  try {
    await context.keyStore.save(bound);
  } catch (error) {
    context.logger.warn('the key store could not update the key', { error: describeError(error) });
  }
  return bound;
}

async function restoreKey(context: EstablishContext, key: StoredKey): Promise<void> {
  try {
    await context.keyStore.save(key);
  } catch (error) {
    context.logger.warn('the key store could not restore the key', { error: describeError(error) });
  }
}

/** What {@link forgetKey} needs to forget the key of `account`. */
export function keyContext(
  context: Pick<EstablishContext, 'keyStore' | 'logger' | 'options'>,
  account: string,
): Parameters<typeof forgetKey>[0] {
  return { keyStore: context.keyStore, serverUrl: context.options.url, account, logger: context.logger };
}
