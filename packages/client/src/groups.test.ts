import { isBirdTalkError } from '@birdtalk/errors';
import { GroupOperationType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { fakeContext, fakeSession, membership, type Req, serverError } from '../test/support/fake-context.js';
import { createGroupsApi } from './groups.js';

const info = (groupId: string, params: Record<string, string> = {}) => ({
  groupId,
  groupName: `g${groupId}`,
  groupType: 'chat',
  tags: [],
  params,
});
const answer = (operation: number, extra: object = {}) => ({
  operation,
  result: 'ok',
  detail: '',
  members: [],
  groups: [],
  params: {},
  sendId: '1',
  msgId: '2',
  ...extra,
});
const member = (userId: string, role = 'u') => ({
  userId,
  nick: `n${userId}`,
  icon: '',
  role,
  groupId: '0',
  params: {},
});

function setup(handler: (request: Req) => unknown = (r) => answer(r.operation), policy = false) {
  const fake = fakeSession({ groupOp: handler });
  const groups = membership();
  const ctx = fakeContext(fake.session, { groups, policy: { allowServerCrashingRequests: policy } });
  return { ...fake, groups, api: createGroupsApi(ctx) };
}

async function refusedWith(promise: Promise<unknown>, code: string): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(isBirdTalkError(error, code)).toBe(true);
  expect((error as Error).name).toBe('RefusedError');
  return (error as Error).message;
}

