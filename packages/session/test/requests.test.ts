import { hasErrorName, isBirdTalkError } from '@birdtalk/errors';
import {
  ChatType,
  ComMsgType,
  encodeMsg,
  GroupOperationType,
  QueryDataType,
  UserOperationType,
} from '@birdtalk/proto';
import { flushEventLoop } from '@birdtalk/runtime/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryOutboxStore, SessionErrorCode } from '../src/index.js';
import { harness, PASSWORD, requests, until } from './helpers.js';

let hazards: () => string[] = () => [];
afterEach(() => {
  expect(hazards()).toEqual([]);
});

const text = (value: string) => new TextEncoder().encode(value);

/** Has the fake server refuse every chat as the real one refuses a chat to a user who does not follow us. */
function refuseEveryChat(server: ReturnType<typeof harness>['server']): void {
  server.handle('chatData', (msg, peer) => {
    const chat = msg.plainMsg!.chatData!;
    peer.sendError(21, 'not friend', { uid: chat.toId });
    peer.send(ComMsgType.MsgTChatReply, {
      chatReply: {
        msgId: chat.msgId,
        sendId: chat.sendId,
        sendOk: 1,
        extraMsg: 'fail',
        userId: '10001',
        fromId: chat.toId,
        params: { gid: '0', detail: 'not friend' },
      },
    });
    return true;
  });
}

