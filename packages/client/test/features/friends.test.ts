import { isBirdTalkError } from '@birdtalk/errors';
import { ChatType } from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { friendEventFrom, friendRequestFrom } from '../../src/friend-events.js';
import { createFriendsApi } from '../../src/friends.js';
import { type Harness, harness, until } from './harness.js';

let h: Harness;
afterEach(async () => {
  await h.finish();
});

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const text = (value: string) => new TextEncoder().encode(value);

describe('friends against the reference server (community mode)', () => {
  it('follows, lists, names, permits, blocks, unblocks and unfollows, with notices to the other side', async () => {
    h = await harness();
    const ada = await h.user('ada');
    const bob = await h.user('bob');
    const adaSide = await h.connect(ada);
    const bobSide = await h.connect(bob);
    const notices = bobSide.record('friend-notice');
    const friends = createFriendsApi(adaSide.ctx);
    const bobFriends = createFriendsApi(bobSide.ctx);

    expect(await friends.follow(bob, { memo: 'Bobby' })).toMatchObject({
      status: 'following',
      user: { userId: bob },
    });
    await until(() => notices.length === 1, 'the follow notice');
    expect(friendEventFrom(notices[0]!, bob)).toMatchObject({ kind: 'followed', by: { userId: ada } });

    expect((await collect(friends.follows())).map((u) => u.userId)).toEqual([bob]);
    expect((await collect(bobFriends.fans())).map((u) => u.userId)).toEqual([ada]);
    expect(await collect(friends.mutual())).toEqual([]);
    await bobFriends.follow(ada);
    expect((await collect(friends.mutual())).map((u) => u.userId)).toEqual([bob]);
    expect(await friends.isFollowing(bob)).toBe(true);

    await friends.setMemo(bob, 'Robert');
    await bobFriends.setMemo(ada, 'A fan', { on: 'fan' });
    await friends.setPermission(bob, ['Chat', 'ViewInfo']);

    // Clearing the chat bit of a user we follow is refused: their next message would crash the server.
    const refused = await friends.setPermission(bob, ['ViewInfo']).catch((e: unknown) => e);
    expect(isBirdTalkError(refused, 'REFUSED_CHAT_BIT_WHILE_FOLLOWING')).toBe(true);

    // Blocking unfollows first, so bob's messages fail as "not friend" instead of crashing the server.
    await friends.block(bob);
    expect(await friends.isFollowing(bob)).toBe(false);
    const blockedChat = await bobSide.session
      .sendChat({ toId: ada, chatType: ChatType.ChatTypeP2P, data: text('hello?') })
      .catch((e: unknown) => e);
    expect(isBirdTalkError(blockedChat, 'CHAT_NOT_FRIEND')).toBe(true);

    await friends.unblock(bob);
    await friends.follow(bob);
    expect(
      await bobSide.session.sendChat({ toId: ada, chatType: ChatType.ChatTypeP2P, data: text('hi') }),
    ).toMatchObject({
      detail: expect.any(String),
    });

    const before = notices.length;
    expect(await friends.unfollow(bob)).toBe(true);
    await until(() => notices.length > before, 'the removal notice');
    expect(friendEventFrom(notices.at(-1)!, bob)).toMatchObject({ kind: 'unfollowed', by: { userId: ada } });
    expect(await friends.unfollow(bob)).toBe(false);
    expect(h.server.getUser(ada)?.follows).toBe('0');
  });

  it('reports operations made on another device as events', async () => {
    h = await harness();
    const ada = await h.user('ada');
    const bob = await h.user('bob');
    const phone = await h.connect(ada);
    const laptop = await h.connect(ada);
    const seen = laptop.record('friend-notice');
    await createFriendsApi(phone.ctx).follow(bob);
    await until(() => seen.length === 1, 'the other device');
    expect(friendEventFrom(seen[0]!, ada)).toMatchObject({
      kind: 'own-operation',
      operation: 'follow',
      userId: bob,
    });
  });

  it('pages through more than 100 fans', async () => {
    h = await harness();
    const star = await h.user('star');
    const fans: string[] = [];
    for (let i = 0; i < 230; i += 1) {
      const fan = await h.user(`fan${i}`);
      await h.server.follow(fan, star);
      fans.push(fan);
    }
    const friends = createFriendsApi((await h.connect(star)).ctx);
    const listed = await collect(friends.fans());
    expect(listed.map((u) => u.userId)).toEqual(fans);
    expect(listed[0]?.userName).toBe('fan0');
    expect((await collect(friends.fans({ after: fans[199]! }))).length).toBe(30);
  });

  it('refuses friend approval with nothing sent', async () => {
    h = await harness();
    const ada = await h.user('ada');
    const bob = await h.user('bob');
    const friends = createFriendsApi((await h.connect(ada)).ctx);
    const error = await friends.approve(bob).catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'REFUSED_APPROVE_FRIEND')).toBe(true);
  });
});

describe('friends against the reference server (friend mode)', () => {
  it('sends a request the other side sees, and that nobody can approve (friend mode is inert)', async () => {
    h = await harness({ friendMode: 'request' });
    const ada = await h.user('ada');
    const bob = await h.user('bob');
    const adaSide = await h.connect(ada);
    const bobSide = await h.connect(bob);
    const requests = bobSide.record('friend-request');
    expect(await createFriendsApi(adaSide.ctx).follow(bob)).toEqual({ status: 'requested' });
    await until(() => requests.length === 1, 'the friend request');
    expect(friendRequestFrom(requests[0]!)).toMatchObject({ kind: 'friend-request', fromId: ada });
    // Even with the policy lifted, the session's frame rules refuse what would crash the server.
    const lifted = await h.connect(bob, { policy: { allowServerCrashingRequests: true } });
    await expect(createFriendsApi(lifted.ctx).approve(ada)).rejects.toMatchObject({
      name: 'RefusedError',
      code: 'REFUSED_APPROVE_FRIEND',
    });
  });
});
