import {
  deserializeOutboxEntry,
  type SerializedOutboxEntry,
  type Store,
  serializeOutboxEntry,
} from '@birdtalk/client';
import { type BirdTalkError, DecodeError, InvalidArgumentError, StateError } from '@birdtalk/errors';
import { accountKeys } from './keys.js';
import { type RedisLike, runScript, SCRIPTS } from './redis-client.js';
import { STALE_FENCE_REPLY } from './scripts.js';

/** Error codes of the Redis store. */
export const RedisStoreErrorCode = {
  /**
   * `StateError`: a write carried a fencing token older than one Redis already accepted for the account, so a
   * newer holder of the account's lease exists; this process must stop handling the account.
   */
  STALE_FENCE: 'STORE_STALE_FENCE',
  /** `StateError`: a Redis command failed (connection lost for good, a server error). */
  STORE_WRITE_FAILED: 'STORE_WRITE_FAILED',
  /** `StateError`: the store was used after `close()`. */
  STORE_CLOSED: 'STORE_CLOSED',
  /** `DecodeError`: a damaged outbox entry was skipped. */
  STORE_CORRUPT: 'STORE_CORRUPT',
} as const;

/** Options of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /**
   * The Redis connection, owned by the caller (the store never closes it). For a bot that must pause rather
   * than fail while Redis is away, create it with `maxRetriesPerRequest: null`: commands then wait in
   * ioredis' offline queue until the connection is back.
   */
  readonly redis: RedisLike;
  /** The account whose state this is (the bot's user id); keys are `{<prefix>:<account>}:…`. */
  readonly account: string;
  /** The key prefix; `birdtalk` by default. */
  readonly prefix?: string;
  /**
   * The fencing token of the lease this process holds on the account (see `acquireLease`), read at every
   * write. Every write is refused with `STALE_FENCE` once Redis accepted a newer token, so a paused process
   * whose lease was taken over can never overwrite the new holder's state. Without it, writes are unfenced.
   */
  readonly fencingToken?: () => string | undefined;
  /** Told about tolerated problems (a damaged outbox entry skipped). */
  readonly onWarning?: (warning: BirdTalkError) => void;
}

/** The default options of {@link createRedisStore}. */
export const DEFAULT_REDIS_STORE_OPTIONS = { prefix: 'birdtalk' } as const;

const idPattern = /^(0|[1-9][0-9]{0,18})$/;

/**
 * A {@link Store} in Redis, for bots whose state must outlive one machine (fleets, containers without disks).
 *
 * - Every write is one Lua script: atomic, and fenced when a fencing token is given.
 * - Keys: positions, outbox and small values are hashes; the deduplication window is a sorted set scored by an
 *   insertion counter and trimmed to its limit in the same script, so no key grows without bound.
 * - Durability is Redis' own: a write resolves once Redis applied it. With the default `appendfsync everysec`,
 *   Redis acknowledges before the disk has it, so an OS crash of the Redis host can lose the last second —
 *   including a send-id reservation, which this store then cannot promise to keep (use `appendfsync always`,
 *   or a replica with `WAIT`, where that matters).
 *
 * Only one client may use an account's state at a time; a lease with fencing (`acquireLease`) enforces it
 * across processes.
 */
