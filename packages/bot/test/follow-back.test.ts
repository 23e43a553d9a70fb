import { type Msg, UserOperationType } from '@birdtalk/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOT_OPTIONS } from '../src/index.js';
import { createWorld, durableStore, type World } from './harness.js';

let world: World;
let botId: string;
let ada: string;

beforeEach(async () => {
  world = await createWorld();
  botId = await world.user('followbot');
  ada = await world.user('ada');
});

afterEach(async () => {
  await world.close();
});

/** The friend operations of one kind the bot's clients sent so far. */
function friendOps(operation: UserOperationType): Msg[] {
  return world
    .sentBy(botId)
    .filter(
      (msg: Msg) => msg.plainMsg?.message === 'friendOp' && msg.plainMsg.friendOp.operation === operation,
    );
}

/** The friend list pages (ListFriends) the bot asked for so far. */
function listRequests(): number {
  return friendOps(UserOperationType.ListFriends).length;
}

/** The users the bot followed (AddFriend) so far. */
function followedByBot(): Set<string> {
  return new Set(
    friendOps(UserOperationType.AddFriend).map((msg) =>
      msg.plainMsg?.message === 'friendOp' ? (msg.plainMsg.friendOp.user?.userId ?? '0') : '0',
    ),
  );
}

const HOUR = 3_600_000;

describe('follow-back without relisting', () => {
  it('follows back a follower who followed while the bot ran, through the notice, and a reconnect lists nothing', async () => {
    const bot = world.bot(botId, { autoFollowBack: true });
    const alice = world.client(ada);
    await world.drive(Promise.all([bot.start(), alice.start()]));
    const afterStart = listRequests();

    await world.drive(alice.friends.follow(botId));
    await world.until(() => followedByBot().has(ada), 'the follow-back');

    const ready: unknown[] = [];
    bot.client.on('ready', (event) => {
      ready.push(event);
    });
    world.server.faults.set({ dropAfterFrames: 1 });
    await world.drive(bot.client.users.get(ada)).catch(() => undefined);
    world.server.faults.clear();
    await world.until(() => ready.length === 1, 'the reconnect');
    await world.drive(bot.client.users.get(ada));
    expect(listRequests()).toBe(afterStart);
  });

  it('follows back a fan whose notice it missed at the next timed run, not at a reconnect', async () => {
    const bot = world.bot(botId, { autoFollowBack: true });
    await world.drive(bot.start());
    // A follow the server recorded without telling the bot (as while it was offline).
    await world.server.follow(ada, botId);
    await world.clock.advance(HOUR - 1_000);
    await world.drive(bot.client.users.get(ada));
    expect(followedByBot().has(ada)).toBe(false);
    await world.clock.advance(1_000);
    await world.until(() => followedByBot().has(ada), 'the timed run');
  });

  it('reads a bounded slice of the fan list per run and goes on where it stopped', async () => {
    const fans: string[] = [];
    for (let i = 0; i < 230; i += 1) fans.push(await world.user(`fan${i}`, [botId]));
    const bot = world.bot(botId, { autoFollowBack: true, followBackReconcile: { pagesPerRun: 1 } });
    const followedFans = () => {
      const followed = followedByBot();
      return fans.filter((fan) => followed.has(fan)).length;
    };

    await world.drive(bot.start());
    const first = listRequests();
    // One page of fans, and at most one page of follows.
    expect(first).toBeLessThanOrEqual(2);
    expect(followedFans()).toBe(100);

    await world.clock.advance(HOUR);
    await world.until(() => followedFans() === 200, 'the second run');
    expect(listRequests() - first).toBeLessThanOrEqual(2);

    const second = listRequests();
    await world.clock.advance(HOUR);
    await world.until(() => followedFans() === 230, 'the third run');
    await world.drive(bot.client.users.get(ada));
    expect(listRequests() - second).toBeLessThanOrEqual(2);
  });

  it('a restarted bot goes on through the fan list where the stopped one left off', async () => {
    const fans: string[] = [];
    for (let i = 0; i < 230; i += 1) fans.push(await world.user(`fan${i}`, [botId]));
    const options = { autoFollowBack: true, followBackReconcile: { pagesPerRun: 1 } } as const;
    const followedFans = () => {
      const followed = followedByBot();
      return fans.filter((fan) => followed.has(fan)).length;
    };
    const store = durableStore();
    const first = world.bot(botId, options, store);
    await world.drive(first.start());
    expect(followedFans()).toBe(100);
    await world.drive(first.stop());

    // A new process on the same store: its first run reads the second page, not the first again.
    const before = listRequests();
    const restarted = world.bot(botId, options, store);
    await world.drive(restarted.start());
    expect(followedFans()).toBe(200);
    expect(listRequests() - before).toBeLessThanOrEqual(2);
    expect(await store.get('bot:follow-back-cursor')).toBe(fans[199]);
  });

  it('a malformed stored cursor is not sent: the run starts from the first fan', async () => {
    const fans: string[] = [];
    for (let i = 0; i < 120; i += 1) fans.push(await world.user(`fan${i}`, [botId]));
    const options = { autoFollowBack: true, followBackReconcile: { pagesPerRun: 1 } } as const;
    const store = durableStore();
    await store.set('bot:follow-back-cursor', 'not-an-id');
    const bot = world.bot(botId, options, store);
    await world.drive(bot.start());
    // Read from the first fan on: the first 100 are followed back.
    const followed = followedByBot();
    expect(fans.slice(0, 100).every((fan) => followed.has(fan))).toBe(true);
    expect(world.logger.records.some((record) => /cursor is malformed/.test(record.message))).toBe(true);
  });

  it('a cursor the store cannot take stays in memory, logged, and the bot runs on', async () => {
    for (let i = 0; i < 120; i += 1) await world.user(`fan${i}`, [botId]);
    const durable = durableStore();
    const store = {
      ...durable,
      set: async (key: string, value: string) => {
        if (key === 'bot:follow-back-cursor') throw new Error('disk full');
        await durable.set(key, value);
      },
    };
    const bot = world.bot(botId, { autoFollowBack: true, followBackReconcile: { pagesPerRun: 1 } }, store);
    await world.drive(bot.start());
    expect(bot.state).toBe('running');
    expect(world.logger.records.some((record) => /cursor could not be stored/.test(record.message))).toBe(
      true,
    );
    // The next run still goes on from the cursor in memory: the last 20 fans.
    await world.clock.advance(HOUR);
    await world.until(() => followedByBot().size === 120, 'the second run');
  });

  it('skips users the bot blocked, in the timed run too', async () => {
    const bob = await world.user('bob');
    const bot = world.bot(botId, { autoFollowBack: true });
    await world.drive(bot.start());
    await world.drive(bot.client.friends.block(ada));
    await world.server.follow(ada, botId);
    await world.server.follow(bob, botId);
    await world.clock.advance(HOUR);
    await world.until(() => followedByBot().has(bob), 'the timed run');
    expect(followedByBot().has(ada)).toBe(false);
  });

  it('runs every hour, ten pages at most, by default', () => {
    expect(DEFAULT_BOT_OPTIONS.followBackReconcile).toEqual({ intervalMs: HOUR, pagesPerRun: 10 });
  });
});
