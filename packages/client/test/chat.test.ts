import { ChatMsgType } from '@birdtalk/proto';
import { flushEventLoop } from '@birdtalk/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ChatMessage,
  ClientErrorCode,
  group,
  imageContent,
  p2p,
  type SentMessage,
} from '../src/index.js';
import { requestsOf, type TestClient, until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;
let cy: string;

beforeEach(async () => {
  ({ world, ada, bob, cy } = await worldWith('ada', 'bob', 'cy'));
});

afterEach(() => world.close());

function inbox(client: TestClient): ChatMessage[] {
  const seen: ChatMessage[] = [];
  client.on('message', (message) => {
    seen.push(message);
  });
  return seen;
}

async function started(...clients: TestClient[]): Promise<void> {
  await world.drive(Promise.all(clients.map((client) => client.start())));
}

async function stateOf(client: TestClient, sent: SentMessage, state: string): Promise<void> {
  await world.drive(
    (async () => {
      while (client.messageState(sent.id) !== state) await flushEventLoop(1);
    })(),
    10,
  );
}

describe('P2P chat', () => {
  it('has each message in state sent, by its id and its sendId, the moment its send resolves', async () => {
    const alice = world.client(ada);
    await started(alice);
    const states: string[] = [];
    const sends = ['one', 'two', 'three'].map((text) =>
      alice.sendText(p2p(bob), text).then((sent) => {
        states.push(`${alice.messageState(sent.id)}/${alice.messageState(sent.sendId)}`);
        return sent;
      }),
    );
    await world.drive(Promise.all(sends));
    expect(states).toEqual(['sent/sent', 'sent/sent', 'sent/sent']);
  });

  it('goes both ways, once each, with delivery receipts moving the sender states on', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const toBob = inbox(bobby);
    const toAlice = inbox(alice);
    const aliceStates = alice.record('message-state');
    const receipts = alice.record('receipt');
    await started(alice, bobby);
    const hello = await world.drive(alice.sendText(p2p(bob), 'hello bob'));
    await until(() => toBob.length === 1, 'bob receives');
    const answer = await world.drive(bobby.reply(toBob[0]!, 'hello ada'));
    await until(() => toAlice.length === 1, 'ada receives');
    expect(toBob.map((m) => [m.id, m.text, m.from, m.chat])).toEqual([
      [hello.id, 'hello bob', ada, p2p(ada)],
    ]);
    expect(toAlice.map((m) => [m.id, m.text, m.quote, m.chat])).toEqual([
      [answer.id, 'hello ada', hello.id, p2p(bob)],
    ]);
    await stateOf(alice, hello, 'delivered');
    expect(
      aliceStates.filter((s) => s.id === hello.id || s.sendId === hello.sendId).map((s) => s.state),
    ).toEqual(['sending', 'sent', 'delivered']);
    expect(receipts.map((r) => [r.ids, r.by, r.readAt])).toEqual([[[hello.id], bob, undefined]]);
    expect(world.server.getMessages(ada).find((row) => row.msgId === hello.id)?.recvTm).toBeGreaterThan(0);
  });

  it('marks messages read, batched per sender, and the sender sees read', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const toBob = inbox(bobby);
    await started(alice, bobby);
    const sent = [];
    for (const text of ['one', 'two', 'three']) sent.push(await world.drive(alice.sendText(p2p(bob), text)));
    await until(() => toBob.length === 3, 'three messages');
    const before = bobby.sent.length;
    await world.drive(bobby.markRead(toBob));
    const receiptFrames = bobby.sent
      .slice(before)
      .filter((m) => m.plainMsg?.message === 'chatReply' && m.plainMsg.chatReply.readOk !== '0');
    expect(receiptFrames).toHaveLength(1);
    const frame = receiptFrames[0]!;
    expect(frame.plainMsg?.message === 'chatReply' && frame.plainMsg.chatReply.params).toEqual({
      gid: '0',
      batch: sent.map((s) => s.id).join(','),
    });
    for (const message of sent) await stateOf(alice, message, 'read');
  });

  it('batches automatic delivery receipts for several messages from one sender', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob, { receiptDelayMs: 500 });
    const toBob = inbox(bobby);
    await started(alice, bobby);
    await world.drive(Promise.all(['a', 'b'].map((text) => alice.sendText(p2p(bob), text))), 5);
    await until(() => toBob.length === 2);
    await world.drive(
      (async () => {
        while (!bobby.sent.some((m) => m.plainMsg?.message === 'chatReply')) await flushEventLoop(1);
      })(),
      100,
    );
    const receipts = bobby.sent.filter((m) => m.plainMsg?.message === 'chatReply');
    expect(receipts).toHaveLength(1);
    expect(
      receipts[0]?.plainMsg?.message === 'chatReply' && receipts[0].plainMsg.chatReply.params.batch,
    ).toBe(toBob.map((m) => m.id).join(','));
  });

  it('sends no receipts when autoReceipts is off', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob, { autoReceipts: false });
    const toBob = inbox(bobby);
    await started(alice, bobby);
    await world.drive(alice.sendText(p2p(bob), 'no receipt please'));
    await until(() => toBob.length === 1);
    await world.clock.advance(5_000);
    expect(requestsOf(bobby.sent).filter((p) => p === 'chatReply')).toEqual([]);
  });

  it('turns a refusal into a typed error (the peer does not follow us)', async () => {
    const stranger = await world.server.createUser({ userName: 'stranger', password: 'pw' });
    const alice = world.client(ada);
    const states = alice.record('message-state');
    await started(alice);
    await expect(world.drive(alice.sendText(p2p(stranger), 'hi'))).rejects.toMatchObject({
      name: 'ProtocolError',
      code: 'CHAT_NOT_FRIEND',
    });
    expect(states.map((s) => s.state)).toEqual(['sending', 'failed']);
  });

  it('sends media content built with the content helpers', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const toBob = inbox(bobby);
    await started(alice, bobby);
    const content = imageContent({ ref: '20250101_abc.png', name: 'cat.png', mime: 'image/png', size: 10 });
    await world.drive(alice.send(p2p(bob), content));
    await until(() => toBob.length === 1);
    expect(toBob[0]?.kind).toBe('image');
    expect(toBob[0]?.attachment?.ref).toBe('20250101_abc.png');
  });
});