export function createRedisStore(options: RedisStoreOptions): Store {
  const { redis } = options;
  if (typeof options.account !== 'string' || options.account.length === 0) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'account must be a non-empty string');
  }
  const keys = accountKeys(options.prefix ?? DEFAULT_REDIS_STORE_OPTIONS.prefix, options.account);
  let closed = false;
  const pending = new Set<Promise<unknown>>();

  const fail = (what: string, cause: unknown): never => {
    if (cause instanceof StateError || cause instanceof InvalidArgumentError) throw cause;
    if (String((cause as Error | undefined)?.message).includes(STALE_FENCE_REPLY)) {
      throw new StateError(
        RedisStoreErrorCode.STALE_FENCE,
        `the store refused to ${what}: another process holds the account now`,
        { cause, details: { account: options.account } },
      );
    }
    throw new StateError(RedisStoreErrorCode.STORE_WRITE_FAILED, `the store could not ${what}`, {
      cause,
      details: { account: options.account },
    });
  };
  /** Runs one operation: refused after close, tracked for flush, its failures typed. */
  const run = <T>(what: string, operation: () => Promise<T>): Promise<T> => {
    if (closed) {
      return Promise.reject(new StateError(RedisStoreErrorCode.STORE_CLOSED, 'the store is closed'));
    }
    const running = (async () => {
      try {
        return await operation();
      } catch (cause) {
        return fail(what, cause);
      }
    })();
    pending.add(running);
    const settled = (): void => {
      pending.delete(running);
    };
    running.then(settled, settled);
    return running;
  };
  const token = (): string => {
    const value = options.fencingToken?.();
    if (value === undefined) return '';
    if (!/^[1-9][0-9]{0,15}$/.test(value)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'a fencing token is a positive integer below 2^53');
    }
    return value;
  };
  const write = (
    script: (typeof SCRIPTS)[keyof typeof SCRIPTS],
    scriptKeys: readonly string[],
    args: ReadonlyArray<string | number>,
  ) => runScript(redis, script, [keys.fence, ...scriptKeys], [token(), ...args]);

  return {
    // Every write here is a round trip, and a disk sync under `appendfsync always`: with up to 16 waiting
    // messages of a chat marked ahead (8 or more to a write), a backlog pays one per 8 or more handled messages.
    markAhead: 16,
    loadPositions: () =>
      run('read positions', async () => new Map(Object.entries(await redis.hgetall(keys.positions)))),
    savePosition: (stream, position) =>
      run('save a position', async () => {
        await write(SCRIPTS.savePosition, [keys.positions], [stream, position]);
      }),
    loadSeen: () => run('read seen keys', () => redis.zrange(keys.seen, 0, -1)),
    addSeen: (seen, limit) =>
      run('add seen keys', async () => {
        await write(
          SCRIPTS.addSeen,
          [keys.seen, keys.seenSeq, keys.handling],
          [Math.max(0, Math.floor(limit)), ...seen],
        );
      }),
    loadHandling: () => run('read handling marks', () => redis.zrange(keys.handling, 0, -1)),
    markHandling: (marks) =>
      run('mark messages as handled', async () => {
        await write(SCRIPTS.markHandling, [keys.handling], marks);
      }),
    loadOutbox: () =>
      run('read the outbox', async () =>
        Object.entries(await redis.hgetall(keys.outbox)).flatMap(([sendId, text]) => {
          try {
            return [deserializeOutboxEntry(JSON.parse(text) as SerializedOutboxEntry)];
          } catch (cause) {
            warn(
              new DecodeError(RedisStoreErrorCode.STORE_CORRUPT, 'a damaged outbox entry was skipped', {
                cause,
                details: { sendId },
              }),
            );
            return [];
          }
        }),
      ),
    putOutbox: (entry) =>
      run('save an outbox entry', async () => {
        await write(
          SCRIPTS.putOutbox,
          [keys.outbox],
          [entry.sendId, JSON.stringify(serializeOutboxEntry(entry))],
        );
      }),
    removeOutbox: (sendId) =>
      run('remove an outbox entry', async () => {
        await write(SCRIPTS.removeOutbox, [keys.outbox], [sendId]);
      }),
    reserveSendIds: (count, floor) =>
      run('reserve send ids', async () => {
        if (
          !Number.isSafeInteger(count) ||
          count < 1 ||
          typeof floor !== 'string' ||
          !idPattern.test(floor)
        ) {
          throw new InvalidArgumentError(
            'INVALID_ARGUMENT',
            'count must be a positive integer and floor an id',
          );
        }
        return String(await write(SCRIPTS.reserveSendIds, [keys.sendIdMark], [count, floor]));
      }),
    get: (key) => run('read a value', async () => (await redis.hget(keys.values, key)) ?? undefined),
    set: (key, value) =>
      run('save a value', async () => {
        await write(SCRIPTS.set, [keys.values], [key, value]);
      }),
    setIfAbsent: (key, value) =>
      run('save a value', async () => String(await write(SCRIPTS.setIfAbsent, [keys.values], [key, value]))),
    compareAndSet: (key, expected, value) =>
      run(
        'save a value',
        async () =>
          Number(
            await write(
              SCRIPTS.compareAndSet,
              [keys.values],
              [key, expected === undefined ? '0' : '1', expected ?? '', value],
            ),
          ) === 1,
      ),
    flush: () =>
      run('flush', async () => {
        // Every write resolves once Redis applied it; flushing waits for the ones still under way.
        await Promise.allSettled([...pending]);
      }),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...pending]);
    },
  };

  function warn(warning: BirdTalkError): void {
    try {
      options.onWarning?.(warning);
    } catch {
      // A failing warning handler must not turn a tolerated problem into a failure.
    }
  }
}
