import { type Client, FRIEND_PAGE_SIZE, type Store, type UserProfile } from '@birdtalk/client';
import type { Clock, Logger, TimerHandle } from '@birdtalk/runtime';
import { type FollowBackFilter, shouldFollowBack } from './follow-back.js';
import type { Int64 } from './types.js';

/**
 * How often, and how much, the bot looks through its fans for followers it missed (while it was offline, or
 * while a notice was lost): notices make the bot follow back live; this catches up on the rest.
 */
export interface FollowBackReconcileOptions {
  /**
   * Time between two runs, in milliseconds, on the bot's clock. The first run is at `start()`.
   * @defaultValue 3600000 (1 hour)
   */
  readonly intervalMs?: number;
  /**
   * Pages of fans (of 100) one run reads at most; it reads as many pages of follows again at most, so a run
   * costs at most twice this many list requests. The next run continues after the last fan this one decided,
   * and starts over once the list ends. A run decides fans only as far as the follows it read reach, so each
   * run gets through 100 × pagesPerRun fans or as many follows: every fan is looked at within
   * ⌈fans ÷ (100 × pagesPerRun)⌉ + ⌈follows ÷ (100 × pagesPerRun)⌉ runs.
   * @defaultValue 10
   */
  readonly pagesPerRun?: number;
}

/** The defaults of {@link FollowBackReconcileOptions}. */
export const DEFAULT_FOLLOW_BACK_RECONCILE = { intervalMs: 3_600_000, pagesPerRun: 10 } as const;

/** The key of the follow-back cursor in the bot's store. */
export const FOLLOW_BACK_CURSOR_KEY = 'bot:follow-back-cursor';

/** What a {@link FollowBackReconciler} needs. */
export interface FollowBackReconcilerDeps {
  readonly client: Client;
  readonly filter: true | FollowBackFilter;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  /** Told about every run, so that a stop can wait for the one in flight. */
  readonly onRun?: (run: Promise<unknown>) => void;
  /**
   * Where the cursor outlives the process (under {@link FOLLOW_BACK_CURSOR_KEY}): read before the first run,
   * written after every run that moved it, so that a restarted bot goes on where the last one stopped instead
   * of reading the fan list from the start. Without it the cursor lives in memory.
   */
  readonly store?: Pick<Store, 'get' | 'set'>;
}

/** What one run did. */
export interface ReconcileRun {
  /** The fans it followed back. */
  readonly followed: readonly Int64[];
  /** The fans it looked at. */
  readonly checked: number;
  /** Where the next run starts (`'0'`: from the beginning). */
  readonly cursor: Int64;
}

/**
 * Follows back fans the bot does not follow yet, a bounded slice of the fan list per run, on a timer: the
 * server tells nobody about follows that happened while the bot was offline, and listing every fan and follow
 * at each reconnect costs a request per hundred of them. Blocked users and users the filter refuses are
 * skipped. Reconnects do not start a run; the timer does.
 */
export class FollowBackReconciler {
  readonly #deps: FollowBackReconcilerDeps;
  readonly #intervalMs: number;
  readonly #pageLimit: number;
  #cursor: Int64 = '0';
  /** Whether the cursor was read from the store (or there is none to read). */
  #loaded: boolean;
  #timer: TimerHandle | undefined;
  #running: Promise<ReconcileRun | undefined> | undefined;
  #stopped = false;

  /**
   * @param deps - the client, the filter, the clock, where to log, and the signal that ends every run.
   * @param options - see {@link FollowBackReconcileOptions}.
   */
  constructor(deps: FollowBackReconcilerDeps, options: FollowBackReconcileOptions = {}) {
    this.#deps = deps;
    this.#intervalMs = options.intervalMs ?? DEFAULT_FOLLOW_BACK_RECONCILE.intervalMs;
    this.#pageLimit = (options.pagesPerRun ?? DEFAULT_FOLLOW_BACK_RECONCILE.pagesPerRun) * FRIEND_PAGE_SIZE;
    this.#loaded = deps.store === undefined;
  }

  /** Where the next run starts: after this fan id (`'0'`: from the beginning). */
  get cursor(): Int64 {
    return this.#cursor;
  }

  /** Runs once now and then every `intervalMs`; resolves when the first run is over (it never rejects). */
  async start(): Promise<void> {
    await this.#runAndSchedule();
  }

