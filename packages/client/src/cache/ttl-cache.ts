import { AbortError } from '@birdtalk/errors';
import type { Clock } from '@birdtalk/runtime';

/** How a {@link TtlCache} keeps its entries. */
export interface TtlCacheLimits {
  /** Entries kept at most; the least recently used one goes first. */
  readonly maxEntries: number;
  /** How long a found value stays fresh, in milliseconds. */
  readonly ttlMs: number;
  /** How long "not found" (a load that resolved `undefined`) stays fresh, in milliseconds; 0 keeps none. */
  readonly missingTtlMs: number;
}

interface Entry<V> {
  readonly value: V | undefined;
  readonly expiresAt: number;
}

/** One load in flight; an invalidation or a newer value replaces it in the map, so that its result is dropped. */
interface Flight<V> {
  promise: Promise<V | undefined>;
}

/**
 * A bounded map of values that expire, read through a loader: a fresh entry is answered without loading,
 * concurrent reads of a key share one load (single flight), and a failed load is never remembered (the next
 * read tries again). Recency is the order of a `Map`: a hit moves its entry to the end, and the first entry
 * is the least recently used.
 *
 * An invalidation while a load is in flight wins: that load's callers still get its result, but it is not
 * stored, because it may predate the change the invalidation stands for.
 */
export class TtlCache<V> {
  readonly #clock: Clock;
  readonly #limits: TtlCacheLimits;
  readonly #entries = new Map<string, Entry<V>>();
  readonly #flights = new Map<string, Flight<V>>();

  /**
   * @param clock - tells when entries expire.
   * @param limits - size and lifetimes.
   */
  constructor(clock: Clock, limits: TtlCacheLimits) {
    this.#clock = clock;
    this.#limits = limits;
  }

  /** Entries held (fresh or not yet swept). */
  get size(): number {
    return this.#entries.size;
  }

  /** Whether a fresh entry for `key` is held (without touching its recency). */
  has(key: string): boolean {
    const entry = this.#entries.get(key);
    return entry !== undefined && entry.expiresAt > this.#clock.now();
  }

  /**
   * The value of `key`: the fresh entry, the load already in flight for it, or a new load. `signal` only ends
   * this caller's wait (with an `AbortError`): the shared load goes on for the others.
   */
  get(key: string, load: () => Promise<V | undefined>, signal?: AbortSignal): Promise<V | undefined> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key);
      if (entry.expiresAt > this.#clock.now()) {
        this.#entries.set(key, entry);
        return Promise.resolve(entry.value);
      }
    }
    let flight = this.#flights.get(key);
    if (flight === undefined) flight = this.#start(key, load);
    return signal === undefined ? flight.promise : abandonable(flight.promise, signal);
  }

  /** Forgets `key`, and the result of a load in flight for it. */
  invalidate(key: string): void {
    this.#entries.delete(key);
    this.#flights.delete(key);
  }

  /** Forgets everything, including the results of loads in flight. */
  clear(): void {
    this.#entries.clear();
    this.#flights.clear();
  }

  #start(key: string, load: () => Promise<V | undefined>): Flight<V> {
    const flight: Flight<V> = { promise: Promise.resolve(undefined) };
    const current = (): boolean => this.#flights.get(key) === flight;
    flight.promise = (async () => {
      try {
        const value = await load();
        if (current()) this.#store(key, value);
        return value;
      } finally {
        if (current()) this.#flights.delete(key);
      }
    })();
    // Every caller may have abandoned the wait; a failure nobody awaits must not become an unhandled rejection.
    flight.promise.catch(() => {});
    this.#flights.set(key, flight);
    return flight;
  }

  #store(key: string, value: V | undefined): void {
    const lifetime = value === undefined ? this.#limits.missingTtlMs : this.#limits.ttlMs;
    if (lifetime <= 0 || this.#limits.maxEntries <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#clock.now() + lifetime });
    while (this.#entries.size > this.#limits.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }
}

/** `promise`, or an `AbortError` as soon as `signal` aborts. */
function abandonable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted)
    return Promise.reject(new AbortError('the lookup was aborted', { cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortError('the lookup was aborted', { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