describe('correlation and fences', () => {
  it('matches friend results by echoed sendId', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    const [a, b] = await Promise.all([
      session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } }),
      session.friendOp({ operation: UserOperationType.BlockFriend, user: { userId: '10002' } }),
    ]);
    expect([a.operation, b.operation]).toEqual([UserOperationType.AddFriend, UserOperationType.BlockFriend]);
    expect(a.sendId).not.toBe(b.sendId);
    await session.close();
  });

  it('attributes both ErrTNotLogin of a friend op to it and settles at its fence, without a timeout', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('friendOp', (_msg, peer) => {
      peer.sendError(15, 'should login first.');
      peer.sendError(15, 'should login first.');
      return true;
    });
    const session = h.session();
    const serverErrors = h.record(session, 'server-error');
    await session.start();
    const error = await session
      .friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } })
      .catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'SERVER_NOT_LOGGED_IN')).toBe(true);
    expect((error as { request: string }).request).toBe(`friend.${UserOperationType.AddFriend}`);
    expect(serverErrors).toEqual([]);
    await session.close();
  });

  it('settles a request the server answers with silence at once with PROTOCOL_NO_REPLY', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('groupOp', () => true);
    const session = h.session();
    await session.start();
    const startedAt = h.clock.now();
    const error = await session
      .groupOp({ operation: GroupOperationType.GroupSearch, params: { keyword: 'x' } })
      .catch((e: unknown) => e);
    expect(isBirdTalkError(error, SessionErrorCode.NO_REPLY)).toBe(true);
    expect(h.clock.now()).toBe(startedAt);
    await session.close();
  });

  it('keeps the errors of one request away from the next', async () => {
    const h = harness();
    hazards = h.server.hazards;
    let calls = 0;
    h.server.handle('friendOp', (_msg, peer) => {
      calls += 1;
      if (calls === 1) {
        peer.sendError(14, 'user not in db');
        return true;
      }
      return false;
    });
    const session = h.session();
    await session.start();
    const [first, second] = await Promise.allSettled([
      session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '99999' } }),
      session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } }),
    ]);
    expect(first.status).toBe('rejected');
    expect((first as PromiseRejectedResult).reason).toMatchObject({
      code: 'SERVER_MSG_CONTENT',
      serverDetail: 'user not in db',
    });
    expect(second.status).toBe('fulfilled');
    await session.close();
  });

  it('reports an error nobody asked for as an event', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    const serverErrors = h.record(session, 'server-error');
    await session.start();
    h.server.connections[0]!.sendError(19, 'send code err');
    await until(() => serverErrors.length === 1, 'the event');
    expect(serverErrors[0]!.error).toMatchObject({ code: 'SERVER_EMAIL', serverCode: 19 });
    expect(session.state).toBe('ready');
    await session.close();
  });

  it('matches queries in order and uploads by sendId and file name', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    const [p2p, replies] = await Promise.all([
      session.query({ queryType: QueryDataType.QueryDataTypeChatData, chatType: ChatType.ChatTypeP2P }),
      session.query({ queryType: QueryDataType.QueryDataTypeChatReply }),
    ]);
    expect([p2p.queryType, replies.queryType]).toEqual([
      QueryDataType.QueryDataTypeChatData,
      QueryDataType.QueryDataTypeChatReply,
    ]);
    const reply = await session.upload({
      fileName: 'a.txt',
      fileSize: 2,
      fileData: new Uint8Array(2),
      hashType: 'md5',
      hashCode: 'c4ca4238a0b923820dcc509a6f75849b',
      chunkCount: 2,
    });
    expect(reply).toMatchObject({ fileName: 'a.txt', result: 'chunkok' });
    await session.close();
  });

  it('refuses bad requests before sending anything', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    const before = h.server.connections[0]!.received.length;
    await expect(
      session.friendOp({ operation: UserOperationType.ApproveFriend, user: { userId: '10002' } }),
    ).rejects.toMatchObject({
      name: 'RefusedError',
    });
    await expect(
      session.groupOp(
        { operation: GroupOperationType.GroupJoinRequest, group: { groupId: '5' } },
        { groupJoinType: 'auth' },
      ),
    ).rejects.toMatchObject({
      code: 'REFUSED_JOIN_AUTH',
    });
    await expect(
      session.sendReceipt({ msgId: '5', userId: '10002', recvOk: 1, params: { batch: '' } }),
    ).rejects.toMatchObject({
      name: 'InvalidArgumentError',
    });
    await expect(session.userOp({ operation: UserOperationType.Login })).rejects.toMatchObject({
      code: 'INVALID_OPERATION',
    });
    expect(h.server.connections[0]!.received.length).toBe(before);
    await session.close();
  });

  it('sends receipts with gid "0" and resolves them at their fence', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    await session.sendReceipt({
      msgId: '77',
      sendId: '5',
      userId: '10002',
      recvOk: h.clock.now(),
      params: { batch: '77,78' },
    });
    const receipt = h.server.connections[0]!.received.find((m) => m.plainMsg?.message === 'chatReply');
    expect(receipt?.plainMsg?.chatReply?.params).toEqual({ gid: '0', batch: '77,78' });
    await session.close();
  });

  it('sends the receipts of one turn under one shared fence', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    const connection = h.server.connections[0]!;
    const before = connection.received.length;
    await Promise.all(
      ['77', '78', '79'].map((msgId) =>
        session.sendReceipt({ msgId, sendId: '5', userId: '10002', recvOk: h.clock.now(), params: {} }),
      ),
    );
    const burst = connection.received.slice(before).map((m) => m.plainMsg?.message);
    expect(burst).toEqual(['chatReply', 'chatReply', 'chatReply', 'heartBeat']);
    await session.close();
  });

  it("pins a refused chat's ErrTNotFriend on the chat, not on a receipt ahead of it under the same fence", async () => {
    const h = harness();
    hazards = h.server.hazards;
    refuseEveryChat(h.server);
    const session = h.session();
    await session.start();
    const connection = h.server.connections[0]!;
    const before = connection.received.length;
    const receipt = session.sendReceipt({
      msgId: '77',
      sendId: '5',
      userId: '10002',
      recvOk: h.clock.now(),
      params: {},
    });
    const chat = session.sendChat({ toId: '10003', chatType: ChatType.ChatTypeP2P, data: text('hi') });
    await expect(receipt).resolves.toBeUndefined();
    await expect(chat).rejects.toMatchObject({ code: SessionErrorCode.CHAT_NOT_FRIEND, serverCode: 21 });
    const burst = connection.received.slice(before).map((m) => m.plainMsg?.message);
    expect(burst).toEqual(['chatReply', 'chatData', 'heartBeat']);
    await session.close();
  });

  it('waits for a ready connection before sending a request', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    const result = session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } });
    void session.start();
    await expect(result).resolves.toMatchObject({ operation: UserOperationType.AddFriend });
    await session.close();
  });

  it('applies user operations and reports Recover, which the server answers as Disable', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('userOp', (msg, peer) => {
      if (msg.plainMsg?.userOp?.operation !== UserOperationType.RecoverUser) return false;
      peer.send(ComMsgType.MsgTUserOpRet, {
        userOpRet: { operation: UserOperationType.DisableUser, result: 'ok', status: 'ok' },
      });
      return true;
    });
    const session = h.session();
    await session.start();
    expect(
      (await session.userOp({ operation: UserOperationType.SetUserInfo, params: { NickName: 'Ada' } }))
        .status,
    ).toBe('ok');
    expect(
      (await session.userOp({ operation: UserOperationType.RecoverUser, user: { userId: '10002' } })).status,
    ).toBe('ok');
    await session.close();
  });
});

