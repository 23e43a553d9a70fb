import { ChatMsgType, ChatType, ComMsgType, type MsgChatInit, UserOperationType } from '@birdtalk/proto';
import { FakeClock } from '@birdtalk/runtime/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer, SNOWFLAKE_EPOCH_MS } from '../src/index.js';
import { connectMemory, pick, settle, type TestClient } from './helpers/client.js';
import { login, msg, nextError } from './helpers/protocol.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof createServer>[0] = {}) {
  server = await createServer({ listen: false, ...options });
  return server;
}

let sendCounter = 1000;
function chat(from: string, to: string, text: string, extra: Partial<MsgChatInit> = {}) {
  sendCounter += 1;
  return msg(ComMsgType.MsgTChatMsg, {
    chatData: {
      msgId: sendCounter,
      sendId: sendCounter,
      fromId: from,
      toId: to,
      chatType: ChatType.ChatTypeP2P,
      msgType: ChatMsgType.TEXT,
      data: Buffer.from(text),
      ...extra,
    },
  });
}

async function ack(client: TestClient) {
  const reply = await client.waitFor('chatReply');
  expect(reply.msgType).toBe(ComMsgType.MsgTChatReply);
  return reply.plainMsg!.chatReply!;
}

/** Two logged-in users; `b` follows `a` so that `a` may write to `b`. */
async function pair(s: BirdTalkServer) {
  const aid = await s.createUser({ userName: 'a', password: 'p' });
  const bid = await s.createUser({ userName: 'b', password: 'p', follows: [aid] });
  const a = await connectMemory(s);
  const b = await connectMemory(s);
  await login(a, aid, 'p');
  await login(b, bid, 'p');
  return { a, b, aid, bid };
}

