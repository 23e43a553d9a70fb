import type { Store } from '@birdtalk/client';
import { DecodeError, InvalidArgumentError } from '@birdtalk/errors';
import { BotErrorCode } from '../bot-errors.js';

/**
 * Where session data lives between updates: one value per key. Values are JSON-compatible data (the adapters
 * that persist them store JSON text), so keep them small and plain.
 *
 * An adapter need not be atomic: {@link session} never runs two updates of one key at once in this process.
 */
export interface SessionStorage<T> {
  /** The value of a key; `undefined` when there is none. */
  read(key: string): Promise<T | undefined>;
  /** Stores the value of a key, replacing the previous one. */
  write(key: string, value: T): Promise<void>;
  /** Forgets a key; forgetting an absent one is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Session storage in memory: lost when the process ends. Values are copied in and out as JSON, so that a
 * handler that keeps a reference cannot change the stored value behind the session's back, and so that what
 * works here works with the persistent adapters too.
 */
export function createMemorySessionStorage<T>(): SessionStorage<T> {
  const values = new Map<string, string>();
  return {
    read: async (key) => {
      const text = values.get(key);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    write: async (key, value) => {
      values.set(key, encode(value, key));
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}

/** Options of {@link storeSessionStorage}. */
export interface StoreSessionStorageOptions {
  /**
   * Put before every key in the store, so that session data never collides with the client's own keys (such
   * as the device id) or with another session's.
   * @defaultValue `'session:'`
   */
  readonly prefix?: string;
  /**
   * Call the store's `flush()` after every write, so that a write resolves only once durable: a bot killed
   * right after a handler then still has the handler's session (the file store writes in the background
   * otherwise). Turn it off to trade that for speed.
   * @defaultValue true
   */
  readonly durable?: boolean;
}

/**
 * Session storage in a client {@link Store}'s key/value part: the file store of `@birdtalk/client/node`,
 * `@birdtalk/store-sqlite`, or any other implementation. That part may be shared with a running client, so a
 * bot can keep its sessions beside its delivery state (a separate store works as well). A value is one JSON
 * text; a deleted key is stored as the empty text, since a `Store` has no delete.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` when `store` has no `get` and `set`.
 */
export function storeSessionStorage<T>(
  store: Pick<Store, 'get' | 'set'> & Partial<Pick<Store, 'flush'>>,
  options: StoreSessionStorageOptions = {},
): SessionStorage<T> {
  if (typeof store?.get !== 'function' || typeof store.set !== 'function') {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'storeSessionStorage() needs a store with get and set',
    );
  }
  const prefix = options.prefix ?? 'session:';
  const durable = options.durable ?? true;
  const put = async (key: string, text: string): Promise<void> => {
    await store.set(prefix + key, text);
    if (durable) await store.flush?.();
  };
  return {
    read: async (key) => {
      const text = await store.get(prefix + key);
      if (text === undefined || text === '') return undefined;
      try {
        return JSON.parse(text) as T;
      } catch (cause) {
        throw new DecodeError(
          BotErrorCode.SESSION_DAMAGED,
          `the stored session ${JSON.stringify(key)} is not JSON`,
          {
            cause,
          },
        );
      }
    },
    write: (key, value) => put(key, encode(value, key)),
    delete: (key) => put(key, ''),
  };
}

function encode(value: unknown, key: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `the session ${JSON.stringify(key)} is not JSON data`);
  }
  return text;
}
