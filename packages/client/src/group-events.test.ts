import { GroupOperationType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { groupEventFrom, groupJoinRequestFrom } from './group-events.js';

const group = {
  groupId: '20001',
  groupName: 'g',
  groupType: 'chat',
  tags: [],
  params: { jointype: 'direct' },
};
const m = (userId: string) => ({
  userId,
  nick: `n${userId}`,
  icon: '',
  role: 'u',
  groupId: '20001',
  params: {},
});
const r = (operation: number, extra: object = {}) =>
  ({
    operation,
    result: 'ok',
    detail: '',
    group,
    members: [],
    groups: [],
    params: {},
    sendId: '1',
    msgId: '2',
    ...extra,
  }) as never;

describe('group events', () => {
  it('tells how our own membership changed', () => {
    expect(
      groupEventFrom(r(GroupOperationType.GroupCreate, { members: [m('10001')] }), '10001'),
    ).toMatchObject({
      kind: 'group-created',
      membership: 'joined',
      memberIds: ['10001'],
    });
    expect(groupEventFrom(r(GroupOperationType.GroupDissolve), '10001')).toMatchObject({
      membership: 'left',
    });
    expect(
      groupEventFrom(
        r(GroupOperationType.GroupJoinAnswer, { detail: 'invite ok', members: [m('10001')] }),
        '10001',
      ),
    ).toMatchObject({ kind: 'members-joined', how: 'invite', membership: 'joined' });
    expect(
      groupEventFrom(
        r(GroupOperationType.GroupJoinAnswer, { detail: 'direct', members: [m('10002')] }),
        '10001',
      ),
    ).toMatchObject({ how: 'direct', membership: undefined });
    expect(groupEventFrom(r(GroupOperationType.GroupQuit, { ReqMem: m('10001') }), '10001')).toMatchObject({
      kind: 'member-left',
      membership: 'left',
    });
    expect(groupEventFrom(r(GroupOperationType.GroupQuit, { ReqMem: m('10002') }), '10001')).toMatchObject({
      userId: '10002',
      membership: undefined,
    });
  });

  it('separates member nick changes from info changes', () => {
    expect(
      groupEventFrom(
        r(GroupOperationType.GroupSetInfo, { detail: 'update nick', ReqMem: { ...m('10002'), nick: 'Zed' } }),
        '1',
      ),
    ).toMatchObject({ kind: 'member-nick-changed', userId: '10002', nick: 'Zed' });
    expect(groupEventFrom(r(GroupOperationType.GroupSetInfo), '1')).toMatchObject({
      kind: 'group-info-changed',
    });
  });

  it('describes kicks, invitations, admins and ownership', () => {
    const members = [m('10002'), m('10003')];
    expect(groupEventFrom(r(GroupOperationType.GroupKickMember, { members }), '1')).toMatchObject({
      kind: 'members-kicked',
      userIds: ['10002', '10003'],
    });
    expect(
      groupEventFrom(r(GroupOperationType.GroupInviteRequest, { result: 'invite ok', members }), '1'),
    ).toMatchObject({ kind: 'members-invited' });
    expect(groupEventFrom(r(GroupOperationType.GroupAddAdmin, { members }), '1')).toMatchObject({
      kind: 'admins-added',
    });
    expect(groupEventFrom(r(GroupOperationType.GroupDelAdmin, { members }), '1')).toMatchObject({
      kind: 'admins-removed',
    });
    expect(
      groupEventFrom(r(GroupOperationType.GroupTransferOwner, { members, ReqMem: m('10001') }), '1'),
    ).toMatchObject({
      kind: 'owner-changed',
      newOwnerId: '10002',
      by: '10001',
    });
  });

  it('ignores results that are not news', () => {
    expect(groupEventFrom(r(GroupOperationType.GroupSearch, { groups: [group] }), '1')).toBeUndefined();
    expect(groupEventFrom(r(GroupOperationType.GroupListIn, { group: undefined }), '1')).toBeUndefined();
    expect(groupEventFrom(r(GroupOperationType.GroupSearchMember), '1')).toBeUndefined();
    expect(groupEventFrom(r(GroupOperationType.GroupCreate, { result: 'fail' }), '1')).toBeUndefined();
  });

  it('describes a forwarded join request', () => {
    expect(
      groupJoinRequestFrom({
        operation: GroupOperationType.GroupJoinRequest,
        ReqMem: m('10005'),
        group,
        members: [],
        sendId: '1',
        msgId: '99',
        params: { info: 'let me in' },
      } as never),
    ).toEqual({
      kind: 'group-join-request',
      groupId: '20001',
      fromId: '10005',
      nick: 'n10005',
      info: 'let me in',
      requestId: '99',
    });
  });
});
