import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatType, ComMsgType, GroupOperationType, QueryDataType, SynType } from '@birdtalk/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory } from './helpers/client.js';
import { md5Hex } from './helpers/crypto.js';
import { keyExchange, login, msg, register, tokenHello } from './helpers/protocol.js';
import { chatMsg } from './helpers/world.js';

let dir = '';
const servers: BirdTalkServer[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'birdtalk-server-'));
});
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof createServer>[0]) {
  const s = await createServer({ listen: false, ...options });
  servers.push(s);
  return s;
}

describe('snapshot persistence', () => {
  it('round-trips users, relations, history, groups, files and tokens through the file', async () => {
    const file = join(dir, 'state.json');
    const first = await start({ snapshotFile: file });
    const a = await connectMemory(first);
    const token = await keyExchange(a);
    const aid = await register(a, 'ann', 'pw');
    const bid = await first.createUser({ userName: 'ben', password: 'p', follows: [aid] });
    a.send(chatMsg(aid, bid, 'kept'));
    const sent = (await a.waitFor('chatReply')).plainMsg!.chatReply!.msgId;
    a.send(
      msg(ComMsgType.MsgTGroupOp, {
        groupOp: { operation: GroupOperationType.GroupCreate, group: { groupName: 'persist' } },
      }),
    );
    const gid = (await a.waitFor('groupOpRet')).plainMsg!.groupOpRet!.group!.groupId;
    const data = Buffer.from('file kept');
    a.send(
      msg(ComMsgType.MsgTUpload, {
        uploadReq: {
          fileName: 'k.txt',
          fileData: data,
          hashType: 'md5',
          hashCode: md5Hex(data),
          chunkCount: 1,
          fileSize: data.length,
        },
      }),
    );
    const stored = (await a.waitFor('uploadReply')).plainMsg!.uploadReply!.uuidName;
    await first.close();
    expect(JSON.parse(await readFile(file, 'utf8')).format).toBe('birdtalk-server-snapshot');

    const second = await start({ snapshotFile: file });
    expect(second.getUser(bid)).toMatchObject({ userName: 'ben', follows: '1' });
    expect(second.getUser(aid)).toMatchObject({ fans: '1' });
    expect(second.getGroup(gid)).toMatchObject({ groupName: 'persist', owner: aid });
    expect(second.listFiles()[0]?.storedName).toBe(stored);
    const again = await connectMemory(second);
    again.send(tokenHello(token));
    expect((await again.waitFor('userOpRet')).plainMsg?.userOpRet?.users[0]?.userId).toBe(aid);
    again.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: {
          queryType: QueryDataType.QueryDataTypeChatData,
          chatType: ChatType.ChatTypeP2P,
          synType: SynType.SynTypeForward,
        },
      }),
    );
    expect(
      (await again.waitFor('commonQueryRet')).plainMsg?.commonQueryRet?.chatDataList.map((m) => m.msgId),
    ).toEqual([sent]);
    // The id counters continue.
    expect(await second.createUser({})).toBe('10003');
  });

  it('starts empty when the file does not exist and refuses a file that is not a snapshot', async () => {
    const missing = await start({ snapshotFile: join(dir, 'none.json') });
    expect(missing.getUser('10001')).toBeUndefined();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"hello":1}');
    await expect(createServer({ listen: false, snapshotFile: bad })).rejects.toMatchObject({
      code: 'SNAPSHOT_INVALID',
    });
  });
});

describe('seeds', () => {
  it('creates users (fixed or next ids), follows and groups at start', async () => {
    const s = await start({
      seed: {
        users: [
          { userId: 42, userName: 'admin', password: 'root' },
          { userName: 'ann', password: 'a', email: 'ann@x.io', follows: [42] },
        ],
        groups: [{ owner: 42, admins: ['10001'], groupName: 'seeded', params: { jointype: 'invite' } }],
      },
    });
    expect(s.getUser(42)).toMatchObject({ userName: 'admin', fans: '1' });
    expect(s.getUser('10001')).toMatchObject({ email: 'ann@x.io', follows: '1' });
    expect(s.getGroup('10001')?.members.map((m) => [m.userId, m.role])).toEqual([
      ['42', 'ou'],
      ['10001', 'au'],
    ]);
    expect(s.getGroup('10001')?.params.jointype).toBe('invite');
    const c = await connectMemory(s);
    await login(c, '42', 'root');
    await expect(s.createUser({ userId: 42 })).rejects.toMatchObject({ code: 'SEED_DUPLICATE_USER' });
    await expect(s.createGroup({ owner: 999 })).rejects.toMatchObject({ code: 'SEED_UNKNOWN_USER' });
  });
});
