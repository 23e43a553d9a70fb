import {
  deserializeOutboxEntry,
  type SerializedOutboxEntry,
  type Store,
  serializeOutboxEntry,
} from '@birdtalk/client';
import { type BirdTalkError, DecodeError, InvalidArgumentError, StateError } from '@birdtalk/errors';
import { TransientMap } from '@birdtalk/runtime';
import { createGroupCommit } from '@birdtalk/runtime/node';
import { accountKeys } from './keys.js';
import { type RedisLike, runScript, SCRIPTS } from './redis-client.js';
import { CHANGE, STALE_FENCE_REPLY } from './scripts.js';

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
 * - Every write is one Lua script: atomic, and fenced when a fencing token is given. The changes asked for in
 *   one run of microtasks (a handled message's seen keys and position, say) are one script, sent by a microtask
 *   the first of them queues: one round trip for them all, issued before anything queued after them runs.
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
  // Every command passes through here: a transient map (see TransientMap) keyed by the command's own promise.
  const pending = new TransientMap<Promise<unknown>, Promise<unknown>>();

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
    pending.set(running, running);
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
  ) => {
    // What was asked for before goes first: ioredis sends commands in the order they are issued.
    sendQueued();
    return runScript(redis, script, [keys.fence, ...scriptKeys], [token(), ...args]);
  };
  const changeKeys = [
    keys.fence,
    keys.positions,
    keys.seen,
    keys.seenSeq,
    keys.handling,
    keys.outbox,
    keys.values,
  ];
  // The changes asked for while the microtasks already queued run, encoded for SCRIPTS.write.
  let queued: Array<string | number> = [];
  const commit = createGroupCommit(() => sendQueued());
  /** Sends the queued changes as one script now; every change of the batch settles with it. */
  function sendQueued(): void {
    const batch = commit.take();
    if (batch === undefined) return;
    const changes = queued;
    queued = [];
    const sent = run('write its changes', async () => {
      await runScript(redis, SCRIPTS.write, changeKeys, [token(), ...changes]);
    });
    sent.then(batch.resolve, batch.reject);
  }
  /**
   * Queues a change for the next batch; settles when Redis applied the batch. A `deferrable` change waits for
   * the next change that is not, or for the end of the turn.
   */
  const change = (deferrable: boolean, ...encoded: Array<string | number>): Promise<void> => {
    if (closed) {
      return Promise.reject(new StateError(RedisStoreErrorCode.STORE_CLOSED, 'the store is closed'));
    }
    for (const part of encoded) queued.push(part);
    return commit.join(deferrable);
  };
  /** Runs a read after sending the queued changes, so that it sees them. */
  const read = <T>(what: string, operation: () => Promise<T>): Promise<T> => {
    sendQueued();
    return run(what, operation);
  };

  return {
    // Every write here is a round trip, and a disk sync under `appendfsync always`, and a message is handed over
    // only once its mark is written: with the next 64 waiting messages of a chat kept marked, a backlog's
    // handlers find their marks written long before their turn, unless one write takes longer than 64 of them.
    markAhead: 64,
    loadPositions: () =>
      read('read positions', async () => new Map(Object.entries(await redis.hgetall(keys.positions)))),
    savePosition: (stream, position) => change(false, CHANGE.position, stream, position),
    loadSeen: () => read('read seen keys', () => redis.zrange(keys.seen, 0, -1)),
    addSeen: (seen, limit) =>
      change(false, CHANGE.seen, Math.max(0, Math.floor(limit)), seen.length, ...seen),
    loadHandling: () => read('read handling marks', () => redis.zrange(keys.handling, 0, -1)),
    // Deferrable: a mark is asked for ahead of its message's turn, so it can wait for the next change (the
    // message in hand's seen keys) and ride in its script instead of costing a round trip of its own.
    markHandling: (marks) => change(true, CHANGE.mark, marks.length, ...marks),
    loadOutbox: () =>
      read('read the outbox', async () =>
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
      change(false, CHANGE.putOutbox, entry.sendId, JSON.stringify(serializeOutboxEntry(entry))),
    removeOutbox: (sendId) => change(false, CHANGE.removeOutbox, sendId),
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
    get: (key) => read('read a value', async () => (await redis.hget(keys.values, key)) ?? undefined),
    set: (key, value) => change(false, CHANGE.set, key, value),
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
      read('flush', async () => {
        // Every write resolves once Redis applied it; flushing waits for the ones still under way.
        await Promise.allSettled([...pending.values()]);
      }),
    async close() {
      if (closed) return;
      sendQueued();
      closed = true;
      await Promise.allSettled([...pending.values()]);
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