describe('chats and the outbox', () => {
  it('sends with msgId = sendId and resolves on the acknowledgement', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    const acked = h.record(session, 'chat-acked');
    await session.start();
    const ack = await session.sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: text('hi') });
    const sent = h.server.connections[0]!.received.find((m) => m.plainMsg?.message === 'chatData')!.plainMsg!
      .chatData!;
    expect(sent.msgId).toBe(sent.sendId);
    expect(sent.fromId).toBe('10001');
    expect(ack).toMatchObject({ sendId: sent.sendId, detail: 'save data ok' });
    expect(ack.msgId).not.toBe(sent.sendId);
    expect(acked).toEqual([ack]);
    expect(session.outboxSize).toBe(0);
    await session.close();
  });

  it('fails with CHAT_NOT_FRIEND and the attributed server error 21', async () => {
    const h = harness();
    hazards = h.server.hazards;
    refuseEveryChat(h.server);
    const session = h.session();
    const serverErrors = h.record(session, 'server-error');
    const failed = h.record(session, 'chat-failed');
    await session.start();
    const error = await session
      .sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: text('hi') })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: SessionErrorCode.CHAT_NOT_FRIEND,
      serverCode: 21,
      serverDetail: 'not friend',
    });
    expect(serverErrors).toEqual([]);
    expect(failed).toHaveLength(1);
    expect(h.server.connections[0]!.received.filter((m) => m.plainMsg?.message === 'chatData')).toHaveLength(
      1,
    );
    await session.close();
  });

  it('closes a burst of chats with one shared fence and still pins each refusal on its own chat', async () => {
    const h = harness();
    hazards = h.server.hazards;
    // The server refuses chats to 10003 and 10005 (not fans) and stores the others, in order, as the real
    // server does.
    h.server.handle('chatData', (msg, peer) => {
      const chat = msg.plainMsg!.chatData!;
      const ok = chat.toId !== '10003' && chat.toId !== '10005';
      if (!ok) peer.sendError(21, 'not friend', { uid: chat.toId });
      peer.send(ComMsgType.MsgTChatReply, {
        chatReply: {
          msgId: ok ? `9${chat.sendId}` : chat.msgId,
          sendId: chat.sendId,
          sendOk: 1,
          extraMsg: ok ? 'ok' : 'fail',
          userId: '10001',
          fromId: chat.toId,
          params: { gid: '0', detail: ok ? 'save data ok' : 'not friend' },
        },
      });
      return true;
    });
    const session = h.session();
    const serverErrors = h.record(session, 'server-error');
    await session.start();
    const connection = h.server.connections[0]!;
    const before = connection.received.length;
    const results = await Promise.allSettled(
      // Five conversations: chats of one conversation go one at a time.
      ['10002', '10003', '10004', '10005', '10006'].map((toId) =>
        session.sendChat({ toId, chatType: ChatType.ChatTypeP2P, data: text(`to ${toId}`) }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    for (const r of results) {
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ code: SessionErrorCode.CHAT_NOT_FRIEND, serverCode: 21 });
    }
    const burst = connection.received.slice(before).map((m) => m.plainMsg?.message);
    expect(burst).toEqual(['chatData', 'chatData', 'chatData', 'chatData', 'chatData', 'heartBeat']);
    expect(serverErrors).toEqual([]);
    await session.close();
  });

  it('sends queued chats as acknowledgements come back, before their fence, never over maxFramesInFlight unanswered', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session({ maxFramesInFlight: 8 });
    await session.start();
    // From here on the server holds its answers (in order, as it sends them) until the test releases them.
    const answers: Array<{ readonly fence: boolean; send(): void }> = [];
    let chatsReceived = 0;
    h.server.handle('chatData', (msg, peer) => {
      const chat = msg.plainMsg!.chatData!;
      chatsReceived += 1;
      answers.push({
        fence: false,
        send: () =>
          peer.send(ComMsgType.MsgTChatReply, {
            chatReply: {
              msgId: `9${chat.sendId}`,
              sendId: chat.sendId,
              sendOk: 1,
              extraMsg: 'ok',
              userId: '10001',
              fromId: chat.toId,
              params: { gid: '0', detail: 'save data ok' },
            },
          }),
      });
      return true;
    });
    h.server.handle('heartBeat', (_msg, peer) => {
      answers.push({
        fence: true,
        send: () => peer.send(ComMsgType.MsgTHello, { heartBeat: { tm: h.clock.now(), userId: '10001' } }),
      });
      return true;
    });
    // Twenty conversations: chats of one conversation go one at a time.
    const chats = Array.from({ length: 20 }, (_, i) =>
      session.sendChat({ toId: String(10002 + i), chatType: ChatType.ChatTypeP2P, data: text(`m${i}`) }),
    );
    let settled = 0;
    for (const chat of chats) void chat.then(() => (settled += 1));
    await until(() => answers.some((answer) => answer.fence), 'the first fence');
    // Seven chats and their shared fence fill the eight frames.
    expect(chatsReceived).toBe(7);
    let chatsBeforeFirstFence: number | undefined;
    let mostUnanswered = answers.length;
    for (let step = 0; step < 500 && settled < chats.length; step += 1) {
      const answer = answers.shift();
      if (answer?.fence === true) chatsBeforeFirstFence ??= chatsReceived;
      answer?.send();
      await flushEventLoop(2);
      mostUnanswered = Math.max(mostUnanswered, answers.length);
    }
    expect(settled).toBe(chats.length);
    expect(mostUnanswered).toBeLessThanOrEqual(8);
    // Room freed by acknowledgements was used while the first fence was still out.
    expect(chatsBeforeFirstFence).toBeGreaterThan(7);
    expect(chatsReceived).toBe(20);
    await session.close();
  });

  it('sends the shared fence before any other request, which keeps its own', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    const connection = h.server.connections[0]!;
    const before = connection.received.length;
    const chat = session.sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: text('hi') });
    const query = session.query({
      queryType: QueryDataType.QueryDataTypeChatData,
      chatType: ChatType.ChatTypeP2P,
      littleId: '1',
    });
    await Promise.all([chat, query]);
    const frames = connection.received.slice(before).map((m) => m.plainMsg?.message);
    expect(frames).toEqual(['chatData', 'heartBeat', 'commonQuery', 'heartBeat']);
    await session.close();
  });

  it('resends an unacknowledged chat after the connection drops, with the same sendId, and loses nothing', async () => {
    const h = harness();
    hazards = h.server.hazards;
    let first = true;
    h.server.handle('chatData', (_msg, peer) => {
      if (!first) return false;
      first = false;
      peer.drop();
      return true;
    });
    const session = h.session();
    await session.start();
    const result = session.sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: text('hi') });
    await until(() => session.state === 'reconnecting', 'the drop');
    await h.clock.advance(1_000);
    const ack = await result;
    const before = h.server.connections[0]!.received.find((m) => m.plainMsg?.message === 'chatData')!
      .plainMsg!.chatData!;
    const after = h.server.connections[1]!.received.find((m) => m.plainMsg?.message === 'chatData')!.plainMsg!
      .chatData!;
    expect(after.sendId).toBe(before.sendId);
    expect(after.msgId).toBe(before.sendId);
    expect(ack.sendId).toBe(before.sendId);
    // The first attempt may have been stored: the history lookup (made when first needed) asks before the resend.
    const second = h.server.connections[1]!.received.map((m) => m.plainMsg?.message);
    expect(second.indexOf('commonQuery')).toBeGreaterThan(-1);
    expect(second.indexOf('commonQuery')).toBeLessThan(second.indexOf('chatData'));
    await session.close();
  });

  it('chats still waiting for room when the connection drops go out on the next one, each acknowledged once', async () => {
    const h = harness();
    hazards = h.server.hazards;
    // Once chats come, the first connection answers nothing more, so the chats sent fill the frames in flight
    // and the rest wait.
    let silent = true;
    let chatsSeen = 0;
    h.server.handle('chatData', () => {
      if (silent) chatsSeen += 1;
      return silent;
    });
    h.server.handle('heartBeat', () => silent && chatsSeen > 0);
    const session = h.session({ maxFramesInFlight: 4 });
    await session.start();
    const results = Array.from({ length: 10 }, (_, i) =>
      session.sendChat({ toId: String(10002 + i), chatType: ChatType.ChatTypeP2P, data: text(`m${i}`) }),
    );
    const chatsOn = (index: number) =>
      h.server.connections[index]!.received.filter((m) => m.plainMsg?.message === 'chatData');
    await until(() => chatsOn(0).length === 3, 'three chats and their fence in flight');
    await flushEventLoop(2);
    expect(chatsOn(0)).toHaveLength(3);
    silent = false;
    h.server.connections[0]!.drop();
    await until(() => session.state === 'reconnecting', 'the drop');
    await h.clock.advance(1_000);
    const acks = await Promise.all(results);
    expect(new Set(acks.map((ack) => ack.sendId)).size).toBe(10);
    // The seven that never left go out on the new connection, with the three that may have been stored.
    const resent = chatsOn(1).map((m) => new TextDecoder().decode(m.plainMsg!.chatData!.data));
    for (let i = 3; i < 10; i += 1) expect(resent).toContain(`m${i}`);
    expect(session.outboxSize).toBe(0);
    await session.close();
  });

  it('queues chats while reconnecting and sends them, in order, once ready', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    h.server.connections[0]!.drop();
    await until(() => session.state === 'reconnecting', 'the drop');
    const results = ['a', 'b', 'c'].map((body) =>
      session.sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: text(body) }),
    );
    await h.clock.advance(1_000);
    const acks = await Promise.all(results);
    const sent = h.server.connections[1]!.received.filter((m) => m.plainMsg?.message === 'chatData');
    expect(sent.map((m) => new TextDecoder().decode(m.plainMsg!.chatData!.data))).toEqual(['a', 'b', 'c']);
    expect(acks.map((a) => a.sendId)).toEqual(sent.map((m) => m.plainMsg!.chatData!.sendId));
    await session.close();
  });

  it('resends a chat the server swallowed, then fails it after the deadline', async () => {
    const h = harness();
    hazards = h.server.hazards;
    h.server.handle('chatData', () => true);
    const session = h.session({ outboxDeadlineMs: 30_000, resendDelayMs: 5_000 });
    await session.start();
    const result = session
      .sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: text('hi') })
      .catch((e: unknown) => e);
    await h.clock.advance(30_000);
    const error = await result;
    expect(hasErrorName(error, 'TimeoutError')).toBe(true);
    const attempts = h.server.connections[0]!.received.filter((m) => m.plainMsg?.message === 'chatData');
    expect(attempts.length).toBeGreaterThanOrEqual(5);
    expect(new Set(attempts.map((m) => m.plainMsg!.chatData!.sendId)).size).toBe(1);
    expect(session.outboxSize).toBe(0);
    await session.close();
  });

  it('resends what the outbox store held at start, after login', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const store = createMemoryOutboxStore();
    await store.put({
      sendId: '1749999999999000',
      chat: { sendId: '1749999999999000', toId: '10002', chatType: ChatType.ChatTypeP2P, data: text('old') },
      createdAt: h.clock.now(),
    });
    const session = h.session({}, { outboxStore: store });
    const acked = h.record(session, 'chat-acked');
    await session.start();
    await until(() => acked.length === 1, 'the ack');
    expect(acked[0]!.sendId).toBe('1749999999999000');
    const order = requests(h.server);
    expect(order.indexOf('chatData')).toBeGreaterThan(order.indexOf('userOp'));
    expect(await store.load()).toEqual([]);
    await session.close();
  });
});