describe('P2P chat', () => {
  it('stores, acknowledges with a snowflake and forwards to every connection of both users', async () => {
    const clock = new FakeClock(1_800_000_000_000);
    const s = await start({ clock });
    const { a, b, aid, bid } = await pair(s);
    const a2 = await connectMemory(s);
    await login(a2, aid, 'p');
    const request = chat(aid, bid, 'hello', { devId: 'dev', priority: 2, params: { x: '1' } });
    a.send(request);
    const reply = await ack(a);
    expect(
      pick(reply, ['sendId', 'extraMsg', 'userId', 'fromId', 'recvOk', 'readOk', 'params', 'sendOk']),
    ).toEqual({
      sendId: String(sendCounter),
      extraMsg: 'ok',
      userId: aid,
      fromId: bid,
      recvOk: '0',
      readOk: '0',
      params: { gid: '0', detail: 'save data ok' },
      sendOk: '1800000000000',
    });
    const id = BigInt(reply.msgId);
    expect(Number(id >> 22n) + SNOWFLAKE_EPOCH_MS).toBe(1_800_000_000_000);
    expect((id >> 12n) & 0x3ffn).toBe(0x21n);
    const pushed = await b.waitFor('chatData');
    expect(pushed.msgType).toBe(ComMsgType.MsgTChatMsg);
    const data = pushed.plainMsg!.chatData!;
    expect(pick(data, ['msgId', 'fromId', 'toId', 'tm', 'devId', 'priority', 'params'])).toEqual({
      msgId: reply.msgId,
      fromId: aid,
      toId: bid,
      tm: '1800000000000',
      devId: 'dev',
      priority: 2,
      params: { x: '1' },
    });
    // The sender's other connection gets the copy, the sending connection does not.
    expect((await a2.waitFor('chatData')).plainMsg?.chatData?.msgId).toBe(reply.msgId);
    await settle();
    expect(a.take()).toEqual([]);
    expect(s.getMessages(aid)).toHaveLength(1);
    expect(s.getMessages(bid)[0]).toMatchObject({ fromId: aid, toId: bid, msgId: reply.msgId });
  });

  it('refuses a recipient who does not follow the sender: error 21, then a fail ack', async () => {
    const s = await start();
    const { a, b, aid, bid } = await pair(s);
    b.send(chat(bid, aid, 'hi'));
    expect(await nextError(b)).toEqual({ code: 21, detail: 'not friend', params: { uid: aid } });
    const reply = await ack(b);
    expect(pick(reply, ['extraMsg', 'params'])).toEqual({
      extraMsg: 'fail',
      params: { gid: '0', detail: 'not friend' },
    });
    await settle();
    expect(a.take()).toEqual([]);
  });

  it('requires fromId to be the connection user and msgId to equal sendId', async () => {
    const s = await start();
    const { a, aid, bid } = await pair(s);
    a.send(chat(bid, aid, 'x'));
    const first = await ack(a);
    expect(pick(first, ['extraMsg', 'params', 'msgId'])).toEqual({
      extraMsg: 'fail',
      params: { gid: '0', detail: 'from id is not same as session user id' },
      msgId: String(sendCounter),
    });
    a.send(chat(aid, bid, 'x', { msgId: 1 }));
    const second = await ack(a);
    expect(pick(second, ['extraMsg', 'params', 'msgId'])).toEqual({
      extraMsg: 'fail',
      params: { gid: '0', detail: 'msgId is not same as sendId' },
      msgId: '1',
    });
  });

  it('does not answer a chatType other than P2P or group, but self chat works with chatType P2P', async () => {
    const s = await start();
    const { a, aid } = await pair(s);
    const other = await connectMemory(s);
    await login(other, aid, 'p');
    a.send(chat(aid, '10002', 'x', { chatType: ChatType.ChatTypeNone }));
    await settle();
    expect(a.take()).toEqual([]);
    a.send(chat(aid, aid, 'note to self'));
    expect(pick(await ack(a), ['extraMsg', 'params'])).toEqual({
      extraMsg: 'ok',
      params: { gid: '0', detail: 'send to self' },
    });
    expect((await other.waitFor('chatData')).plainMsg?.chatData?.data).toEqual(
      new Uint8Array(Buffer.from('note to self')),
    );
    expect(s.getMessages(aid)).toHaveLength(1);
  });

  it('needs no login: a fresh connection acts as user 0', async () => {
    const s = await start();
    const client = await connectMemory(s);
    client.send(chat('0', '0', 'x'));
    expect((await ack(client)).params).toEqual({ gid: '0', detail: 'send to self' });
  });

  it('recalls with DELETE on both rows (either party), ref error otherwise', async () => {
    const s = await start();
    const { a, b, aid, bid } = await pair(s);
    a.send(chat(aid, bid, 'oops'));
    const sent = await ack(a);
    await b.waitFor('chatData');
    a.send(chat(aid, bid, '', { msgType: ChatMsgType.DELETE, refMessageId: '12345' }));
    expect((await ack(a)).params).toEqual({ gid: '0', detail: 'ref error' });
    a.send(chat(aid, bid, '', { msgType: ChatMsgType.DELETE, refMessageId: sent.msgId }));
    expect((await ack(a)).extraMsg).toBe('ok');
    const recall = (await b.waitFor('chatData')).plainMsg!.chatData!;
    expect(pick(recall, ['msgType', 'refMessageId'])).toEqual({
      msgType: ChatMsgType.DELETE,
      refMessageId: sent.msgId,
    });
    expect(s.getMessages(aid).find((m) => m.msgId === sent.msgId)?.status).toBe(5);
    expect(s.getMessages(bid).find((m) => m.msgId === sent.msgId)?.status).toBe(5);
    // The recipient may recall too (no follow check on DELETE).
    b.send(chat(bid, aid, '', { msgType: ChatMsgType.DELETE, refMessageId: sent.msgId }));
    expect((await ack(b)).extraMsg).toBe('ok');
  });
});

