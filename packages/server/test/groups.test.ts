import {
  ChatMsgType,
  ChatType,
  ComMsgType,
  GroupOperationType,
  type GroupOpReqInit,
  QueryDataType,
  SynType,
} from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, settle, type TestClient } from './helpers/client.js';
import { login, msg, nextError } from './helpers/protocol.js';
import { chatMsg, users } from './helpers/world.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof createServer>[0] = {}) {
  server = await createServer({ listen: false, ...options });
  return server;
}

const G = GroupOperationType;

function groupOp(fields: GroupOpReqInit) {
  return msg(ComMsgType.MsgTGroupOp, { groupOp: { sendId: 21, ...fields } });
}

async function result(client: TestClient) {
  const reply = await client.waitFor('groupOpRet');
  expect(reply.msgType).toBe(ComMsgType.MsgTGroupOpRet);
  return reply.plainMsg!.groupOpRet!;
}

/** owner ann, members ben and cat, outsider dan; everyone logged in. */
async function world(params: Record<string, string> = {}, options: Parameters<typeof createServer>[0] = {}) {
  const s = await start(options);
  const { ids, clients } = await users(s, ['ann', 'ben', 'cat', 'dan']);
  const gid = await s.createGroup({
    owner: ids[0]!,
    members: [ids[1]!, ids[2]!],
    groupName: 'club',
    tags: ['t1'],
    params,
  });
  const [ann, ben, cat, dan] = clients as [TestClient, TestClient, TestClient, TestClient];
  return { s, ids, gid, ann, ben, cat, dan };
}

describe('GroupCreate', () => {
  it('creates from 10001 with defaults, makes the creator owner and tells the creator', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const [ann, ben] = clients;
    ann!.send(
      groupOp({
        operation: G.GroupCreate,
        group: { groupType: 'Weird' },
        members: [{ userId: ids[1] }, { userId: '404' }],
      }),
    );
    const created = await result(ann!);
    expect(pick(created, ['operation', 'result', 'detail', 'sendId'])).toEqual({
      operation: G.GroupCreate,
      result: 'ok',
      detail: '',
      sendId: '21',
    });
    expect(pick(created.group, ['groupId', 'groupName', 'groupType', 'params'])).toEqual({
      groupId: '10001',
      groupName: 'group10001',
      groupType: 'chat',
      params: { visibility: 'public', brief: '', icon: '', jointype: 'direct' },
    });
    expect(created.members.map((m) => m.userId)).toEqual([ids[1], '404']);
    // ben was loaded (logged in) before: he is added and gets the broadcast too.
    expect((await result(ben!)).operation).toBe(G.GroupCreate);
    expect(s.getGroup(created.group!.groupId)?.members.map((m) => [m.userId, m.role])).toEqual([
      [ids[0], 'ou'],
      [ids[1], 'u'],
    ]);
  });

  it('adds only initial members the server had already loaded; normalises only the exact lower-case keys', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann']);
    const cold = await s.createUser({ userName: 'cold' });
    clients[0]!.send(
      groupOp({
        operation: G.GroupCreate,
        group: {
          groupName: 'g',
          groupType: 'CHANNEL',
          params: { visibility: 'odd', jointype: 'sometimes', JoinType: 'x', joinanswer: 'a' },
        },
        members: [{ userId: cold }],
      }),
    );
    const created = await result(clients[0]!);
    // The create reply is unfiltered: joinanswer and the mixed-case key are shown.
    expect(created.group?.params).toEqual({
      visibility: 'public',
      jointype: 'direct',
      JoinType: 'x',
      joinanswer: 'a',
      brief: '',
      icon: '',
    });
    expect(created.group?.groupType).toBe('channel');
    expect(s.getGroup(created.group!.groupId)?.members.map((m) => m.userId)).toEqual([ids[0]]);
    // The lookup loaded the user: the same request now adds them.
    clients[0]!.send(groupOp({ operation: G.GroupCreate, group: {}, members: [{ userId: cold }] }));
    const again = await result(clients[0]!);
    expect(s.getGroup(again.group!.groupId)?.members.map((m) => m.userId)).toEqual([ids[0], cold]);
    clients[0]!.send(groupOp({ operation: G.GroupCreate }));
    expect((await nextError(clients[0]!)).detail).toBe('group create operation group info is null');
  });
});

