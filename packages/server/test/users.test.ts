import { ComMsgType, ErrorMsgType, UserOperationType } from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, settle } from './helpers/client.js';
import { hello, login, msg, nextError, register, userOp } from './helpers/protocol.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof createServer>[0] = {}) {
  server = await createServer({ listen: false, ...options });
  return server;
}

const {
  RegisterUser,
  Login,
  Logout,
  SetUserInfo,
  UnregisterUser,
  DisableUser,
  RecoverUser,
  RealNameVerification,
} = UserOperationType;

describe('registration', () => {
  it('registers anonymously from 10001, answering loginok with the stored document, password included', async () => {
    const client = await connectMemory(await start());
    client.send(userOp(RegisterUser, { params: { pwd: 'pw' } }));
    const reply = (await client.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(reply, ['operation', 'result', 'status', 'params'])).toEqual({
      operation: RegisterUser,
      result: 'ok',
      status: 'loginok',
      params: { status: 'loginok' },
    });
    expect(pick(reply.users[0], ['userId', 'userName', 'nickName', 'params'])).toEqual({
      userId: '10001',
      userName: 'momo',
      nickName: 'momo',
      params: { pwd: 'pw' },
    });
    client.send(userOp(RegisterUser, { userName: 'x' }));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTStage,
      detail: 'you are already login, do not register too much id',
    });
  });

  it('refuses a missing user and a used e-mail', async () => {
    const s = await start();
    await s.createUser({ email: 'a@b.co' });
    const client = await connectMemory(s);
    client.send(userOp(RegisterUser, undefined));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'register msg userinfo is nil',
      params: { field: 'userinfo' },
    });
    client.send(userOp(RegisterUser, { email: 'a@b.co' }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'email is already used by user',
      params: { field: 'a@b.co' },
    });
  });

  it('registers by e-mail with a code (configurable), echoing the submitted user with email "checked"', async () => {
    const client = await connectMemory(await start({ verificationCode: '777', mailWorks: true }));
    client.send(userOp(RegisterUser, { userName: 'bo', email: 'bad' }, { regmode: 'email' }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'email is not correct',
      params: { field: 'bad' },
    });
    client.send(
      userOp(RegisterUser, { userName: 'bo', email: 'bo@x.io', params: { pwd: 'p' } }, { regmode: 'EMAIL' }),
    );
    const wait = (await client.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(wait.status).toBe('waitcode');
    expect(wait.users[0]?.params).toEqual({ pwd: 'p', email: 'checked' });
    client.send(userOp(RealNameVerification, undefined, { code: '12345' }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'verification code, but params.code is not correct',
      params: { field: 'params.code', value: '12345' },
    });
    client.send(userOp(RealNameVerification, undefined, { code: '777' }));
    const done = (await client.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(done, ['operation', 'status'])).toEqual({ operation: RegisterUser, status: 'loginok' });
    expect(done.users[0]?.email).toBe('bo@x.io');
  });

  it('validates RealNameVerification requests', async () => {
    const client = await connectMemory(await start({ mailWorks: true }));
    client.send(userOp(RealNameVerification, undefined, { code: '1' }));
    expect(await nextError(client)).toMatchObject({
      code: 10,
      detail: 'current user session not has a status of Verification ',
    });
    client.send(userOp(RegisterUser, { email: 'c@d.ef' }, { regmode: 'email' }));
    await client.waitFor('userOpRet');
    client.send(userOp(RealNameVerification, undefined));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'not has params field',
      params: { field: 'params' },
    });
    client.send(userOp(RealNameVerification, undefined, { x: '1' }));
    expect(await nextError(client)).toMatchObject({ detail: 'verification code, but params.code is nil' });
  });
});

