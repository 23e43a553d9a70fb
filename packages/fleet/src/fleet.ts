import type { Store } from '@birdtalk/client';
import { type BirdTalkError, InvalidArgumentError, isBirdTalkError } from '@birdtalk/errors';
import { type Clock, type Logger, silentLogger, systemClock } from '@birdtalk/runtime';
import { acquireLease, createRedisStore, type Lease, type RedisLike } from '@birdtalk/store-redis';
import { assignAccounts } from './assign.js';
import { markHandedOver, wasHandedOver } from './hand-over.js';
import { heartbeat, workersKey } from './membership.js';

/** An account the fleet runs. */
export interface FleetAccount {
  /** The account's user id; also its key in Redis. */
  readonly userId: string;
}

/** What {@link FleetOptions.startAccount} is given for an account this worker now holds. */
export interface AccountSlot<A extends FleetAccount> {
  readonly account: A;
  /** The account's state in Redis, fenced with this worker's lease token: give it to the client. */
  readonly store: Store;
  /** The lease: `lease.signal` aborts when it is lost; check `lease.heldUntil()` before sends that matter. */
  readonly lease: Lease;
  /**
   * This worker's lease counters as they are now, for the bot's health: `createBot(client, options,
   * { leases: slot.leases })` shows them in `bot.health().leases` and its metrics.
   */
  readonly leases: () => FleetLeases;
}

/** A worker's lease counters (see {@link FleetStatus}). */
export interface FleetLeases {
  /** Leases this worker holds now. */
  readonly held: number;
  /** Leases it lost (taken over, or not renewed in time) since it began. */
  readonly lost: number;
  /** Accounts it took over from a holder that did not hand them over (it crashed or stalled), since it began. */
  readonly takeovers: number;
}

/** An account running in this worker (a started bot or client). */
export interface RunningAccount {
  /** Stops it gracefully: its session closes before the lease is released. */
  stop(): Promise<void>;
}