describe('group administration', () => {
  it('needs a login (error 15 twice) and ignores unknown operations', async () => {
    const { s, ann } = await world();
    const anon = await connectMemory(s);
    anon.send(groupOp({ operation: G.GroupListIn }));
    expect((await nextError(anon)).code).toBe(15);
    expect((await nextError(anon)).code).toBe(15);
    anon.send(msg(ComMsgType.MsgTGroupOp, { heartBeat: {} }));
    expect((await nextError(anon)).detail).toBe('group op  is null');
    ann.send(groupOp({ operation: 0 as GroupOperationType }));
    ann.send(groupOp({ operation: 17 as GroupOperationType }));
    await settle();
    expect(ann.take()).toEqual([]);
  });

  it('SetInfo: admins merge name, tags and params; everyone gets the filtered, lower-cased info', async () => {
    const { ids, gid, ann, ben, dan } = await world();
    ben.send(groupOp({ operation: G.GroupSetInfo, group: { groupId: gid, groupName: 'x' } }));
    expect((await nextError(ben)).detail).toBe('group set info operation, you are not admin');
    dan.send(groupOp({ operation: G.GroupSetInfo, group: { groupId: 1 } }));
    expect((await nextError(dan)).detail).toBe('group set info operation group info id is wrong');
    ann.send(
      groupOp({
        operation: G.GroupSetInfo,
        group: { groupId: gid, params: { Brief: 'b', joinanswer: 'secret' } },
      }),
    );
    const reply = await result(ann);
    expect(pick(reply, ['operation', 'result', 'detail'])).toEqual({
      operation: G.GroupSetInfo,
      result: 'ok',
      detail: '',
    });
    expect(pick(reply.group, ['groupName', 'tags', 'params'])).toEqual({
      groupName: 'club',
      tags: ['t1'],
      params: { visibility: 'public', brief: 'b', icon: '', jointype: 'direct' },
    });
    expect(pick(reply.ReqMem, ['userId', 'groupId'])).toEqual({ userId: ids[0], groupId: gid });
    expect((await result(ben)).operation).toBe(G.GroupSetInfo);
    await settle();
    expect(dan.take()).toEqual([]);
  });

  it('Dissolve: owner only; members are told, then the group has none, its memory info unchanged', async () => {
    const { s, ids, gid, ann, ben } = await world();
    ben.send(groupOp({ operation: G.GroupDissolve, group: { groupId: gid } }));
    expect((await nextError(ben)).detail).toBe('group dissolve operation, you are not owner');
    ann.send(groupOp({ operation: G.GroupDissolve, group: { groupId: gid, groupName: 'as sent' } }));
    const reply = await result(ann);
    expect(pick(reply.group, ['groupName'])).toEqual({ groupName: 'as sent' });
    expect(pick(reply.ReqMem, ['userId', 'groupId'])).toEqual({ userId: ids[0], groupId: gid });
    expect((await result(ben)).operation).toBe(G.GroupDissolve);
    expect(s.getGroup(gid)?.members).toEqual([]);
    expect(s.getGroup(gid)?.params.status).toBeUndefined();
    // Still in the members' group lists (the clean-up ran over an empty list).
    ben.send(groupOp({ operation: G.GroupListIn }));
    expect((await result(ben)).groups.map((g) => g.groupId)).toEqual([gid]);
    // Hidden from keyword search (the stored document is private now).
    ben.send(groupOp({ operation: G.GroupSearch, params: { keyword: 'club' } }));
    expect((await result(ben)).groups).toEqual([]);
  });

  it('Kick: admins kick anyone (the owner too); only the remaining members hear of it', async () => {
    const { s, ids, gid, ann, ben, cat } = await world();
    ben.send(
      groupOp({ operation: G.GroupKickMember, group: { groupId: gid }, members: [{ userId: ids[2] }] }),
    );
    expect((await nextError(ben)).detail).toBe('group kick operation, you are not admin');
    ann.send(groupOp({ operation: G.GroupKickMember, group: { groupId: gid } }));
    expect((await nextError(ann)).detail).toBe('must give out the users in members');
    ann.send(
      groupOp({ operation: G.GroupKickMember, group: { groupId: gid }, members: [{ userId: ids[2] }] }),
    );
    const reply = await result(ann);
    expect(pick(reply.ReqMem, ['userId', 'nick', 'role', 'groupId'])).toEqual({
      userId: ids[0],
      nick: 'ann-nick',
      role: 'au',
      groupId: gid,
    });
    expect(reply.members.map((m) => m.userId)).toEqual([ids[2]]);
    expect((await result(ben)).operation).toBe(G.GroupKickMember);
    await settle();
    expect(cat.take()).toEqual([]);
    expect(s.getGroup(gid)?.members.map((m) => m.userId)).toEqual([ids[0], ids[1]]);
  });

  it('AddAdmin and DelAdmin: owner only, members only, with their default ReqMem', async () => {
    const { s, ids, gid, ann, ben } = await world();
    ben.send(groupOp({ operation: G.GroupAddAdmin, group: { groupId: gid }, members: [{ userId: ids[1] }] }));
    expect((await nextError(ben)).detail).toBe('group set admin operation, you are not owner');
    ann.send(
      groupOp({
        operation: G.GroupAddAdmin,
        group: { groupId: gid },
        members: [{ userId: ids[1] }, { userId: ids[3] }],
      }),
    );
    const added = await result(ann);
    expect(pick(added.ReqMem, ['userId', 'role', 'groupId'])).toEqual({
      userId: ids[0],
      role: 'ou',
      groupId: '0',
    });
    expect(s.getGroup(gid)?.members.find((m) => m.userId === ids[1])?.role).toBe('au');
    await result(ben);
    ben.send(groupOp({ operation: G.GroupDelAdmin, group: { groupId: gid }, members: [{ userId: ids[1] }] }));
    expect((await nextError(ben)).detail).toBe('group delete admin operation, you are not owner');
    ann.send(groupOp({ operation: G.GroupDelAdmin, group: { groupId: gid }, members: [{ userId: ids[1] }] }));
    const removed = await result(ann);
    expect(pick(removed.ReqMem, ['userId', 'role', 'nick'])).toEqual({ userId: ids[0], role: '', nick: '' });
    expect(s.getGroup(gid)?.members.find((m) => m.userId === ids[1])?.role).toBe('u');
    ann.send(groupOp({ operation: G.GroupDelAdmin, group: { groupId: 1 } }));
    expect((await nextError(ann)).detail).toBe('group join request group info id is wrong');
  });

  it('TransferOwner: owner only (error 16), new owner must be a member; "change owner" to everyone', async () => {
    const { s, ids, gid, ann, ben } = await world();
    ben.send(
      groupOp({ operation: G.GroupTransferOwner, group: { groupId: gid }, members: [{ userId: ids[1] }] }),
    );
    expect(await nextError(ben)).toMatchObject({ code: 16, detail: 'you are not the owner' });
    ann.send(groupOp({ operation: G.GroupTransferOwner, group: { groupId: gid } }));
    expect((await nextError(ann)).detail).toBe('must give out the new owner in members');
    ann.send(
      groupOp({ operation: G.GroupTransferOwner, group: { groupId: gid }, members: [{ userId: ids[3] }] }),
    );
    expect((await nextError(ann)).detail).toBe('new owner is not a member of the group');
    ann.send(groupOp({ operation: G.GroupTransferOwner, group: { groupId: 77 } }));
    expect((await nextError(ann)).detail).toBe('do not find a group with id');
    ann.send(
      groupOp({ operation: G.GroupTransferOwner, group: { groupId: gid }, members: [{ userId: ids[1] }] }),
    );
    const reply = await result(ann);
    expect(pick(reply, ['detail', 'result'])).toEqual({ detail: 'change owner', result: 'ok' });
    expect(pick(reply.ReqMem, ['userId', 'nick'])).toEqual({ userId: ids[0], nick: 'ben-nick' });
    await result(ben);
    expect(s.getGroup(gid)?.owner).toBe(ids[1]);
    expect(s.getGroup(gid)?.members.find((m) => m.userId === ids[0])?.role).toBe('u');
  });

  it('SetMemberInfo answers with operation GroupSetInfo, to this connection only when the nick is unchanged', async () => {
    const { gid, ann, ben, dan } = await world();
    ben.send(groupOp({ operation: G.GroupSetMemberInfo, group: { groupId: gid } }));
    expect((await nextError(ben)).detail).toBe('must have a nick in msg params');
    dan.send(groupOp({ operation: G.GroupSetMemberInfo, group: { groupId: gid }, params: { nick: 'd' } }));
    expect((await nextError(dan)).detail).toBe('group id in not correct, you are not a member of it');
    ben.send(
      groupOp({ operation: G.GroupSetMemberInfo, group: { groupId: gid }, params: { nick: 'benny' } }),
    );
    const reply = await result(ben);
    expect(pick(reply, ['operation', 'detail'])).toEqual({
      operation: G.GroupSetInfo,
      detail: 'update nick',
    });
    expect(pick(reply.ReqMem, ['nick', 'groupId'])).toEqual({ nick: 'benny', groupId: '0' });
    expect((await result(ann)).detail).toBe('update nick');
    ben.send(
      groupOp({ operation: G.GroupSetMemberInfo, group: { groupId: gid }, params: { nick: 'benny' } }),
    );
    await result(ben);
    await settle();
    expect(ann.take()).toEqual([]);
  });

  it('a GroupInviteAnswer is a hazard; a JoinAnswer as GroupOp always fails; GroupOpRet is a no-op or error 5', async () => {
    const { s, gid, ann, ben } = await world({}, { expectedHazards: ['group-invite-answer'] });
    ann.send(groupOp({ operation: G.GroupJoinAnswer, group: { groupId: gid } }));
    expect((await nextError(ann)).detail).toBe('group join request operation group info is null');
    ann.send(msg(ComMsgType.MsgTGroupOpRet, { groupOpRet: { operation: G.GroupJoinAnswer } }));
    ann.send(msg(ComMsgType.MsgTGroupOpRet, { groupOpRet: { operation: G.GroupQuit } }));
    expect(await nextError(ann)).toEqual({ code: 5, detail: 'group op ret has a wrong opcode', params: {} });
    ben.send(groupOp({ operation: G.GroupInviteAnswer, group: { groupId: gid } }));
    expect((await ben.closed()).code).toBe(1006);
    expect(s.hazards().map((h) => h.name)).toEqual(['group-invite-answer']);
  });
});