describe('login', () => {
  it('logs in by id and password with the real error texts', async () => {
    const s = await start();
    const uid = await s.createUser({ password: 'pw', email: 'e@x.io' });
    const bare = await s.createUser({});
    const client = await connectMemory(s);
    client.send(userOp(Login, undefined));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'login msg userinfo is nil',
      params: { field: 'userinfo' },
    });
    client.send(userOp(Login, { userId: 99999, params: { pwd: 'pw' } }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: "can't find user by id",
      params: { field: 'userid', value: '99999' },
    });
    client.send(userOp(Login, { userId: uid }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'params is nil',
      params: { field: 'params', value: 'nil' },
    });
    client.send(userOp(Login, { userId: uid, params: { x: '1' } }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'pwd is not set in your login data',
      params: { field: 'params.pwd', value: '' },
    });
    client.send(userOp(Login, { userId: bare, params: { pwd: '' } }));
    expect(await nextError(client)).toEqual({
      code: 9,
      detail: 'pwd is not in db',
      params: { field: 'pwd' },
    });
    client.send(userOp(Login, { userId: uid, params: { pwd: 'no' } }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'pwd is not correct',
      params: { field: 'pwd', value: 'no' },
    });
    const ok = (await login(client, uid, 'pw')).plainMsg!.userOpRet!;
    // No password, no friend settings, empty counters in params; e-mail shown unmasked.
    expect(ok.users[0]?.params).toEqual({ nfans: '', nfollows: '' });
    expect(ok.users[0]?.email).toBe('e@x.io');
  });

  it('refuses deleted and disabled accounts', async () => {
    const s = await start();
    const gone = await s.createUser({ password: 'p', params: { status: 'deleted' } });
    const off = await s.createUser({ password: 'p', params: { status: 'disabled' } });
    const client = await connectMemory(s);
    client.send(userOp(Login, { userId: gone, params: { pwd: 'p' } }));
    expect(await nextError(client)).toEqual({
      code: ErrorMsgType.ErrTDeleted,
      detail: "user is deleted, can't be used again",
      params: { field: 'userInfo.Params.status' },
    });
    client.send(userOp(Login, { userId: off, params: { pwd: 'p' } }));
    expect(await nextError(client)).toMatchObject({
      code: ErrorMsgType.ErrTDisabled,
      detail: 'user is disabled, contact with admin',
    });
  });

  it('logs in by e-mail with a password or a code, and registers an unknown address', async () => {
    const s = await start({ mailWorks: true });
    const uid = await s.createUser({ password: 'pw', email: 'm@x.io' });
    const a = await connectMemory(s);
    a.send(userOp(Login, { email: 'nope' }, { loginmode: 'email' }));
    expect(await nextError(a)).toEqual({
      code: 14,
      detail: 'email format is not correct',
      params: { field: 'nope' },
    });
    a.send(userOp(Login, { email: 'm@x.io', params: { pwd: 'bad' } }, { loginmode: 'email' }));
    expect(await nextError(a)).toMatchObject({ detail: 'pwd is not correct' });
    // The failed attempt does not bind the connection to the account (unlike the real server).
    a.send(msg(ComMsgType.MsgTHeartBeat, { heartBeat: {} }));
    expect((await a.waitFor('heartBeat')).plainMsg?.heartBeat?.userId).toBe('0');
    a.send(userOp(Login, { email: 'm@x.io', params: { pwd: 'pw' } }, { loginmode: 'email' }));
    expect((await a.waitFor('userOpRet')).plainMsg?.userOpRet?.users[0]?.userId).toBe(uid);

    const b = await connectMemory(s);
    b.send(userOp(Login, { email: 'm@x.io' }, { loginmode: 'email' }));
    const wait = (await b.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(wait, ['operation', 'status'])).toEqual({ operation: Login, status: 'waitcode' });
    b.send(userOp(RealNameVerification, undefined, { code: '12345' }));
    const ok = (await b.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(ok, ['operation', 'status'])).toEqual({ operation: Login, status: 'loginok' });

    const c = await connectMemory(s);
    c.send(userOp(Login, { email: 'new@x.io', params: { pwd: 'z' } }, { loginmode: 'email' }));
    const created = (await c.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(created, ['operation', 'status'])).toEqual({ operation: RegisterUser, status: 'loginok' });
    c.send(userOp(Login, { phone: '123' }, { loginmode: 'phone' }));
    expect(await nextError(c)).toEqual({
      code: 14,
      detail: 'phone login is not available',
      params: { field: '123' },
    });
  });

  it('logout sends the text "logout" and drops the connection without a close frame', async () => {
    const client = await connectMemory(await start());
    client.send(userOp(Logout, undefined));
    expect(await nextError(client)).toMatchObject({ code: 15 });
    await register(client);
    client.send(userOp(Logout, undefined));
    expect(await client.closed()).toMatchObject({ code: 1006, wasClean: false });
    expect(client.texts).toEqual(['logout']);
    expect(client.take()).toEqual([]);
  });

  it('unregister answers unregok, sends the text and closes; a password login then fails', async () => {
    const s = await start();
    const client = await connectMemory(s);
    const uid = await register(client);
    client.send(userOp(UnregisterUser, undefined));
    const reply = (await client.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(reply, ['operation', 'status'])).toEqual({ operation: UnregisterUser, status: 'unregok' });
    expect(await client.closed()).toMatchObject({ code: 1006 });
    expect(client.texts).toEqual(['unregok']);
    expect(s.getUser(uid)?.params.status).toBe('deleted');
    const other = await connectMemory(s);
    other.send(userOp(Login, { userId: uid, params: { pwd: 'secret' } }));
    expect(await nextError(other)).toMatchObject({ code: ErrorMsgType.ErrTDeleted });
  });

  it('user operations other than 1, 6 and 7 need a login; 9–17 as UserOp get no reply', async () => {
    const client = await connectMemory(await start());
    for (const op of [SetUserInfo, UnregisterUser, UserOperationType.FindUser]) {
      client.send(userOp(op, undefined));
      expect(await nextError(client)).toMatchObject({ code: 15, detail: 'should login first.' });
    }
    await register(client);
    client.send(userOp(UserOperationType.FindUser, undefined, { mode: 'id', value: '1' }));
    client.send(userOp(UserOperationType.UserNoneAction, undefined));
    await settle();
    expect(client.take()).toEqual([]);
  });
});

