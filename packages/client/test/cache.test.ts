import { GroupOperationType, type Msg, UserOperationType } from '@birdtalk/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_OPTIONS } from '../src/index.js';
import { createWorld, PASSWORD, type TestClient, until, type World } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  world = await createWorld();
  ada = await world.user('ada');
  bob = await world.user('bob');
});

afterEach(async () => {
  await world.close();
});

/** The FindUser requests a client sent (one per user lookup that reached the server). */
function userLookups(client: TestClient): number {
  return client.sent.filter(
    (msg: Msg) =>
      msg.plainMsg?.message === 'friendOp' && msg.plainMsg.friendOp.operation === UserOperationType.FindUser,
  ).length;
}

/** The group requests of one operation a client sent. */
function groupRequests(client: TestClient, operation: GroupOperationType): number {
  return client.sent.filter(
    (msg: Msg) => msg.plainMsg?.message === 'groupOp' && msg.plainMsg.groupOp.operation === operation,
  ).length;
}

async function started(userId: string, options: Parameters<World['client']>[1] = {}): Promise<TestClient> {
  const client = world.client(userId, options);
  await world.drive(client.start());
  return client;
}

describe('client.cache users', () => {
  it('answers a repeated lookup without a request, and asks again once ttlMs is over', async () => {
    const client = await started(ada, { cache: { ttlMs: 60_000 } });
    expect((await world.drive(client.cache.user(bob)))?.userName).toBe('bob');
    expect((await world.drive(client.cache.user(bob)))?.userName).toBe('bob');
    expect(userLookups(client)).toBe(1);
    await world.clock.advance(60_000);
    expect((await world.drive(client.cache.user(bob)))?.userName).toBe('bob');
    expect(userLookups(client)).toBe(2);
  });

  it('shares one request between concurrent lookups of the same user', async () => {
    const client = await started(ada);
    const [first, second, third] = await world.drive(
      Promise.all([client.cache.user(bob), client.cache.user(bob), client.cache.user(bob)]),
    );
    expect([first?.userId, second?.userId, third?.userId]).toEqual([bob, bob, bob]);
    expect(userLookups(client)).toBe(1);
  });

  it('holds at most maxUsers, forgetting the least recently used', async () => {
    const carol = await world.user('carol');
    const client = await started(ada, { cache: { maxUsers: 2 } });
    for (const id of [bob, carol, bob]) await world.drive(client.cache.user(id));
    expect(userLookups(client)).toBe(2);
    // ada is the third user: carol, the least recently used, goes.
    await world.drive(client.cache.user(ada));
    await world.drive(client.cache.user(bob));
    expect(userLookups(client)).toBe(3);
    await world.drive(client.cache.user(carol));
    expect(userLookups(client)).toBe(4);
  });

  it('forgets a user whose follow notice arrives; without a notice the answer stays until ttlMs', async () => {
    const dave = await world.server.createUser({ userName: 'dave', password: PASSWORD });
    const client = await started(ada);
    expect((await world.drive(client.cache.user(dave)))?.nickName).not.toBe('Dave D.');
    const daves = await started(dave);
    await world.drive(daves.users.update({ nickName: 'Dave D.' }));
    // The server tells nobody about a profile change: the cached profile is still the old one.
    expect((await world.drive(client.cache.user(dave)))?.nickName).not.toBe('Dave D.');
    expect(userLookups(client)).toBe(1);

    const followed = client.record('friend');
    await world.drive(daves.friends.follow(ada));
    await until(() => followed.length === 1, 'the follow notice');
    expect((await world.drive(client.cache.user(dave)))?.nickName).toBe('Dave D.');
    expect(userLookups(client)).toBe(2);
  });

  it('forgets our own profile when we change it', async () => {
    const client = await started(ada);
    await world.drive(client.cache.user(ada));
    await world.drive(client.users.update({ nickName: 'Ada L.' }));
    expect((await world.drive(client.cache.user(ada)))?.nickName).toBe('Ada L.');
    expect(userLookups(client)).toBe(2);
  });

  it('does not remember a failed lookup', async () => {
    const client = world.client(ada);
    // Before start() every request fails (CLIENT_NOT_STARTED); the failure is not remembered.
    await expect(client.cache.user(bob)).rejects.toMatchObject({ code: 'CLIENT_NOT_STARTED' });
    await world.drive(client.start());
    expect((await world.drive(client.cache.user(bob)))?.userName).toBe('bob');
    expect(userLookups(client)).toBe(1);
  });

  it('ends the wait of a caller whose signal aborts', async () => {
    const client = await started(ada);
    const aborted = new AbortController();
    aborted.abort();
    await expect(client.cache.user(bob, { signal: aborted.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_CACHE_OPTIONS).toEqual({
      ttlMs: 300_000,
      missingTtlMs: 30_000,
      maxUsers: 1000,
      maxGroups: 200,
    });
  });

  it('refuses options that cannot work', () => {
    expect(() => world.client(ada, { cache: { ttlMs: -1 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('client.cache groups and members', () => {
  it('answers group details and member roles from one request each, until a broadcast changes them', async () => {
    const owner = await started(ada);
    const member = await started(bob);
    const created = await world.drive(owner.groups.create({ name: 'first name' }));
    await world.drive(member.groups.join(created.groupId));

    const searches = groupRequests(member, GroupOperationType.GroupSearch);
    expect((await world.drive(member.cache.group(created.groupId)))?.name).toBe('first name');
    expect((await world.drive(member.cache.group(created.groupId)))?.name).toBe('first name');
    expect(groupRequests(member, GroupOperationType.GroupSearch)).toBe(searches + 1);
    expect((await world.drive(member.cache.member(created.groupId, ada)))?.role).toBe('owner');
    expect((await world.drive(member.cache.member(created.groupId, bob)))?.role).toBe('member');
    expect(groupRequests(member, GroupOperationType.GroupSearchMember)).toBe(1);

    // The owner's changes reach the member as broadcasts, which forget the group.
    const events = member.record('group');
    await world.drive(owner.groups.setInfo(created.groupId, { name: 'second name' }));
    await world.drive(owner.groups.addAdmins(created.groupId, bob));
    await until(() => events.length === 2, 'the broadcasts');
    expect((await world.drive(member.cache.group(created.groupId)))?.name).toBe('second name');
    expect((await world.drive(member.cache.member(created.groupId, bob)))?.role).toBe('admin');
    expect(groupRequests(member, GroupOperationType.GroupSearch)).toBe(searches + 2);
    expect(groupRequests(member, GroupOperationType.GroupSearchMember)).toBe(2);
  });

  it('forgets a group after our own operation on it (the server sends us no separate notice)', async () => {
    const owner = await started(ada);
    const member = await started(bob);
    const created = await world.drive(owner.groups.create({ name: 'g' }));
    await world.drive(member.groups.join(created.groupId));
    expect((await world.drive(owner.cache.member(created.groupId, bob)))?.role).toBe('member');
    await world.drive(owner.groups.addAdmins(created.groupId, bob));
    expect((await world.drive(owner.cache.member(created.groupId, bob)))?.role).toBe('admin');
    expect(groupRequests(owner, GroupOperationType.GroupSearchMember)).toBe(2);
  });

  it('forgets everything on a new connection: notices sent meanwhile were lost', async () => {
    const client = await started(ada);
    await world.drive(client.cache.user(bob));
    const ready = client.record('ready');
    world.server.faults.set({ dropAfterFrames: 1 });
    await world.drive(client.cache.user(ada)).catch(() => undefined);
    world.server.faults.clear();
    await world.drive(until(() => ready.length === 1, 'the reconnect'));
    const before = userLookups(client);
    await world.drive(client.cache.user(bob));
    expect(userLookups(client)).toBe(before + 1);
  });
});