/** Options of {@link runFleet}. */
export interface FleetOptions<A extends FleetAccount> {
  /** The Redis connection (create it with `maxRetriesPerRequest: null`). */
  readonly redis: RedisLike;
  /** The fleet's name: workers of one fleet share its accounts. */
  readonly fleet: string;
  /** This worker's id, unique in the fleet (host and pid, say). */
  readonly workerId: string;
  /** Every account of the fleet; every worker should be given the same list. */
  readonly accounts: readonly A[];
  /** Starts an account this worker now holds; resolves once it runs (a bot's `start()` resolved). */
  readonly startAccount: (slot: AccountSlot<A>) => Promise<RunningAccount>;
  /**
   * How long a lease and a worker's membership live without renewal: a crashed worker's accounts are taken
   * over within this, plus one rebalancing period. 15 s by default.
   */
  readonly leaseTtlMs?: number;
  /** How often the worker renews its membership and rebalances; 1 s by default. */
  readonly rebalanceEveryMs?: number;
  /** The Redis key prefix; `birdtalk` by default (the store's). */
  readonly prefix?: string;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

/** The default timings of {@link runFleet}. */
export const DEFAULT_FLEET_OPTIONS = { leaseTtlMs: 15_000, rebalanceEveryMs: 1_000 } as const;

/** A worker's view of the fleet, for health checks and metrics. */
export interface FleetStatus {
  readonly workerId: string;
  /** Live workers, this one included, as of the last rebalancing. */
  readonly workers: readonly string[];
  /** Accounts this worker runs, with their lease tokens. */
  readonly held: ReadonlyArray<{ readonly userId: string; readonly token: string; readonly sinceMs: number }>;
  /** Accounts started here since the worker began (takeovers after a crash included). */
  readonly started: number;
  /** Accounts handed over to another worker gracefully. */
  readonly handedOver: number;
  /** Accounts whose lease was lost (taken over, or not renewed in time). */
  readonly lost: number;
  /**
   * Accounts started here whose previous holder had not handed them over: it crashed, or stalled past its
   * lease. Among `started`; an account's first ever start is not a takeover.
   */
  readonly takeovers: number;
  /** Accounts whose start failed (retried at the next rebalancing). */
  readonly failed: number;
}

/** A running fleet worker. */
export interface Fleet {
  status(): FleetStatus;
  /** Resolves after the next rebalancing has completed. */
  settled(): Promise<void>;
  /**
   * Drains gracefully: leaves the fleet (the others take the accounts over at their next rebalancing), stops
   * every account (sessions closed), then releases the leases. Idempotent.
   */
  stop(): Promise<void>;
}

interface Held {
  readonly userId: string;
  readonly lease: Lease;
  readonly sinceMs: number;
  running: RunningAccount | undefined;
  stopping: Promise<void> | undefined;
}

/**
 * Runs this process as one worker of a fleet: it joins the fleet's worker set in Redis, and every
 * `rebalanceEveryMs` computes which accounts are its share (the accounts dealt round-robin over the live
 * workers), hands over the accounts that are no longer its share, and takes a lease on each account of its share
 * that is free, starting it with a store fenced by the lease's token. An account whose lease is lost is
 * stopped at once.
 *
 * Guarantees: at most one worker holds an account's lease at a time, and the store refuses the writes of any
 * older holder (fencing), so a stalled worker cannot overwrite a newer one's state. A graceful hand-over stops
 * the old session before releasing the lease; after a crash, the account is taken over within `leaseTtlMs`
 * plus one rebalancing period. Sends cannot be fenced (the BirdTalk server accepts any number of sessions per
 * account), so a worker that stalls past its lease could still send until it notices.
 */
export function runFleet<A extends FleetAccount>(options: FleetOptions<A>): Fleet {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const leaseTtlMs = options.leaseTtlMs ?? DEFAULT_FLEET_OPTIONS.leaseTtlMs;
  const every = options.rebalanceEveryMs ?? DEFAULT_FLEET_OPTIONS.rebalanceEveryMs;
  const prefix = options.prefix ?? 'birdtalk';
  if (options.workerId.length === 0 || options.workerId.includes('|')) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'workerId must be non-empty and free of "|"');
  }
  if (!(every > 0 && every < leaseTtlMs)) {
    throw new InvalidArgumentError(
      'INVALID_ARGUMENT',
      'rebalanceEveryMs must be positive and below leaseTtlMs',
    );
  }
  const accounts = new Map(options.accounts.map((account) => [account.userId, account]));
  const key = workersKey(prefix, options.fleet);
  const held = new Map<string, Held>();
  const counters = { started: 0, handedOver: 0, lost: 0, failed: 0, takeovers: 0 };
  const leases = (): FleetLeases => ({ held: held.size, lost: counters.lost, takeovers: counters.takeovers });
  let workers: string[] = [];
  let stopped = false;
  let timer = clock.setTimeout(() => void tick(), 0);
  let ticking: Promise<void> = Promise.resolve();
  let waiters: Array<() => void> = [];

  const release = (entry: Held, reason: 'hand-over' | 'lost' | 'stop'): Promise<void> => {
    entry.stopping ??= (async () => {
      try {
        await entry.running?.stop();
      } catch (error) {
        logger.warn('an account did not stop cleanly', { account: entry.userId, error: describe(error) });
      }
      // Recorded while the lease is still held, so that the next holder counts a hand-over, not a takeover.
      if (reason !== 'lost') {
        await markHandedOver(options.redis, prefix, entry.lease).catch((error: unknown) => {
          logger.warn('a hand-over could not be recorded', { account: entry.userId, error: describe(error) });
        });
      }
      await entry.lease.release();
      held.delete(entry.userId);
      if (reason === 'hand-over') counters.handedOver += 1;
      if (reason === 'lost') counters.lost += 1;
      logger.info(`account ${entry.userId}: ${reason === 'lost' ? 'lease lost, stopped' : 'released'}`, {
        account: entry.userId,
        reason,
      });
    })();
    return entry.stopping;
  };

  const take = async (account: A): Promise<void> => {
    const lease = await acquireLease({
      redis: options.redis,
      account: account.userId,
      owner: options.workerId,
      ttlMs: leaseTtlMs,
      prefix,
      clock,
    });
    if (lease === undefined) return;
    const takeover = !(await wasHandedOver(options.redis, prefix, lease).catch(() => true));
    const entry: Held = {
      userId: account.userId,
      lease,
      sinceMs: clock.now(),
      running: undefined,
      stopping: undefined,
    };
    held.set(account.userId, entry);
    lease.signal.addEventListener('abort', () => void release(entry, 'lost'), { once: true });
    const store = createRedisStore({
      redis: options.redis,
      account: account.userId,
      prefix,
      fencingToken: () => lease.token,
    });
    try {
      entry.running = await options.startAccount({ account, store, lease, leases });
      counters.started += 1;
      if (takeover) {
        counters.takeovers += 1;
        logger.info(`account ${account.userId}: taken over from a holder that did not hand it over`, {
          account: account.userId,
        });
      }
      logger.info(`account ${account.userId}: started`, { account: account.userId, token: lease.token });
      // Lost while it was starting: stop what just started.
      if (lease.signal.aborted || stopped) await release(entry, stopped ? 'stop' : 'lost');
    } catch (error) {
      counters.failed += 1;
      logger.warn(`account ${account.userId}: could not start`, {
        account: account.userId,
        error: describe(error),
      });
      await release(entry, 'stop');
    }
  };

  async function rebalance(): Promise<void> {
    workers = await heartbeat(options.redis, key, options.workerId, leaseTtlMs, 'join');
    if (!workers.includes(options.workerId)) workers = [...workers, options.workerId];
    const mine = new Set(assignAccounts([...accounts.keys()], workers).get(options.workerId) ?? []);
    const handOvers = [...held.values()]
      .filter((entry) => !mine.has(entry.userId) && entry.stopping === undefined)
      .map((entry) => release(entry, 'hand-over'));
    const takes = [...mine]
      .filter((userId) => !held.has(userId))
      .map((userId) => take(accounts.get(userId)!));
    await Promise.all([...handOvers, ...takes]);
  }

  async function tick(): Promise<void> {
    if (stopped) return;
    ticking = rebalance().catch((error: unknown) => {
      logger.warn('fleet rebalancing failed; retrying', { error: describe(error) });
    });
    await ticking;
    for (const wake of waiters.splice(0)) wake();
    if (!stopped) timer = clock.setTimeout(() => void tick(), every);
  }

  let stopping: Promise<void> | undefined;
  return {
    status: () => ({
      workerId: options.workerId,
      workers: [...workers],
      held: [...held.values()].map((entry) => ({
        userId: entry.userId,
        token: entry.lease.token,
        sinceMs: entry.sinceMs,
      })),
      ...counters,
    }),
    settled: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
      }),
    stop() {
      stopping ??= (async () => {
        stopped = true;
        clock.clearTimeout(timer);
        await ticking;
        await heartbeat(options.redis, key, options.workerId, leaseTtlMs, 'leave').catch(() => []);
        await Promise.all([...held.values()].map((entry) => release(entry, 'stop')));
        for (const wake of waiters.splice(0)) wake();
        waiters = [];
      })();
      return stopping;
    },
  };
}

function describe(error: unknown): string {
  if (isBirdTalkError(error)) return `${(error as BirdTalkError).code}: ${(error as BirdTalkError).message}`;
  return error instanceof Error ? error.message : String(error);
}