describe('SetUserInfo', () => {
  it('applies every profile key case-insensitively and custom params with the real key mangling', async () => {
    const s = await start();
    const client = await connectMemory(s);
    const uid = await register(client);
    client.send(
      userOp(SetUserInfo, undefined, {
        UserName: 'u2',
        NickName: 'n2',
        Age: '33',
        Gender: 'f',
        Region: 'r',
        Icon: 'i.png',
        Intro: 'hello',
        'Params.sex': 'x',
        'params.status': 'disabled',
      }),
    );
    const reply = (await client.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(reply, ['operation', 'status'])).toEqual({ operation: SetUserInfo, status: 'ok' });
    const user = reply.users[0]!;
    expect(pick(user, ['userName', 'nickName', 'age', 'gender', 'region', 'icon', 'intro'])).toEqual({
      userName: 'u2',
      nickName: 'n2',
      age: 33,
      gender: 'f',
      region: 'r',
      icon: 'i.png',
      intro: 'hello',
    });
    // In memory "Params.sex" loses the leading characters found in "params." ("ex"); stored it is "sex".
    expect(user.params).toEqual({ ex: 'x' });
    expect(s.getUser(uid)?.params).toEqual({ pwd: 'secret', sex: 'x' });
    client.send(userOp(SetUserInfo, undefined));
    const empty = (await client.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(empty.users).toHaveLength(1);
    expect(empty.users[0]?.userId).toBe('0');
  });

  it('an e-mail change needs a code and leaves the connection logged out', async () => {
    const s = await start({ mailWorks: true });
    await s.createUser({ email: 'taken@x.io' });
    const client = await connectMemory(s);
    const uid = await register(client);
    client.send(userOp(SetUserInfo, undefined, { Email: 'bad' }));
    expect(await nextError(client)).toEqual({
      code: 14,
      detail: 'email is not correct',
      params: { field: 'bad' },
    });
    client.send(userOp(SetUserInfo, undefined, { email: 'taken@x.io' }));
    expect(await nextError(client)).toMatchObject({ detail: 'email is already used by user' });
    client.send(userOp(SetUserInfo, undefined, { email: 'mine@x.io' }));
    expect((await client.waitFor('userOpRet')).plainMsg?.userOpRet?.status).toBe('waitcode');
    client.send(userOp(SetUserInfo, undefined, { nickname: 'z' }));
    expect(await nextError(client)).toMatchObject({ code: 15 });
    client.send(userOp(RealNameVerification, undefined, { code: '12345' }));
    const done = (await client.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(done, ['operation', 'status'])).toEqual({ operation: SetUserInfo, status: 'ok' });
    expect(done.users[0]?.email).toBe('mine@x.io');
    expect(s.getUser(uid)?.email).toBe('mine@x.io');
    client.send(userOp(SetUserInfo, undefined, { nickname: 'z' }));
    expect(await nextError(client)).toMatchObject({ code: 15 });
  });

  it('a phone change can never complete (no code is generated)', async () => {
    const client = await connectMemory(await start());
    await register(client);
    client.send(userOp(SetUserInfo, undefined, { phone: '123' }));
    expect((await client.waitFor('userOpRet')).plainMsg?.userOpRet?.status).toBe('waitcode');
    client.send(userOp(RealNameVerification, undefined, { code: '12345' }));
    expect(await nextError(client)).toEqual({
      code: 9,
      detail: 'server does not has a verification code',
      params: {},
    });
  });
});

describe('administration', () => {
  it('only ids below 100 may disable and recover; recover answers with operation DisableUser', async () => {
    const s = await start();
    await s.createUser({ userId: 7, password: 'root' });
    const target = await s.createUser({ password: 'p' });
    const user = await connectMemory(s);
    await register(user);
    user.send(userOp(DisableUser, { userId: target }));
    expect(await nextError(user)).toEqual({ code: 16, detail: 'permission error', params: {} });

    const admin = await connectMemory(s);
    await login(admin, '7', 'root');
    admin.send(userOp(DisableUser, undefined));
    expect(await nextError(admin)).toEqual({
      code: 14,
      detail: 'disable msg userinfo is nil',
      params: { field: 'userinfo' },
    });
    admin.send(userOp(DisableUser, { userId: target, params: { reason: 'spam' } }, { why: '1' }));
    const disabled = (await admin.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(disabled, ['operation', 'status'])).toEqual({ operation: DisableUser, status: 'disabled' });
    expect(s.getUser(target)?.params).toMatchObject({ status: 'disabled', reason: 'spam' });
    admin.send(userOp(RecoverUser, { userId: target }));
    const recovered = (await admin.waitFor('userOpRet')).plainMsg!.userOpRet!;
    expect(pick(recovered, ['operation', 'status'])).toEqual({ operation: DisableUser, status: 'ok' });
    expect(s.getUser(target)?.params.status).toBe('ok');
  });

  it('a disabled user loaded in memory gets error 17 on login-requiring operations', async () => {
    const s = await start();
    await s.createUser({ userId: 1, password: 'root' });
    const victim = await connectMemory(s);
    const uid = await register(victim);
    const admin = await connectMemory(s);
    await login(admin, '1', 'root');
    admin.send(userOp(DisableUser, { userId: uid }));
    await admin.waitFor('userOpRet');
    victim.send(userOp(SetUserInfo, undefined, { nickname: 'x' }));
    expect(await nextError(victim)).toEqual({ code: 17, detail: 'user is disabled.', params: {} });
  });
});

describe('online and offline notices', () => {
  it('tells mutual friends (as the in-memory flags know them) with MsgTUserOp SetUserInfo', async () => {
    const s = await start();
    const a = await connectMemory(s);
    const b = await connectMemory(s);
    const aid = await register(a, 'a');
    const bid = await register(b, 'b');
    for (const [client, target] of [
      [a, bid],
      [b, aid],
    ] as const) {
      client.send(
        msg(ComMsgType.MsgTFriendOp, {
          friendOp: { operation: UserOperationType.AddFriend, user: { userId: target } },
        }),
      );
    }
    await settle();
    a.take();
    b.take();
    const a2 = await connectMemory(s);
    await login(a2, aid);
    const online = await b.waitFor('userOp');
    expect(online.msgType).toBe(ComMsgType.MsgTUserOp);
    expect(pick(online.plainMsg?.userOp, ['operation', 'params'])).toEqual({
      operation: SetUserInfo,
      params: { status: 'online' },
    });
    expect(online.plainMsg?.userOp?.user?.userId).toBe(aid);
    a.close();
    a2.close();
    const offline = await b.waitFor('userOp');
    expect(offline.plainMsg?.userOp?.params).toEqual({ status: 'offline' });
    await hello(b);
  });
});
