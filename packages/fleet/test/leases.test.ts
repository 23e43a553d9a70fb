import { type Bot, createBot } from '@birdtalk/bot';
import { createTestClient } from '@birdtalk/bot/testing';
import { FakeClock } from '@birdtalk/runtime/testing';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Fleet, runFleet, workersKey } from '../src/index.js';

const available = redisServerAvailable();

describe.skipIf(!available)('lease counters in bot.health(), against a real redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  // Accounts no other test uses: a first ever lease is not a takeover, so their lease history must be fresh.
  const accounts = Array.from({ length: 4 }, (_, i) => ({ userId: String(40_001 + i) }));

  /** A worker whose accounts run bots given the worker's lease counters, as the README shows. */
  function worker(name: string, clock: FakeClock, bots: Bot[]): Fleet {
    return runFleet({
      redis: server.client(),
      fleet: 'leases',
      workerId: name,
      accounts,
      clock,
      leaseTtlMs: 60_000,
      rebalanceEveryMs: 1_000,
      startAccount: async ({ leases }) => {
        const bot = createBot(createTestClient(), { rateLimit: false }, { leases });
        await bot.start();
        bots.push(bot);
        return bot;
      },
    });
  }

  it('held, lost and takeovers move as accounts are taken, handed over, taken over and lost', async () => {
    const redis = server.client();
    const clockA = new FakeClock();
    const clockB = new FakeClock();
    const botsA: Bot[] = [];
    const botsB: Bot[] = [];
    const a = worker('a', clockA, botsA);
    await vi.waitFor(async () => {
      await clockA.advance(0);
      expect(a.status().held.length).toBe(4);
    });
    // First ever leases: nobody held them before, so no takeover.
    expect(botsA[0]?.health().leases).toEqual({ held: 4, lost: 0, takeovers: 0 });

    // b joins: a hands two accounts over gracefully, and b counts no takeover for them.
    const b = worker('b', clockB, botsB);
    await vi.waitFor(async () => {
      await Promise.all([clockA.advance(1_000), clockB.advance(1_000)]);
      expect(a.status().held.length).toBe(2);
      expect(b.status().held.length).toBe(2);
    });
    expect(botsA[0]?.health().leases).toEqual({ held: 2, lost: 0, takeovers: 0 });
    expect(botsB[0]?.health().leases).toEqual({ held: 2, lost: 0, takeovers: 0 });

    // a stalls (its clock stops): its membership and leases lapse in Redis, made to lapse now rather than
    // after the TTL in real time. b takes a's two accounts over: takeovers.
    const stalled = a.status().held.map((entry) => entry.userId);
    await redis.zadd(workersKey('birdtalk', 'leases'), 1, 'a');
    for (const account of stalled) await redis.del(`{birdtalk:${account}}:lease`);
    await vi.waitFor(async () => {
      await clockB.advance(1_000);
      expect(b.status().held.length).toBe(4);
    });
    expect(b.status().takeovers).toBe(2);
    expect(botsB.at(-1)?.health().leases).toEqual({ held: 4, lost: 0, takeovers: 2 });

    // a wakes: its next renewal finds the leases gone, and it counts them lost.
    await vi.waitFor(async () => {
      await clockA.advance(1_000);
      expect(a.status().lost).toBe(2);
    });
    expect(botsA[0]?.health().leases).toMatchObject({ lost: 2, takeovers: 0 });
    await Promise.all([a.stop(), b.stop()]);
    expect(botsB[0]?.health().leases?.held).toBe(0);
  });
});
