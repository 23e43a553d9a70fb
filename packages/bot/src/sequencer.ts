import { TransientMap } from '@birdtalk/runtime';

/**
 * Runs tasks one at a time per key, in the order they were submitted, and tasks of different keys
 * concurrently. Holds nothing for keys that are idle.
 */
export class KeyedQueue {
  /** A key's entry lives as long as its tasks: a {@link TransientMap}, as entries churn with every update. */
  readonly #tails = new TransientMap<string, Promise<void>>();

  /** How many keys have a task running or waiting. */
  get busyKeys(): number {
    return this.#tails.size;
  }

  /** Runs `task` once every task submitted earlier for `key` has settled. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key);
    let release!: () => void;
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous === undefined ? turn : previous.then(() => turn);
    this.#tails.set(key, tail);
    try {
      if (previous !== undefined) await previous;
      return await task();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /**
   * Runs `task` holding several keys at once. Keys are taken in sorted order, so two tasks sharing keys can
   * never wait for each other in a circle.
   */
  runAll<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const step = (index: number): Promise<T> =>
      index === sorted.length ? task() : this.run(sorted[index]!, () => step(index + 1));
    return step(0);
  }
}

/** A counting semaphore: at most `limit` holders at a time, the others wait in order. */
export class Semaphore {
  readonly #limit: number;
  readonly #waiting: Array<() => void> = [];
  #active = 0;

  /** @param limit - how many may hold it at once; `Infinity` for no limit. */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** How many hold it. */
  get active(): number {
    return this.#active;
  }

  /** How many wait for it. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves once the caller holds it, with the function that gives it back (once). */
  async acquire(): Promise<() => void> {
    if (this.#active < this.#limit) this.#active += 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer can never overtake it.
      if (next !== undefined) next();
      else this.#active -= 1;
    };
  }

  /** Runs `task` holding the semaphore. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/**
 * The bot's scheduler: updates of one chat one at a time in arrival order, different chats concurrently, and
 * at most `concurrency` handlers running at once overall. A chat waits for its turn before it takes a slot, so
 * a busy chat never holds slots other chats could use.
 */
export class UpdateScheduler {
  readonly #chats = new KeyedQueue();
  readonly #slots: Semaphore;
  readonly #idleWaiters: Array<() => void> = [];
  #pending = 0;

  /** @param concurrency - the most handlers running at once; `Infinity` for no limit. */
  constructor(concurrency: number) {
    this.#slots = new Semaphore(concurrency);
  }

  /** Handlers running now. */
  get running(): number {
    return this.#slots.active;
  }

  /** Updates submitted and not yet finished (running or waiting). */
  get pending(): number {
    return this.#pending;
  }

  /** Runs `task` in the turn of `key`, within the concurrency limit. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    try {
      return await this.#chats.run(key, () => this.#slots.run(task));
    } finally {
      this.#pending -= 1;
      if (this.#pending === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
    }
  }

  /** Resolves once nothing is running or waiting. */
  whenIdle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }
}