describe('what the server pushes', () => {
  it('turns every push, mislabelled or not, into a typed event', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    const chats = h.record(session, 'chat');
    const receipts = h.record(session, 'receipt');
    const presence = h.record(session, 'presence');
    const friendNotices = h.record(session, 'friend-notice');
    const friendRequests = h.record(session, 'friend-request');
    const groupNotices = h.record(session, 'group-notice');
    const joinRequests = h.record(session, 'group-join-request');
    const anomalies = h.record(session, 'protocol-error');
    await session.start();
    const peer = h.server.connections[0]!;
    peer.send(ComMsgType.MsgTChatMsg, {
      chatData: { msgId: 1, fromId: '10002', toId: '10001', chatType: 1, data: text('live') },
    });
    peer.send(ComMsgType.MsgTQueryResult, {
      chatData: { msgId: 2, fromId: '10002', toId: '10001', chatType: 1, data: text('again') },
    });
    peer.send(ComMsgType.MsgTChatMsg, {
      chatData: { msgId: 3, fromId: '10001', toId: '10002', chatType: 1, data: text('mine') },
    });
    peer.send(ComMsgType.MsgTChatReply, {
      chatReply: { msgId: 9, sendId: 8, userId: '10001', fromId: '10002', recvOk: 5, params: { gid: '0' } },
    });
    peer.send(ComMsgType.MsgTUserOp, {
      userOp: {
        operation: UserOperationType.SetUserInfo,
        user: { userId: '10002', params: { pwd: 'leaked' } },
        params: { status: 'online' },
      },
    });
    peer.send(ComMsgType.MsgTFriendOpRet, {
      friendOpRet: { operation: UserOperationType.AddFriend, result: 'notice', user: { userId: '10002' } },
    });
    peer.send(ComMsgType.MsgTFriendOp, {
      friendOp: { operation: UserOperationType.AddFriend, user: { userId: '10002' } },
    });
    peer.send(ComMsgType.MsgTGroupOpRet, {
      groupOpRet: { operation: GroupOperationType.GroupJoinAnswer, result: 'ok', detail: 'direct' },
    });
    peer.send(ComMsgType.MsgTGroupOp, { groupOp: { operation: GroupOperationType.GroupJoinRequest } });
    await until(() => joinRequests.length === 1, 'all pushes');
    expect(chats.map((c) => [c.chat.msgId, c.repushed, c.own])).toEqual([
      ['1', false, false],
      ['2', true, false],
      ['3', false, true],
    ]);
    expect(receipts.map((r) => r.msgId)).toEqual(['9']);
    expect(presence).toHaveLength(1);
    expect(presence[0]).toMatchObject({ status: 'online', user: { userId: '10002' } });
    expect(presence[0]!.user.params.pwd).toBeUndefined();
    expect([friendNotices.length, friendRequests.length, groupNotices.length]).toEqual([1, 1, 1]);
    expect(anomalies).toEqual([]);
    await session.close();
  });

  it('reports frames it cannot use, and stays up', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    const anomalies = h.record(session, 'protocol-error');
    const texts = h.record(session, 'text');
    await session.start();
    const peer = h.server.connections[0]!;
    peer.sendRaw(new Uint8Array([0xff, 0xff, 0xff]));
    peer.sendRaw(
      encodeMsg({
        version: 1,
        msgType: 99 as never,
        plainMsg: { friendOpRet: { operation: 10, result: 'notice' } },
      }),
    );
    peer.send(ComMsgType.MsgTChatMsg, { userOpRet: { status: 'x' } });
    peer.send(ComMsgType.MsgTUserOpRet, {
      userOpRet: { operation: UserOperationType.SetUserInfo, status: 'ok' },
    });
    peer.send(ComMsgType.MsgTHello, { heartBeat: { tm: 1 } });
    peer.send(ComMsgType.MsgTChatMsg, {});
    peer.sendText('surprise');
    peer.sendText('recv msg:hello');
    for (let i = 0; i < 50; i += 1)
      peer.send(ComMsgType.MsgTQueryResult, { commonQueryRet: { result: 'ok' } });
    await until(() => anomalies.length >= 58, 'the reports');
    const codes = anomalies.map((error) => (error as { code: string }).code);
    expect(codes.slice(0, 8)).toEqual([
      'DECODE_MALFORMED',
      // type 99 carrying a friend result: reported, and still routed by payload (a friend notice)
      SessionErrorCode.UNEXPECTED_TYPE,
      // a user result labelled as a chat: reported, routed by payload, and nobody asked for it
      SessionErrorCode.UNEXPECTED_TYPE,
      SessionErrorCode.UNSOLICITED,
      SessionErrorCode.UNSOLICITED,
      // a heartbeat reply without a fence
      SessionErrorCode.UNSOLICITED,
      SessionErrorCode.UNEXPECTED_PAYLOAD,
      SessionErrorCode.UNEXPECTED_TEXT,
    ]);
    // A flood of query results nobody asked for: each one reported.
    expect(codes.filter((code) => code === SessionErrorCode.UNSOLICITED)).toHaveLength(53);
    expect(texts).toEqual(['surprise', 'recv msg:hello']);
    expect(session.state).toBe('ready');
    await expect(
      session.friendOp({ operation: UserOperationType.AddFriend, user: { userId: '10002' } }),
    ).resolves.toBeDefined();
    await session.close();
  });

  it('logs every frame in and out at debug level, redacted', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    const messages = h.logger.records.filter((r) => r.level === 'debug').map((r) => r.message);
    expect(messages).toContain('frame out');
    expect(messages).toContain('frame in');
    expect(JSON.stringify(h.logger.records)).not.toContain(PASSWORD);
    await session.close();
  });
});

