import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, type GroupEvent, group } from '../src/index.js';
import { durableStore, type TestClient, until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  ({ world, ada, bob } = await worldWith('ada', 'bob'));
});

afterEach(() => world.close());

function texts(client: TestClient): string[] {
  const seen: string[] = [];
  client.on('message', (message: ChatMessage) => {
    seen.push(message.text);
  });
  return seen;
}

async function catchUpDone(client: TestClient): Promise<void> {
  await world.drive(client.once('catch-up', { filter: (event) => event.phase === 'done' }));
}

describe('groups the client created or joined itself', () => {
  it('created: the stream has its position at once, a group event is emitted, and messages posted while away are caught up', async () => {
    const store = durableStore();
    const first = world.client(bob, {}, { store });
    const events: GroupEvent[] = first.record('group');
    await world.drive(first.start());
    const created = await world.drive(first.groups.create({ name: 'made by bob' }));
    const stream = `group:${created.groupId}`;
    expect((await store.loadPositions()).has(stream)).toBe(true);
    expect(events.map((event) => [event.kind, event.groupId, event.membership])).toEqual([
      ['group-created', created.groupId, 'joined'],
    ]);
    await world.drive(first.stop());

    const alice = world.client(ada);
    await world.drive(alice.start());
    await world.drive(alice.groups.join(created.groupId));
    await world.drive(alice.sendText(group(created.groupId), 'while bob was away'));

    const second = world.client(bob, {}, { store });
    const seen = texts(second);
    const done = catchUpDone(second);
    await world.drive(second.start());
    await done;
    expect(seen).toEqual(['while bob was away']);
  });

  it('joined: the stream starts at the newest message at the join, a group event is emitted, and messages posted while away are caught up', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    const created = await world.drive(alice.groups.create({ name: 'public' }));
    await world.drive(alice.sendText(group(created.groupId), 'before bob joined'));

    const store = durableStore();
    const first = world.client(bob, {}, { store });
    const events: GroupEvent[] = first.record('group');
    const firstSeen = texts(first);
    await world.drive(first.start());
    await world.drive(first.groups.join(created.groupId));
    expect((await store.loadPositions()).has(`group:${created.groupId}`)).toBe(true);
    await until(() => events.length === 1, 'the group event');
    expect(events.map((event) => [event.kind, event.groupId, event.membership])).toEqual([
      ['members-joined', created.groupId, 'joined'],
    ]);
    await world.drive(first.stop());
    await world.drive(alice.sendText(group(created.groupId), 'while bob was away'));

    const second = world.client(bob, {}, { store });
    const seen = texts(second);
    const done = catchUpDone(second);
    await world.drive(second.start());
    await done;
    expect([...firstSeen, ...seen]).toEqual(['while bob was away']);
  });
});
