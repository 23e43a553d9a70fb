import type { CryptoError } from '@birdtalk/errors';
import { CryptoErrorCode, cryptoError } from './errors.js';
import { decodeKeyRecord, encodeKeyRecord } from './key-record.js';
import { checkStoredKey, type KeyStore } from './key-store.js';

/** The part of the Web Storage API (`localStorage`, `sessionStorage`) a {@link createWebStorageKeyStore} uses. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Options of {@link createWebStorageKeyStore}. */
export interface WebStorageKeyStoreOptions {
  /** Where the keys live; the page's `localStorage` by default. */
  readonly storage?: WebStorageLike;
  /**
   * What every entry's name starts with, so the keys of several applications on one origin stay apart.
   * @defaultValue `'birdtalk-key:'`
   */
  readonly prefix?: string;
  /**
   * Told about every problem that did not stop the store: an unreadable storage or a damaged entry (then
   * treated as no key). Warnings never contain key material.
   */
  readonly onWarning?: (warning: CryptoError) => void;
}

/** The defaults of {@link WebStorageKeyStoreOptions}. */
export const DEFAULT_WEB_STORAGE_KEY_PREFIX = 'birdtalk-key:';

/**
 * A {@link KeyStore} in a browser's Web Storage, so a page logs in without a password after a reload: one
 * entry per (server, account), holding the same JSON record the Node key files hold.
 *
 * Anything that runs script on the page's origin can read `localStorage`, and the stored key logs in as the
 * user, just like a session cookie readable by script would: keep the origin free of third-party script, or
 * pass `sessionStorage` (forgotten with the tab) or {@link createMemoryKeyStore} (forgotten with the page).
 *
 * A storage that refuses access (privacy modes, a full quota) fails `save` and `remove` with
 * `CRYPTO_KEYSTORE_WRITE_FAILED`; `load` never rejects and reports such problems through `onWarning`.
 *
 * @throws CryptoError `CRYPTO_BAD_ARGUMENT` when no storage is given and the runtime has no `localStorage`.
 */
export function createWebStorageKeyStore(options: WebStorageKeyStoreOptions = {}): KeyStore {
  const storage = options.storage ?? defaultStorage();
  const prefix = options.prefix ?? DEFAULT_WEB_STORAGE_KEY_PREFIX;
  // A JSON array keeps ("a:b", "c") and ("a", "b:c") apart.
  const entryOf = (serverUrl: string, account: string): string =>
    `${prefix}${JSON.stringify([serverUrl, account])}`;
  const warn = (warning: CryptoError): void => {
    try {
      options.onWarning?.(warning);
    } catch {
      // A failing warning handler must not turn a tolerated problem into a failed login.
    }
  };

  const ignore = (problem: string): undefined => {
    warn(cryptoError(CryptoErrorCode.BAD_STORED_KEY, `The stored key is ignored: ${problem}`));
    return undefined;
  };

  return {
    async load(serverUrl, account) {
      let text: string | null;
      try {
        text = storage.getItem(entryOf(serverUrl, account));
      } catch (cause) {
        warn(
          cryptoError(CryptoErrorCode.KEYSTORE_UNREADABLE, 'The key storage could not be read', { cause }),
        );
        return undefined;
      }
      if (text === null) return undefined;
      const key = decodeKeyRecord(text);
      if (typeof key === 'string') return ignore(key);
      // The entry name is only a lookup: a value copied from another pair's entry must not log in as this one.
      if (key.serverUrl !== serverUrl || key.account !== account) {
        return ignore('it belongs to another server or account');
      }
      return key;
    },

    async save(key) {
      checkStoredKey(key);
      try {
        storage.setItem(entryOf(key.serverUrl, key.account), encodeKeyRecord(key));
      } catch (cause) {
        throw cryptoError(CryptoErrorCode.KEYSTORE_WRITE_FAILED, 'The key could not be stored', { cause });
      }
    },

    async remove(serverUrl, account) {
      try {
        storage.removeItem(entryOf(serverUrl, account));
      } catch (cause) {
        throw cryptoError(CryptoErrorCode.KEYSTORE_WRITE_FAILED, 'The stored key could not be removed', {
          cause,
        });
      }
    },
  };
}

function defaultStorage(): WebStorageLike {
  let storage: WebStorageLike | undefined;
  try {
    storage = (globalThis as { localStorage?: WebStorageLike }).localStorage;
  } catch {
    // Some browsers throw on the mere access when storage is disabled.
  }
  if (storage === undefined) {
    throw cryptoError(
      CryptoErrorCode.BAD_ARGUMENT,
      'There is no localStorage here: pass options.storage, or use createMemoryKeyStore()',
    );
  }
  return storage;
}
