import { p2p } from '@birdtalk/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createWorld, durableStore, type World } from './harness.js';

let world: World;
let botId: string;
let ada: string;

beforeEach(async () => {
  world = await createWorld();
  botId = await world.user('pingbot');
  ada = await world.user('ada');
});

afterEach(async () => {
  // Fails the test if the server recorded a request that crashes the real server.
  await world.close();
});

it('never follows a blocked fan back again, at the next login or live, so their messages cannot crash the server', async () => {
  const store = durableStore();
  const first = world.bot(botId, { autoFollowBack: true }, store);
  const alice = world.client(ada);
  await world.drive(Promise.all([first.start(), alice.start()]));
  await world.drive(alice.friends.follow(botId));
  await world.eventually(() => first.client.friends.isFollowing(ada), 'the follow-back');
  await world.drive(first.client.friends.block(ada));
  await world.drive(first.stop());

  // The next run logs in again (a restart, or a reconnect's `ready`): ada is still a fan the bot does not follow.
  const second = world.bot(botId, { autoFollowBack: true }, store);
  await world.drive(second.start());
  expect(await world.drive(second.client.friends.isFollowing(ada))).toBe(false);
  // Following and unfollowing again sends the bot a live "followed" notice: still no follow-back.
  await world.drive(alice.friends.unfollow(botId));
  await world.drive(alice.friends.follow(botId));
  await world.until(() => second.pending === 0);
  expect(await world.drive(second.client.friends.isFollowing(ada))).toBe(false);
  // Her message is refused ("not friend") instead of killing the server.
  await expect(world.drive(alice.sendText(p2p(botId), 'hello?'))).rejects.toMatchObject({
    code: 'CHAT_NOT_FRIEND',
  });
});
