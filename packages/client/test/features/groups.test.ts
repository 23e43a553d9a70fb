import { isBirdTalkError } from '@birdtalk/errors';
import type { GroupOpResult } from '@birdtalk/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GroupEvent, groupEventFrom } from '../../src/group-events.js';
import { createGroupsApi } from '../../src/groups.js';
import { type Connected, type Harness, harness, until } from './harness.js';

let h: Harness;
let ada: string;
let bob: string;
let cat: string;
let dan: string;
beforeEach(async () => {
  h = await harness();
  ada = await h.user('ada');
  bob = await h.user('bob');
  cat = await h.user('cat');
  dan = await h.user('dan');
});
afterEach(async () => {
  await h.finish();
});

/** The group events a connection receives, converted from its point of view. */
function events(side: Connected, selfId: string): GroupEvent[] {
  const out: GroupEvent[] = [];
  side.session.on('group-notice', (result: GroupOpResult) => {
    const event = groupEventFrom(result, selfId);
    if (event !== undefined) out.push(event);
  });
  return out;
}

async function refused(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.catch((e: unknown) => e);
  expect(isBirdTalkError(error, code)).toBe(true);
  expect((error as Error).name).toBe('RefusedError');
}

describe('groups against the reference server', () => {
  it('runs a group through its life: create, info, nicks, invite, admins, transfer, kick, quit, dissolve', async () => {
    const adaSide = await h.connect(ada);
    const bobSide = await h.connect(bob);
    const catSide = await h.connect(cat);
    const bobEvents = events(bobSide, bob);
    const catEvents = events(catSide, cat);
    const groups = createGroupsApi(adaSide.ctx);

    const group = await groups.create({
      name: 'crew',
      tags: ['sailing'],
      brief: 'on the water',
      members: [bob],
    });
    const gid = group.groupId;
    expect(group).toMatchObject({
      name: 'crew',
      joinType: 'direct',
      visibility: 'public',
      brief: 'on the water',
    });
    expect(adaSide.ctx.groups.has(gid)).toBe(true);
    await until(() => bobEvents.length === 1, 'the create broadcast');
    expect(bobEvents[0]).toMatchObject({
      kind: 'group-created',
      groupId: gid,
      by: ada,
      membership: 'joined',
    });
    expect(h.server.getGroup(gid)?.owner).toBe(ada);

    expect(
      await groups.setInfo(gid, { name: 'the crew', icon: 'flag', params: { motto: 'ahoy' } }),
    ).toMatchObject({
      name: 'the crew',
      icon: 'flag',
      params: { motto: 'ahoy' },
    });
    await until(() => bobEvents.some((e) => e.kind === 'group-info-changed'), 'the info broadcast');

    await createGroupsApi(bobSide.ctx).setMyInfo(gid, { nick: 'Bosun' });
    expect(h.server.getGroup(gid)?.members.find((m) => m.userId === bob)?.nick).toBe('Bosun');

    expect(await groups.invite(gid, [bob, cat])).toEqual({ invited: [cat], alreadyMembers: [bob] });
    await until(() => catEvents.length > 0, 'the invitation');
    expect(catEvents[0]).toMatchObject({ kind: 'members-joined', how: 'invite', membership: 'joined' });
    expect((await groups.members(gid)).members.map((m) => [m.userId, m.role])).toEqual([
      [ada, 'owner'],
      [bob, 'member'],
      [cat, 'member'],
    ]);

    await groups.addAdmins(gid, bob);
    expect((await groups.members(gid)).members.find((m) => m.userId === bob)?.role).toBe('admin');
    await groups.removeAdmins(gid, bob);
    expect((await groups.members(gid)).members.find((m) => m.userId === bob)?.role).toBe('member');
    await refused(groups.addAdmins(gid, ada), 'REFUSED_OWNER_ROLE_CHANGE');

    // An admin may not kick the owner: the server would allow it.
    await groups.addAdmins(gid, bob);
    await refused(createGroupsApi(bobSide.ctx).kick(gid, ada), 'REFUSED_KICK_OWNER');
    await groups.removeAdmins(gid, bob);
    await groups.kick(gid, cat);
    expect(h.server.getGroup(gid)?.members.map((m) => m.userId)).toEqual([ada, bob]);
    await until(() => bobEvents.some((e) => e.kind === 'members-kicked'), 'the kick broadcast');

    await groups.transferOwner(gid, bob);
    expect(h.server.getGroup(gid)?.owner).toBe(bob);
    await until(() => bobEvents.some((e) => e.kind === 'owner-changed'), 'the transfer broadcast');

    await groups.quit(gid);
    expect(adaSide.ctx.groups.has(gid)).toBe(false);
    const bobGroups = createGroupsApi(bobSide.ctx);
    bobSide.ctx.groups.add(gid);
    await bobGroups.dissolve(gid);
    expect(bobSide.ctx.groups.has(gid)).toBe(false);
  });

  it('joins direct groups, refuses auth and question groups, and lets the server refuse invite-only ones', async () => {
    const owner = await h.connect(ada);
    const joiner = await h.connect(dan);
    const direct = await h.server.createGroup({
      owner: ada,
      groupName: 'open',
      params: { jointype: 'direct' },
    });
    const auth = await h.server.createGroup({ owner: ada, groupName: 'gated', params: { jointype: 'auth' } });
    const question = await h.server.createGroup({
      owner: ada,
      groupName: 'quiz',
      params: { jointype: 'question', joinquestion: '2+2?', joinanswer: '4' },
    });
    const invite = await h.server.createGroup({
      owner: ada,
      groupName: 'club',
      params: { jointype: 'invite' },
    });
    const hidden = await h.server.createGroup({
      owner: ada,
      groupName: 'secret',
      params: { jointype: 'direct', visibility: 'private' },
    });
    const groups = createGroupsApi(joiner.ctx);
    const ownerEvents = events(owner, ada);

    expect(await groups.join(direct, { info: 'hello' })).toMatchObject({ groupId: direct, name: 'open' });
    expect(joiner.ctx.groups.has(direct)).toBe(true);
    await until(() => ownerEvents.length === 1, 'the join broadcast');
    expect(ownerEvents[0]).toMatchObject({
      kind: 'members-joined',
      how: 'direct',
      members: [{ userId: dan }],
    });

    await refused(groups.join(auth), 'REFUSED_JOIN_AUTH');
    await refused(groups.join(question), 'REFUSED_JOIN_QUESTION');
    await expect(groups.join(invite)).rejects.toMatchObject({ code: 'SERVER_NOT_PERMITTED' });
    await expect(groups.join(hidden)).rejects.toMatchObject({ code: 'GROUP_NOT_FOUND' });
    await expect(groups.join(direct)).rejects.toMatchObject({ code: 'SERVER_MSG_CONTENT' });
    expect(joiner.ctx.groups.all()).toEqual([direct]);

    // With the policy lifted the client sends the question join, and the server fails it as predicted.
    const lifted = await h.connect(cat, { policy: { allowServerCrashingRequests: true } });
    await expect(createGroupsApi(lifted.ctx).join(question)).rejects.toMatchObject({
      code: 'SERVER_MSG_CONTENT',
    });
    // …but an auth join is still refused by the session's frame rules.
    await refused(createGroupsApi(lifted.ctx).join(auth), 'REFUSED_JOIN_AUTH');
  });

  it('searches, looks up and lists my groups', async () => {
    const side = await h.connect(ada);
    const groups = createGroupsApi(side.ctx);
    const first = await groups.create({ name: 'readers', tags: ['books'] });
    const second = await groups.create({ name: 'writers', tags: ['books'], visibility: 'private' });
    expect((await groups.search('readers')).map((g) => g.groupId)).toEqual([first.groupId]);
    expect((await groups.search('books')).map((g) => g.groupId)).toEqual([first.groupId]);
    expect(await groups.get(second.groupId)).toMatchObject({ name: 'writers', visibility: 'private' });
    expect(await groups.get('99999')).toBeUndefined();
    expect((await groups.listMine()).map((g) => g.groupId).sort()).toEqual(
      [first.groupId, second.groupId].sort(),
    );
    const outsider = createGroupsApi((await h.connect(bob)).ctx);
    expect(await outsider.get(second.groupId)).toBeUndefined();
    expect(await outsider.listMine()).toEqual([]);
  });

  it('says when a member list may be incomplete, and then refuses to invite', async () => {
    const many: string[] = [];
    for (let i = 0; i < 120; i += 1) many.push(await h.user(`m${i}`));
    const gid = await h.server.createGroup({ owner: ada, groupName: 'big', members: many });
    const groups = createGroupsApi((await h.connect(ada)).ctx);
    const list = await groups.members(gid);
    expect([list.members.length, list.complete]).toEqual([100, false]);
    await refused(groups.invite(gid, dan), 'REFUSED_INVITE_UNVERIFIABLE');
    expect(h.server.getGroup(gid)?.members.some((m) => m.userId === dan)).toBe(false);
  });

  it('refuses what the server cannot survive or perform, sending nothing', async () => {
    const side = await h.connect(ada);
    const groups = createGroupsApi(side.ctx);
    const gid = (await groups.create({ name: 'g' })).groupId;
    await refused(groups.create({ name: 'x', members: [ada] }), 'REFUSED_CREATOR_AS_MEMBER');
    await refused(groups.create({ name: 'x', joinType: 'auth' }), 'REFUSED_JOIN_TYPE');
    await refused(groups.setInfo(gid, { joinType: 'question' }), 'REFUSED_JOIN_TYPE');
    await refused(groups.answerInvite(gid, true), 'REFUSED_INVITE_ANSWER');
    await refused(groups.answerJoinRequest(gid, bob, true), 'REFUSED_JOIN_ANSWER');
    await refused(groups.kick(gid, ada), 'REFUSED_KICK_SELF');
    await refused(groups.removeAdmins(gid, ada), 'REFUSED_OWNER_ROLE_CHANGE');
    const outsider = createGroupsApi((await h.connect(bob)).ctx);
    await refused(outsider.invite(gid, cat), 'REFUSED_INVITE_UNVERIFIABLE');
    expect(h.server.getGroup(gid)?.members.map((m) => m.userId)).toEqual([ada]);
    expect(h.server.getGroup(gid)?.params.jointype).toBe('direct');
  });

  it('surfaces server refusals as typed errors', async () => {
    const adaGroups = createGroupsApi((await h.connect(ada)).ctx);
    const bobGroups = createGroupsApi((await h.connect(bob)).ctx);
    const gid = (await adaGroups.create({ name: 'g', members: [bob] })).groupId;
    await expect(bobGroups.dissolve(gid)).rejects.toMatchObject({ code: 'SERVER_MSG_CONTENT' });
    await expect(bobGroups.transferOwner(gid, ada)).rejects.toMatchObject({ code: 'SERVER_NOT_PERMITTED' });
    await expect(adaGroups.quit(gid)).rejects.toMatchObject({ code: 'SERVER_NOT_PERMITTED' });
  });
});
