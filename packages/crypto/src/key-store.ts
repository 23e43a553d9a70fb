import { keyPrintOf, sharedSecretLength } from './ecdh.js';
import { type EncType, isEncType } from './enc-type.js';
import { CryptoErrorCode, cryptoError } from './errors.js';

/**
 * The outcome of a completed key exchange, kept so the next connection can log in with a Hello carrying
 * `keyPrint` and a check token instead of a password.
 */
export interface StoredKey {
  /** The server the key was agreed with; keys are never shared between servers. */
  readonly serverUrl: string;
  /** The local account the key belongs to (the id or name the application logs in with). */
  readonly account: string;
  /** {@link keyPrintOf} the shared key: signed decimal, as `MsgHello.keyPrint` carries it. */
  readonly keyPrint: string;
  /** The 32-byte shared secret, used as the symmetric key. */
  readonly sharedKey: Uint8Array;
  /** The algorithm agreed at stage 1; check tokens must use the same one. */
  readonly encType: EncType;
  /** The user id the server bound to the key at login, once known. */
  readonly userId?: string;
  /** When the exchange completed, in milliseconds since the Unix epoch. */
  readonly createdAt: number;
}

/**
 * Where completed key exchanges are kept, one per (server, account). Implementations hand out copies, so a
 * caller that wipes or changes a loaded key does not change the stored one.
 */
export interface KeyStore {
  /** The key saved for this server and account, or `undefined` when there is none (or it is unusable). */
  load(serverUrl: string, account: string): Promise<StoredKey | undefined>;
  /**
   * Saves `key`, replacing any key of the same server and account.
   *
   * @throws CryptoError `CRYPTO_BAD_STORED_KEY` when its fields are inconsistent (see {@link checkStoredKey}).
   */
  save(key: StoredKey): Promise<void>;
  /** Forgets the key of this server and account; forgetting a key that is not there is not an error. */
  remove(serverUrl: string, account: string): Promise<void>;
}

const decimalPattern = /^(?:0|-?[1-9][0-9]*)$/;

/**
 * Why `key` is not a valid {@link StoredKey}, or `undefined` when it is. The keyPrint must be the one the
 * shared key yields: a mismatch means the record is damaged, and the server would refuse it anyway.
 */
export function storedKeyProblem(key: unknown): string | undefined {
  if (typeof key !== 'object' || key === null) return 'not an object';
  const k = key as Record<string, unknown>;
  if (typeof k.serverUrl !== 'string') return 'serverUrl is not a string';
  if (typeof k.account !== 'string') return 'account is not a string';
  if (!(k.sharedKey instanceof Uint8Array) || k.sharedKey.length !== sharedSecretLength) {
    return `sharedKey is not ${sharedSecretLength} bytes`;
  }
  if (typeof k.keyPrint !== 'string' || !decimalPattern.test(k.keyPrint))
    return 'keyPrint is not decimal text';
  if (k.keyPrint !== keyPrintOf(k.sharedKey)) return 'keyPrint does not match sharedKey';
  if (!isEncType(k.encType)) return 'encType is not AES-CTR or chacha20';
  if (k.userId !== undefined && typeof k.userId !== 'string') return 'userId is not a string';
  if (typeof k.createdAt !== 'number' || !Number.isFinite(k.createdAt)) return 'createdAt is not a number';
  return undefined;
}

/**
 * @throws CryptoError `CRYPTO_BAD_STORED_KEY` unless `key` is a consistent {@link StoredKey}.
 */
export function checkStoredKey(key: StoredKey): void {
  const problem = storedKeyProblem(key);
  if (problem !== undefined) {
    throw cryptoError(CryptoErrorCode.BAD_STORED_KEY, `Cannot store the key: ${problem}`);
  }
}

/** A copy of `key` with its own `sharedKey` array and no stray properties. */
export function copyStoredKey(key: StoredKey): StoredKey {
  return {
    serverUrl: key.serverUrl,
    account: key.account,
    keyPrint: key.keyPrint,
    sharedKey: key.sharedKey.slice(),
    encType: key.encType,
    ...(key.userId === undefined ? {} : { userId: key.userId }),
    createdAt: key.createdAt,
  };
}

/**
 * A {@link KeyStore} in memory, for tests and for processes that re-exchange keys on every start.
 */
export function createMemoryKeyStore(): KeyStore {
  const keys = new Map<string, StoredKey>();
  // A JSON array keeps ("a:b", "c") and ("a", "b:c") apart.
  const slot = (serverUrl: string, account: string): string => JSON.stringify([serverUrl, account]);
  return {
    async load(serverUrl, account) {
      const key = keys.get(slot(serverUrl, account));
      return key === undefined ? undefined : copyStoredKey(key);
    },
    async save(key) {
      checkStoredKey(key);
      keys.set(slot(key.serverUrl, key.account), copyStoredKey(key));
    },
    async remove(serverUrl, account) {
      keys.delete(slot(serverUrl, account));
    },
  };
}
