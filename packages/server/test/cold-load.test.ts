import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChatType,
  ComMsgType,
  GroupOperationType,
  type GroupOpReqInit,
  QueryDataType,
} from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, settle, type TestClient } from './helpers/client.js';
import { login, msg, nextError } from './helpers/protocol.js';
import { chatMsg, users } from './helpers/world.js';

const servers: BirdTalkServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof createServer>[0] = {}) {
  const s = await createServer({ listen: false, ...options });
  servers.push(s);
  return s;
}

const G = GroupOperationType;

function groupOp(fields: GroupOpReqInit) {
  return msg(ComMsgType.MsgTGroupOp, { groupOp: { sendId: 21, ...fields } });
}

function groupChat(from: string, gid: string, text: string) {
  return chatMsg(from, gid, text, { chatType: ChatType.ChatTypeGroup });
}

function groupQuery(gid: string) {
  return msg(ComMsgType.MsgTQuery, {
    commonQuery: {
      queryType: QueryDataType.QueryDataTypeChatData,
      chatType: ChatType.ChatTypeGroup,
      groupId: gid,
    },
  });
}

async function chatDetail(client: TestClient): Promise<string | undefined> {
  return (await client.waitFor('chatReply')).plainMsg?.chatReply?.params.detail;
}

/** owner ann, members ben and cat, outsider dan; everyone logged in. */
async function world(options: Parameters<typeof createServer>[0] = {}) {
  const s = await start(options);
  const { ids, clients } = await users(s, ['ann', 'ben', 'cat', 'dan']);
  const gid = await s.createGroup({ owner: ids[0]!, members: [ids[1]!, ids[2]!], groupName: 'club' });
  const [ann, ben, cat, dan] = clients as [TestClient, TestClient, TestClient, TestClient];
  return { s, ids, gid, ann, ben, cat, dan };
}

