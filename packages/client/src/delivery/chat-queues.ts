import { TransientMap } from '@birdtalk/runtime';

/**
 * Per-conversation queues: items of one key are worked on one at a time, in order; items of different keys
 * concurrently. Messages of one chat thus reach the application in order, and a slow chat does not hold up the
 * others.
 */
export class ChatQueues<T> {
  readonly #worker: (item: T) => Promise<void> | undefined;
  readonly #queues = new TransientMap<string, T[]>();
  #active = 0;
  #queued = 0;
  #idleWaiters: Array<() => void> = [];
  #belowWaiters: Array<{ limit: number; wake: () => void }> = [];

  /**
   * @param worker - handles one item; it must not reject (its failures are its own business). It returns
   *   `undefined` when it finished the item synchronously: the queue then goes on to the next item at once,
   *   without a promise and a turn of the microtask queue per item.
   */
  constructor(worker: (item: T) => Promise<void> | undefined) {
    this.#worker = worker;
  }

  /** Items being worked on. */
  get active(): number {
    return this.#active;
  }

  /** Items waiting. */
  get queued(): number {
    return this.#queued;
  }

  /** Appends an item to the queue of `key` and starts it if that queue is idle. */
  push(key: string, item: T): void {
    const queue = this.#queues.get(key);
    if (queue !== undefined) {
      queue.push(item);
      this.#queued += 1;
      return;
    }
    this.#queues.set(key, []);
    void this.#run(key, item);
  }

  /** Resolves once nothing is waiting or being worked on. */
  whenIdle(): Promise<void> {
    if (this.#active === 0 && this.#queued === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Resolves once fewer than `limit` items are waiting or being worked on (back-pressure for producers). */
  whenBelow(limit: number): Promise<void> {
    if (this.#active + this.#queued < limit) return Promise.resolve();
    return new Promise((wake) => this.#belowWaiters.push({ limit, wake }));
  }

  /** The next waiting item of `key`, left in place. */
  peek(key: string): T | undefined {
    return this.#queues.get(key)?.[0];
  }

  /** The next `count` waiting items of `key` at most, oldest first, left in place. */
  upcoming(key: string, count: number): readonly T[] {
    return this.#queues.get(key)?.slice(0, count) ?? [];
  }

  /**
   * Removes and returns the first waiting item `predicate` accepts (queues in the order their keys became busy,
   * each oldest first), or `undefined`.
   */
  take(predicate: (item: T) => boolean): T | undefined {
    for (const queue of this.#queues.values()) {
      const index = queue.findIndex(predicate);
      if (index < 0) continue;
      const [item] = queue.splice(index, 1);
      this.#queued -= 1;
      this.#notify();
      return item;
    }
    return undefined;
  }

  /** Removes and returns every item not yet started; items being worked on finish. */
  drain(): T[] {
    const dropped: T[] = [];
    for (const queue of this.#queues.values()) dropped.push(...queue.splice(0));
    this.#queued = 0;
    this.#notify();
    return dropped;
  }

  async #run(key: string, first: T): Promise<void> {
    this.#active += 1;
    let item: T | undefined = first;
    while (item !== undefined) {
      try {
        const pending = this.#worker(item);
        if (pending !== undefined) await pending;
      } catch {
        // The worker reports its own failures; a queue must keep going.
      }
      item = this.#queues.get(key)?.shift();
      if (item !== undefined) this.#queued -= 1;
      else {
        this.#queues.delete(key);
        this.#active -= 1;
      }
      this.#notify();
    }
  }

  #notify(): void {
    const load = this.#active + this.#queued;
    if (this.#belowWaiters.length > 0) {
      const still: Array<{ limit: number; wake: () => void }> = [];
      for (const waiter of this.#belowWaiters) {
        if (load < waiter.limit) waiter.wake();
        else still.push(waiter);
      }
      this.#belowWaiters = still;
    }
    if (load === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
  }
}
