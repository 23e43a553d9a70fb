import { silentLogger } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { createBot } from './bot.js';
import { followBackCandidate, shouldFollowBack } from './follow-back.js';
import { FollowBackReconciler } from './follow-back-reconciler.js';
import { followedEvent, unfollowedEvent, userProfile } from './testing/builders.js';
import { createTestClient } from './testing/test-client.js';

describe('followBackCandidate', () => {
  it('is someone else who just followed the bot', () => {
    expect(followBackCandidate(followedEvent('30001'), '10001')?.userId).toBe('30001');
  });

  it('is nobody for unfollows, own operations, the bot itself or an unnamed user', () => {
    expect(followBackCandidate(unfollowedEvent('30001'), '10001')).toBeUndefined();
    expect(
      followBackCandidate(
        { kind: 'own-operation', operation: 'follow', userId: '30001', user: undefined },
        '10001',
      ),
    ).toBeUndefined();
    expect(followBackCandidate(followedEvent('10001'), '10001')).toBeUndefined();
    expect(
      followBackCandidate({ kind: 'followed', by: { ...userProfile('1'), userId: '0' } }, '10001'),
    ).toBeUndefined();
  });
});

describe('shouldFollowBack', () => {
  it('asks the filter, which may be async', async () => {
    const user = userProfile('30001');
    expect(await shouldFollowBack(user, true)).toBe(true);
    expect(await shouldFollowBack(user, async (u) => u.userId === '30001')).toBe(true);
    expect(await shouldFollowBack(user, () => false)).toBe(false);
  });
});

function reconciler(
  client: ReturnType<typeof createTestClient>,
  options: { pagesPerRun?: number; filter?: (user: { userId: string }) => boolean } = {},
) {
  const clock = new FakeClock();
  const runs: Promise<unknown>[] = [];
  const instance = new FollowBackReconciler(
    {
      client,
      filter: options.filter ?? true,
      clock,
      logger: silentLogger,
      signal: new AbortController().signal,
      onRun: (run) => runs.push(run),
    },
    { intervalMs: 1_000, pagesPerRun: options.pagesPerRun ?? 10 },
  );
  return { clock, instance, runs };
}

/** Fan ids 30001… */
function fanIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(30_001 + i));
}

describe('FollowBackReconciler', () => {
  it('follows the fans the bot does not follow yet, as the filter allows', async () => {
    const client = createTestClient({ fans: ['30001', '30002', '30003', '10001'], follows: ['30002'] });
    const { instance } = reconciler(client, { filter: (user) => user.userId !== '30003' });
    const run = await instance.runOnce();
    expect(run?.followed).toEqual(['30001']);
    expect(client.followed).toEqual(['30001']);
    expect(run?.cursor).toBe('0');
  });

  it('decides at most pagesPerRun pages of fans a run and continues after the last one', async () => {
    const client = createTestClient({ fans: fanIds(250) });
    const { instance } = reconciler(client, { pagesPerRun: 1 });
    expect((await instance.runOnce())?.checked).toBe(100);
    expect(instance.cursor).toBe('30100');
    expect((await instance.runOnce())?.checked).toBe(100);
    expect(instance.cursor).toBe('30200');
    const last = await instance.runOnce();
    expect(last?.checked).toBe(50);
    expect(last?.cursor).toBe('0');
    expect(client.followed).toEqual(fanIds(250));
  });

  it('decides only the fans up to the last follow it read when the follows fill the bound first', async () => {
    // The bot follows 150 users with ids below its fans': one page of follows does not reach the fans.
    const follows = Array.from({ length: 150 }, (_, i) => String(20_000 + i * 50));
    const client = createTestClient({ fans: fanIds(10), follows });
    const { instance } = reconciler(client, { pagesPerRun: 1 });
    const run = await instance.runOnce();
    // The 100th follow is 24950: no fan is at or below it, so none is decided, and the cursor moves there.
    expect(run?.checked).toBe(0);
    expect(instance.cursor).toBe('24950');
    const next = await instance.runOnce();
    expect(next?.checked).toBe(10);
    expect(client.followed).toEqual(fanIds(10));
  });

  it('runs at start and then every intervalMs, until stopped', async () => {
    const client = createTestClient({ fans: ['30001'] });
    const { clock, instance, runs } = reconciler(client);
    await instance.start();
    expect(runs).toHaveLength(1);
    await clock.advance(999);
    expect(runs).toHaveLength(1);
    await clock.advance(1);
    expect(runs).toHaveLength(2);
    await Promise.all(runs);
    instance.stop();
    await clock.advance(5_000);
    expect(runs).toHaveLength(2);
  });

  it('skips users the bot blocked', async () => {
    const client = createTestClient({ fans: ['30001', '30002'], blocked: ['30001'] });
    const { instance } = reconciler(client);
    await instance.runOnce();
    expect(client.followed).toEqual(['30002']);
  });
});