describe('receipts', () => {
  async function sentMessage() {
    const s = await start();
    const p = await pair(s);
    p.a.send(chat(p.aid, p.bid, 'm'));
    const sent = await ack(p.a);
    await p.b.waitFor('chatData');
    return { s, ...p, sent };
  }

  function receipt(fields: { msgId: string; sendId: string; userId: string; fromId: string }, extra = {}) {
    return msg(ComMsgType.MsgTChatReply, {
      chatReply: { recvOk: 5, params: { gid: '0' }, ...fields, ...extra },
    });
  }

  it('stamps the sender row with server time and forwards the receipt unchanged (gid forced to "0")', async () => {
    const clock = new FakeClock(1_800_000_000_000);
    server = await createServer({ listen: false, clock });
    const s = server;
    const { a, b, aid, bid } = await pair(s);
    a.send(chat(aid, bid, 'm'));
    const sent = await ack(a);
    await b.waitFor('chatData');
    await clock.advance(1000);
    b.send(
      receipt(
        { msgId: sent.msgId, sendId: sent.sendId, userId: aid, fromId: bid },
        { readOk: 9, params: { gid: '7' } },
      ),
    );
    const forwarded = await a.waitFor('chatReply');
    expect(pick(forwarded.plainMsg?.chatReply, ['msgId', 'recvOk', 'readOk', 'params'])).toEqual({
      msgId: sent.msgId,
      recvOk: '5',
      readOk: '9',
      params: { gid: '0' },
    });
    expect(s.getMessages(aid)[0]).toMatchObject({ recvTm: 1_800_000_001_000, readTm: 1_800_000_001_000 });
    await settle();
    expect(b.take()).toEqual([]);
  });

  it('does not forward a receipt for a missing row, but forwards one without any time', async () => {
    const { a, b, aid, bid, sent } = await sentMessage();
    b.send(receipt({ msgId: '1', sendId: sent.sendId, userId: aid, fromId: bid }));
    await settle();
    expect(a.take()).toEqual([]);
    b.send(receipt({ msgId: '1', sendId: sent.sendId, userId: aid, fromId: bid }, { recvOk: 0 }));
    await a.waitFor('chatReply');
  });

  it('acknowledges a batch; a blank batch is error 14 "reply ids format err"', async () => {
    const { s, a, b, aid, bid, sent } = await sentMessage();
    b.send(
      receipt(
        { msgId: '0', sendId: '0', userId: aid, fromId: bid },
        { params: { gid: '0', batch: ` ${sent.msgId} ` } },
      ),
    );
    await a.waitFor('chatReply');
    expect(s.getMessages(aid)[0]?.recvTm).toBeGreaterThan(0);
    b.send(
      receipt({ msgId: '0', sendId: '0', userId: aid, fromId: bid }, { params: { gid: '0', batch: '  ' } }),
    );
    expect(await nextError(b)).toEqual({ code: 14, detail: 'reply ids format err', params: {} });
    b.send(
      receipt(
        { msgId: '0', sendId: '0', userId: aid, fromId: bid },
        { params: { gid: '0', batch: `${sent.msgId},x` } },
      ),
    );
    await settle();
    expect(a.take()).toEqual([]);
  });

  it('ignores a single receipt before login and answers a missing payload with error 14', async () => {
    const { s, a, aid, sent } = await sentMessage();
    const anon = await connectMemory(s);
    anon.send(receipt({ msgId: sent.msgId, sendId: sent.sendId, userId: aid, fromId: '0' }));
    anon.send(msg(ComMsgType.MsgTChatReply, { heartBeat: {} }));
    expect(await nextError(anon)).toEqual({ code: 14, detail: 'reply is null', params: {} });
    await settle();
    expect(a.take()).toEqual([]);
  });

  it('a chat reply from a client cannot be a server operation', async () => {
    const s = await start();
    const c = await connectMemory(s);
    c.send(msg(ComMsgType.MsgTUserOp, { userOp: { operation: UserOperationType.Logout } }));
    expect(await nextError(c)).toMatchObject({ code: 15 });
  });
});
