import {
  type EcdhProvider,
  type EncType,
  type KeyStore,
  keyPrintOf,
  makeCheckToken,
  makeTempKey,
  openTempKey,
  publicKeyFromPem,
  type StoredKey,
} from '@birdtalk/crypto';
import { type BirdTalkError, ProtocolError } from '@birdtalk/errors';
import {
  ErrorMsgType,
  type Int64,
  type MsgError,
  toInt64,
  type UserInfo,
  UserOperationType,
} from '@birdtalk/proto';
import type { Clock, Logger, Random } from '@birdtalk/runtime';
import type { Connection } from './connection.js';
import type { Inbound } from './dispatch.js';
import { errorFromServer, SessionErrorCode } from './errors.js';
import { describeError } from './events.js';
import type { HelloInfo } from './hello-info.js';
import type { SecretScrubber } from './secrets.js';

/**
 * The handshake of one connection, up to the point where it is logged in or ready to log in: a token Hello with the stored key (fast re-login), else a plain Hello and — when enabled — the
 * four-stage key exchange, whose key is stored only once stage 4 confirms it.
 */

/** What the handshake needs. */
export interface HandshakeContext {
  readonly conn: Connection;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  readonly scrubber: SecretScrubber;
  readonly keyStore: KeyStore;
  readonly ecdh: EcdhProvider;
  readonly serverUrl: string;
  readonly account: string;
  /** The user the key must log in, when the credentials name one (an id login). */
  readonly expectedUserId: Int64 | undefined;
  readonly hello: HelloInfo & { readonly clientId: string };
  readonly keyExchange: boolean;
  /**
   * `false`: do not log in with the stored key (a plain Hello and, when enabled, a new key exchange), so that the
   * password is checked. @defaultValue true
   */
  readonly useStoredKey?: boolean;
  readonly encType: EncType;
  readonly maxKeyExchangeAttempts: number;
  readonly stageTimeoutMs: number;
  /** Reports the handshake's progress (`'hello'`, `'key-exchange'`). */
  readonly onStage: (stage: 'hello' | 'key-exchange') => void;
}

/** Where the handshake left the connection. */
export type HandshakeOutcome =
  /** The stored key logged the user in (the server answered the token Hello with `loginok`). */
  | { readonly loggedIn: true; readonly user: UserInfo; readonly key: StoredKey }
  /** The server waits for a login or registration; `key` is the key it will bind to the user, if any. */
  | {
      readonly loggedIn: false;
      readonly key: StoredKey | undefined;
      /** The stored key this handshake did not use (`useStoredKey: false`); a refused login puts it back. */
      readonly unused?: StoredKey;
    };

/** Runs the handshake on a fresh connection. Never sends Hello or KeyExchange after a login. */
export async function runHandshake(context: HandshakeContext): Promise<HandshakeOutcome> {
  context.onStage('hello');
  const stored = context.keyExchange ? await loadKey(context) : undefined;
  const useStored = context.useStoredKey !== false;
  if (stored !== undefined && useStored) {
    const outcome = await tokenHello(context, stored);
    if (outcome !== undefined) return outcome;
  }
  const unused = useStored ? undefined : stored;
  await plainHello(context);
  if (!context.keyExchange) return { loggedIn: false, key: undefined };
  context.onStage('key-exchange');
  const key = await exchangeKeys(context);
  return unused === undefined ? { loggedIn: false, key } : { loggedIn: false, key, unused };
}

async function loadKey(context: HandshakeContext): Promise<StoredKey | undefined> {
  try {
    return await context.keyStore.load(context.serverUrl, context.account);
  } catch (error) {
    context.logger.warn('the key store could not load a key; exchanging a new one', {
      error: describeError(error),
    });
    return undefined;
  }
}

/** Forgets the stored key: the server no longer knows it, or it logged in the wrong user. */
export async function forgetKey(
  context: Pick<HandshakeContext, 'keyStore' | 'serverUrl' | 'account' | 'logger'>,
): Promise<void> {
  try {
    await context.keyStore.remove(context.serverUrl, context.account);
  } catch (error) {
    context.logger.warn('the key store could not remove a key', { error: describeError(error) });
  }
}

/**
 * The token Hello. Returns `undefined` when the key was refused (errors 2 and 13): the key is
 * then forgotten and the caller goes on with a plain Hello on the same connection.
 */
