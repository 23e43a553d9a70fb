import { ComMsgType, UserOperationType } from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer, type HazardName } from '../src/index.js';
import { connectMemory, type TestClient } from './helpers/client.js';
import { errorOf, login, msg, register, userOp } from './helpers/protocol.js';
import { chatMsg, friendOp, users } from './helpers/world.js';

const { SetUserInfo, RegisterUser, Login, AddFriend, RemoveFriend } = UserOperationType;

const servers: BirdTalkServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(options: Parameters<typeof createServer>[0]) {
  const s = await createServer({ listen: false, ...options });
  servers.push(s);
  return s;
}

/** The status of the next user-op reply, or the hazard named by the error 9 that came instead. */
async function outcome(client: TestClient): Promise<string> {
  const reply = await client.wait(
    (m) => m.plainMsg?.message === 'userOpRet' || m.plainMsg?.errorMsg?.params.hazard !== undefined,
  );
  if (reply.msgType === ComMsgType.MsgTError) return `hazard ${errorOf(reply).params.hazard}`;
  return reply.plainMsg!.userOpRet!.status;
}

describe('a death in strict mode', () => {
  it('drops every connection (1006), keeps the stored state, and serves again', async () => {
    const s = await start({ expectedHazards: ['chat-missing-payload'] });
    const { ids, clients } = await users(s, ['ann', 'ben', 'cat']);
    const [ann, ben, cat] = clients as [TestClient, TestClient, TestClient];
    await s.follow(ids[1]!, ids[0]!);
    ann.send(chatMsg(ids[0]!, ids[1]!, 'before the death'));
    await ben.waitFor('chatData');
    const idle = await connectMemory(s);

    cat.send(msg(ComMsgType.MsgTChatMsg, { heartBeat: {} }));
    for (const client of [ann, ben, cat, idle]) {
      expect(await client.closed()).toMatchObject({ code: 1006, wasClean: false });
    }
    expect(s.connectionCount()).toBe(0);
    expect(s.hazards().map((h) => h.name)).toEqual(['chat-missing-payload']);

    // What was stored survives, as in the real server's databases.
    expect(s.getMessages(ids[1]!).map((m) => Buffer.from(m.data).toString())).toEqual(['before the death']);
    const again = await connectMemory(s);
    await login(again, ids[0]!, 'p');
    again.send(chatMsg(ids[0]!, ids[1]!, 'after the restart'));
    expect((await again.waitFor('chatReply')).plainMsg?.chatReply?.extraMsg).toBe('ok');
  });

  it('lenient mode keeps every connection', async () => {
    const s = await start({ strict: false, expectedHazards: ['chat-missing-payload'] });
    const { clients } = await users(s, ['ann', 'ben']);
    const [ann, ben] = clients as [TestClient, TestClient];
    ann.send(msg(ComMsgType.MsgTChatMsg, { heartBeat: {} }));
    expect(errorOf(await ann.waitFor('errorMsg')).params).toEqual({ hazard: 'chat-missing-payload' });
    expect(s.connectionCount()).toBe(2);
    expect(ben.closeInfo).toBeUndefined();
  });
});

describe('mail-code: every flow that mails a code', () => {
  const flows: [string, (s: BirdTalkServer, c: TestClient) => Promise<void>][] = [
    [
      'e-mail registration',
      async (_s, c) => c.send(userOp(RegisterUser, { email: 'r@x.io' }, { regmode: 'email' })),
    ],
    [
      'e-mail + password login of an unknown address (regmode email)',
      async (_s, c) =>
        c.send(
          userOp(Login, { email: 'u@x.io', params: { pwd: 'p' } }, { loginmode: 'email', regmode: 'email' }),
        ),
    ],
    [
      'e-mail code login',
      async (s, c) => {
        await s.createUser({ email: 'k@x.io', password: 'p' });
        c.send(userOp(Login, { email: 'k@x.io' }, { loginmode: 'email' }));
      },
    ],
    [
      'SetUserInfo with an e-mail',
      async (_s, c) => {
        await register(c);
        c.send(userOp(SetUserInfo, undefined, { Email: 'e@x.io' }));
      },
    ],
  ];

  it.each(flows)('%s: answered waitcode, then the whole server dies', async (_name, flow) => {
    const s = await start({ expectedHazards: ['mail-code'] });
    const bystander = await connectMemory(s);
    const c = await connectMemory(s);
    await flow(s, c);
    expect((await c.waitFor('userOpRet')).plainMsg?.userOpRet?.status).toBe('waitcode');
    expect((await c.closed()).code).toBe(1006);
    expect((await bystander.closed()).code).toBe(1006);
    expect(s.hazards().map((h) => h.name)).toEqual(['mail-code']);
  });

  it.each(flows)('%s: completes with mailWorks', async (_name, flow) => {
    const s = await start({ mailWorks: true });
    const c = await connectMemory(s);
    await flow(s, c);
    expect((await c.waitFor('userOpRet')).plainMsg?.userOpRet?.status).toBe('waitcode');
    c.send(userOp(UserOperationType.RealNameVerification, undefined, { code: '12345' }));
    expect(['loginok', 'ok']).toContain((await c.waitFor('userOpRet')).plainMsg?.userOpRet?.status);
    expect(s.hazards()).toEqual([]);
  });
});

