import {
  ChatType,
  ComMsgType,
  GroupOperationType,
  type MsgQueryInit,
  QueryDataType,
  SynType,
  UserOperationType,
} from '@birdtalk/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, settle, type TestClient } from './helpers/client.js';
import { msg, nextError } from './helpers/protocol.js';
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

async function query(client: TestClient, fields: MsgQueryInit) {
  client.send(msg(ComMsgType.MsgTQuery, { commonQuery: fields }));
  const reply = await client.waitFor('commonQueryRet');
  expect(reply.msgType).toBe(ComMsgType.MsgTQueryResult);
  return reply.plainMsg!.commonQueryRet!;
}

/** ann and ben follow each other; ann sends `count` messages to ben, ben one to ann, ann one to herself. */
async function history(count: number) {
  const s = await start();
  const { ids, clients } = await users(s, ['ann', 'ben', 'cat']);
  await s.follow(ids[0]!, ids[1]!);
  await s.follow(ids[1]!, ids[0]!);
  await s.follow(ids[2]!, ids[0]!);
  const sent: string[] = [];
  for (let i = 0; i < count; i += 1) {
    clients[0]!.send(chatMsg(ids[0]!, ids[1]!, `m${i}`));
    sent.push((await clients[0]!.waitFor('chatReply')).plainMsg!.chatReply!.msgId);
  }
  clients[1]!.send(chatMsg(ids[1]!, ids[0]!, 'back'));
  const back = (await clients[1]!.waitFor('chatReply')).plainMsg!.chatReply!.msgId;
  clients[0]!.send(chatMsg(ids[0]!, ids[2]!, 'to cat'));
  const toCat = (await clients[0]!.waitFor('chatReply')).plainMsg!.chatReply!.msgId;
  await settle();
  for (const c of clients) c.take();
  return { s, ids, clients, sent, back, toCat };
}

describe('P2P history', () => {
  it('Forward pages from littleId (inclusive) ascending, 100 at a time, with littleId/bigId of the page', async () => {
    const { ids, clients, sent, back, toCat } = await history(102);
    const ann = clients[0]!;
    const first = await query(ann, {
      queryType: QueryDataType.QueryDataTypeChatData,
      chatType: ChatType.ChatTypeP2P,
      synType: SynType.SynTypeForward,
      userId: 0,
      littleId: 0,
    });
    expect(pick(first, ['userId', 'result', 'littleId', 'bigId', 'chatType', 'queryType'])).toEqual({
      userId: '0',
      result: 'ok',
      littleId: sent[0],
      bigId: sent[99],
      chatType: ChatType.ChatTypeP2P,
      queryType: QueryDataType.QueryDataTypeChatData,
    });
    expect(first.chatDataList).toHaveLength(100);
    const item = first.chatDataList[0]!;
    expect(pick(item, ['fromId', 'toId', 'userId', 'status', 'devId', 'recvReply', 'chatType'])).toEqual({
      fromId: ids[0],
      toId: ids[1],
      userId: ids[0],
      status: 0,
      devId: '',
      recvReply: '0',
      chatType: ChatType.ChatTypeP2P,
    });
    expect(item.sendReply).toBe(item.tm);
    const second = await query(ann, {
      queryType: QueryDataType.QueryDataTypeChatData,
      chatType: ChatType.ChatTypeP2P,
      synType: SynType.SynTypeForward,
      littleId: BigInt(sent[99]!) + 1n,
    });
    expect(second.chatDataList.map((m) => m.msgId)).toEqual([sent[100], sent[101], back, toCat]);
    const incoming = second.chatDataList[2]!;
    expect(pick(incoming, ['fromId', 'toId'])).toEqual({ fromId: ids[1], toId: ids[0] });
    // A peer narrows the query to one conversation; the result names that peer.
    const withCat = await query(ann, {
      queryType: QueryDataType.QueryDataTypeChatData,
      chatType: ChatType.ChatTypeP2P,
      synType: SynType.SynTypeForward,
      userId: ids[2],
    });
    expect(withCat.userId).toBe(ids[2]);
    expect(withCat.chatDataList.map((m) => m.msgId)).toEqual([toCat]);
  });

  it('Backward goes down from bigId (0 = now) with inverted littleId/bigId; Between is ascending', async () => {
    const { clients, sent, back, toCat } = await history(3);
    const ann = clients[0]!;
    const backward = await query(ann, {
      queryType: QueryDataType.QueryDataTypeChatData,
      chatType: ChatType.ChatTypeP2P,
      synType: SynType.SynTypeBackward,
    });
    expect(backward.chatDataList.map((m) => m.msgId)).toEqual([toCat, back, sent[2], sent[1], sent[0]]);
    expect(pick(backward, ['littleId', 'bigId'])).toEqual({ littleId: toCat, bigId: sent[0] });
    const between = await query(ann, {
      queryType: QueryDataType.QueryDataTypeChatData,
      chatType: ChatType.ChatTypeP2P,
      synType: SynType.SynTypeBetween,
      littleId: sent[1],
      bigId: back,
    });
    expect(between.chatDataList.map((m) => m.msgId)).toEqual([sent[1], sent[2], back]);
  });

  it('needs a login, answers an unknown query type with error 14 and chatType None with nothing', async () => {
    const { s, clients } = await history(1);
    const anon = await connectMemory(s);
    anon.send(msg(ComMsgType.MsgTQuery, { commonQuery: {} }));
    expect(await nextError(anon)).toMatchObject({ code: 15 });
    anon.send(msg(ComMsgType.MsgTQuery, { heartBeat: {} }));
    expect((await nextError(anon)).detail).toBe('query message  is null');
    const ann = clients[0]!;
    ann.send(msg(ComMsgType.MsgTQuery, { commonQuery: { queryType: 9 as QueryDataType } }));
    expect((await nextError(ann)).detail).toBe('query message, query type is unknown');
    ann.send(msg(ComMsgType.MsgTQuery, { commonQuery: { queryType: QueryDataType.QueryDataTypeChatData } }));
    await settle();
    expect(ann.take()).toEqual([]);
  });
});

