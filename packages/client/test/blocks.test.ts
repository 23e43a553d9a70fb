import type { BirdTalkError } from '@birdtalk/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockListKey } from '../src/block-list.js';
import { ClientErrorCode, FeatureErrorCode, p2p } from '../src/index.js';
import { durableStore, requestsOf, type TestClient, until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  ({ world, ada, bob } = await worldWith('ada', 'bob'));
});

afterEach(() => world.close());

const chats = (client: TestClient) => requestsOf(client.sent).filter((p) => p === 'chatData').length;

describe('the block list', () => {
  it('survives a restart: follow() refuses a blocked user until unblock()', async () => {
    const store = durableStore();
    const first = world.client(ada, {}, { store });
    await world.drive(first.start());
    await world.drive(first.friends.block(bob));
    expect(await first.friends.blocked()).toEqual([bob]);
    await world.drive(first.stop());

    // A new process on the same store: the server cannot say whom ada blocked, the store can.
    const second = world.client(ada, {}, { store });
    await world.drive(second.start());
    expect(await second.friends.isBlocked(bob)).toBe(true);
    await expect(world.drive(second.friends.follow(bob))).rejects.toMatchObject({
      code: FeatureErrorCode.REFUSED_FOLLOW_BLOCKED,
    });
    expect(await world.drive(second.friends.isFollowing(bob))).toBe(false);

    await world.drive(second.friends.unblock(bob));
    expect(await second.friends.blocked()).toEqual([]);
    expect(await world.drive(second.friends.follow(bob))).toMatchObject({ status: 'following' });
  });

  it('is kept per account, in the key/value part of the store', async () => {
    const store = durableStore();
    const alice = world.client(ada, {}, { store });
    await world.drive(alice.start());
    await world.drive(alice.friends.block(bob));
    expect(JSON.parse((await store.get(blockListKey(ada))) ?? 'null')).toEqual([bob]);
    expect(await store.get(blockListKey(bob))).toBeUndefined();
  });

  it('refuses a P2P send to a blocked user before anything is sent', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    await world.drive(alice.friends.block(bob));
    await expect(alice.sendText(p2p(bob), 'hello?')).rejects.toMatchObject({
      code: ClientErrorCode.RECIPIENT_BLOCKED,
    });
    expect(chats(alice)).toBe(0);
  });

  it('refuses a send to a user blocked in an earlier run, before and after the list was first read', async () => {
    const store = durableStore();
    await store.set(blockListKey(ada), JSON.stringify([bob]));
    const alice = world.client(ada, {}, { store });
    await world.drive(alice.start());
    // The first send reads the stored list; the next ones are answered from memory, without waiting.
    for (let i = 0; i < 2; i += 1) {
      await expect(alice.sendText(p2p(bob), 'hello?')).rejects.toMatchObject({
        code: ClientErrorCode.RECIPIENT_BLOCKED,
      });
    }
    expect(chats(alice)).toBe(0);
  });

  it('fails a chat still waiting in the outbox when its recipient gets blocked, and never resends it', async () => {
    const alice = world.client(ada);
    await world.drive(alice.start());
    // The server stores the chat but its acknowledgement is lost: the outbox would resend it.
    world.server.faults.set({ swallowAckProbability: 1 });
    const sending = alice.sendText(p2p(bob), 'a reply that should never arrive again');
    sending.catch(() => {});
    await until(() => chats(alice) === 1, 'the chat to go out');
    world.server.faults.clear();

    await world.drive(alice.friends.block(bob));
    await expect(sending).rejects.toMatchObject({ code: ClientErrorCode.RECIPIENT_BLOCKED });
    expect(alice.session.outboxSize).toBe(0);
    // Well past the outbox's resend delay: nothing went out again.
    await world.clock.advance(60_000);
    await until(() => true);
    expect(chats(alice)).toBe(1);
  });

  it('takes out only the blocked recipient’s chats: every one of them, and none to anybody else', async () => {
    const carol = await world.user('carol');
    const alice = world.client(ada);
    await world.drive(alice.start());
    world.server.faults.set({ swallowAckProbability: 1 });
    const toBob = [alice.sendText(p2p(bob), 'one'), alice.sendText(p2p(bob), 'two')];
    const toCarol = alice.sendText(p2p(carol), 'three');
    for (const sending of [...toBob, toCarol]) sending.catch(() => {});
    // One chat of each conversation goes out; bob's second waits behind his first.
    await until(() => chats(alice) === 2, 'a chat to each of them to go out');
    world.server.faults.clear();

    await world.drive(alice.friends.block(bob));
    for (const sending of toBob) {
      await expect(sending).rejects.toMatchObject({ code: ClientErrorCode.RECIPIENT_BLOCKED });
    }
    expect(alice.session.outboxSize).toBe(1);
    // Carol's chat is still waiting: its lost acknowledgement makes the outbox look it up and send it again.
    await world.clock.advance(60_000);
    await expect(toCarol).resolves.toMatchObject({ chat: p2p(carol) });
  });

  it('fails a chat an earlier run queued to a user blocked since, instead of resending it at start', async () => {
    const store = durableStore();
    const first = world.client(ada, {}, { store });
    await world.drive(first.start());
    world.server.faults.set({ swallowAckProbability: 1 });
    first.sendText(p2p(bob), 'queued when the process stopped').catch(() => {});
    await until(() => chats(first) === 1, 'the chat to go out');
    await world.drive(first.stop({ drainTimeoutMs: 0 }));
    world.server.faults.clear();
    expect(await store.loadOutbox()).toHaveLength(1);
    // Blocked by another device of the same account, or by an operator editing the store.
    await store.set(blockListKey(ada), JSON.stringify([bob]));

    const second = world.client(ada, {}, { store });
    const errors: BirdTalkError[] = [];
    second.on('error', (error) => {
      errors.push(error);
    });
    await world.drive(second.start());
    await world.clock.advance(60_000);
    await until(() => true);
    expect(chats(second)).toBe(0);
    expect(await store.loadOutbox()).toEqual([]);
    expect(errors.map((error) => error.code)).toEqual([ClientErrorCode.RECIPIENT_BLOCKED]);
  });
});
