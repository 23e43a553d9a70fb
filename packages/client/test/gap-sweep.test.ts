import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, group, p2p } from '../src/index.js';
import { createWorld, durableStore, type TestClient, until, type World } from './harness.js';

/** The depth of the real server's send queue, which the reference server's stalled-reader fault keeps. */
const REAL_SEND_QUEUE_LIMIT = 128;

let world: World;

beforeEach(async () => {
  world = await createWorld();
});

afterEach(async () => {
  await world.close();
});

function inbox(client: TestClient): ChatMessage[] {
  const seen: ChatMessage[] = [];
  client.on('message', (message) => {
    seen.push(message);
  });
  return seen;
}

/** Texts `prefix 0` … `prefix count-1`. */
function texts(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} ${i}`);
}

/**
 * Two senders each put 70 chats to bob in flight while bob reads nothing: 140 pushes, of which the server's
 * send queue keeps the first 128 and drops the rest, as the real server's `SendMessage` does. (The senders send
 * with `chatsInOrder: false`, so a burst goes out at once rather than one chat per acknowledgement.)
 */
async function overflowBobsQueue(bob: TestClient, senders: readonly TestClient[], bobId: string) {
  world.server.faults.set({ readerStalled: true });
  const sends = senders.flatMap((sender, n) =>
    texts(`s${n}`, 70).map((text) => sender.sendText(p2p(bobId), text)),
  );
  // Every chat reached the server (and its push bob's queue) before the reader recovers.
  await until(() => world.server.getMessages(bobId).length === 140, 'the chats to be stored');
  expect(world.server.faults.dropped).toBe(140 - REAL_SEND_QUEUE_LIMIT);
  world.server.faults.clear();
  await world.drive(Promise.all(sends));
  return bob;
}

describe('pushes the server dropped while the connection stayed up', () => {
  it('are fetched by the periodic sweep, once, without a reconnect; flagged late after newer ones', async () => {
    const [bobId, s0Id, s1Id] = [await world.user('bob'), await world.user('s0'), await world.user('s1')];
    const bob = world.client(bobId);
    const senders = [s0Id, s1Id].map((id) =>
      world.client(id, { session: { maxFramesInFlight: 100, chatsInOrder: false } }),
    );
    const seen = inbox(bob);
    const disconnects = bob.record('disconnected');
    const sweeps = bob.record('gap-sweep');
    await world.drive(Promise.all([bob.start(), ...senders.map((sender) => sender.start())]));

    await overflowBobsQueue(bob, senders, bobId);
    await until(() => seen.length === REAL_SEND_QUEUE_LIMIT, 'the queued pushes');
    // Newer messages of both chats come live before the sweep.
    await world.drive(Promise.all(senders.map((sender, n) => sender.sendText(p2p(bobId), `after ${n}`))));
    await until(() => seen.length === REAL_SEND_QUEUE_LIMIT + 2, 'the newer messages');
    expect(sweeps).toEqual([]);

    // The default interval is 60 s, give or take 10 %.
    await world.drive(bob.once('gap-sweep', { filter: (event) => event.delivered > 0 }), 1_000, 70);
    expect(disconnects).toEqual([]);
    const byText = new Map(seen.map((message) => [message.text, message]));
    expect(seen).toHaveLength(142);
    expect(byText.size).toBe(142);
    const recovered = seen.slice(REAL_SEND_QUEUE_LIMIT + 2);
    expect(recovered).toHaveLength(140 - REAL_SEND_QUEUE_LIMIT);
    expect(recovered.every((message) => message.catchingUp && message.late)).toBe(true);
    expect(seen.slice(0, REAL_SEND_QUEUE_LIMIT + 2).some((message) => message.late)).toBe(false);
    // Within each chat, the messages that are not late came in the order they were sent.
    for (const n of [0, 1]) {
      const inTime = seen.filter((m) => m.text.startsWith(`s${n} `) && !m.late).map((m) => m.text);
      expect(inTime).toEqual(texts(`s${n}`, 70).slice(0, inTime.length));
    }
    expect(sweeps[0]).toMatchObject({ reason: 'interval', delivered: 12, complete: true });
    // Later sweeps find nothing new, and nothing comes twice.
    await world.clock.advance(5 * 66_000);
    await until(() => sweeps.length >= 5, 'more sweeps');
    expect(seen).toHaveLength(142);
    expect(sweeps.slice(1).every((event) => event.delivered === 0)).toBe(true);
  });

  it('stay lost until the next login with the periodic sweep off (sweepIntervalMs: 0), which fetches them', async () => {
    const [bobId, s0Id, s1Id] = [await world.user('bob'), await world.user('s0'), await world.user('s1')];
    const store = durableStore();
    const bob = world.client(bobId, { sweepIntervalMs: 0 }, { store });
    const senders = [s0Id, s1Id].map((id) =>
      world.client(id, { session: { maxFramesInFlight: 100, chatsInOrder: false } }),
    );
    const seen = inbox(bob);
    await world.drive(Promise.all([bob.start(), ...senders.map((sender) => sender.start())]));
    await overflowBobsQueue(bob, senders, bobId);
    await until(() => seen.length === REAL_SEND_QUEUE_LIMIT, 'the queued pushes');
    // Newer messages are handled live: they must not move the stored positions past the dropped ones.
    await world.drive(Promise.all(senders.map((sender, n) => sender.sendText(p2p(bobId), `after ${n}`))));
    await until(() => seen.length === REAL_SEND_QUEUE_LIMIT + 2, 'the newer messages');
    await world.drive(
      new Promise<void>((resolve) => world.clock.setTimeout(() => resolve(), 10 * 60_000)),
      1_000,
      700,
    );
    expect(seen).toHaveLength(REAL_SEND_QUEUE_LIMIT + 2);
    await world.drive(bob.stop());

    const again = world.client(bobId, { sweepIntervalMs: 0 }, { store });
    const fetched = inbox(again);
    const done = again.once('catch-up', { filter: (event) => event.phase === 'done' });
    await world.drive(again.start());
    await world.drive(done);
    // Exactly the dropped ones: what was handled before is recognised and skipped.
    expect(fetched).toHaveLength(140 - REAL_SEND_QUEUE_LIMIT);
    const all = new Set([...seen, ...fetched].map((message) => message.text));
    expect(all.size).toBe(142);
  });

  it('cost at most sweepMaxQueries queries each, and reach every group of a bot in many groups in turn', async () => {
    const [bobId, adaId] = [await world.user('bob'), await world.user('ada')];
    const groupIds: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      groupIds.push(
        await world.server.createGroup({ owner: adaId, members: [bobId], params: { jointype: 'direct' } }),
      );
    }
    const bob = world.client(bobId, { sweepIntervalMs: 30_000, sweepMaxQueries: 4 });
    const sweeps = bob.record('gap-sweep');
    await world.drive(bob.start());
    const queriesBefore = queriesOf(bob).length;
    const startedAt = world.clock.now();
    const times: number[] = [];
    bob.on('gap-sweep', () => {
      times.push(world.clock.now() - startedAt);
    });
    await world.drive(
      until(() => sweeps.length === 4, 'four sweeps', 100_000),
      1_000,
      200,
    );
    const swept = queriesOf(bob).slice(queriesBefore);
    // Each sweep: the P2P stream and three groups; four sweeps reach all twelve groups.
    expect(swept).toHaveLength(16);
    expect(sweeps.map((event) => event.queries)).toEqual([4, 4, 4, 4]);
    expect(sweeps.every((event) => event.reason === 'interval' && !event.complete)).toBe(true);
    expect(swept.filter((query) => query === 'p2p')).toHaveLength(4);
    expect(new Set(swept.filter((query) => query !== 'p2p'))).toEqual(new Set(groupIds));
    // Jittered around the interval: each gap between 27 and 33 s (the driver steps 1 s at a time).
    const gaps = times.map((time, i) => time - (times[i - 1] ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(27_000);
      expect(gap).toBeLessThanOrEqual(34_000);
    }
    expect(new Set(gaps).size).toBeGreaterThan(1);
  });

  it('find a group message whose push was dropped', async () => {
    const [bobId, adaId] = [await world.user('bob'), await world.user('ada')];
    const groupId = await world.server.createGroup({
      owner: adaId,
      members: [bobId],
      params: { jointype: 'direct' },
    });
    const bob = world.client(bobId);
    const ada = world.client(adaId);
    const seen = inbox(bob);
    await world.drive(Promise.all([bob.start(), ada.start()]));
    // Only the push goes: the server's dice drop every frame while the fault is on (ada's ack included, so
    // her send settles through her session's recovery).
    world.server.faults.set({ dropOutboundProbability: 1 });
    const sending = ada.sendText(group(groupId), 'dropped');
    await until(() => world.server.getGroupMessages(groupId).length === 1, 'the message to be stored');
    world.server.faults.clear();
    await world.drive(sending.catch(() => undefined));
    await world.drive(bob.once('gap-sweep', { filter: (event) => event.delivered > 0 }), 1_000, 200);
    expect(seen.map((message) => [message.text, message.catchingUp])).toEqual([['dropped', true]]);
  });
});

/** The history queries a client sent, as `p2p` or the group id. */
function queriesOf(client: TestClient): string[] {
  return client.sent
    .filter((msg) => msg.plainMsg?.message === 'commonQuery')
    .map((msg) => {
      const query = msg.plainMsg?.message === 'commonQuery' ? msg.plainMsg.commonQuery : undefined;
      return query?.chatType === 2 ? String(query.groupId) : 'p2p';
    });
}