describe('membership', () => {
  it('Invite adds at once: a JoinAnswer "invite ok" broadcast without ReqMem, then "invite ok" to the inviter', async () => {
    const { s, ids, gid, ann, ben, dan } = await world();
    ben.send(
      groupOp({
        operation: G.GroupInviteRequest,
        group: { groupId: gid },
        members: [{ userId: ids[3] }, { userId: '404' }],
      }),
    );
    const join = await result(dan);
    expect(pick(join, ['operation', 'result', 'detail', 'sendId'])).toEqual({
      operation: G.GroupJoinAnswer,
      result: 'ok',
      detail: 'invite ok',
      sendId: '21',
    });
    expect(join.ReqMem).toBeUndefined();
    expect(pick(join.members[0], ['userId', 'nick', 'role', 'groupId'])).toEqual({
      userId: ids[3],
      nick: 'dan-nick',
      role: 'u',
      groupId: gid,
    });
    expect((await result(ann)).operation).toBe(G.GroupJoinAnswer);
    expect((await result(ben)).operation).toBe(G.GroupJoinAnswer);
    const done = await result(ben);
    expect(pick(done, ['operation', 'result', 'detail'])).toEqual({
      operation: G.GroupInviteRequest,
      result: 'invite ok',
      detail: 'group invitation',
    });
    expect(done.ReqMem?.role).toBe('u');
    expect(done.members.map((m) => m.userId)).toEqual([ids[3], '404']);
    expect(s.getGroup(gid)?.members.map((m) => m.userId)).toContain(ids[3]);
  });

  it('Invite into a private group needs an admin (error 16)', async () => {
    const { ids, gid, ben } = await world({ visibility: 'Private' });
    ben.send(
      groupOp({ operation: G.GroupInviteRequest, group: { groupId: gid }, members: [{ userId: ids[3] }] }),
    );
    expect(await nextError(ben)).toMatchObject({
      code: 16,
      detail: 'you are not the admin of the private group',
    });
    ben.send(groupOp({ operation: G.GroupInviteRequest, group: { groupId: 5 } }));
    expect((await nextError(ben)).detail).toBe('group invite request group info id is wrong');
  });

  it('JoinRequest joins a direct group; everyone including the newcomer gets a JoinAnswer "direct"', async () => {
    const { ids, gid, ann, dan } = await world();
    dan.send(groupOp({ operation: G.GroupJoinRequest, group: { groupId: gid } }));
    const join = await result(dan);
    expect(pick(join, ['operation', 'detail'])).toEqual({ operation: G.GroupJoinAnswer, detail: 'direct' });
    expect(join.members[0]?.userId).toBe(ids[3]);
    await result(ann);
    dan.send(groupOp({ operation: G.GroupJoinRequest, group: { groupId: gid } }));
    expect((await nextError(dan)).detail).toBe('already joined the group');
  });

  it('JoinRequest refusals: private, invite-only, question groups', async () => {
    for (const [params, code, detail] of [
      [{ visibility: 'private' }, 16, 'group is private, must join the group by invitation'],
      [{ jointype: 'INVITE' }, 16, 'one must join the group by invitation'],
      [{ jointype: 'question' }, 9, 'group question or answer is null'],
      [{ jointype: 'question', joinquestion: '6*7?', joinanswer: '42' }, 14, 'should answer the question'],
    ] as const) {
      const { dan, gid } = await world(params);
      dan.send(groupOp({ operation: G.GroupJoinRequest, group: { groupId: gid }, params: { answer: '42' } }));
      const error = await nextError(dan);
      expect(error).toMatchObject({ code, detail });
      await server?.close();
      server = undefined;
    }
  });

  it('JoinRequest on an "auth" group is a hazard', async () => {
    const { s, gid, dan } = await world({ jointype: 'auth' }, { expectedHazards: ['join-auth-group'] });
    dan.send(groupOp({ operation: G.GroupJoinRequest, group: { groupId: gid } }));
    expect((await dan.closed()).code).toBe(1006);
    expect(s.hazards().map((h) => h.name)).toEqual(['join-auth-group']);
  });

  it('lenient "auth" join: the request reaches the owner and admins as MsgTGroupOp before the hazard error', async () => {
    const s = await start({ strict: false, expectedHazards: ['join-auth-group'] });
    const { ids, clients } = await users(s, ['ann', 'ben', 'dan']);
    const [ann, ben, dan] = clients as [TestClient, TestClient, TestClient];
    const gid = await s.createGroup({ owner: ids[0]!, admins: [ids[1]!], params: { jointype: 'auth' } });
    dan.send(
      groupOp({ operation: G.GroupJoinRequest, group: { groupId: gid }, params: { info: 'let me in' } }),
    );
    for (const admin of [ann, ben]) {
      const forwarded = await admin.waitFor('groupOp');
      expect(forwarded.msgType).toBe(ComMsgType.MsgTGroupOp);
      const req = forwarded.plainMsg!.groupOp!;
      expect(pick(req, ['operation', 'sendId', 'params'])).toEqual({
        operation: G.GroupJoinRequest,
        sendId: '21',
        params: { info: 'let me in' },
      });
      expect(req.msgId).not.toBe('0');
      expect(pick(req.ReqMem, ['userId', 'nick', 'groupId'])).toEqual({
        userId: ids[2],
        nick: 'dan-nick',
        groupId: gid,
      });
    }
    expect((await nextError(dan)).params).toEqual({ hazard: 'join-auth-group' });
    // The group log holds a join request; the owner's personal log a mislabelled "invitation"; dan's none.
    ann.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: { queryType: QueryDataType.QueryDataTypeGroupOP, groupId: gid },
      }),
    );
    const groupLog = (await ann.waitFor('commonQueryRet')).plainMsg!.commonQueryRet!;
    expect(groupLog.groupOpRetList.map((r) => [r.operation, r.detail, r.ReqMem?.userId])).toEqual([
      [G.GroupJoinRequest, 'let me in', ids[2]],
    ]);
    ann.send(msg(ComMsgType.MsgTQuery, { commonQuery: { queryType: QueryDataType.QueryDataTypeFriendOP } }));
    const personal = (await ann.waitFor('commonQueryRet')).plainMsg!.commonQueryRet!;
    expect(
      personal.groupOpRetList.map((r) => [
        r.operation,
        r.ReqMem?.userId,
        r.members[0]?.userId,
        r.group?.groupId,
      ]),
    ).toEqual([[G.GroupInviteRequest, ids[2], ids[0], gid]]);
    dan.send(msg(ComMsgType.MsgTQuery, { commonQuery: { queryType: QueryDataType.QueryDataTypeFriendOP } }));
    expect((await dan.waitFor('commonQueryRet')).plainMsg?.commonQueryRet?.groupOpRetList).toEqual([]);
  });

  it('Quit: not for the owner (16); the quitter and the remaining members get "notice"', async () => {
    const { s, ids, gid, ann, ben, cat } = await world();
    ann.send(groupOp({ operation: G.GroupQuit, group: { groupId: gid } }));
    expect(await nextError(ann)).toMatchObject({
      code: 16,
      detail: 'you are the owner, transfer owner or dissolve group',
    });
    ben.send(groupOp({ operation: G.GroupQuit, group: { groupId: gid } }));
    const reply = await result(ben);
    expect(pick(reply, ['operation', 'detail'])).toEqual({ operation: G.GroupQuit, detail: 'notice' });
    expect(pick(reply.ReqMem, ['userId', 'role', 'nick'])).toEqual({
      userId: ids[1],
      role: 'u',
      nick: 'ben-nick',
    });
    await result(ann);
    await result(cat);
    await settle();
    expect(ben.take()).toEqual([]);
    expect(s.getGroup(gid)?.members.map((m) => m.userId)).toEqual([ids[0], ids[2]]);
  });
});