describe('the autoFollowBack option', () => {
  it('is off by default', async () => {
    const client = createTestClient({ fans: ['30001'] });
    const bot = createBot(client);
    await bot.start();
    await client.emit('friend', followedEvent('30002'));
    expect(client.followed).toEqual([]);
  });

  it('follows back live followers before the middleware runs, and fans at start', async () => {
    const client = createTestClient({ fans: ['30001'] });
    const bot = createBot(client, { autoFollowBack: true });
    const seen: boolean[] = [];
    bot.on('friend:followed', async (ctx) => {
      seen.push(await client.friends.isFollowing(ctx.from));
    });
    await bot.start();
    await bot.stop();
    expect(client.followed).toEqual(['30001']);

    const again = createTestClient();
    const second = createBot(again, { autoFollowBack: true });
    second.on('friend:followed', async (ctx) => {
      seen.push(await again.friends.isFollowing(ctx.from));
    });
    await second.start();
    await again.emit('friend', followedEvent('30002'));
    await again.emit('friend', unfollowedEvent('30003'));
    expect(again.followed).toEqual(['30002']);
    expect(seen).toEqual([true]);
  });

  it('asks the filter', async () => {
    const client = createTestClient();
    const blocked = new Set(['30002']);
    const bot = createBot(client, { autoFollowBack: (user) => !blocked.has(user.userId) });
    await bot.start();
    await client.emit('friend', followedEvent('30001'));
    await client.emit('friend', followedEvent('30002'));
    expect(client.followed).toEqual(['30001']);
  });

  it('reports a failed follow to bot.catch() and still runs the middleware', async () => {
    const client = createTestClient();
    const bot = createBot(client, {
      autoFollowBack: () => {
        throw new Error('filter failed');
      },
    });
    const caught: string[] = [];
    const handled: string[] = [];
    bot.catch((error, ctx) => {
      caught.push(`${ctx.type}: ${(error as Error).message}`);
    });
    bot.on('friend', (ctx) => {
      handled.push(ctx.from ?? '');
    });
    await bot.start();
    const result = await client.emit('friend', followedEvent('30001'));
    expect(result.ok).toBe(true);
    expect(caught).toEqual(['friend: filter failed']);
    expect(handled).toEqual(['30001']);
  });
});

describe('follow-back and blocks', () => {
  it('skips users the bot blocked, without asking the filter or trying to follow', async () => {
    const client = createTestClient({ fans: ['30001', '30002'], blocked: ['30002'] });
    const asked: string[] = [];
    const bot = createBot(client, {
      autoFollowBack: (user) => {
        asked.push(user.userId);
        return true;
      },
    });
    const caught: unknown[] = [];
    bot.catch((error) => {
      caught.push(error);
    });
    await bot.start();
    await client.emit('friend', followedEvent('30002'));
    expect(client.followed).toEqual(['30001']);
    expect(asked).toEqual(['30001']);
    expect(caught).toEqual([]);
  });
});