async function tokenHello(context: HandshakeContext, key: StoredKey): Promise<HandshakeOutcome | undefined> {
  const { conn } = context;
  const tm = context.clock.now();
  const checkTokenData = makeCheckToken(key.encType, key.sharedKey, tm, context.random);
  context.scrubber.remember(checkTokenData);
  conn.send(
    {
      kind: 'hello',
      clientId: context.hello.clientId,
      version: context.hello.version,
      platform: context.hello.platform,
      params: context.hello.params,
      keyPrint: key.keyPrint,
      checkTokenData,
    },
    tm,
  );
  const answer = await conn.waitFor(
    (inbound) => {
      if (inbound.kind === 'error') return inbound;
      if (inbound.kind === 'hello') return inbound;
      // A successful token login is answered by a Login result, not by a Hello.
      if (inbound.kind === 'user-op-result' && inbound.result.operation === UserOperationType.Login)
        return inbound;
      return undefined;
    },
    context.stageTimeoutMs,
    'hello',
  );
  if (answer.kind === 'error') {
    const code = answer.error.code;
    if (code === ErrorMsgType.ErrTKeyPrint || code === ErrorMsgType.ErrTCheckData) {
      // The server does not know the key (2) or cannot verify it (13): drop it and start over.
      context.logger.info('the server refused the stored key; exchanging a new one', { serverCode: code });
      await forgetKey(context);
      return undefined;
    }
    throw refusedAt('hello', answer.error);
  }
  if (answer.kind === 'hello') {
    if (answer.hello.stage === 'needlogin') return { loggedIn: false, key };
    throw unexpectedAt('hello', `a Hello with stage "${answer.hello.stage}" after a token Hello`);
  }
  if (answer.kind !== 'user-op-result') throw unexpectedAt('hello', 'an unexpected answer');
  const result = answer.result;
  const user = result.users[0];
  if (result.status !== 'loginok' || user === undefined || user.userId === '0') {
    throw unexpectedAt('hello', `a Login result with status "${result.status}"`);
  }
  // The key must log in the account it was stored for; anything else means it is not ours to use.
  const expected = key.userId ?? context.expectedUserId;
  if (expected !== undefined && toInt64(expected) !== user.userId) {
    await forgetKey(context);
    throw new ProtocolError(
      SessionErrorCode.HANDSHAKE_WRONG_ACCOUNT,
      'the stored key logged in another user than the configured account; it was forgotten',
      { request: 'handshake.hello', details: { stage: 'hello', expected, actual: user.userId } },
    );
  }
  conn.loggedIn = true;
  conn.selfId = user.userId;
  return { loggedIn: true, user, key };
}

/** The plain Hello: the server answers `waitlogin`. */
async function plainHello(context: HandshakeContext): Promise<void> {
  const { conn } = context;
  conn.send({
    kind: 'hello',
    clientId: context.hello.clientId,
    version: context.hello.version,
    platform: context.hello.platform,
    params: context.hello.params,
  });
  const answer = await conn.waitFor(
    (inbound) => (inbound.kind === 'error' || inbound.kind === 'hello' ? inbound : undefined),
    context.stageTimeoutMs,
    'hello',
  );
  if (answer.kind === 'error') throw refusedAt('hello', answer.error);
  if (answer.hello.stage !== 'waitlogin') {
    throw unexpectedAt('hello', `a Hello with stage "${answer.hello.stage}" instead of "waitlogin"`);
  }
}

/**
 * The key exchange. Error 11 — the server's copy of the secret lost a leading zero byte,
 * about one exchange in 256 — is retried with a fresh key pair, up to `maxKeyExchangeAttempts` pairs.
 */
async function exchangeKeys(context: HandshakeContext): Promise<StoredKey> {
  for (let attempt = 1; attempt <= context.maxKeyExchangeAttempts; attempt += 1) {
    const key = await exchangeOnce(context);
    if (key !== undefined) return key;
    context.logger.info('the server refused the key pair (error 11); trying a fresh one', { attempt });
  }
  throw new ProtocolError(
    SessionErrorCode.HANDSHAKE_KEY_RETRIES,
    `the server refused ${context.maxKeyExchangeAttempts} key pairs in a row`,
    { request: 'handshake.key-exchange-1', details: { stage: 'key-exchange-1' } },
  );
}

