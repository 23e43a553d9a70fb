import type { Int64 } from '@birdtalk/proto';
import type { Logger } from '@birdtalk/runtime';
import type { Store } from './store/store.js';

/**
 * The key/value key of an account's block list. Keyed by the account because the key/value part of a store
 * may be shared (reference: `Store`), and a block list belongs to the user who blocked.
 */
export function blockListKey(account: Int64): string {
  return `blocked-users:${account}`;
}

/**
 * The users an account blocked, kept in the store so that a restarted client still knows them.
 *
 * Why locally: the server lists follows and fans, but not blocks, and following a user we blocked lets their
 * next P2P message crash the real server. A client that forgot a block (say, auto-follow-back
 * at the next login) would follow them again, and their client's outbox would then resend the fatal message
 * after every reconnect. So the list is the client's own record of `block()` and `unblock()`.
 */
export class BlockList {
  readonly #store: Store;
  readonly #logger: Logger;
  readonly #lists = new Map<Int64, Promise<Set<Int64>>>();
  /** The same lists once read: a send asks before every chat, and is then answered without a promise. */
  readonly #loaded = new Map<Int64, Set<Int64>>();
  readonly #listeners = new Set<(account: Int64, userId: Int64) => void>();
  #writes: Promise<unknown> = Promise.resolve();

  constructor(store: Store, logger: Logger) {
    this.#store = store;
    this.#logger = logger;
  }

  /** Whether `account` blocked `userId`. */
  async has(account: Int64, userId: Int64): Promise<boolean> {
    return (await this.#load(account)).has(userId);
  }

  /**
   * Whether `account` blocked `userId`: at once when the list was read already, else (the first time) as
   * {@link BlockList.has} does.
   */
  hasNow(account: Int64, userId: Int64): boolean | Promise<boolean> {
    const list = this.#loaded.get(account);
    return list === undefined ? this.has(account, userId) : list.has(userId);
  }

  /** Everyone `account` blocked, in ascending id order. */
  async all(account: Int64): Promise<Int64[]> {
    return sorted(await this.#load(account));
  }

  /** Records a block (durably, before it resolves) and tells the listeners. */
  async add(account: Int64, userId: Int64): Promise<void> {
    const list = await this.#load(account);
    const added = !list.has(userId);
    list.add(userId);
    await this.#save(account, list);
    if (added) for (const listener of this.#listeners) listener(account, userId);
  }

  /** Forgets a block. */
  async remove(account: Int64, userId: Int64): Promise<void> {
    const list = await this.#load(account);
    if (!list.delete(userId)) return;
    await this.#save(account, list);
  }

  /** Calls `listener` for every new block; returns a function that removes it. */
  onBlocked(listener: (account: Int64, userId: Int64) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #load(account: Int64): Promise<Set<Int64>> {
    let list = this.#lists.get(account);
    if (list === undefined) {
      list = this.#store.get(blockListKey(account)).then((text) => {
        const parsed = this.#parse(account, text);
        this.#loaded.set(account, parsed);
        return parsed;
      });
      // A failed read is not cached: the next call reads again.
      list.catch(() => this.#lists.delete(account));
      this.#lists.set(account, list);
    }
    return list;
  }

  #parse(account: Int64, text: string | undefined): Set<Int64> {
    if (text === undefined) return new Set();
    try {
      const value: unknown = JSON.parse(text);
      if (Array.isArray(value) && value.every((id) => typeof id === 'string' && /^[1-9][0-9]*$/.test(id))) {
        return new Set(value as Int64[]);
      }
    } catch {
      // Reported below.
    }
    this.#logger.warn('the stored block list is damaged; starting with an empty one', { account });
    return new Set();
  }

  /** Writes one after another, so that an older list never overwrites a newer one. */
  #save(account: Int64, list: Set<Int64>): Promise<void> {
    const write = this.#writes.then(() =>
      this.#store.set(blockListKey(account), JSON.stringify(sorted(list))),
    );
    this.#writes = write.catch(() => undefined);
    return write;
  }
}

function sorted(ids: Iterable<Int64>): Int64[] {
  return [...ids].sort((a, b) => {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
