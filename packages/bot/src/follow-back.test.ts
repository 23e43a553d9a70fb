import { silentLogger } from '@birdtalk/runtime';
import { describe, expect, it } from 'vitest';
import { createBot } from './bot.js';
import { followBackCandidate, reconcileFollowBacks, shouldFollowBack } from './follow-back.js';
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

describe('reconcileFollowBacks', () => {
  it('follows the fans the bot does not follow yet, as the filter allows', async () => {
    const client = createTestClient({ fans: ['30001', '30002', '30003', '10001'], follows: ['30002'] });
    const followed = await reconcileFollowBacks({
      client,
      filter: (user) => user.userId !== '30003',
      logger: silentLogger,
      signal: new AbortController().signal,
    });
    expect(followed).toEqual(['30001']);
    expect(client.followed).toEqual(['30001']);
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
