import { storeContract } from '@birdtalk/client/testing';
import { isBirdTalkError } from '@birdtalk/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLease, createRedisStore, RedisStoreErrorCode } from '../src/index.js';
import { CHANGE, SCRIPTS } from '../src/scripts.js';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../src/testing.js';
import { watchedRedis } from './watched-redis.js';

const available = redisServerAvailable();

describe.skipIf(!available)('the Redis store, against a real redis-server', () => {
  let server: RedisServer;
  let accounts = 0;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('meets the store contract', () => {
    for (const check of storeContract({
      setup: () => {
        // A fresh account per case: the same Redis, disjoint keys.
        accounts += 1;
        const account = `contract-${accounts}`;
        const redis = server.client();
        return { open: async () => createRedisStore({ redis, account }) };
      },
      persistent: true,
    })) {
      it(check.name, check.run);
    }
  });

  it('keeps the dedup window bounded in Redis itself', async () => {
    const redis = server.client();
    const store = createRedisStore({ redis, account: 'bounded' });
    for (let i = 0; i < 50; i += 1) await store.addSeen([`k${i}`, `j${i}`], 10);
    expect(await redis.zcard('{birdtalk:bounded}:seen')).toBe(10);
    expect(await store.loadSeen()).toEqual([
      'k45',
      'j45',
      'k46',
      'j46',
      'k47',
      'j47',
      'k48',
      'j48',
      'k49',
      'j49',
    ]);
  });

  it('sends the changes of one run of microtasks as one script, and what follows them after it', async () => {
    const connection = server.client();
    const sent: string[] = [];
    const redis = watchedRedis(connection, {
      evalsha: (sha) => sent.push(sha === SCRIPTS.write.sha ? 'write' : 'other script'),
      hget: () => sent.push('hget'),
    });
    const store = createRedisStore({ redis, account: 'batched' });
    await store.markHandling(['m:0']);
    sent.length = 0;
    const changes = [
      store.markHandling(['m:2']),
      store.addSeen(['m:1', 'c:x@1'], 10),
      store.savePosition('p2p', '1'),
      store.set('a', '1'),
      store.set('a', '2'),
    ];
    // Issued in the same turn, after the changes: they must see them.
    const swapped = store.compareAndSet('a', '2', '3');
    const read = store.get('a');
    await Promise.all(changes);
    expect(await swapped).toBe(true);
    expect(await read).toBe('3');
    expect(sent).toEqual(['write', 'other script', 'hget']);
    expect(await store.loadHandling()).toEqual(['m:0', 'm:2']);
    expect(await store.loadSeen()).toEqual(['m:1', 'c:x@1']);
    expect((await store.loadPositions()).get('p2p')).toBe('1');
    expect(await store.get('a')).toBe('3');
  });

  it('sends a handling mark with the next change, even one asked for later in the turn, or alone at its end', async () => {
    const connection = server.client();
    const sent: string[][] = [];
    const redis = watchedRedis(connection, {
      evalsha: (_sha, args) =>
        sent.push(args.filter((arg) => arg === CHANGE.mark || arg === CHANGE.seen).map(String)),
    });
    const store = createRedisStore({ redis, account: 'deferred-marks' });
    // Alone, a mark waits for the end of the turn and is written then.
    await store.markHandling(['m:1']);
    expect(sent).toEqual([[CHANGE.mark]]);
    // Asked for before the handled message's changes, in an earlier microtask of the same turn: one write.
    const marked = store.markHandling(['m:3']);
    await Promise.resolve();
    await Promise.resolve();
    const seen = store.addSeen(['m:2'], 10);
    await Promise.all([marked, seen]);
    expect(sent).toEqual([[CHANGE.mark], [CHANGE.mark, CHANGE.seen]]);
    expect(await store.loadHandling()).toEqual(['m:1', 'm:3']);
  });

  it('keeps accounts and prefixes apart', async () => {
    const redis = server.client();
    const a = createRedisStore({ redis, account: 'apart-a' });
    const b = createRedisStore({ redis, account: 'apart-b' });
    const c = createRedisStore({ redis, account: 'apart-a', prefix: 'other' });
    await a.savePosition('p2p', '1');
    await b.savePosition('p2p', '2');
    await c.savePosition('p2p', '3');
    expect((await a.loadPositions()).get('p2p')).toBe('1');
    expect((await b.loadPositions()).get('p2p')).toBe('2');
    expect((await c.loadPositions()).get('p2p')).toBe('3');
  });

  it('refuses every write of a process whose lease was taken over (a paused "zombie" cannot overwrite)', async () => {
    const redis = server.client();
    const first = await acquireLease({ redis, account: 'fenced', owner: 'worker-a', ttlMs: 60_000 });
    expect(first).toBeDefined();
    const zombie = createRedisStore({ redis, account: 'fenced', fencingToken: () => first!.token });
    await zombie.savePosition('p2p', '100');
    // worker-a pauses; its lease ends (here: deleted, as an expiry would), and worker-b takes over.
    await redis.del('{birdtalk:fenced}:lease');
    const second = await acquireLease({ redis, account: 'fenced', owner: 'worker-b', ttlMs: 60_000 });
    expect(BigInt(second!.token)).toBeGreaterThan(BigInt(first!.token));
    // Even before the new holder wrote anything, the old one is refused, on every kind of write.
    const attempts = [
      zombie.savePosition('p2p', '50'),
      zombie.addSeen(['x'], 10),
      zombie.set('deviceId', 'zombie'),
      zombie.setIfAbsent('other', 'zombie'),
      zombie.reserveSendIds(1, '1'),
      zombie.removeOutbox('1'),
    ];
    for (const attempt of attempts) {
      const error = await attempt.catch((caught: unknown) => caught);
      expect(isBirdTalkError(error, RedisStoreErrorCode.STALE_FENCE), String(error)).toBe(true);
    }
    const owner = createRedisStore({ redis, account: 'fenced', fencingToken: () => second!.token });
    expect((await owner.loadPositions()).get('p2p')).toBe('100');
    await owner.savePosition('p2p', '200');
    expect((await owner.loadPositions()).get('p2p')).toBe('200');
    await first!.release();
    await second!.release();
  });

  it('waits out a Redis restart: writes issued while it is down land once it is back, none lost', async () => {
    const redis = server.client({ maxRetriesPerRequest: null });
    const store = createRedisStore({ redis, account: 'restart' });
    await store.savePosition('p2p', '1');
    await server.kill();
    const during = Array.from({ length: 20 }, (_, i) => store.addSeen([`during-${i}`], 100));
    const position = store.savePosition('p2p', '2');
    await server.restart();
    await Promise.all([...during, position]);
    await store.flush();
    expect((await store.loadPositions()).get('p2p')).toBe('2');
    expect(await store.loadSeen()).toEqual(Array.from({ length: 20 }, (_, i) => `during-${i}`));
  });
});