describe('recall', () => {
  it('recalls a sent message; the peer gets a recall event, not a message', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const toBob = inbox(bobby);
    const recalls = bobby.record('recall');
    await started(alice, bobby);
    const sent = await world.drive(alice.sendText(p2p(bob), 'oops'));
    await until(() => toBob.length === 1);
    await world.drive(alice.recall(sent));
    await until(() => recalls.length === 1, 'the recall');
    expect(recalls[0]).toMatchObject({ id: sent.id, by: ada, chat: p2p(ada), catchingUp: false });
    expect(toBob).toHaveLength(1);
    expect(world.server.getMessages(bob).find((row) => row.msgId === sent.id)?.status).toBe(5);
  });

  it('needs the chat for a bare id, and says when the target does not exist', async () => {
    const alice = world.client(ada);
    await started(alice);
    await expect(alice.recall('12345')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(world.drive(alice.recall('12345', p2p(bob)))).rejects.toMatchObject({
      code: ClientErrorCode.CHAT_REF_NOT_FOUND,
    });
  });
});

describe('group chat', () => {
  it('goes both ways among members, with no receipts, and a non-member is refused before sending', async () => {
    const groupId = await world.server.createGroup({
      owner: ada,
      members: [bob],
      params: { jointype: 'direct' },
    });
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const cyrus = world.client(cy);
    const toBob = inbox(bobby);
    const toAlice = inbox(alice);
    await started(alice, bobby, cyrus);
    const first = await world.drive(alice.sendText(group(groupId), 'hi group'));
    await until(() => toBob.length === 1);
    await world.drive(bobby.reply(toBob[0]!, 'hi ada'));
    await until(() => toAlice.length === 1);
    expect(toBob[0]).toMatchObject({ id: first.id, chat: group(groupId), from: ada, to: groupId });
    expect(toAlice[0]).toMatchObject({ chat: group(groupId), from: bob, quote: first.id });
    await world.clock.advance(2_000);
    expect(requestsOf(bobby.sent).filter((p) => p === 'chatReply')).toEqual([]);
    expect(alice.messageState(first.id)).toBe('sent');
    const before = cyrus.sent.length;
    await expect(cyrus.sendText(group(groupId), 'let me in')).rejects.toMatchObject({
      name: 'InvalidArgumentError',
      code: ClientErrorCode.NOT_GROUP_MEMBER,
    });
    expect(cyrus.sent.length).toBe(before);
  });

  it('follows membership: joining through the groups API, and being invited (a group event)', async () => {
    const groupId = await world.server.createGroup({
      owner: ada,
      members: [],
      params: { jointype: 'direct' },
    });
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const cyrus = world.client(cy);
    const toAlice = inbox(alice);
    const cyEvents = cyrus.record('group');
    await started(alice, bobby, cyrus);
    await expect(bobby.sendText(group(groupId), 'early')).rejects.toMatchObject({
      code: ClientErrorCode.NOT_GROUP_MEMBER,
    });
    await world.drive(bobby.groups.join(groupId));
    await world.drive(bobby.sendText(group(groupId), 'joined'));
    await world.drive(alice.session.groupOp({ operation: 5, group: { groupId }, members: [{ userId: cy }] }));
    await until(() => cyEvents.length > 0, 'the invitation reaches cy');
    await world.drive(cyrus.sendText(group(groupId), 'invited'));
    await until(() => toAlice.length === 2);
    expect(toAlice.map((m) => m.text)).toEqual(['joined', 'invited']);
  });
});