describe('lookups', () => {
  it('Search by id (private only for members) and by exact name or tag', async () => {
    const { s, ids, gid, dan, ben } = await world();
    const hidden = await s.createGroup({
      owner: ids[0]!,
      groupName: 'club',
      params: { visibility: 'private' },
    });
    dan.send(groupOp({ operation: G.GroupSearch, params: { keyword: gid } }));
    const byId = await result(dan);
    expect(pick(byId, ['result', 'detail'])).toEqual({ result: 'ok', detail: 'find it' });
    expect(byId.groups[0]?.groupId).toBe(gid);
    dan.send(groupOp({ operation: G.GroupSearch, params: { keyword: hidden } }));
    expect(pick(await result(dan), ['result', 'detail'])).toEqual({ result: 'fail', detail: 'not find id' });
    dan.send(groupOp({ operation: G.GroupSearch, params: { keyword: '99999' } }));
    expect((await result(dan)).detail).toBe('not find id');
    dan.send(groupOp({ operation: G.GroupSearch, params: { keyword: 'club', gid: '99999' } }));
    expect((await result(dan)).groups.map((g) => g.groupId)).toEqual([gid]);
    dan.send(groupOp({ operation: G.GroupSearch, params: { keyword: 't1' } }));
    expect((await result(dan)).groups.map((g) => g.groupId)).toEqual([gid]);
    dan.send(groupOp({ operation: G.GroupSearch, params: { keyword: 'clu' } }));
    expect((await result(dan)).groups).toEqual([]);
    dan.send(groupOp({ operation: G.GroupSearch }));
    expect((await nextError(dan)).detail).toBe('must have a keyword in msg params');
    await settle();
    expect(ben.take()).toEqual([]);
  });

  it('SearchMember lists members ascending with roles; only for members (16)', async () => {
    const { ids, gid, ben, dan } = await world();
    ben.send(groupOp({ operation: G.GroupSearchMember, group: { groupId: gid }, params: { uid: ids[2]! } }));
    const reply = await result(ben);
    expect(pick(reply, ['detail', 'result'])).toEqual({ detail: 'find some', result: 'ok' });
    expect(reply.members.map((m) => [m.userId, m.role, m.nick, m.groupId])).toEqual([
      [ids[0], 'ou', 'ann-nick', '0'],
      [ids[1], 'u', 'ben-nick', '0'],
      [ids[2], 'u', 'cat-nick', '0'],
    ]);
    dan.send(groupOp({ operation: G.GroupSearchMember, group: { groupId: gid } }));
    expect(await nextError(dan)).toMatchObject({ code: 16, detail: 'you are not group member' });
  });

  it('ListIn returns the groups of the user, filtered, ascending', async () => {
    const { s, ids, gid, ben } = await world();
    const second = await s.createGroup({ owner: ids[1]!, params: { joinanswer: 'hidden' } });
    ben.send(groupOp({ operation: G.GroupListIn }));
    const reply = await result(ben);
    expect(pick(reply, ['detail', 'result'])).toEqual({
      detail: 'list groups those user joins in',
      result: 'ok',
    });
    expect(reply.groups.map((g) => g.groupId)).toEqual([gid, second]);
    expect(reply.groups[1]?.params.joinanswer).toBeUndefined();
  });
});

