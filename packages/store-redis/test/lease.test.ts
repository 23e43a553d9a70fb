import { isBirdTalkError } from '@birdtalk/errors';
import { FakeClock } from '@birdtalk/runtime/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireLease, LeaseErrorCode, type RedisLike } from '../src/index.js';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../src/testing.js';

const available = redisServerAvailable();

describe.skipIf(!available)('account leases with fencing tokens, against a real redis-server', () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedisServer();
    redis = server.client();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('grants one holder at a time, with tokens that only grow, and sets the TTL that bounds a takeover', async () => {
    const a = await acquireLease({ redis, account: 'one', owner: 'a', ttlMs: 15_000 });
    expect(a).toBeDefined();
    const ttl = await redis.pttl('{birdtalk:one}:lease');
    expect(ttl).toBeGreaterThan(14_000);
    expect(ttl).toBeLessThanOrEqual(15_000);
    expect(await acquireLease({ redis, account: 'one', owner: 'b', ttlMs: 15_000 })).toBeUndefined();
    await a!.release();
    expect(a!.signal.aborted).toBe(true);
    const b = await acquireLease({ redis, account: 'one', owner: 'b', ttlMs: 15_000 });
    expect(BigInt(b!.token)).toBeGreaterThan(BigInt(a!.token));
    // The fence is raised at the grant, before the new holder writes anything.
    expect(await redis.get('{birdtalk:one}:fence')).toBe(b!.token);
    await b!.release();
  });

  it('renews itself on the injected clock, and keeps the lease past its first TTL', async () => {
    const clock = new FakeClock();
    const lease = await acquireLease({ redis, account: 'renew', owner: 'a', ttlMs: 60_000, clock });
    await redis.pexpire('{birdtalk:renew}:lease', 5_000);
    await clock.advance(20_000);
    await vi.waitFor(async () => expect(await redis.pttl('{birdtalk:renew}:lease')).toBeGreaterThan(50_000));
    expect(lease!.signal.aborted).toBe(false);
    expect(lease!.heldUntil()).toBe(clock.now() + 60_000);
    await lease!.release();
  });

  it('aborts its signal at the next renewal once another process took the account over', async () => {
    const clock = new FakeClock();
    const lease = await acquireLease({ redis, account: 'taken', owner: 'a', ttlMs: 30_000, clock });
    await redis.del('{birdtalk:taken}:lease');
    const other = await acquireLease({ redis, account: 'taken', owner: 'b', ttlMs: 30_000 });
    expect(other).toBeDefined();
    await clock.advance(10_000);
    await vi.waitFor(() => expect(lease!.signal.aborted).toBe(true));
    expect(isBirdTalkError(lease!.signal.reason, LeaseErrorCode.LEASE_LOST)).toBe(true);
    // Losing it never deletes the new holder's lease.
    await lease!.release();
    expect(await redis.get('{birdtalk:taken}:lease')).toBe(`b|${other!.token}`);
    await other!.release();
  });

  it('gives up when no renewal succeeds before the local deadline (Redis unreachable)', async () => {
    const clock = new FakeClock();
    let reachable = true;
    const flaky: RedisLike = {
      evalsha: (...args) =>
        reachable ? redis.evalsha(...args) : Promise.reject(new Error('connect ECONNREFUSED')),
      eval: (...args) =>
        reachable ? redis.eval(...args) : Promise.reject(new Error('connect ECONNREFUSED')),
      get: (key) => redis.get(key),
      hget: (key, field) => redis.hget(key, field),
      hgetall: (key) => redis.hgetall(key),
      zrange: (key, start, stop) => redis.zrange(key, start, stop),
    };
    const lease = await acquireLease({ redis: flaky, account: 'away', owner: 'a', ttlMs: 30_000, clock });
    reachable = false;
    await clock.advance(20_000);
    expect(lease!.signal.aborted).toBe(false);
    await clock.advance(10_000);
    await vi.waitFor(() => expect(lease!.signal.aborted).toBe(true));
    await redis.del('{birdtalk:away}:lease');
  });

  it('gives up at the local deadline even while a renewal is still waiting for Redis (maxRetriesPerRequest: null)', async () => {
    const clock = new FakeClock();
    let reachable = true;
    // An ioredis client with maxRetriesPerRequest: null neither fails nor answers while Redis is away: the
    // command waits in its offline queue.
    const waiting: RedisLike = {
      evalsha: (...args) => (reachable ? redis.evalsha(...args) : new Promise(() => {})),
      eval: (...args) => (reachable ? redis.eval(...args) : new Promise(() => {})),
      get: (key) => redis.get(key),
      hget: (key, field) => redis.hget(key, field),
      hgetall: (key) => redis.hgetall(key),
      zrange: (key, start, stop) => redis.zrange(key, start, stop),
    };
    const lease = await acquireLease({ redis: waiting, account: 'hung', owner: 'a', ttlMs: 30_000, clock });
    reachable = false;
    await clock.advance(20_000);
    expect(lease!.signal.aborted).toBe(false);
    await clock.advance(10_000);
    await vi.waitFor(() => expect(lease!.signal.aborted).toBe(true));
    expect(isBirdTalkError(lease!.signal.reason, LeaseErrorCode.LEASE_LOST)).toBe(true);
    await redis.del('{birdtalk:hung}:lease');
  });
});
