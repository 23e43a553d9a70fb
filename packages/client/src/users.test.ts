import { isBirdTalkError } from '@birdtalk/errors';
import { UserOperationType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { fakeContext, fakeSession, serverError } from '../test/support/fake-context.js';
import { createUsersApi, profileParams } from './users.js';

const me = {
  userId: '10001',
  userName: 'me',
  nickName: 'Me',
  email: '*',
  phone: '',
  params: { wd: 'x', a: 'b' },
};
const ok = (status = 'ok', users: unknown[] = [me]) => ({
  operation: UserOperationType.SetUserInfo,
  result: 'ok',
  status,
  users,
  params: {},
});

describe('profile changes', () => {
  it('maps fields to the server keys and custom attributes to Params.<name>', () => {
    expect(
      profileParams({
        userName: 'u',
        nickName: 'n',
        age: 42,
        gender: 'f',
        region: 'r',
        intro: 'i',
        icon: 'ic',
        params: { color: 'blue' },
      }),
    ).toEqual({
      UserName: 'u',
      NickName: 'n',
      Gender: 'f',
      Region: 'r',
      Intro: 'i',
      Icon: 'ic',
      Age: '42',
      'Params.color': 'blue',
    });
  });

  it.each([
    [{}],
    [{ age: -1 }],
    [{ age: 1.5 }],
    [{ params: { pwd: 'x' } }],
    [{ params: { Status: 'x' } }],
    [{ params: { 'a.b': 'x' } }],
    [{ nickName: 3 }],
  ])('refuses %j', (changes) => {
    expect(() => profileParams(changes as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('the users API', () => {
  it('sends SetUserInfo and returns the answered profile without secrets or masks', async () => {
    const { session, calls } = fakeSession({ userOp: () => ok() });
    const users = createUsersApi(fakeContext(session));
    const profile = await users.update({ nickName: 'Me' });
    expect(calls).toEqual([
      {
        method: 'userOp',
        request: { operation: UserOperationType.SetUserInfo, params: { NickName: 'Me' } },
        options: undefined,
      },
    ]);
    expect(profile.email).toBeUndefined();
    expect(profile.params).toEqual({ a: 'b' });
  });

  it('changes the password through Params.pwd', async () => {
    const { session, calls } = fakeSession({ userOp: () => ok() });
    await createUsersApi(fakeContext(session)).setPassword('new-secret');
    expect(calls[0]?.request).toEqual({
      operation: UserOperationType.SetUserInfo,
      params: { 'Params.pwd': 'new-secret' },
    });
  });

  it('refuses a phone change without sending anything', async () => {
    const { session, calls } = fakeSession();
    const error = await createUsersApi(fakeContext(session))
      .changePhone('123')
      .catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'REFUSED_PHONE_CHANGE')).toBe(true);
    expect((error as Error).name).toBe('RefusedError');
    expect((error as Error).message).toContain('never generates');
    expect(calls).toEqual([]);
  });

  it('changes the e-mail address, asking again after a wrong code', async () => {
    const codes: number[] = [];
    const { session, calls } = fakeSession({
      userOp: (request) => {
        if (request.operation === UserOperationType.SetUserInfo) return ok('waitcode');
        if (request.params.code !== '12345')
          throw serverError('SERVER_MSG_CONTENT', 'verification code, but params.code is not correct');
        return ok('ok', [{ ...me, email: 'new@example.com' }]);
      },
    });
    const profile = await createUsersApi(fakeContext(session)).changeEmail(
      'new@example.com',
      async ({ attempt }) => {
        codes.push(attempt);
        return attempt === 1 ? '00000' : '12345';
      },
    );
    expect(codes).toEqual([1, 2]);
    expect(profile.email).toBe('new@example.com');
    expect(calls.map((c) => c.request.params)).toEqual([
      { Email: 'new@example.com' },
      { code: '00000' },
      { code: '12345' },
    ]);
  });

  it('gives up on a wrong fixed code', async () => {
    const { session } = fakeSession({
      userOp: (request) => {
        if (request.operation === UserOperationType.SetUserInfo) return ok('waitcode');
        throw serverError('SERVER_MSG_CONTENT', 'verification code, but params.code is not correct');
      },
    });
    await expect(createUsersApi(fakeContext(session)).changeEmail('a@b.cd', '1')).rejects.toMatchObject({
      code: 'EMAIL_CODE_REJECTED',
    });
  });

  it('finds users by one criterion', async () => {
    const { session, calls } = fakeSession({
      friendOp: () => ({ operation: UserOperationType.FindUser, result: 'ok', users: [me, { userId: '0' }] }),
    });
    const users = createUsersApi(fakeContext(session));
    expect((await users.find({ name: 'me' })).map((u) => u.userId)).toEqual(['10001']);
    expect(await users.get(10001n)).toMatchObject({ userId: '10001' });
    expect(calls.map((c) => c.request)).toEqual([
      { operation: UserOperationType.FindUser, params: { mode: 'name', value: 'me' } },
      { operation: UserOperationType.FindUser, params: { mode: 'id', value: '10001' } },
    ]);
    await expect(users.find({ name: 'a', email: 'b' } as never)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(users.find({ phone: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(calls).toHaveLength(2);
  });

  it('sets the avatar: upload, then the icon', async () => {
    const { session, calls } = fakeSession({ userOp: () => ok() });
    const uploads: unknown[] = [];
    const files = {
      upload: async (source: unknown, options: unknown) => {
        uploads.push([source, options]);
        return {
          storedName: '20250101_abc.png',
          name: 'a.png',
          size: 3,
          mime: 'image/png',
          md5: '',
          deduplicated: false,
        };
      },
    };
    const result = await createUsersApi(fakeContext(session), files as never).setAvatar(
      new Uint8Array([1, 2, 3]),
    );
    expect(result.upload.storedName).toBe('20250101_abc.png');
    expect(uploads[0]).toEqual([new Uint8Array([1, 2, 3]), { groupId: 0 }]);
    expect(calls[0]?.request).toEqual({
      operation: UserOperationType.SetUserInfo,
      params: { Icon: '20250101_abc.png' },
    });
  });
});