describe('group chat', () => {
  function groupChat(from: string, gid: string, text: string, extra = {}) {
    return chatMsg(from, gid, text, { chatType: ChatType.ChatTypeGroup, ...extra });
  }

  it('stores and forwards to every member connection except the sending one; the pushed tm is the client tm', async () => {
    const { s, ids, gid, ann, ben, cat, dan } = await world();
    const ann2 = await connectMemory(s);
    await login(ann2, ids[0]!, 'p');
    ann.send(groupChat(ids[0]!, gid, 'hi all', { tm: 42 }));
    const ack = (await ann.waitFor('chatReply')).plainMsg!.chatReply!;
    expect(pick(ack, ['extraMsg', 'params', 'fromId'])).toEqual({
      extraMsg: 'ok',
      params: { gid, detail: 'ok' },
      fromId: gid,
    });
    for (const c of [ben, cat, ann2]) {
      const pushed = (await c.waitFor('chatData')).plainMsg!.chatData!;
      expect(pick(pushed, ['msgId', 'tm', 'toId'])).toEqual({ msgId: ack.msgId, tm: '42', toId: gid });
    }
    await settle();
    expect(dan.take()).toEqual([]);
    expect(ann.take()).toEqual([]);
    expect(s.getGroupMessages(gid)).toHaveLength(1);
  });

  it('refuses non-members and unknown groups; any member may recall any message', async () => {
    const { s, ids, gid, ann, ben, dan } = await world();
    dan.send(groupChat(ids[3]!, gid, 'x'));
    expect((await dan.waitFor('chatReply')).plainMsg?.chatReply?.params).toEqual({
      gid,
      detail: 'you are not a group member ',
    });
    dan.send(groupChat(ids[3]!, '1', 'x'));
    expect((await dan.waitFor('chatReply')).plainMsg?.chatReply?.params).toEqual({
      gid: '1',
      detail: 'group id error',
    });
    ann.send(groupChat(ids[0]!, gid, 'oops'));
    const sent = (await ann.waitFor('chatReply')).plainMsg!.chatReply!;
    ben.send(groupChat(ids[1]!, gid, '', { msgType: ChatMsgType.DELETE, refMessageId: '1' }));
    expect((await ben.waitFor('chatReply')).plainMsg?.chatReply?.params?.detail).toBe('ref error');
    ben.send(groupChat(ids[1]!, gid, '', { msgType: ChatMsgType.DELETE, refMessageId: sent.msgId }));
    expect((await ben.waitFor('chatReply')).plainMsg?.chatReply?.extraMsg).toBe('ok');
    expect(s.getGroupMessages(gid)[0]?.status).toBe(5);
  });

  it('group history: members only (error 14 plus a "fail" result), Between descending, empty result text', async () => {
    const { ids, gid, ann, dan } = await world();
    const sent: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ann.send(groupChat(ids[0]!, gid, `g${i}`));
      sent.push((await ann.waitFor('chatReply')).plainMsg!.chatReply!.msgId);
    }
    ann.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: {
          queryType: QueryDataType.QueryDataTypeChatData,
          chatType: ChatType.ChatTypeGroup,
          synType: SynType.SynTypeBetween,
          groupId: gid,
          littleId: sent[0],
          bigId: sent[2],
        },
      }),
    );
    const between = (await ann.waitFor('commonQueryRet')).plainMsg!.commonQueryRet!;
    expect(between.chatDataList.map((m) => m.msgId)).toEqual([sent[2], sent[1], sent[0]]);
    expect(pick(between, ['result', 'groupId', 'chatType'])).toEqual({
      result: '',
      groupId: gid,
      chatType: ChatType.ChatTypeGroup,
    });
    expect(pick(between.chatDataList[0], ['fromId', 'toId', 'userId'])).toEqual({
      fromId: ids[0],
      toId: gid,
      userId: ids[0],
    });
    dan.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: {
          queryType: QueryDataType.QueryDataTypeChatData,
          chatType: ChatType.ChatTypeGroup,
          groupId: gid,
        },
      }),
    );
    expect((await nextError(dan)).detail).toBe('not a member');
    const fail = (await dan.waitFor('commonQueryRet')).plainMsg!.commonQueryRet!;
    expect(pick(fail, ['result', 'detail'])).toEqual({ result: 'fail', detail: 'not member of group' });
    dan.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: {
          queryType: QueryDataType.QueryDataTypeChatData,
          chatType: ChatType.ChatTypeGroup,
          groupId: 3,
        },
      }),
    );
    expect((await nextError(dan)).detail).toBe('group id is not correct');
  });
});
