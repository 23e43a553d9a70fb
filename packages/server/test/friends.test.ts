import { ComMsgType, UserOperationType } from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, settle } from './helpers/client.js';
import { login, msg, nextError } from './helpers/protocol.js';
import { chatMsg, friendOp, users } from './helpers/world.js';

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
  FindUser,
  AddFriend,
  ApproveFriend,
  RemoveFriend,
  BlockFriend,
  UnBlockFriend,
  SetFriendPermission,
  SetFriendMemo,
  ListFriends,
} = UserOperationType;

describe('friend operations', () => {
  it('need a login: the not-logged-in error comes twice', async () => {
    const client = await connectMemory(await start());
    client.send(friendOp(FindUser, undefined, { mode: 'id', value: '1' }));
    expect(await nextError(client)).toEqual({ code: 15, detail: 'should login first.', params: {} });
    expect(await nextError(client)).toEqual({ code: 15, detail: 'should login first.', params: {} });
    client.send(msg(ComMsgType.MsgTFriendOp, { heartBeat: {} }));
    expect((await nextError(client)).detail).toBe('friend op is null');
  });

  it('FindUser by id, name (then nick), email and phone, masking e-mail and phone unless searched by', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const [ann] = clients;
    const search = async (mode: string, value: string) => {
      ann!.send(friendOp(FindUser, undefined, { mode, value }, 5));
      const reply = (await ann!.waitFor('friendOpRet')).plainMsg!.friendOpRet!;
      expect(pick(reply, ['operation', 'result', 'sendId'])).toEqual({
        operation: FindUser,
        result: 'ok',
        sendId: '5',
      });
      expect(reply.msgId).not.toBe('0');
      return reply.users;
    };
    expect((await search('name', 'ben')).map((u) => pick(u, ['userId', 'email', 'phone']))).toEqual([
      { userId: ids[1], email: '*', phone: '*' },
    ]);
    expect((await search('NAME', 'ben-nick')).map((u) => u.userId)).toEqual([ids[1]]);
    expect((await search('email', 'ben@x.io')).map((u) => pick(u, ['email', 'phone']))).toEqual([
      { email: 'ben@x.io', phone: '*' },
    ]);
    expect((await search('phone', '11')).map((u) => pick(u, ['email', 'phone']))).toEqual([
      { email: '*', phone: '11' },
    ]);
    const byId = await search('id', ids[1]!);
    expect(byId[0]?.params).toEqual({ nfans: '', nfollows: '' });
    expect(await search('name', 'nobody')).toEqual([]);
  });

  it('FindUser by id masks the cached user in place: their own next login reply shows "*"', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    clients[0]!.send(friendOp(FindUser, undefined, { mode: 'id', value: ids[1]! }));
    await clients[0]!.waitFor('friendOpRet');
    const again = await connectMemory(s);
    const reply = (await login(again, ids[1]!, 'p')).plainMsg!.userOpRet!;
    expect(pick(reply.users[0], ['email', 'phone'])).toEqual({ email: '*', phone: '*' });
    // The stored document keeps the address: searching by it still works.
    expect(s.getUser(ids[1]!)?.email).toBe('ben@x.io');
  });

  it('FindUser validates its params', async () => {
    const { clients } = await users(await start(), ['ann']);
    const c = clients[0]!;
    c.send(friendOp(FindUser, undefined));
    expect(await nextError(c)).toEqual({
      code: 14,
      detail: 'FriendOpMsg  must hava Params field',
      params: {},
    });
    c.send(friendOp(FindUser, undefined, { value: 'x' }));
    expect(await nextError(c)).toEqual({
      code: 14,
      detail: 'search friend mode field is nil',
      params: { field: 'mode', value: 'nil' },
    });
    c.send(friendOp(FindUser, undefined, { mode: 'id' }));
    expect(await nextError(c)).toEqual({
      code: 14,
      detail: 'search friend value field is nil',
      params: { field: 'mode', value: 'nil' },
    });
    c.send(friendOp(FindUser, undefined, { mode: 'Age', value: '1' }));
    expect(await nextError(c)).toEqual({
      code: 14,
      detail: 'search friend mode is not supported',
      params: { field: 'mode', value: 'Age' },
    });
  });

  it('AddFriend (community mode) follows at once: reply to all own sessions, notice to the target, counters', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const [ann, ben] = clients;
    const ann2 = await connectMemory(s);
    await login(ann2, ids[0]!, 'p');
    ann!.send(friendOp(AddFriend, { userId: ids[1]!, nickName: 'my ben' }, undefined, 9));
    const notice = (await ben!.waitFor('friendOpRet')).plainMsg!.friendOpRet!;
    expect(pick(notice, ['operation', 'result', 'sendId'])).toEqual({
      operation: AddFriend,
      result: 'notice',
      sendId: '9',
    });
    expect(notice.user?.userId).toBe(ids[0]);
    // The notice carries the actor's profile unmasked.
    expect(notice.user?.email).toBe('ann@x.io');
    expect(notice.users[0]?.fans).toBe('1');
    for (const client of [ann!, ann2]) {
      const reply = (await client.waitFor('friendOpRet')).plainMsg!.friendOpRet!;
      expect(pick(reply, ['operation', 'result'])).toEqual({ operation: AddFriend, result: 'ok' });
      expect(reply.user?.follows).toBe('1');
      expect(pick(reply.users[0], ['userId', 'email', 'phone'])).toEqual({
        userId: ids[1],
        email: '*',
        phone: '*',
      });
    }
    expect(s.getUser(ids[0]!)?.follows).toBe('1');
    expect(s.getUser(ids[1]!)?.fans).toBe('1');
    // Again: the same "ok" reply, no notice, no counting.
    ann!.send(friendOp(AddFriend, { userId: ids[1]! }));
    await ann!.waitFor('friendOpRet');
    await settle();
    expect(ben!.take()).toEqual([]);
    expect(s.getUser(ids[1]!)?.fans).toBe('1');
    // Now ben may write to ann? No: ann follows ben, so ann is ben's fan; ben may write to ann.
    ben!.send(chatMsg(ids[1]!, ids[0]!, 'hi'));
    expect((await ben!.waitFor('chatReply')).plainMsg?.chatReply?.extraMsg).toBe('ok');
  });

  it('AddFriend validates the target', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann']);
    const gone = await s.createUser({ params: { status: 'deleted' } });
    const c = clients[0]!;
    c.send(friendOp(AddFriend, undefined));
    expect((await nextError(c)).detail).toBe('must have a user info');
    c.send(friendOp(AddFriend, { userId: ids[0]! }));
    expect((await nextError(c)).detail).toBe("can't add your self");
    c.send(friendOp(AddFriend, { userId: '424242' }));
    expect((await nextError(c)).detail).toBe('user not in db');
    c.send(friendOp(AddFriend, { userId: gone }));
    expect((await nextError(c)).detail).toBe('user is deleted');
  });

  it('AddFriend in friend mode forwards a request (MsgTFriendOp) and answers the requester nothing', async () => {
    const s = await start({ friendMode: 'request' });
    const { ids, clients } = await users(s, ['ann', 'ben']);
    clients[0]!.send(friendOp(AddFriend, { userId: ids[1]! }, { answer: '42' }, 3));
    const request = await clients[1]!.waitFor('friendOp');
    expect(request.msgType).toBe(ComMsgType.MsgTFriendOp);
    expect(pick(request.plainMsg?.friendOp, ['operation', 'sendId', 'params'])).toEqual({
      operation: AddFriend,
      sendId: '3',
      params: { answer: '42' },
    });
    await settle();
    expect(clients[0]!.take()).toEqual([]);
    expect(s.getUser(ids[0]!)?.follows).toBe('0');
  });

  it('RemoveFriend answers with the request user, tells the other side, and counts down even below zero', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const [ann, ben] = clients;
    ann!.send(friendOp(RemoveFriend, { userId: ids[1]!, nickName: 'x' }));
    const reply = (await ann!.waitFor('friendOpRet')).plainMsg!.friendOpRet!;
    expect(pick(reply, ['operation', 'result'])).toEqual({ operation: RemoveFriend, result: 'ok' });
    expect(pick(reply.user, ['userId', 'nickName'])).toEqual({ userId: ids[1], nickName: 'x' });
    const notice = (await ben!.waitFor('friendOpRet')).plainMsg!.friendOpRet!;
    expect(pick(notice, ['operation', 'result'])).toEqual({ operation: RemoveFriend, result: 'notice' });
    expect(s.getUser(ids[0]!)?.follows).toBe('-1');
    ann!.send(friendOp(RemoveFriend, undefined));
    expect((await nextError(ann!)).detail).toBe('userinfo is null');
    ann!.send(friendOp(RemoveFriend, { userId: ids[0]! }));
    expect((await nextError(ann!)).detail).toBe('userinfo is your self');
  });

  it('Block, UnBlock and SetFriendPermission answer with the request user; errors as on the real server', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const [ann, ben] = clients;
    for (const operation of [BlockFriend, UnBlockFriend]) {
      ann!.send(friendOp(operation, { userId: ids[1]! }));
      expect(
        pick((await ann!.waitFor('friendOpRet')).plainMsg!.friendOpRet!, ['operation', 'result']),
      ).toEqual({
        operation,
        result: 'ok',
      });
      ann!.send(friendOp(operation, { userId: ids[0]! }));
      expect((await nextError(ann!)).detail).toBe("can't block yourself");
    }
    ann!.send(friendOp(SetFriendPermission, { userId: ids[1]! }));
    expect((await nextError(ann!)).detail).toBe('params.permission is null');
    ann!.send(friendOp(SetFriendPermission, { userId: ids[1]! }, { permission: '40000' }));
    expect((await nextError(ann!)).detail).toBe('params.permission is too big');
    ann!.send(friendOp(SetFriendPermission, { userId: ids[1]! }, { permission: '6' }));
    expect((await ann!.waitFor('friendOpRet')).plainMsg?.friendOpRet?.operation).toBe(SetFriendPermission);
    ann!.send(friendOp(BlockFriend, { userId: '9999' }));
    expect((await nextError(ann!)).detail).toBe('user not in db');
    // ann follows ben and allows chat (6 = follow|chat): ben may write.
    ann!.send(friendOp(AddFriend, { userId: ids[1]! }));
    await ann!.waitFor('friendOpRet');
    ben!.send(chatMsg(ids[1]!, ids[0]!, 'allowed'));
    expect((await ben!.waitFor('chatReply')).plainMsg?.chatReply?.extraMsg).toBe('ok');
  });

  it('SetFriendMemo on a followed user or a fan; an empty memo gets no reply', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const [ann, ben] = clients;
    ann!.send(friendOp(SetFriendMemo, { userId: ids[1]!, nickName: 'B' }));
    expect((await nextError(ann!)).detail).toBe('not followed user');
    ann!.send(friendOp(AddFriend, { userId: ids[1]! }));
    await ann!.waitFor('friendOpRet');
    ann!.send(friendOp(SetFriendMemo, { userId: ids[1]!, nickName: 'B' }));
    expect((await ann!.waitFor('friendOpRet')).plainMsg?.friendOpRet?.operation).toBe(SetFriendMemo);
    ben!.take();
    ben!.send(friendOp(SetFriendMemo, { userId: ids[0]!, nickName: 'A' }, { mode: 'fans' }));
    expect((await ben!.waitFor('friendOpRet')).plainMsg?.friendOpRet?.result).toBe('ok');
    ben!.send(friendOp(SetFriendMemo, { userId: ids[0]!, nickName: '' }));
    ben!.send(friendOp(SetFriendMemo, { userId: ids[1]!, nickName: 'me' }));
    expect((await nextError(ben!)).detail).toBe("can't memo yourself");
    ben!.send(friendOp(SetFriendMemo, { userId: ids[0]!, nickName: 'A' }, { mode: 'fans' }));
    ben!.send(friendOp(SetFriendMemo, { userId: ids[0]!, nickName: 'A' }));
    expect((await nextError(ben!)).detail).toBe('not followed user');
  });

  it('ListFriends pages follows, fans and mutual friends 100 at a time after user.userId', async () => {
    const s = await start();
    const target = await s.createUser({ userName: 't', password: 'p' });
    const created: string[] = [];
    for (let i = 0; i < 105; i += 1)
      created.push(await s.createUser({ userName: `f${i}`, follows: [target] }));
    await s.follow(target, created[0]!);
    const client = await connectMemory(s);
    await login(client, target, 'p');
    const list = async (mode: string | undefined, from?: string) => {
      client.send(
        friendOp(
          ListFriends,
          from === undefined ? undefined : { userId: from },
          mode === undefined ? undefined : { mode },
        ),
      );
      return (await client.waitFor('friendOpRet')).plainMsg!.friendOpRet!;
    };
    const first = await list('fans');
    expect(first.users).toHaveLength(100);
    expect(first.params).toEqual({ mode: 'fans' });
    expect(pick(first.users[0], ['userId', 'nickName', 'email', 'phone'])).toEqual({
      userId: created[0],
      nickName: 'f0',
      email: '*',
      phone: '*',
    });
    const second = await list('fans', first.users[99]!.userId);
    expect(second.users.map((u) => u.userId)).toEqual(created.slice(100));
    expect((await list(undefined)).users.map((u) => u.userId)).toEqual([created[0]]);
    expect((await list('friends')).users.map((u) => u.userId)).toEqual([created[0]]);
  });
});

describe('P2P delivery rule', () => {
  it('the recipient must follow the sender, in friend mode too', async () => {
    const s = await start({ friendMode: 'request' });
    const { ids, clients } = await users(s, ['ann', 'ben']);
    await s.follow(ids[1]!, ids[0]!);
    clients[0]!.send(chatMsg(ids[0]!, ids[1]!, 'to a fan'));
    expect((await clients[0]!.waitFor('chatReply')).plainMsg?.chatReply?.extraMsg).toBe('ok');
    clients[1]!.send(chatMsg(ids[1]!, ids[0]!, 'to an idol'));
    expect((await nextError(clients[1]!)).code).toBe(21);
  });
});

describe('ApproveFriend', () => {
  it('is a hazard (the real handler dereferences a missing payload)', async () => {
    const s = await start({ expectedHazards: ['approve-friend'] });
    const { clients } = await users(s, ['ann']);
    clients[0]!.send(friendOp(ApproveFriend, { userId: '1' }));
    expect((await clients[0]!.closed()).code).toBe(1006);
    expect(s.hazards().map((h) => h.name)).toEqual(['approve-friend']);
  });
});
