import { FakeClock } from '@birdtalk/runtime/testing';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Fleet, readHolders, runFleet, workersKey } from '../src/index.js';

const available = redisServerAvailable();

/** Records which worker runs which account, and fails the test if an account ever runs twice at once. */
function recorder() {
  const running = new Map<string, string>();
  const overlaps: string[] = [];
  const starts: string[] = [];
  return {
    running,
    overlaps,
    starts,
    start(worker: string, account: string) {
      if (running.has(account)) overlaps.push(`${account}: ${running.get(account)} and ${worker}`);
      running.set(account, worker);
      starts.push(`${worker}:${account}`);
      return {
        async stop() {
          if (running.get(account) === worker) running.delete(account);
        },
      };
    },
  };
}

describe.skipIf(!available)('runFleet, against a real redis-server', () => {
  let server: RedisServer;
  let fleets = 0;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const accounts = Array.from({ length: 6 }, (_, i) => ({ userId: String(20_001 + i) }));

  function worker(name: string, fleet: string, clock: FakeClock, record: ReturnType<typeof recorder>): Fleet {
    return runFleet({
      redis: server.client(),
      fleet,
      workerId: name,
      accounts,
      clock,
      leaseTtlMs: 60_000,
      rebalanceEveryMs: 1_000,
      startAccount: async ({ account }) => record.start(name, account.userId),
    });
  }

  it('spreads the accounts evenly, hands them over when a worker leaves, and never runs one twice', async () => {
    fleets += 1;
    const fleet = `even-${fleets}`;
    const clock = new FakeClock();
    const record = recorder();
    const a = worker('a', fleet, clock, record);
    await clock.advance(0);
    await vi.waitFor(() => expect(a.status().held.length).toBe(6));
    const b = worker('b', fleet, clock, record);
    // b joins; at the next rebalancing a hands over b's share, then b takes it.
    await vi.waitFor(async () => {
      await clock.advance(1_000);
      expect(a.status().held.length).toBe(3);
      expect(b.status().held.length).toBe(3);
    });
    expect(a.status().handedOver).toBe(3);
    // Any process can read, from Redis, which worker holds which account, and it matches each worker's view.
    const holders = await readHolders({ redis: server.client(), accounts });
    const byWorker = (name: string) => holders.filter((h) => h.workerId === name).map((h) => h.userId);
    const heldBy = (fleet: Fleet) => fleet.status().held.map((h) => h.userId);
    expect(byWorker('a').sort()).toEqual(heldBy(a).sort());
    expect(byWorker('b').sort()).toEqual(heldBy(b).sort());
    const tokens = new Map(b.status().held.map((h) => [h.userId, h.token]));
    for (const holder of holders.filter((h) => h.workerId === 'b')) {
      expect(holder.token).toBe(tokens.get(holder.userId));
    }
    // a drains: b takes everything at its next rebalancing.
    await a.stop();
    await vi.waitFor(async () => {
      await clock.advance(1_000);
      expect(b.status().held.length).toBe(6);
    });
    expect(record.overlaps).toEqual([]);
    expect([...record.running.values()].every((owner) => owner === 'b')).toBe(true);
    await b.stop();
    expect(record.running.size).toBe(0);
    // Stopped workers released their leases: nobody holds anything.
    expect(
      (await readHolders({ redis: server.client(), accounts })).every((h) => h.workerId === undefined),
    ).toBe(true);
  });

  it("takes over a crashed worker's accounts once its membership and leases lapse", async () => {
    fleets += 1;
    const fleet = `crash-${fleets}`;
    // Each worker on its own clock: a crashed worker's clock simply never moves again.
    const clockA = new FakeClock();
    const clockB = new FakeClock();
    const record = recorder();
    const redis = server.client();
    const a = worker('a', fleet, clockA, record);
    const b = worker('b', fleet, clockB, record);
    await vi.waitFor(async () => {
      await Promise.all([clockA.advance(1_000), clockB.advance(1_000)]);
      expect(a.status().held.length).toBe(3);
      expect(b.status().held.length).toBe(3);
    });
    // "a" crashes: no more rebalancing or renewals, and its sessions died with it. Its membership and leases
    // lapse in Redis (made to lapse now, rather than after the TTL in real time).
    const crashed = a.status().held.map((entry) => entry.userId);
    for (const account of crashed) record.running.delete(account);
    await redis.zadd(workersKey('birdtalk', fleet), 1, 'a');
    for (const account of crashed) await redis.del(`{birdtalk:${account}}:lease`);
    await vi.waitFor(async () => {
      await clockB.advance(1_000);
      expect(b.status().held.length).toBe(6);
    });
    expect(b.status().workers).toEqual(['b']);
    expect(record.overlaps).toEqual([]);
    await b.stop();
  });
});