/** One exchange with one key pair; `undefined` when the server refused the pair with error 11. */
async function exchangeOnce(context: HandshakeContext): Promise<StoredKey | undefined> {
  const { conn, encType } = context;
  const pair = await context.ecdh.generateKeyPair();
  conn.send({ kind: 'key-exchange-1', publicKeyPem: pair.publicKeyPem, encType });
  const stage2 = await conn.waitFor(
    (inbound) => (inbound.kind === 'error' || inbound.kind === 'key-exchange' ? inbound : undefined),
    context.stageTimeoutMs,
    'key-exchange-1',
  );
  if (stage2.kind === 'error') {
    if (stage2.error.code === ErrorMsgType.ErrTPublicKey) return undefined;
    throw refusedAt('key-exchange-1', stage2.error);
  }
  if (stage2.keyEx.stage !== 2)
    throw unexpectedAt('key-exchange-1', `stage ${stage2.keyEx.stage} instead of 2`);
  conn.stage2Received = true;
  const secret = await verifyStage2(context, pair, stage2);

  const tm = context.clock.now();
  conn.send(
    {
      kind: 'key-exchange-3',
      keyPrint: keyPrintOf(secret),
      tempKey: makeTempKey(encType, secret, tm, context.random),
      encType,
    },
    tm,
  );
  const stage4 = await conn.waitFor(
    (inbound) => (inbound.kind === 'error' || inbound.kind === 'key-exchange' ? inbound : undefined),
    context.stageTimeoutMs,
    'key-exchange-3',
  );
  if (stage4.kind === 'error') throw refusedAt('key-exchange-3', stage4.error);
  if (stage4.keyEx.stage !== 4)
    throw unexpectedAt('key-exchange-3', `stage ${stage4.keyEx.stage} instead of 4`);
  // Only now has the server confirmed the key (and stored its token): this is the one place a key is saved.
  const key: StoredKey = {
    serverUrl: context.serverUrl,
    account: context.account,
    keyPrint: keyPrintOf(secret),
    sharedKey: secret,
    encType,
    createdAt: context.clock.now(),
  };
  try {
    await context.keyStore.save(key);
  } catch (error) {
    context.logger.warn('the key store could not save the key; it is used for this connection only', {
      error: describeError(error),
    });
  }
  return key;
}

/**
 * Checks stage 2 before anything else is sent: the server's keyPrint must be ours, and its
 * tempKey must decrypt to the decimal of that message's `Msg.tm`. A server that fails either check does not
 * hold our secret, so the handshake stops.
 */
async function verifyStage2(
  context: HandshakeContext,
  pair: Awaited<ReturnType<EcdhProvider['generateKeyPair']>>,
  stage2: Extract<Inbound, { kind: 'key-exchange' }>,
): Promise<Uint8Array> {
  let secret: Uint8Array;
  try {
    secret = await pair.deriveSecret(publicKeyFromPem(stage2.keyEx.pubKey));
  } catch (error) {
    throw unverified('publicKey', 'the server public key of stage 2 is not a usable P-256 key', error);
  }
  if (keyPrintOf(secret) !== stage2.keyEx.keyPrint) {
    throw unverified('keyPrint', 'the keyPrint of stage 2 does not match the shared secret');
  }
  let plaintext: string;
  try {
    plaintext = openTempKey(context.encType, secret, stage2.keyEx.tempKey);
  } catch (error) {
    throw unverified('tempKey', 'the tempKey of stage 2 cannot be decrypted', error);
  }
  if (plaintext !== stage2.msg.tm) {
    throw unverified('tempKey', 'the tempKey of stage 2 does not decrypt to its Msg.tm');
  }
  return secret;
}

function unverified(check: string, message: string, cause?: unknown): ProtocolError {
  return new ProtocolError(SessionErrorCode.HANDSHAKE_UNVERIFIED, message, {
    request: 'handshake.key-exchange-2',
    details: { stage: 'key-exchange-2', check },
    ...(cause === undefined ? {} : { cause }),
  });
}

function refusedAt(stage: string, error: MsgError): BirdTalkError {
  const cause = errorFromServer(error, `handshake.${stage}`);
  return new ProtocolError(
    SessionErrorCode.HANDSHAKE_REFUSED,
    `the server refused ${stage}: ${cause.message}`,
    {
      serverCode: error.code,
      serverDetail: error.detail,
      request: `handshake.${stage}`,
      details: { stage },
      cause,
    },
  );
}

function unexpectedAt(stage: string, what: string): ProtocolError {
  return new ProtocolError(SessionErrorCode.HANDSHAKE_UNEXPECTED, `${stage}: the server sent ${what}`, {
    request: `handshake.${stage}`,
    details: { stage },
  });
}
