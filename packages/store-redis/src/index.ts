/**
 * A Redis {@link @birdtalk/client!Store | Store} for `@birdtalk/client` (on ioredis), and account leases with fencing tokens, for bots
 * that run as fleets: the state of an account lives in Redis, one process at a time holds the account, and a
 * process whose lease was taken over can no longer write.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { acquireLease, createRedisStore } from '@birdtalk/store-redis';
 *
 * const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
 * const lease = await acquireLease({ redis, account: '10001', owner: `bot-${process.pid}` });
 * if (lease === undefined) throw new Error('another process runs this account');
 * const store = createRedisStore({ redis, account: '10001', fencingToken: () => lease.token });
 * ```
 *
 * @packageDocumentation
 */

export { type AccountKeys, accountKeys } from './keys.js';
export {
  acquireLease,
  DEFAULT_LEASE_OPTIONS,
  type Lease,
  LeaseErrorCode,
  type LeaseOptions,
} from './lease.js';
export { type RedisLike, runScript } from './redis-client.js';
export {
  createRedisStore,
  DEFAULT_REDIS_STORE_OPTIONS,
  RedisStoreErrorCode,
  type RedisStoreOptions,
} from './redis-store.js';
export { defineScript, type Script } from './scripts.js';