describe("user-update-refused: SetUserInfo keys MongoDB's $set refuses", () => {
  async function lenient(hazards: HazardName[] = ['user-update-refused']) {
    const s = await start({ strict: false, expectedHazards: hazards });
    const c = await connectMemory(s);
    const uid = await register(c);
    return { s, c, uid };
  }

  it.each([
    ['an empty key', { '': 'v' }],
    ['an empty path component', { 'Params..x': 'v' }],
    ['a trailing dot', { 'foo.': 'v' }],
    ['_id', { _id: 'v' }],
    ['a $-prefixed key', { $x: 'v' }],
    ['a $-prefixed component', { 'Params.$x': 'v' }],
    ['a NUL character', { 'a\u0000b': 'v' }],
    ['a path through a text field', { 'email.x': 'v' }],
    ['a path through another text field', { 'NickName.x': 'v' }],
    ['a path through a number field', { 'follows.x': 'v' }],
    ['a path through the null privacy map', { 'privacy.x': 'v' }],
    ['a path through a stored param', { 'Params.pwd.x': 'v' }],
    ['params together with params.x', { params: 'v', 'Params.x': 'w' }],
    ['a key together with a path inside it', { foo: 'v', 'foo.bar': 'w' }],
  ])('%s', async (_name, params) => {
    const { s, c, uid } = await lenient();
    const before = s.getUser(uid);
    c.send(userOp(SetUserInfo, undefined, params));
    expect(await outcome(c)).toBe('hazard user-update-refused');
    expect(s.getUser(uid)).toEqual(before);
  });

  it('accepts what MongoDB accepts: new fields, nested new paths, case-folded duplicates', async () => {
    const s = await start({});
    const c = await connectMemory(s);
    const uid = await register(c);
    for (const params of [
      { 'Params.sex': 'f' },
      { foo: 'v' },
      { 'bar.baz': 'v', 'bar.qux': 'w' },
      { 'Params.a.b': 'v' },
      { 'Params.X': '1', 'params.x': '2' },
      { 'params.status': 'ignored', nickname: 'n' },
    ]) {
      c.send(userOp(SetUserInfo, undefined, params));
      expect(await outcome(c)).toBe('ok');
    }
    expect(s.getUser(uid)?.params).toMatchObject({ sex: 'f', 'a.b': 'v' });
    expect(s.hazards()).toEqual([]);
  });

  it('what earlier updates stored decides: a text field, then a path through it', async () => {
    const { c } = await lenient();
    c.send(userOp(SetUserInfo, undefined, { foo: 'v' }));
    expect(await outcome(c)).toBe('ok');
    c.send(userOp(SetUserInfo, undefined, { 'foo.bar': 'w' }));
    expect(await outcome(c)).toBe('hazard user-update-refused');
    c.send(userOp(SetUserInfo, undefined, { 'Params.a': 'v' }));
    expect(await outcome(c)).toBe('ok');
    c.send(userOp(SetUserInfo, undefined, { 'Params.a.b': 'w' }));
    expect(await outcome(c)).toBe('hazard user-update-refused');
  });

  it('params replaced by a text: every later params update dies, unregister included', async () => {
    const { s, c } = await lenient();
    c.send(userOp(SetUserInfo, undefined, { params: 'flat' }));
    expect(await outcome(c)).toBe('ok');
    c.send(userOp(SetUserInfo, undefined, { 'Params.pwd': 'new' }));
    expect(await outcome(c)).toBe('hazard user-update-refused');
    c.send(userOp(UserOperationType.UnregisterUser, undefined));
    expect(await outcome(c)).toBe('hazard user-update-refused');
    expect(s.hazards()).toHaveLength(2);
  });

  it('strict: the whole server dies', async () => {
    const s = await start({ expectedHazards: ['user-update-refused'] });
    const { clients } = await users(s, ['ann', 'ben']);
    clients[0]!.send(userOp(SetUserInfo, undefined, { 'email.x': 'v' }));
    for (const client of clients) expect((await client.closed()).code).toBe(1006);
  });
});

describe('counter-not-numeric: follows or fans stored as text by SetUserInfo', () => {
  it('the next follow or unfollow touching that counter dies on $inc; numbers in text count too', async () => {
    const s = await start({ strict: false, expectedHazards: ['counter-not-numeric'] });
    const { ids, clients } = await users(s, ['ann', 'ben', 'cat']);
    const [ann, ben, cat] = clients as [TestClient, TestClient, TestClient];
    ann.send(userOp(SetUserInfo, undefined, { Follows: '7' }));
    expect(await outcome(ann)).toBe('ok');
    ben.send(userOp(SetUserInfo, undefined, { fans: 'many' }));
    expect(await outcome(ben)).toBe('ok');

    // Ann's own follows counter.
    ann.send(friendOp(AddFriend, { userId: ids[2]! }));
    expect(errorOf(await ann.waitFor('errorMsg')).params).toEqual({ hazard: 'counter-not-numeric' });
    // Ben's fans counter, through someone else's request.
    cat.send(friendOp(AddFriend, { userId: ids[1]! }));
    expect(errorOf(await cat.waitFor('errorMsg')).params).toEqual({ hazard: 'counter-not-numeric' });
    cat.send(friendOp(RemoveFriend, { userId: ids[1]! }));
    expect(errorOf(await cat.waitFor('errorMsg')).params).toEqual({ hazard: 'counter-not-numeric' });
    // Counters that are still numbers are fine: ben follows cat.
    ben.send(friendOp(AddFriend, { userId: ids[2]! }));
    expect((await ben.waitFor('friendOpRet')).plainMsg?.friendOpRet?.result).toBe('ok');
    expect(s.hazards()).toHaveLength(3);
  });
});
