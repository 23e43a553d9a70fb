import { UserOperationType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { friendEventFrom, friendRequestFrom } from './friend-events.js';

const user = (id: string, extra: object = {}) => ({
  userId: id,
  userName: `u${id}`,
  nickName: `U${id}`,
  email: 'x@y.z',
  phone: '',
  gender: '',
  age: 0,
  region: '',
  icon: '',
  intro: '',
  follows: '0',
  fans: '0',
  params: { pwd: 'secret' },
  privacy: {},
  ...extra,
});
const result = (operation: number, res: string, actor?: object, users: object[] = []) =>
  ({ operation, result: res, user: actor, users, sendId: '1', msgId: '2', params: {} }) as never;

describe('friend events', () => {
  it('turns notices into followed / unfollowed, without secrets', () => {
    const followed = friendEventFrom(result(UserOperationType.AddFriend, 'notice', user('10002')), '10001');
    expect(followed).toMatchObject({ kind: 'followed', by: { userId: '10002', email: 'x@y.z' } });
    expect(JSON.stringify(followed)).not.toContain('secret');
    expect(
      friendEventFrom(result(UserOperationType.RemoveFriend, 'notice', user('10002')), '10001'),
    ).toMatchObject({
      kind: 'unfollowed',
    });
  });

  it('reports operations made on another device', () => {
    expect(
      friendEventFrom(result(UserOperationType.AddFriend, 'ok', user('10001'), [user('10003')]), '10001'),
    ).toMatchObject({ kind: 'own-operation', operation: 'follow', userId: '10003' });
    expect(
      friendEventFrom(
        result(UserOperationType.BlockFriend, 'ok', { userId: '10004', userName: '', nickName: '' }),
        '10001',
      ),
    ).toEqual({ kind: 'own-operation', operation: 'block', userId: '10004', user: undefined });
  });

  it('ignores lists, searches, our own notices and empty actors', () => {
    expect(
      friendEventFrom(result(UserOperationType.ListFriends, 'ok', undefined, [user('1')]), '10001'),
    ).toBeUndefined();
    expect(friendEventFrom(result(UserOperationType.FindUser, 'ok'), '10001')).toBeUndefined();
    expect(
      friendEventFrom(result(UserOperationType.AddFriend, 'notice', user('10001')), '10001'),
    ).toBeUndefined();
    expect(
      friendEventFrom(result(UserOperationType.AddFriend, 'notice', user('0')), '10001'),
    ).toBeUndefined();
  });

  it('describes a friend request', () => {
    expect(
      friendRequestFrom({
        operation: UserOperationType.AddFriend,
        user: user('10002'),
        sendId: '5',
        msgId: '77',
        params: { answer: 'hi' },
      } as never),
    ).toMatchObject({ kind: 'friend-request', fromId: '10002', params: { answer: 'hi' }, requestId: '77' });
  });
});
