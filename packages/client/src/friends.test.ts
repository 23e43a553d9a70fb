import { isBirdTalkError, ProtocolError } from '@birdtalk/errors';
import { UserOperationType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { fakeContext, fakeSession } from '../test/support/fake-context.js';
import { createFriendsApi, FriendPermission, permissionBits } from './friends.js';

const user = (id: number | string) => ({
  userId: String(id),
  userName: `u${id}`,
  nickName: `U${id}`,
  params: {},
});
const result = (operation: number, users: unknown[] = [], extra: object = {}) => ({
  operation,
  result: 'ok',
  users,
  params: {},
  ...extra,
});

/** A session whose follow list holds `following`, answering ListFriends pages like the server. */
function withFollows(following: number[], others: Partial<Record<number, () => unknown>> = {}) {
  return fakeSession({
    friendOp: (request) => {
      if (request.operation === UserOperationType.ListFriends) {
        const after = BigInt(request.user?.userId ?? 0);
        const ids = following.filter((id) => BigInt(id) > after).slice(0, 100);
        return result(UserOperationType.ListFriends, ids.map(user));
      }
      const handler = others[request.operation as number];
      return handler === undefined ? result(request.operation) : handler();
    },
  });
}

describe('the friends API', () => {
  it('follows with a memo', async () => {
    const { session, calls } = fakeSession({
      friendOp: () => result(UserOperationType.AddFriend, [user(10002)], { user: user(10001) }),
    });
    const followed = await createFriendsApi(fakeContext(session)).follow('10002', { memo: 'Bob' });
    expect(followed).toMatchObject({ status: 'following', user: { userId: '10002' } });
    expect(calls[0]?.request).toEqual({
      operation: UserOperationType.AddFriend,
      user: { userId: '10002', nickName: 'Bob' },
    });
  });

  it('reports a forwarded request in friend mode (the server answers nothing)', async () => {
    const { session } = fakeSession({
      friendOp: () => {
        throw new ProtocolError('PROTOCOL_NO_REPLY', 'no reply');
      },
    });
    expect(await createFriendsApi(fakeContext(session)).follow(10002)).toEqual({ status: 'requested' });
  });

  it('checks with one list request whether we follow someone', async () => {
    const { session, calls } = withFollows([10002, 10005]);
    const friends = createFriendsApi(fakeContext(session));
    expect(await friends.isFollowing('10005')).toBe(true);
    expect(await friends.isFollowing('10004')).toBe(false);
    expect(calls.map((c) => c.request)).toEqual([
      { operation: UserOperationType.ListFriends, user: { userId: '10004' }, params: { mode: 'follows' } },
      { operation: UserOperationType.ListFriends, user: { userId: '10003' }, params: { mode: 'follows' } },
    ]);
  });

  it('unfollows only users it follows (the server would count negative)', async () => {
    const { session, calls } = withFollows([10002]);
    const friends = createFriendsApi(fakeContext(session));
    expect(await friends.unfollow('10003')).toBe(false);
    expect(calls.filter((c) => c.request.operation === UserOperationType.RemoveFriend)).toEqual([]);
    expect(await friends.unfollow('10002')).toBe(true);
    expect(calls.at(-1)?.request).toEqual({
      operation: UserOperationType.RemoveFriend,
      user: { userId: '10002' },
    });
  });

  it('takes no reply to a removal as done (the real server answers nothing for uncached users)', async () => {
    const { session } = withFollows([10002], {
      [UserOperationType.RemoveFriend]: () => {
        throw new ProtocolError('PROTOCOL_NO_REPLY', 'no reply');
      },
    });
    expect(await createFriendsApi(fakeContext(session)).unfollow('10002')).toBe(true);
  });

  it('unfollows before blocking, so a blocked user can never crash the server with a message', async () => {
    const { session, calls } = withFollows([10002]);
    await createFriendsApi(fakeContext(session)).block('10002');
    expect(calls.map((c) => c.request.operation)).toEqual([
      UserOperationType.ListFriends,
      UserOperationType.RemoveFriend,
      UserOperationType.BlockFriend,
    ]);
  });

  it('refuses clearing the chat bit of a followed user, sending nothing but the check', async () => {
    const { session, calls } = withFollows([10002]);
    const friends = createFriendsApi(fakeContext(session));
    const error = await friends.setPermission('10002', ['ViewInfo']).catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'REFUSED_CHAT_BIT_WHILE_FOLLOWING')).toBe(true);
    expect(calls.map((c) => c.request.operation)).toEqual([UserOperationType.ListFriends]);
    await friends.setPermission('10002', ['Chat', 'ViewInfo']);
    expect(calls.at(-1)?.request).toEqual({
      operation: UserOperationType.SetFriendPermission,
      user: { userId: '10002' },
      params: { permission: '12' },
    });
    await friends.setPermission('10003', 0);
    expect(calls.at(-1)?.request.params).toEqual({ permission: '0' });
  });

  it('converts permissions to the int16 the server parses, without the exists bit', () => {
    expect(permissionBits(['Friend', 'Chat', 'ViewLoc'])).toBe(2 + 4 + 64);
    expect(permissionBits(FriendPermission.Chat | 32768)).toBe(4);
    expect(() => permissionBits(-1)).toThrow();
    expect(() => permissionBits(['Nope' as never])).toThrow();
  });

  it('sets memos on follows and fans; refuses empty memos', async () => {
    const { session, calls } = fakeSession({ friendOp: (r) => result(r.operation) });
    const friends = createFriendsApi(fakeContext(session));
    await friends.setMemo('10002', 'Bobby');
    await friends.setMemo('10003', 'Fan', { on: 'fan' });
    await expect(friends.setMemo('10002', '')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(calls.map((c) => c.request)).toEqual([
      {
        operation: UserOperationType.SetFriendMemo,
        user: { userId: '10002', nickName: 'Bobby' },
        params: { mode: 'follows' },
      },
      {
        operation: UserOperationType.SetFriendMemo,
        user: { userId: '10003', nickName: 'Fan' },
        params: { mode: 'fans' },
      },
    ]);
  });

  it('pages through lists 100 at a time with the last id as the exclusive cursor', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => 20_000 + i * 3);
    const { session, calls } = withFollows(ids);
    const seen: string[] = [];
    for await (const friend of createFriendsApi(fakeContext(session)).follows()) seen.push(friend.userId);
    expect(seen).toEqual(ids.map(String));
    expect(calls.map((c) => c.request.user)).toEqual([
      undefined,
      { userId: String(ids[99]) },
      { userId: String(ids[199]) },
    ]);
  });

  it('asks once more after a full last page, and stops on an empty one', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => 30_000 + i);
    const { session, calls } = withFollows(ids);
    const friends = createFriendsApi(fakeContext(session));
    let count = 0;
    for await (const _ of friends.fans()) count += 1;
    expect(count).toBe(100);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.request.params).toEqual({ mode: 'fans' });
  });

  it('stops when a page does not move the cursor forward', async () => {
    const page = Array.from({ length: 100 }, () => user(5));
    const { session, calls } = fakeSession({ friendOp: () => result(UserOperationType.ListFriends, page) });
    let count = 0;
    for await (const _ of createFriendsApi(fakeContext(session)).mutual({ after: 10 })) count += 1;
    expect(count).toBe(100);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.request).toMatchObject({ user: { userId: '10' }, params: { mode: 'mutual' } });
  });

  it('refuses friend approval without sending anything, unless the policy allows it', async () => {
    const { session, calls } = fakeSession({ friendOp: () => result(UserOperationType.ApproveFriend) });
    const refused = await createFriendsApi(fakeContext(session))
      .approve('10002')
      .catch((e: unknown) => e);
    expect(isBirdTalkError(refused, 'REFUSED_APPROVE_FRIEND')).toBe(true);
    expect((refused as Error).message).toContain('crashes the server');
    expect(calls).toEqual([]);
    await createFriendsApi(fakeContext(session, { policy: { allowServerCrashingRequests: true } })).approve(
      '10002',
    );
    expect(calls[0]?.request).toEqual({
      operation: UserOperationType.ApproveFriend,
      user: { userId: '10002' },
    });
  });

  it('validates ids before sending', async () => {
    const { session, calls } = fakeSession();
    const friends = createFriendsApi(fakeContext(session));
    await expect(friends.follow('0')).rejects.toMatchObject({ code: 'INVALID_ID' });
    await expect(friends.unblock('x')).rejects.toMatchObject({ code: 'INVALID_ID' });
    expect(calls).toEqual([]);
  });
});
