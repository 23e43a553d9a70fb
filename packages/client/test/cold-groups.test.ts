import { ChatType, type Msg } from '@birdtalk/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, createMemoryStore, group, type Store } from '../src/index.js';
import {
  createWorld,
  recordingConnector,
  requestsOf,
  type TestClient,
  until,
  type World,
} from './harness.js';

// After a restart, the real server's first access to a group whose member hash Redis lost sees the group
// without members: it refuses that one chat or query with "not a member", and the next access is served.
// The reference server reproduces it with `coldLoad`.

let world: World;
let ada: string;
let bob: string;
let groupId: string;

beforeEach(async () => {
  world = await createWorld();
  ada = await world.user('ada');
  bob = await world.user('bob');
  groupId = await world.server.createGroup({ owner: ada, members: [bob], groupName: 'news' });
});

afterEach(async () => {
  await world.close();
});

const groupLists = (client: TestClient) => requestsOf(client.sent).filter((p) => p === 'groupOp').length;

function inbox(client: TestClient): ChatMessage[] {
  const seen: ChatMessage[] = [];
  client.on('message', (message) => {
    seen.push(message);
  });
  return seen;
}

describe('a group the server has just loaded cold', () => {
  it('a refused send is re-checked with the group list, sent once more, and later sends go through', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const toBob = inbox(bobby);
    await world.drive(Promise.all([alice.start(), bobby.start()]));
    const listsBefore = groupLists(alice);
    world.server.coldLoad([groupId]);

    const sent = await world.drive(alice.sendText(group(groupId), 'after the restart'));
    expect(groupLists(alice)).toBe(listsBefore + 1);
    await world.drive(alice.sendText(group(groupId), 'and again'));
    await until(() => toBob.length === 2, 'both messages');
    expect(toBob.map((message) => message.text)).toEqual(['after the restart', 'and again']);
    expect(toBob[0]?.id).toBe(sent.id);
    expect(world.server.getGroupMessages(groupId)).toHaveLength(2);
  });

  it('a send refused again after the re-check fails with CHAT_NOT_GROUP_MEMBER, in its message state too', async () => {
    // The group goes cold before every chat reaches it: the send and its one resend are both refused.
    const frames = new ColdBeforeEveryChat(() => world.server.coldLoad([groupId]));
    const alice = world.client(ada, {}, { connector: recordingConnector(world.server.connector(), frames) });
    const states = alice.record('message-state');
    await world.drive(alice.start());
    await expect(world.drive(alice.sendText(group(groupId), 'refused twice'))).rejects.toMatchObject({
      code: 'CHAT_NOT_GROUP_MEMBER',
    });
    expect(frames.chats).toBe(2);
    expect(states.map((s) => [s.state, s.error?.code])).toEqual([
      ['sending', undefined],
      ['failed', 'CHAT_NOT_GROUP_MEMBER'],
    ]);
  });

  it('a refused send holds the later sends of its group: the server stores them in the order they were made', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    world.server.coldLoad([groupId]);
    // Made at once: the first reaches the cold group and is refused; the others must not overtake its resend.
    const texts = ['first', 'second', 'third', 'fourth'];
    const sent = await world.drive(Promise.all(texts.map((text) => alice.sendText(group(groupId), text))));
    const rows = world.server.getGroupMessages(groupId);
    expect(rows.map((row) => new TextDecoder().decode(row.data))).toEqual(texts);
    expect(sent.map((message) => message.id)).toEqual(rows.map((row) => row.msgId));
  });

  it('a refused history query during the catch-up is re-checked and asked again: nothing is missed', async () => {
    const store: Store = { ...createMemoryStore(), close: async () => {} };
    const alice = world.client(ada);
    const first = world.client(bob, {}, { store });
    const toFirst = inbox(first);
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(alice.sendText(group(groupId), 'before'));
    await until(() => toFirst.length === 1, 'the first message');
    await world.drive(first.stop());
    await world.drive(alice.sendText(group(groupId), 'while away'));

    // The group goes cold just before the catch-up asks for its history (as when the group list failed).
    const frames = new ColdBeforeQuery(() => world.server.coldLoad([groupId]));
    const second = world.client(
      bob,
      {},
      { store, connector: recordingConnector(world.server.connector(), frames) },
    );
    const toSecond = inbox(second);
    await world.drive(second.start());
    expect(frames.cooled).toBe(true);
    await until(() => toSecond.length === 1, 'the message sent while away');
    expect(toSecond.map((message) => message.text)).toEqual(['while away']);
    await world.drive(second.sendText(group(groupId), 'still a member'));
  });
});

/** A frame log that calls `cool` once, just before the first group history query goes out. */
class ColdBeforeQuery extends Array<Msg> {
  readonly #cool: () => void;
  cooled = false;

  constructor(cool: () => void) {
    super();
    this.#cool = cool;
  }

  override push(...items: Msg[]): number {
    for (const msg of items) {
      const query = msg.plainMsg?.message === 'commonQuery' ? msg.plainMsg.commonQuery : undefined;
      if (!this.cooled && query?.chatType === ChatType.ChatTypeGroup) {
        this.cooled = true;
        this.#cool();
      }
    }
    return super.push(...items);
  }
}

/** A frame log that calls `cool` just before each group chat goes out. */
class ColdBeforeEveryChat extends Array<Msg> {
  readonly #cool: () => void;
  chats = 0;

  constructor(cool: () => void) {
    super();
    this.#cool = cool;
  }

  override push(...items: Msg[]): number {
    for (const msg of items) {
      if (
        msg.plainMsg?.message === 'chatData' &&
        msg.plainMsg.chatData?.chatType === ChatType.ChatTypeGroup
      ) {
        this.chats += 1;
        this.#cool();
      }
    }
    return super.push(...items);
  }
}