describe('receipt query', () => {
  it('lists receipts of outgoing rows, placeholders for incoming ones, and re-pushes undelivered messages', async () => {
    const { ids, clients, sent, back } = await history(2);
    const [ann, ben] = clients;
    ben!.send(
      msg(ComMsgType.MsgTChatReply, {
        chatReply: {
          msgId: sent[0],
          sendId: 0,
          userId: ids[0],
          fromId: ids[1],
          recvOk: 1,
          params: { gid: '0' },
        },
      }),
    );
    await ann!.waitFor('chatReply');
    const result = await query(ann!, {
      queryType: QueryDataType.QueryDataTypeChatReply,
      synType: SynType.SynTypeForward,
      userId: 999,
    });
    expect(pick(result, ['result', 'userId', 'chatType', 'queryType'])).toEqual({
      result: 'ok',
      userId: ids[0],
      chatType: ChatType.ChatTypeP2P,
      queryType: QueryDataType.QueryDataTypeChatReply,
    });
    expect(result.chatReplyList.map((r) => r.msgId)).toEqual([
      sent[0],
      sent[1],
      '0',
      result.chatReplyList[3]!.msgId,
    ]);
    expect(Number(result.chatReplyList[0]!.recvOk)).toBeGreaterThan(0);
    expect(pick(result.chatReplyList[1], ['userId', 'fromId', 'recvOk'])).toEqual({
      userId: ids[0],
      fromId: ids[1],
      recvOk: '0',
    });
    expect(back).toBeDefined();
    // The undelivered message to ben and the one to cat are pushed again, labelled MsgTQueryResult.
    const again = await ben!.wait((m) => m.plainMsg?.message === 'chatData');
    expect(again.msgType).toBe(ComMsgType.MsgTQueryResult);
    expect(pick(again.plainMsg?.chatData, ['msgId', 'fromId', 'toId', 'status', 'userId'])).toEqual({
      msgId: sent[1],
      fromId: ids[0],
      toId: ids[1],
      status: 0,
      userId: ids[0],
    });
    await clients[2]!.wait((m) => m.plainMsg?.message === 'chatData');
  });

  it('does not default bigId: Backward with bigId 0 is empty', async () => {
    const { clients } = await history(2);
    const result = await query(clients[0]!, {
      queryType: QueryDataType.QueryDataTypeChatReply,
      synType: SynType.SynTypeBackward,
    });
    expect(result.chatReplyList).toEqual([]);
  });
});

