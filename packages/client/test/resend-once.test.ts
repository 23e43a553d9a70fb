import { SynType } from '@birdtalk/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { group, p2p } from '../src/index.js';
import { durableStore, requestsOf, type TestClient, until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  ({ world, ada, bob } = await worldWith('ada', 'bob'));
});

afterEach(() => world.close());

const chats = (client: TestClient) => requestsOf(client.sent).filter((p) => p === 'chatData').length;
const storedFrom = (userId: string, to: string) =>
  world.server.getMessages(userId).filter((row) => row.fromId === userId && row.toId === to);

describe('a chat whose acknowledgement was lost is not stored twice', () => {
  it('the server stored it and said nothing: the history lookup finds it, and it is never resent', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    world.server.faults.set({ swallowAckProbability: 1 });
    const sending = alice.sendText(p2p(bob), 'said once');
    await until(() => storedFrom(ada, bob).length === 1, 'the chat to be stored');
    world.server.faults.clear();
    const sent = await world.drive(sending);
    const rows = storedFrom(ada, bob);
    expect(rows).toHaveLength(1);
    expect(sent.id).toBe(rows[0]!.msgId);
    expect(chats(alice)).toBe(1);
  });

  it('the connection dropped between stored and acknowledged: after the reconnect, one stored copy', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    world.server.faults.set({ swallowAckProbability: 1 });
    const sending = alice.sendText(p2p(bob), 'stored, then the line went dead');
    await until(() => storedFrom(ada, bob).length === 1, 'the chat to be stored');
    // The connection drops before any acknowledgement: the next frame the server reads ends it.
    world.server.faults.set({ dropProbability: 1 });
    const reconnected = new Promise<void>((resolve) => {
      alice.session.on('reconnecting', () => resolve());
    });
    await world.drive(reconnected);
    world.server.faults.clear();
    await world.drive(sending);
    expect(storedFrom(ada, bob)).toHaveLength(1);
    expect(chats(alice)).toBe(1);
  });

  it('a chat an earlier run sent without an acknowledgement is looked up, not resent, after a restart', async () => {
    const store = durableStore();
    const first = world.client(ada, {}, { store });
    await world.drive(first.start());
    world.server.faults.set({ swallowAckProbability: 1 });
    first.sendText(p2p(bob), 'sent just before the process stopped').catch(() => {});
    await until(() => storedFrom(ada, bob).length === 1, 'the chat to be stored');
    await world.drive(first.stop({ drainTimeoutMs: 0 }));
    world.server.faults.clear();
    expect(await store.loadOutbox()).toHaveLength(1);

    const second = world.client(ada, {}, { store });
    await world.drive(second.start());
    await until(() => second.session.outboxSize === 0, 'the outbox to settle');
    expect(chats(second)).toBe(0);
    expect(storedFrom(ada, bob)).toHaveLength(1);
    expect(await store.loadOutbox()).toEqual([]);
  });

  it('also in a group: the lookup reads the group history', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    const created = await world.drive(alice.groups.create({ name: 'once-only' }));
    world.server.faults.set({ swallowAckProbability: 1 });
    const sending = alice.sendText(group(created.groupId), 'group message said once');
    await until(() => world.server.getGroupMessages(created.groupId).length === 1, 'the chat to be stored');
    world.server.faults.clear();
    await world.drive(sending);
    expect(world.server.getGroupMessages(created.groupId)).toHaveLength(1);
  });

  it('a group that went cold refuses the lookup once: that says nothing, the lookup asks again and finds it', async () => {
    const alice = world.client(ada);
    const groupId = await world.server.createGroup({ owner: ada, members: [bob], groupName: 'cold' });
    await world.drive(alice.start());
    const sentBefore = alice.sent.length;
    world.server.faults.set({ swallowAckProbability: 1 });
    const sending = alice.sendText(group(groupId), 'group message said once, cold or not');
    await until(() => world.server.getGroupMessages(groupId).length === 1, 'the chat to be stored');
    // As after a restart of the real server: the next access to the group sees no members, once.
    world.server.coldLoad([groupId]);
    world.server.faults.clear();
    const sent = await world.drive(sending);
    const rows = world.server.getGroupMessages(groupId);
    expect(rows).toHaveLength(1);
    expect(sent.id).toBe(rows[0]!.msgId);
    expect(chats(alice)).toBe(1);
    // The lookup (a backward query of the group's history) was refused, then asked again and served.
    const lookups = alice.sent
      .slice(sentBefore)
      .filter(
        (msg) =>
          msg.plainMsg?.message === 'commonQuery' &&
          msg.plainMsg.commonQuery.groupId === groupId &&
          msg.plainMsg.commonQuery.synType === SynType.SynTypeBackward,
      );
    expect(lookups).toHaveLength(2);
  });
});
