import {
  ChatMsgType,
  ComMsgType,
  GroupOperationType,
  QueryDataType,
  SynType,
  UserOperationType,
} from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, settle } from './helpers/client.js';
import { md5Hex } from './helpers/crypto.js';
import { login, msg, userOp } from './helpers/protocol.js';
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

describe('reproduced quirks (protocol reference §17)', () => {
  it('O6: chunk 0 with chunkCount 0 waits; the upload ends only on a chunk with index = count - 1', async () => {
    const client = await connectMemory(await start());
    const data = Buffer.from('abcdef');
    const hashCode = md5Hex(data);
    const send = (fileData: Buffer, chunkIndex: number, chunkCount: number) =>
      client.send(
        msg(ComMsgType.MsgTUpload, {
          uploadReq: { fileName: 'q.txt', fileData, hashType: 'md5', hashCode, chunkIndex, chunkCount },
        }),
      );
    send(data.subarray(0, 2), 0, 0);
    expect((await client.waitFor('uploadReply')).plainMsg?.uploadReply?.detail).toBe('wait next truck');
    send(data.subarray(2, 4), 1, 0);
    expect((await client.waitFor('uploadReply')).plainMsg?.uploadReply?.detail).toBe('wait next');
    send(data.subarray(4), 2, 3);
    expect((await client.waitFor('uploadReply')).plainMsg?.uploadReply?.result).toBe('fileok');
  });

  it('O9: every receipt query re-pushes every undelivered message again, recalls included, with status 0', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    await s.follow(ids[1]!, ids[0]!);
    const [ann, ben] = clients;
    ann!.send(chatMsg(ids[0]!, ids[1]!, 'x'));
    const sent = (await ann!.waitFor('chatReply')).plainMsg!.chatReply!.msgId;
    ann!.send(chatMsg(ids[0]!, ids[1]!, '', { msgType: ChatMsgType.DELETE, refMessageId: sent }));
    await ann!.waitFor('chatReply');
    await settle();
    ben!.take();
    for (let round = 0; round < 2; round += 1) {
      ann!.send(
        msg(ComMsgType.MsgTQuery, {
          commonQuery: { queryType: QueryDataType.QueryDataTypeChatReply, synType: SynType.SynTypeForward },
        }),
      );
      await ann!.waitFor('commonQueryRet');
      await settle();
      const pushed = ben!.take().map((m) => pick(m.plainMsg?.chatData, ['msgType', 'status']));
      expect(pushed).toEqual([
        { msgType: ChatMsgType.TEXT, status: 0 },
        { msgType: ChatMsgType.DELETE, status: 0 },
      ]);
    }
  });

  it('O10: a DELETE to oneself is stored and forwarded like any message; the target keeps status 0', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann']);
    clients[0]!.send(chatMsg(ids[0]!, ids[0]!, 'memo'));
    const first = (await clients[0]!.waitFor('chatReply')).plainMsg!.chatReply!.msgId;
    clients[0]!.send(chatMsg(ids[0]!, ids[0]!, '', { msgType: ChatMsgType.DELETE, refMessageId: first }));
    expect((await clients[0]!.waitFor('chatReply')).plainMsg?.chatReply?.params?.detail).toBe('send to self');
    expect(s.getMessages(ids[0]!).map((m) => m.status)).toEqual([0, 0]);
  });

  it('C7: disabling an unknown id still answers "disabled"', async () => {
    const s = await start();
    await s.createUser({ userId: 3, password: 'r' });
    const admin = await connectMemory(s);
    await login(admin, '3', 'r');
    admin.send(userOp(UserOperationType.DisableUser, { userId: 555 }));
    expect((await admin.waitFor('userOpRet')).plainMsg?.userOpRet?.status).toBe('disabled');
  });

  it('C14: GroupListIn with a gid past every known group is empty; otherwise the whole list comes back', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann']);
    const [ann] = clients;
    const gids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ann!.send(
        msg(ComMsgType.MsgTGroupOp, { groupOp: { operation: GroupOperationType.GroupCreate, group: {} } }),
      );
      gids.push((await ann!.waitFor('groupOpRet')).plainMsg!.groupOpRet!.group!.groupId);
    }
    const list = async (gid?: string) => {
      ann!.send(
        msg(ComMsgType.MsgTGroupOp, {
          groupOp: { operation: GroupOperationType.GroupListIn, params: gid === undefined ? {} : { gid } },
        }),
      );
      return (await ann!.waitFor('groupOpRet')).plainMsg!.groupOpRet!.groups.map((g) => g.groupId);
    };
    expect(await list()).toEqual(gids);
    expect(await list(gids[0])).toEqual(gids);
    expect(await list(gids[2])).toEqual([]);
    expect(ids).toHaveLength(1);
  });

  it('C9: the P2P push carries the server time, the self-chat copy the client time', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    await s.follow(ids[1]!, ids[0]!);
    const ann2 = await connectMemory(s);
    await login(ann2, ids[0]!, 'p');
    clients[0]!.send(chatMsg(ids[0]!, ids[1]!, 'p2p', { tm: 5 }));
    expect((await clients[1]!.waitFor('chatData')).plainMsg?.chatData?.tm).not.toBe('5');
    clients[0]!.send(chatMsg(ids[0]!, ids[0]!, 'self', { tm: 5 }));
    await ann2.waitFor('chatData');
    expect((await ann2.waitFor('chatData')).plainMsg?.chatData?.tm).toBe('5');
  });
});