  /** Runs no more (a run in flight ends with the signal of the deps). */
  stop(): void {
    this.#stopped = true;
    this.#deps.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /**
   * One run now (or the one in flight): reads at most `pagesPerRun` pages of fans after the cursor and the
   * follows in the same id range, follows back the fans not followed yet, and moves the cursor on.
   * Resolves `undefined` when it failed (logged; the cursor stays, so the next run tries the same slice).
   */
  runOnce(): Promise<ReconcileRun | undefined> {
    this.#running ??= this.#run()
      .catch((error: unknown) => {
        if (!this.#deps.signal.aborted) {
          this.#deps.logger.warn('following back missed fans failed; the next run tries again', {
            error: String(error),
          });
        }
        return undefined;
      })
      .finally(() => {
        this.#running = undefined;
      });
    this.#deps.onRun?.(this.#running);
    return this.#running;
  }

  async #runAndSchedule(): Promise<void> {
    if (this.#stopped || this.#deps.signal.aborted) return;
    await this.runOnce();
    if (this.#stopped || this.#deps.signal.aborted) return;
    this.#timer = this.#deps.clock.setTimeout(() => {
      this.#timer = undefined;
      void this.#runAndSchedule();
    }, this.#intervalMs);
  }

  async #run(): Promise<ReconcileRun> {
    const { client, signal } = this.#deps;
    if (!this.#loaded) await this.#load();
    const after = this.#cursor;
    const fans: UserProfile[] = [];
    const fanList = client.friends.fans(after === '0' ? { signal } : { signal, after });
    for await (const fan of fanList) {
      fans.push(fan);
      // Breaking exactly at the limit keeps the iterator from asking for one more page.
      if (fans.length >= this.#pageLimit) break;
    }
    const lastFan = fans.at(-1)?.userId;
    if (lastFan === undefined) {
      await this.#moveTo('0');
      return { followed: [], checked: 0, cursor: '0' };
    }
    const { following, decidedUpTo } = await this.#followsUpTo(after, lastFan);
    const followed: Int64[] = [];
    let checked = 0;
    const selfId = client.user?.userId;
    for (const fan of fans) {
      if (signal.aborted) break;
      if (BigInt(fan.userId) > BigInt(decidedUpTo)) break;
      checked += 1;
      if (fan.userId === selfId || following.has(fan.userId)) continue;
      if (!(await shouldFollowBack(fan, this.#deps.filter, client))) continue;
      await client.friends.follow(fan.userId, { signal });
      followed.push(fan.userId);
    }
    const listEnded = fans.length < this.#pageLimit && decidedUpTo === lastFan;
    await this.#moveTo(listEnded ? '0' : decidedUpTo);
    if (followed.length > 0) {
      this.#deps.logger.info('followed back fans whose follow the bot missed', { count: followed.length });
    }
    return { followed, checked, cursor: this.#cursor };
  }

  /** Reads the stored cursor once; a missing, malformed or unreadable one starts from the beginning. */
  async #load(): Promise<void> {
    this.#loaded = true;
    try {
      const stored = await this.#deps.store?.get(FOLLOW_BACK_CURSOR_KEY);
      if (stored === undefined) return;
      // A fan id is a positive decimal; anything else was not written here, and is not sent to the server.
      if (/^[1-9][0-9]{0,19}$/.test(stored)) this.#cursor = stored;
      else this.#deps.logger.warn('the stored follow-back cursor is malformed; starting from the first fan');
    } catch (error) {
      this.#deps.logger.warn('the follow-back cursor could not be read; starting from the first fan', {
        error: String(error),
      });
    }
  }

  /** Moves the cursor on, and stores it when it changed (a failed write leaves it in memory, logged). */
  async #moveTo(cursor: Int64): Promise<void> {
    const changed = cursor !== this.#cursor;
    this.#cursor = cursor;
    const store = this.#deps.store;
    if (!changed || store === undefined) return;
    try {
      await store.set(FOLLOW_BACK_CURSOR_KEY, cursor);
    } catch (error) {
      this.#deps.logger.warn('the follow-back cursor could not be stored; a restart reads the fans again', {
        error: String(error),
      });
    }
  }

  /**
   * The follows in (`after`, `lastFan`], read with the same page bound: when the bound is reached first, only
   * the fans up to the last follow read are decided in this run.
   */
  async #followsUpTo(after: Int64, lastFan: Int64): Promise<{ following: Set<Int64>; decidedUpTo: Int64 }> {
    const { client, signal } = this.#deps;
    const following = new Set<Int64>();
    const end = BigInt(lastFan);
    let read = 0;
    let lastRead: Int64 | undefined;
    for await (const user of client.friends.follows(after === '0' ? { signal } : { signal, after })) {
      if (BigInt(user.userId) > end) return { following, decidedUpTo: lastFan };
      following.add(user.userId);
      lastRead = user.userId;
      read += 1;
      if (read >= this.#pageLimit) return { following, decidedUpTo: lastRead };
    }
    return { following, decidedUpTo: lastFan };
  }
}