describe('operation logs', () => {
  it('FriendOP: add records read "accept", removals are left out, no cursor; only Forward', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const [ann, ben] = clients;
    ann!.send(friendOp(UserOperationType.AddFriend, { userId: ids[1]! }, undefined, 11));
    await ann!.waitFor('friendOpRet');
    ann!.send(friendOp(UserOperationType.RemoveFriend, { userId: ids[1]! }, undefined, 12));
    await ann!.waitFor('friendOpRet');
    const mine = await query(ann!, { queryType: QueryDataType.QueryDataTypeFriendOP });
    expect(pick(mine, ['littleId', 'bigId', 'chatType', 'result', 'userId'])).toEqual({
      littleId: '0',
      bigId: '0',
      chatType: ChatType.ChatTypeNone,
      result: '',
      userId: ids[0],
    });
    expect(mine.friendOpRetList).toHaveLength(1);
    expect(pick(mine.friendOpRetList[0], ['operation', 'result', 'sendId'])).toEqual({
      operation: UserOperationType.AddFriend,
      result: 'accept',
      sendId: '11',
    });
    expect(mine.friendOpRetList[0]?.user?.userId).toBe(ids[0]);
    expect(mine.friendOpRetList[0]?.users[0]?.userId).toBe(ids[1]);
    const theirs = await query(ben!, { queryType: QueryDataType.QueryDataTypeFriendOP });
    expect(theirs.friendOpRetList[0]?.user?.userId).toBe(ids[0]);
    ann!.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: { queryType: QueryDataType.QueryDataTypeFriendOP, synType: SynType.SynTypeBackward },
      }),
    );
    expect((await nextError(ann!)).detail).toBe('query message, syn type is not accepted');
  });

  it('GroupOP: admins only; set-info records read as join requests, other records are empty placeholders', async () => {
    const s = await start();
    const { ids, clients } = await users(s, ['ann', 'ben']);
    const gid = await s.createGroup({ owner: ids[0]!, members: [ids[1]!] });
    const [ann, ben] = clients;
    ann!.send(
      msg(ComMsgType.MsgTGroupOp, {
        groupOp: {
          operation: GroupOperationType.GroupSetInfo,
          group: { groupId: gid, groupName: 'n2' },
          sendId: 4,
        },
      }),
    );
    await ann!.waitFor('groupOpRet');
    ben!.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: { queryType: QueryDataType.QueryDataTypeGroupOP, groupId: gid },
      }),
    );
    expect(await nextError(ben!)).toMatchObject({
      code: 16,
      detail: 'query message, you are not group admin',
    });
    ann!.send(
      msg(ComMsgType.MsgTGroupOp, {
        groupOp: {
          operation: GroupOperationType.GroupAddAdmin,
          group: { groupId: gid },
          members: [{ userId: ids[1] }],
        },
      }),
    );
    await ann!.waitFor('groupOpRet');
    ben!.take();
    const result = await query(ann!, { queryType: QueryDataType.QueryDataTypeGroupOP, groupId: gid });
    expect(pick(result, ['groupId', 'chatType', 'littleId', 'bigId', 'result'])).toEqual({
      groupId: gid,
      chatType: ChatType.ChatTypeNone,
      littleId: '0',
      bigId: '0',
      result: '',
    });
    expect(result.groupOpRetList).toHaveLength(2);
    const [setInfo, placeholder] = result.groupOpRetList;
    expect(pick(setInfo, ['operation', 'sendId', 'result'])).toEqual({
      operation: GroupOperationType.GroupJoinRequest,
      sendId: '4',
      result: '',
    });
    expect(setInfo?.detail).toContain('groupName:"n2"');
    expect(setInfo?.ReqMem?.userId).toBe(ids[0]);
    expect(placeholder?.msgId).toBe('0');
    ben!.send(
      msg(ComMsgType.MsgTQuery, {
        commonQuery: { queryType: QueryDataType.QueryDataTypeGroupOP, groupId: 1 },
      }),
    );
    expect((await nextError(ben!)).detail).toBe('query message, group id is not correct');
  });
});
