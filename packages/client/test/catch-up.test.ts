import { flushEventLoop } from '@birdtalk/runtime/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, group, p2p } from '../src/index.js';
import { durableStore, requestsOf, type TestClient, until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  ({ world, ada, bob } = await worldWith('ada', 'bob'));
});

afterEach(() => world.close());

function inbox(client: TestClient): ChatMessage[] {
  const seen: ChatMessage[] = [];
  client.on('message', (message) => {
    seen.push(message);
  });
  return seen;
}

async function catchUpDone(client: TestClient): Promise<void> {
  await world.drive(client.once('catch-up', { filter: (event) => event.phase === 'done' }));
}

describe('offline catch-up', () => {
  it('delivers what arrived while the bot was stopped, once, in order, flagged catchingUp', async () => {
    const store = durableStore();
    const alice = world.client(ada);
    await world.drive(alice.start());
    const first = world.client(bob, {}, { store });
    const firstSeen = inbox(first);
    await world.drive(first.start());
    await world.drive(alice.sendText(p2p(bob), 'while online'));
    await until(() => firstSeen.length === 1);
    await world.drive(first.stop());

    const texts = Array.from({ length: 5 }, (_, i) => `offline ${i}`);
    for (const text of texts) await world.drive(alice.sendText(p2p(bob), text), 1);

    const second = world.client(bob, {}, { store });
    const seen = inbox(second);
    const catchUps = second.record('catch-up');
    const done = catchUpDone(second);
    await world.drive(second.start());
    await done;
    expect(seen.map((m) => [m.text, m.catchingUp])).toEqual(texts.map((text) => [text, true]));
    expect(catchUps.map((c) => c.phase)).toEqual(['start', 'done']);
    expect(catchUps[1]).toMatchObject({ phase: 'done', delivered: 5, complete: true });
    expect(second.catchingUp).toBe(false);
    // Delivery receipts went out for the fetched messages.
    await world.clock.advance(1_000);
    expect(world.server.getMessages(ada).filter((row) => row.recvTm > 0)).toHaveLength(6);
  });

  it('pages through a long backlog 100 at a time', async () => {
    const store = durableStore();
    const alice = world.client(ada);
    const first = world.client(bob, {}, { store });
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(first.stop());
    for (let i = 0; i < 250; i += 1) await world.drive(alice.sendText(p2p(bob), `n${i}`), 1);
    const second = world.client(bob, {}, { store });
    const seen = inbox(second);
    const done = catchUpDone(second);
    await world.drive(second.start());
    await done;
    expect(seen.map((m) => m.text)).toEqual(Array.from({ length: 250 }, (_, i) => `n${i}`));
    expect(requestsOf(second.sent).filter((p) => p === 'commonQuery')).toHaveLength(3);
  });

  it('catches up on groups too, from each group position', async () => {
    const groupId = await world.server.createGroup({
      owner: ada,
      members: [bob],
      params: { jointype: 'direct' },
    });
    const store = durableStore();
    const alice = world.client(ada);
    const first = world.client(bob, {}, { store });
    const firstSeen = inbox(first);
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(alice.sendText(group(groupId), 'g-online'));
    await until(() => firstSeen.length === 1);
    await world.drive(first.stop());
    await world.drive(alice.sendText(group(groupId), 'g-offline-1'), 1);
    await world.drive(alice.sendText(p2p(bob), 'p-offline'), 1);
    await world.drive(alice.sendText(group(groupId), 'g-offline-2'), 1);
    const second = world.client(bob, {}, { store });
    const seen = inbox(second);
    const done = catchUpDone(second);
    await world.drive(second.start());
    await done;
    expect(seen.map((m) => m.text)).toEqual(['p-offline', 'g-offline-1', 'g-offline-2']);
    expect(seen.every((m) => m.catchingUp)).toBe(true);
  });

  it('on the very first start skips old history by default', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    for (const text of ['old 1', 'old 2']) await world.drive(alice.sendText(p2p(bob), text), 1);
    const store = durableStore();
    const first = world.client(bob, {}, { store });
    const seen = inbox(first);
    const done = catchUpDone(first);
    await world.drive(first.start());
    await done;
    expect(seen).toEqual([]);
    await world.drive(first.stop());
    await world.drive(alice.sendText(p2p(bob), 'new'), 1);
    const second = world.client(bob, {}, { store });
    const later = inbox(second);
    const again = catchUpDone(second);
    await world.drive(second.start());
    await again;
    expect(later.map((m) => m.text)).toEqual(['new']);
  });

  it("replays all history on the very first start with catchUp: 'all'", async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    for (const text of ['old 1', 'old 2']) await world.drive(alice.sendText(p2p(bob), text), 1);
    const bobby = world.client(bob, { catchUp: 'all' });
    const seen = inbox(bobby);
    const done = catchUpDone(bobby);
    await world.drive(bobby.start());
    await done;
    expect(seen.map((m) => [m.text, m.catchingUp])).toEqual([
      ['old 1', true],
      ['old 2', true],
    ]);
  });

  it('with an empty history, still records a starting point so later offline messages are caught up', async () => {
    const store = durableStore();
    const first = world.client(bob, {}, { store });
    await world.drive(first.start());
    await world.drive(first.stop());
    expect((await store.loadPositions()).get('p2p')).toBe('0');
    const alice = world.client(ada);
    await world.drive(alice.start());
    await world.drive(alice.sendText(p2p(bob), 'first ever'));
    const second = world.client(bob, {}, { store });
    const seen = inbox(second);
    const done = catchUpDone(second);
    await world.drive(second.start());
    await done;
    expect(seen.map((m) => m.text)).toEqual(['first ever']);
  });

  it('holds live messages that arrive during the catch-up and delivers them after, once', async () => {
    const store = durableStore();
    const alice = world.client(ada);
    const first = world.client(bob, {}, { store });
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(first.stop());
    for (let i = 0; i < 3; i += 1) await world.drive(alice.sendText(p2p(bob), `backlog ${i}`), 1);
    const second = world.client(bob, {}, { store });
    const seen = inbox(second);
    // Send a live message the moment bob is logged in, while his catch-up queries are under way.
    second.on('ready', () => {
      void alice.sendText(p2p(bob), 'live during catch-up');
    });
    const done = catchUpDone(second);
    await world.drive(second.start());
    await done;
    await until(() => seen.length === 4, 'four messages');
    await world.clock.advance(1_000);
    expect(seen.map((m) => m.text)).toEqual(['backlog 0', 'backlog 1', 'backlog 2', 'live during catch-up']);
    expect(seen.map((m) => m.catchingUp)).toEqual([true, true, true, seen[3]?.catchingUp]);
  });

  it('resolves start() once the backlog is fetched, even while the iterator consumer waits for start()', async () => {
    const store = durableStore();
    const alice = world.client(ada);
    const first = world.client(bob, {}, { store });
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(first.stop());
    for (let i = 0; i < 3; i += 1) await world.drive(alice.sendText(p2p(bob), `it ${i}`), 1);
    const second = world.client(bob, {}, { store });
    const messages = second.messages();
    await world.drive(second.start());
    const texts: string[] = [];
    for await (const message of messages) {
      texts.push(message.text);
      if (texts.length === 3) break;
    }
    expect(texts).toEqual(['it 0', 'it 1', 'it 2']);
  });

  it('does not wait for an iterator that starts consuming after start(), however long the backlog', async () => {
    const store = durableStore();
    const alice = world.client(ada);
    const first = world.client(bob, {}, { store });
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(first.stop());
    for (let i = 0; i < 450; i += 1) await world.drive(alice.sendText(p2p(bob), `long ${i}`), 1);
    const second = world.client(bob, {}, { store });
    const messages = second.messages();
    await world.drive(second.start());
    const texts: string[] = [];
    await world.drive(
      (async () => {
        for await (const message of messages) {
          texts.push(message.text);
          if (texts.length === 450) break;
        }
      })(),
    );
    expect(texts).toEqual(Array.from({ length: 450 }, (_, i) => `long ${i}`));
  });

  it('catches up again after a reconnect, without delivering anything twice', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const seen = inbox(bobby);
    const catchUps = bobby.record('catch-up');
    await world.drive(Promise.all([alice.start(), bobby.start()]));
    await world.drive(alice.sendText(p2p(bob), 'before'));
    await until(() => seen.length === 1);
    world.server.faults.set({ dropAfterFrames: 1 });
    await world.drive(
      (async () => {
        while (bobby.session.state === 'ready') {
          await bobby.session.query({ chatType: 1, userId: ada, synType: 1 }).catch(() => {});
          await flushEventLoop(1);
        }
      })(),
    );
    world.server.faults.clear();
    await world.drive(alice.sendText(p2p(bob), 'while away'));
    await world.drive(
      bobby.once('catch-up', { filter: (event) => event.phase === 'done' && event.connection > 1 }),
    );
    await until(() => seen.length === 2, 'the message sent while away');
    expect(seen.map((m) => m.text)).toEqual(['before', 'while away']);
    expect(catchUps.filter((c) => c.phase === 'start').length).toBeGreaterThanOrEqual(2);
  });
});