describe('changing the e-mail address', () => {
  it('is refused by default: the stock server mails the code, and its mail worker kills it', async () => {
    const h = harness();
    hazards = h.server.hazards;
    const session = h.session();
    await session.start();
    await expect(
      session.userOp({ operation: UserOperationType.SetUserInfo, params: { Email: 'new@example.com' } }),
    ).rejects.toMatchObject({ name: 'RefusedError', code: 'REFUSED_EMAIL_CHANGE' });
    expect(
      h.server.connections[0]!.received.filter(
        (m) => m.plainMsg?.userOp?.operation === UserOperationType.SetUserInfo,
      ),
    ).toEqual([]);
    await session.close();
  });

  it('submits the code while the server holds the session logged out, then logs in again on a fresh connection', async () => {
    const h = harness();
    hazards = h.server.hazards;
    emailChangeServer(h.server);
    // A server whose mail works.
    const session = h.session({ allowServerCrashingRequests: true });
    const ready = h.record(session, 'ready');
    await session.start();
    const changed = await session.userOp({
      operation: UserOperationType.SetUserInfo,
      params: { Email: 'new@example.com' },
    });
    expect(changed.status).toBe('waitcode');
    expect(
      (await session.userOp({ operation: UserOperationType.RealNameVerification, params: { code: '12345' } }))
        .status,
    ).toBe('ok');
    await until(() => ready.length === 2, 'the fresh login');
    expect(ready[1]!.fastLogin).toBe(true);
    expect(h.server.connections).toHaveLength(2);
    expect(h.clock.now()).toBe(1_750_000_000_000);
    await session.close();
  });

  it('keeps chats queued while the code is pending and sends them after the fresh login', async () => {
    const h = harness();
    hazards = h.server.hazards;
    emailChangeServer(h.server);
    // A server whose mail works.
    const session = h.session({ allowServerCrashingRequests: true });
    await session.start();
    await session.userOp({ operation: UserOperationType.SetUserInfo, params: { Email: 'new@example.com' } });
    const chat = session.sendChat({ toId: '10002', chatType: ChatType.ChatTypeP2P, data: text('queued') });
    await h.clock.advance(10_000);
    await session.userOp({ operation: UserOperationType.RealNameVerification, params: { code: '12345' } });
    const ack = await chat;
    expect(ack.detail).toBe('save data ok');
    expect(requests(h.server, 0)).not.toContain('chatData');
    expect(requests(h.server, 1)).toContain('chatData');
    await session.close();
  });

  it('scrubs a code only while it is in use, not every later "12345" for ever', async () => {
    const h = harness();
    hazards = h.server.hazards;
    emailChangeServer(h.server);
    // A server whose mail works.
    const session = h.session({ allowServerCrashingRequests: true });
    const texts = h.record(session, 'text');
    await session.start();
    await session.userOp({ operation: UserOperationType.SetUserInfo, params: { Email: 'new@example.com' } });
    await session.userOp({ operation: UserOperationType.RealNameVerification, params: { code: '12345' } });
    await until(() => session.state === 'ready' && h.server.connections.length === 2, 'the fresh login');
    h.server.connections[1]!.sendText('recv msg: order 12345');
    await until(() => texts.length === 1, 'the text');
    expect(texts).toEqual(['recv msg: order 12345']);
    await session.close();
  });
});

/** Answers an e-mail change with waitcode (logging the server session out) and a code with the change done. */
function emailChangeServer(server: ReturnType<typeof harness>['server']): void {
  server.handle('userOp', (msg, peer) => {
    const op = msg.plainMsg?.userOp;
    if (op?.operation === UserOperationType.SetUserInfo && op.params.Email !== undefined) {
      peer.userId = undefined;
      peer.send(ComMsgType.MsgTUserOpRet, {
        userOpRet: {
          operation: UserOperationType.SetUserInfo,
          result: 'ok',
          status: 'waitcode',
          users: [{ userId: '10001' }],
        },
      });
      return true;
    }
    if (op?.operation === UserOperationType.RealNameVerification) {
      peer.send(ComMsgType.MsgTUserOpRet, {
        userOpRet: {
          operation: UserOperationType.SetUserInfo,
          result: 'ok',
          status: 'ok',
          users: [{ userId: '10001' }],
        },
      });
      return true;
    }
    return false;
  });
}