describe('self chat and own messages', () => {
  it('delivers our messages from another device only with includeOwnMessages, never our own sends', async () => {
    const bot = world.client(ada, { includeOwnMessages: true });
    const phone = world.client(ada);
    const botSees = inbox(bot);
    const phoneSees = inbox(phone);
    await started(bot, phone);
    const fromPhone = await world.drive(phone.sendText(p2p(ada), 'note to self'));
    const fromBot = await world.drive(bot.sendText(p2p(bob), 'bot to bob'));
    await until(() => botSees.length === 1, 'the bot sees the phone message');
    await world.clock.advance(1_000);
    expect(botSees.map((m) => [m.id, m.own, m.chat])).toEqual([[fromPhone.id, true, p2p(ada)]]);
    // The phone client (default options) sees neither its own self chat nor the bot's send.
    expect(phoneSees).toEqual([]);
    expect(fromBot.id).toBeDefined();
    // No receipts for our own copies.
    expect(requestsOf(bot.sent).filter((p) => p === 'chatReply')).toEqual([]);
  });

  it('goes both ways in self chat between two devices that include own messages', async () => {
    const bot = world.client(ada, { includeOwnMessages: true });
    const laptop = world.client(ada, { includeOwnMessages: true });
    const botSees = inbox(bot);
    const laptopSees = inbox(laptop);
    await started(bot, laptop);
    const one = await world.drive(laptop.sendText(p2p(ada), 'from the laptop'));
    const two = await world.drive(bot.sendText(p2p(ada), 'from the bot'));
    await until(() => botSees.length === 1 && laptopSees.length === 1, 'both devices');
    await world.clock.advance(1_000);
    expect(botSees.map((m) => [m.id, m.text, m.chat])).toEqual([[one.id, 'from the laptop', p2p(ada)]]);
    expect(laptopSees.map((m) => [m.id, m.text, m.chat])).toEqual([[two.id, 'from the bot', p2p(ada)]]);
  });
});