describe('creating groups', () => {
  it('sends the fields, defaults, the requester and the initial members; remembers the membership', async () => {
    const { api, calls, groups } = setup((r) =>
      answer(r.operation, { group: { ...info('20001'), ...r.group, groupId: '20001' } }),
    );
    const group = await api.create({
      name: 'Crew',
      tags: ['t'],
      brief: 'b',
      members: ['10002', 10002, '10003'],
    });
    expect(calls[0]?.request).toEqual({
      operation: GroupOperationType.GroupCreate,
      group: {
        groupName: 'Crew',
        tags: ['t'],
        groupType: 'chat',
        params: { visibility: 'public', jointype: 'direct', brief: 'b' },
      },
      ReqMem: { userId: '10001' },
      members: [{ userId: '10002' }, { userId: '10003' }],
    });
    expect(group).toMatchObject({ groupId: '20001', name: 'Crew', joinType: 'direct', visibility: 'public' });
    expect(groups.has('20001')).toBe(true);
  });

  it('refuses listing the creator, and auth or question join types, with nothing sent', async () => {
    const { api, calls } = setup();
    expect(
      await refusedWith(api.create({ name: 'x', members: ['10001'] }), 'REFUSED_CREATOR_AS_MEMBER'),
    ).toContain('the server would store them as a plain member; nothing was sent');
    expect(await refusedWith(api.create({ name: 'x', joinType: 'auth' }), 'REFUSED_JOIN_TYPE')).toContain(
      'crashes',
    );
    await refusedWith(api.create({ name: 'x', joinType: 'question' }), 'REFUSED_JOIN_TYPE');
    await refusedWith(api.setInfo('20001', { joinType: 'auth' }), 'REFUSED_JOIN_TYPE');
    await expect(api.create({ name: 'x', params: { JoinType: 'auth' } })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(api.setInfo('20001', { tags: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(api.setInfo('20001', {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(calls).toEqual([]);
  });
});

describe('joining', () => {
  const lookUp = (params: Record<string, string>) => (r: Req) =>
    r.operation === GroupOperationType.GroupSearch
      ? answer(r.operation, { groups: [info('20001', params)] })
      : answer(GroupOperationType.GroupJoinAnswer, {
          group: info('20001', params),
          members: [member('10001')],
        });

  it("looks the group up and passes its join type to the session's frame rules", async () => {
    const { api, calls, groups } = setup(lookUp({ jointype: 'direct' }));
    expect(await api.join('20001', { info: 'hi' })).toMatchObject({ groupId: '20001' });
    expect(calls.map((c) => c.request)).toEqual([
      { operation: GroupOperationType.GroupSearch, params: { keyword: '20001' } },
      { operation: GroupOperationType.GroupJoinRequest, group: { groupId: '20001' }, params: { info: 'hi' } },
    ]);
    expect(calls[1]?.options).toMatchObject({ groupJoinType: 'direct' });
    expect(groups.has('20001')).toBe(true);
  });

  it('refuses auth and question groups after the look-up (in any key case)', async () => {
    for (const [params, code] of [
      [{ jointype: 'AUTH' }, 'REFUSED_JOIN_AUTH'],
      [{ JoinType: 'auth', jointype: 'direct' }, 'REFUSED_JOIN_AUTH'],
      [{ jointype: 'question' }, 'REFUSED_JOIN_QUESTION'],
    ] as const) {
      const { api, calls } = setup(lookUp(params));
      await refusedWith(api.join('20001'), code);
      expect(calls.map((c) => c.request.operation)).toEqual([GroupOperationType.GroupSearch]);
    }
  });

  it('lets the policy pass an auth join on to the session', async () => {
    const { api, calls } = setup(lookUp({ jointype: 'auth' }), true);
    await api.join('20001');
    expect(calls[1]?.options).toMatchObject({ groupJoinType: 'auth' });
  });

  it('fails for groups the search does not show', async () => {
    const { api, calls } = setup((r) => ({ ...answer(r.operation), result: 'fail', detail: 'not find id' }));
    await expect(api.join('20009')).rejects.toMatchObject({ name: 'ProtocolError', code: 'GROUP_NOT_FOUND' });
    expect(await api.get('20009')).toBeUndefined();
    expect(await api.search('20009')).toEqual([]);
    expect(calls).toHaveLength(3);
  });
});

describe('inviting', () => {
  it('leaves out existing members', async () => {
    const { api, calls } = setup((r) =>
      r.operation === GroupOperationType.GroupSearchMember
        ? answer(r.operation, { members: [member('10001', 'ou'), member('10002')] })
        : answer(r.operation, { result: 'invite ok' }),
    );
    expect(await api.invite('20001', ['10002', '10003'])).toEqual({
      invited: ['10003'],
      alreadyMembers: ['10002'],
    });
    expect(calls.at(-1)?.request).toEqual({
      operation: GroupOperationType.GroupInviteRequest,
      group: { groupId: '20001' },
      members: [{ userId: '10003' }],
    });
    expect(await api.invite('20001', '10001')).toEqual({ invited: [], alreadyMembers: ['10001'] });
    expect(calls.at(-1)?.request.operation).toBe(GroupOperationType.GroupSearchMember);
  });

  it('refuses when the member list is out of reach or may be truncated', async () => {
    const full = Array.from({ length: 100 }, (_, i) => member(String(30_000 + i)));
    const { api, calls } = setup((r) => answer(r.operation, { members: full }));
    expect(await refusedWith(api.invite('20001', '10009'), 'REFUSED_INVITE_UNVERIFIABLE')).toContain('100');
    expect(calls.map((c) => c.request.operation)).toEqual([GroupOperationType.GroupSearchMember]);
    const outsider = setup(() => {
      throw serverError('SERVER_NOT_PERMITTED', 'you are not group member');
    });
    await refusedWith(outsider.api.invite('20001', '10009'), 'REFUSED_INVITE_UNVERIFIABLE');
    expect(outsider.calls).toHaveLength(1);
  });
});

describe('the other operations', () => {
  it('sends members for kick, admins and transfers; refuses owner demotions and self-kicks', async () => {
    const { api, calls } = setup((r) =>
      answer(
        r.operation,
        r.operation === GroupOperationType.GroupSearchMember ? { members: [member('10009', 'ou')] } : {},
      ),
    );
    // The member list a kick reads first is not what this test is about.
    const changes = () => calls.filter((c) => c.request.operation !== GroupOperationType.GroupSearchMember);
    await api.kick('20001', ['10002', '10003']);
    await api.addAdmins('20001', '10002');
    await api.removeAdmins('20001', ['10002']);
    await api.transferOwner('20001', '10002');
    expect(changes().map((c) => [c.request.operation, c.request.members])).toEqual([
      [GroupOperationType.GroupKickMember, [{ userId: '10002' }, { userId: '10003' }]],
      [GroupOperationType.GroupAddAdmin, [{ userId: '10002' }]],
      [GroupOperationType.GroupDelAdmin, [{ userId: '10002' }]],
      [GroupOperationType.GroupTransferOwner, [{ userId: '10002' }]],
    ]);
    await refusedWith(api.kick('20001', '10001'), 'REFUSED_KICK_SELF');
    await refusedWith(api.kick('20001', ['10002', '10009']), 'REFUSED_KICK_OWNER');
    await refusedWith(api.addAdmins('20001', ['10002', '10001']), 'REFUSED_OWNER_ROLE_CHANGE');
    await refusedWith(api.removeAdmins('20001', '10001'), 'REFUSED_OWNER_ROLE_CHANGE');
    await expect(api.transferOwner('20001', '10001')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(api.kick('20001', [])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(changes()).toHaveLength(4);
  });

  it('keeps the membership current on quit and dissolve', async () => {
    const { api, groups } = setup();
    groups.add('20001');
    groups.add('20002');
    await api.quit('20001');
    await api.dissolve('20002');
    expect(groups.all()).toEqual([]);
  });

  it('sets my nick and group info', async () => {
    const { api, calls } = setup((r) =>
      answer(
        r.operation === GroupOperationType.GroupSetMemberInfo ? GroupOperationType.GroupSetInfo : r.operation,
        {
          group: info('20001', { visibility: 'private' }),
        },
      ),
    );
    await api.setMyInfo('20001', { nick: 'me' });
    const changed = await api.setInfo('20001', {
      name: 'New',
      visibility: 'private',
      icon: 'i',
      params: { topic: 't' },
    });
    expect(changed.visibility).toBe('private');
    expect(calls.map((c) => c.request)).toEqual([
      {
        operation: GroupOperationType.GroupSetMemberInfo,
        group: { groupId: '20001' },
        params: { nick: 'me' },
      },
      {
        operation: GroupOperationType.GroupSetInfo,
        group: {
          groupId: '20001',
          groupName: 'New',
          params: { topic: 't', visibility: 'private', icon: 'i' },
        },
      },
    ]);
  });

  it('lists members once (the server ignores its cursor) and says whether the list is complete', async () => {
    const { api, calls } = setup((r) =>
      answer(r.operation, { members: [member('10001', 'ou'), member('10002', 'au')] }),
    );
    expect(await api.members('20001')).toEqual({
      members: [
        { userId: '10001', nick: 'n10001', icon: '', role: 'owner' },
        { userId: '10002', nick: 'n10002', icon: '', role: 'admin' },
      ],
      complete: true,
    });
    expect(calls[0]?.request).toEqual({
      operation: GroupOperationType.GroupSearchMember,
      group: { groupId: '20001' },
    });
  });

  it('lists my groups with one request, without duplicates or dissolved groups', async () => {
    const { api, calls } = setup((r) =>
      answer(r.operation, {
        groups: [info('20001'), info('20002', { status: 'deleted' }), info('20001'), info('0')],
      }),
    );
    expect((await api.listMine()).map((g) => g.groupId)).toEqual(['20001']);
    expect(calls[0]?.request).toEqual({ operation: GroupOperationType.GroupListIn });
  });

  it('refuses answering invitations and join requests with nothing sent', async () => {
    const { api, calls } = setup();
    expect(await refusedWith(api.answerInvite('20001', true), 'REFUSED_INVITE_ANSWER')).toContain('crashes');
    expect(await refusedWith(api.answerJoinRequest('20001', '10002', true), 'REFUSED_JOIN_ANSWER')).toContain(
      'cannot approve',
    );
    expect(calls).toEqual([]);
  });
});