describe('cold load: the first access after a restart sees a group without members', () => {
  it('group chat: "you are not a group member " once, then delivered', async () => {
    const { s, ids, gid, ben, cat } = await world();
    s.coldLoad();
    ben.send(groupChat(ids[1]!, gid, 'first'));
    expect(await chatDetail(ben)).toBe('you are not a group member ');
    expect(s.getGroupMessages(gid)).toEqual([]);
    ben.send(groupChat(ids[1]!, gid, 'second'));
    expect(await chatDetail(ben)).toBe('ok');
    expect(Buffer.from((await cat.waitFor('chatData')).plainMsg!.chatData!.data).toString()).toBe('second');
  });

  it('group history query: error "not a member" and a fail result once, then answered', async () => {
    const { s, gid, cat } = await world();
    s.coldLoad([gid]);
    cat.send(groupQuery(gid));
    expect((await nextError(cat)).detail).toBe('not a member');
    expect((await cat.waitFor('commonQueryRet')).plainMsg?.commonQueryRet?.result).toBe('fail');
    cat.send(groupQuery(gid));
    // Group history results carry an empty `result` when they succeed.
    expect((await cat.waitFor('commonQueryRet')).plainMsg?.commonQueryRet?.result).toBe('');
    expect(cat.take()).toEqual([]);
  });

  it('owner and admin checks fail once as well', async () => {
    const { s, gid, ann, ben } = await world();
    s.coldLoad();
    ann.send(groupOp({ operation: G.GroupSetInfo, group: { groupId: gid, groupName: 'renamed' } }));
    expect(await nextError(ann)).toMatchObject({
      code: 14,
      detail: 'group set info operation, you are not admin',
    });
    ann.send(groupOp({ operation: G.GroupSetInfo, group: { groupId: gid, groupName: 'renamed' } }));
    expect((await ann.waitFor('groupOpRet')).plainMsg?.groupOpRet?.result).toBe('ok');
    expect((await ben.waitFor('groupOpRet')).plainMsg?.groupOpRet?.group?.groupName).toBe('renamed');
    expect(s.getGroup(gid)?.owner).toBe(s.getGroup(gid)?.members[0]?.userId);
  });

  it('GroupListIn is itself the first access: membership checks after it succeed', async () => {
    const { s, ids, gid, ben, cat } = await world();
    s.coldLoad();
    ben.send(groupOp({ operation: G.GroupListIn }));
    const listed = (await ben.waitFor('groupOpRet')).plainMsg!.groupOpRet!;
    expect(listed.groups.map((g) => g.groupId)).toEqual([gid]);
    ben.send(groupChat(ids[1]!, gid, 'after the list'));
    expect(await chatDetail(ben)).toBe('ok');
    await cat.waitFor('chatData');
  });

  it('only the groups named are cold, each only until its first access', async () => {
    const { s, ids, gid, ann, ben } = await world();
    const other = await s.createGroup({ owner: ids[0]!, members: [ids[1]!] });
    s.coldLoad([other]);
    ben.send(groupChat(ids[1]!, gid, 'warm group'));
    expect(await chatDetail(ben)).toBe('ok');
    ann.send(groupChat(ids[0]!, other, 'cold group'));
    expect(await chatDetail(ann)).toBe('you are not a group member ');
    ann.send(groupChat(ids[0]!, other, 'cold group again'));
    expect(await chatDetail(ann)).toBe('ok');
    expect(() => s.coldLoad(['424242'])).toThrow(expect.objectContaining({ code: 'SERVER_UNKNOWN_GROUP' }));
  });

  it('a join on a cold group is told to the joiner only, and the stored members keep everyone', async () => {
    const { s, ids, gid, ann, ben, dan } = await world();
    s.coldLoad();
    dan.send(groupOp({ operation: G.GroupJoinRequest, group: { groupId: gid } }));
    const joined = (await dan.waitFor('groupOpRet')).plainMsg!.groupOpRet!;
    expect(joined).toMatchObject({ operation: G.GroupJoinAnswer, detail: 'direct' });
    await settle();
    expect(ann.take()).toEqual([]);
    expect(ben.take()).toEqual([]);
    expect(s.getGroup(gid)?.members.map((m) => m.userId)).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    expect(s.getGroup(gid)?.owner).toBe(ids[0]);
    dan.send(groupChat(ids[3]!, gid, 'hello club'));
    expect(await chatDetail(dan)).toBe('ok');
    await ann.waitFor('chatData');
  });

  it('a quit on a cold group leaves the stored group; a private group is not found by id once', async () => {
    const { s, ids, gid, ann, ben } = await world();
    s.coldLoad();
    ben.send(groupOp({ operation: G.GroupQuit, group: { groupId: gid } }));
    expect((await ben.waitFor('groupOpRet')).plainMsg?.groupOpRet?.detail).toBe('notice');
    await settle();
    expect(ann.take()).toEqual([]);
    expect(s.getGroup(gid)?.members.map((m) => m.userId)).toEqual([ids[0], ids[2]]);

    const secret = await s.createGroup({ owner: ids[0]!, params: { visibility: 'private' } });
    s.coldLoad([secret]);
    const search = groupOp({ operation: G.GroupSearch, params: { keyword: secret } });
    ann.send(search);
    expect((await ann.waitFor('groupOpRet')).plainMsg?.groupOpRet?.detail).toBe('not find id');
    ann.send(search);
    expect((await ann.waitFor('groupOpRet')).plainMsg?.groupOpRet?.detail).toBe('find it');
  });

  it('coldLoad: true makes every group of a restarted server cold', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'birdtalk-cold-'));
    dirs.push(dir);
    const file = join(dir, 'state.json');
    const first = await start({ snapshotFile: file });
    const { ids } = await users(first, ['ann', 'ben']);
    const gid = await first.createGroup({ owner: ids[0]!, members: [ids[1]!] });
    await first.close();

    const second = await start({ snapshotFile: file, coldLoad: true });
    const ben = await connectMemory(second);
    await login(ben, ids[1]!, 'p');
    ben.send(groupChat(ids[1]!, gid, 'after restart'));
    expect(await chatDetail(ben)).toBe('you are not a group member ');
    ben.send(groupChat(ids[1]!, gid, 'after restart, again'));
    expect(await chatDetail(ben)).toBe('ok');
  });
});