describe('bad input', () => {
  it('is refused before anything is sent', async () => {
    const alice = world.client(ada, { maxTextBytes: 16, maxUploadBytes: 1_000 });
    await started(alice);
    const before = alice.sent.length;
    const big = new Uint8Array(1_001);
    const attempts: Array<[Promise<unknown>, string]> = [
      [alice.sendText(p2p(bob), 'x'.repeat(17)), ClientErrorCode.TEXT_TOO_LONG],
      [alice.sendText({ type: 'p2p', userId: '' }, 'empty id'), 'INVALID_ID'],
      [alice.sendText({ type: 'group', groupId: '' }, 'empty id'), 'INVALID_ID'],
      [alice.files.upload(big, { name: 'big.bin' }), 'FILE_TOO_LARGE'],
      [alice.media.sendFile(p2p(bob), big, { name: 'big.bin' }), 'FILE_TOO_LARGE'],
      [alice.media.sendImage(p2p(bob), big, { name: 'big.png' }), 'FILE_TOO_LARGE'],
      [
        alice.media.sendVoice(p2p(bob), new Uint8Array(20_000), { name: 'v.ogg', durationMs: 1 }),
        'FILE_TOO_LARGE',
      ],
      [alice.files.upload(new Uint8Array(0), { name: 'empty.bin' }), 'INVALID_FILE'],
      [
        alice.media.sendFile({ type: 'group', groupId: '99999' }, new Uint8Array(3), { name: 'a.txt' }),
        ClientErrorCode.NOT_GROUP_MEMBER,
      ],
      [alice.sendText(p2p(bob), 'bad \ud800 text'), ClientErrorCode.INVALID_UTF8],
      [alice.sendText({ type: 'p2p', userId: '0' }, 'zero'), 'INVALID_ID'],
      [alice.sendText({ type: 'p2p', userId: '-5' }, 'negative'), 'INVALID_ID'],
      [alice.sendText({ type: 'p2p', userId: 'abc' }, 'text'), 'INVALID_ID'],
      [alice.sendText({ type: 'group', groupId: '99999' }, 'not mine'), ClientErrorCode.NOT_GROUP_MEMBER],
      [
        alice.send(p2p(bob), { type: ChatMsgType.DELETE, data: new Uint8Array(0) }),
        ClientErrorCode.INVALID_CONTENT,
      ],
      [alice.send(p2p(bob), { type: 0 } as never), ClientErrorCode.INVALID_CONTENT],
      [alice.send({ type: 'room' } as never, 'hi'), 'INVALID_ARGUMENT'],
      [alice.sendText(p2p(bob), 'quote', { quote: '0' }), 'INVALID_ID'],
      [alice.markRead([]).then(() => alice.recall('1')), 'INVALID_ARGUMENT'],
    ];
    for (const [attempt, code] of attempts) await expect(attempt).rejects.toMatchObject({ code });
    await world.clock.advance(1_000);
    expect(requestsOf(alice.sent.slice(before))).toEqual([]);
    expect(world.server.getMessages(ada)).toEqual([]);
  });
});

describe('history', () => {
  it('pages backwards through a P2P conversation, newest first, from any point', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    await started(alice, bobby);
    const ids: string[] = [];
    for (let i = 0; i < 230; i += 1) ids.push((await world.drive(alice.sendText(p2p(bob), `m${i}`), 1)).id);
    await world.drive(alice.sendText(p2p(cy), 'elsewhere'), 1);
    const seen: string[] = [];
    const queries = () => requestsOf(bobby.sent).filter((p) => p === 'commonQuery').length;
    const before = queries();
    await world.drive(
      (async () => {
        for await (const message of bobby.history(p2p(ada))) seen.push(message.text);
      })(),
    );
    expect(seen).toEqual(ids.map((_, i) => `m${229 - i}`));
    expect(queries() - before).toBe(3);
    const older: string[] = [];
    await world.drive(
      (async () => {
        for await (const message of bobby.history(p2p(ada), { before: ids[5]! })) older.push(message.text);
      })(),
    );
    expect(older).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('pages through a group, and stops when the signal aborts', async () => {
    const groupId = await world.server.createGroup({
      owner: ada,
      members: [bob],
      params: { jointype: 'direct' },
    });
    const alice = world.client(ada);
    await started(alice);
    for (let i = 0; i < 5; i += 1) await world.drive(alice.sendText(group(groupId), `g${i}`), 1);
    const seen: string[] = [];
    const abort = new AbortController();
    await world.drive(
      (async () => {
        for await (const message of alice.history(group(groupId), { signal: abort.signal })) {
          seen.push(message.text);
          if (seen.length === 2) abort.abort();
        }
      })(),
    );
    expect(seen).toEqual(['g4', 'g3']);
  });

  it('refuses the history of a group we are not in', async () => {
    const groupId = await world.server.createGroup({
      owner: ada,
      members: [],
      params: { jointype: 'direct' },
    });
    const cyrus = world.client(cy);
    await started(cyrus);
    const iterate = (async () => {
      for await (const _ of cyrus.history(group(groupId))) {
        // nothing
      }
    })();
    await expect(world.drive(iterate)).rejects.toMatchObject({ code: ClientErrorCode.HISTORY_NOT_MEMBER });
  });
});
