import type { Store } from '@birdtalk/client';
import { DecodeError, InvalidArgumentError } from '@birdtalk/errors';
import { BotErrorCode } from '../bot-errors.js';

/** A session's value with the version it was read at (see {@link SessionStorage.readVersioned}). */
export interface VersionedSession<T> {
  /** The value; `undefined` when there is none. */
  readonly value: T | undefined;
  /** What the storage compares a conditional write against; `undefined` for a key never written. */
  readonly version: string | undefined;
}

/**
 * Where session data lives between updates: one value per key. Values are JSON-compatible data (the adapters
 * that persist them store JSON text), so keep them small and plain.
 *
 * {@link session} never runs two updates of one key at once in one process. Processes sharing a storage need
 * its versioned pair, `readVersioned` and `writeIfVersion`: with them, a write that finds the value changed
 * since it was read is refused, and the session runs the update again. Every adapter here has them.
 */
export interface SessionStorage<T> {
  /** The value of a key; `undefined` when there is none. */
  read(key: string): Promise<T | undefined>;
  /** Stores the value of a key, replacing the previous one. */
  write(key: string, value: T): Promise<void>;
  /** Forgets a key; forgetting an absent one is not an error. */
  delete(key: string): Promise<void>;
  /** The value of a key with its version. */
  readVersioned?(key: string): Promise<VersionedSession<T>>;
  /**
   * Stores `value` (`undefined` deletes) only if the key is still at `version`, atomically among every process
   * sharing the storage; resolves with whether it did. It may also refuse while another writer is writing the
   * key: the caller reads again.
   */
  writeIfVersion?(key: string, value: T | undefined, version: string | undefined): Promise<boolean>;
}

/**
 * Session storage in memory: lost when the process ends. Values are copied in and out as JSON, so that a
 * handler that keeps a reference cannot change the stored value behind the session's back, and so that what
 * works here works with the persistent adapters too. Versioned: bots in one process sharing it behave as bots
 * in several processes sharing a persistent storage.
 */
export function createMemorySessionStorage<T>(): SessionStorage<T> {
  // A deleted key keeps its version, so that a writer that read it before the delete is refused.
  const entries = new Map<string, { readonly text: string | undefined; readonly version: number }>();
  const put = (key: string, text: string | undefined): void => {
    entries.set(key, { text, version: (entries.get(key)?.version ?? 0) + 1 });
  };
  const parse = (text: string | undefined): T | undefined =>
    text === undefined ? undefined : (JSON.parse(text) as T);
  return {
    read: async (key) => parse(entries.get(key)?.text),
    write: async (key, value) => put(key, encode(value, key)),
    delete: async (key) => {
      if (entries.get(key)?.text !== undefined) put(key, undefined);
    },
    readVersioned: async (key) => {
      const entry = entries.get(key);
      return { value: parse(entry?.text), version: entry === undefined ? undefined : String(entry.version) };
    },
    writeIfVersion: async (key, value, version) => {
      const entry = entries.get(key);
      if ((entry === undefined ? undefined : String(entry.version)) !== version) return false;
      put(key, value === undefined ? undefined : encode(value, key));
      return true;
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

/** How a versioned write stores a value: `v<version>:<JSON>`, or `v<version>:` once deleted. */
const VERSIONED = /^v(\d+):/;

/**
 * Session storage in a client {@link Store}'s key/value part: the file store of `@birdtalk/client/node`,
 * `@birdtalk/store-sqlite`, `@birdtalk/store-redis`, or any other implementation. That part may be shared
 * with a running client, so a bot can keep its sessions beside its delivery state (a separate store works as
 * well), and by several processes: versioned writes go through the store's `compareAndSet`, and a value
 * written by one carries its version (`v7:{"count":3}`). A deleted key is stored as the empty text (or
 * `v8:`), since a `Store` has no delete.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` when `store` has no `get` and `set`.
 */
export function storeSessionStorage<T>(
  store: Pick<Store, 'get' | 'set'> & Partial<Pick<Store, 'flush' | 'compareAndSet'>>,
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
  const decode = (key: string, text: string | undefined): T | undefined => {
    const json = text?.replace(VERSIONED, '');
    if (json === undefined || json === '') return undefined;
    try {
      return JSON.parse(json) as T;
    } catch (cause) {
      throw new DecodeError(
        BotErrorCode.SESSION_DAMAGED,
        `the stored session ${JSON.stringify(key)} is not JSON`,
        { cause },
      );
    }
  };
  const storage: SessionStorage<T> = {
    read: async (key) => decode(key, await store.get(prefix + key)),
    write: (key, value) => put(key, encode(value, key)),
    delete: (key) => put(key, ''),
  };
  const compareAndSet = store.compareAndSet?.bind(store);
  if (compareAndSet === undefined) return storage;
  return {
    ...storage,
    readVersioned: async (key) => {
      // The stored text is the version: it carries a counter, so it never comes back once replaced.
      const text = await store.get(prefix + key);
      return { value: decode(key, text), version: text };
    },
    writeIfVersion: async (key, value, version) => {
      const previous = version === undefined ? 0 : Number(VERSIONED.exec(version)?.[1] ?? 0);
      const text = `v${previous + 1}:${value === undefined ? '' : encode(value, key)}`;
      return compareAndSet(prefix + key, version, text);
    },
  };
}

function encode(value: unknown, key: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', `the session ${JSON.stringify(key)} is not JSON data`);
  }
  return text;
}
