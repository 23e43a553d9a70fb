import { createMemoryKeyStore, type KeyStore } from '@birdtalk/crypto';
import { QueryDataType } from '@birdtalk/proto';
import { flushEventLoop } from '@birdtalk/runtime/testing';
import type { Connector, Transport } from '@birdtalk/transport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, p2p } from '../src/index.js';
import { durableStore, until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  ({ world, ada, bob } = await worldWith('ada', 'bob'));
});

afterEach(() => world.close());

function texts(seen: readonly ChatMessage[]): string[] {
  return seen.map((m) => m.text);
}

describe('exactly once across failures', () => {
  it.each([11, 23, 42])(
    'two bots talk across dropped connections and swallowed acknowledgements, losing and repeating nothing (seed %i)',
    async (seed) => {
      const fast = { session: { reconnectBaseMs: 100, reconnectCapMs: 500, resendDelayMs: 200 } };
      const alice = world.client(ada, fast);
      const bobby = world.client(bob, fast);
      const toAlice: ChatMessage[] = [];
      const toBob: ChatMessage[] = [];
      alice.on('message', (m) => {
        toAlice.push(m);
      });
      // Bob answers every message, and takes a while doing it.
      bobby.on('message', async (m) => {
        toBob.push(m);
        await bobby.reply(m, m.text.replace('ping', 'pong'));
      });
      const disconnects = bobby.record('disconnected');
      const aliceDisconnects = alice.record('disconnected');
      await world.drive(Promise.all([alice.start(), bobby.start()]));
      world.server.faults.set({ dropProbability: 0.04, swallowAckProbability: 0.2, seed });
      const count = 40;
      for (let i = 0; i < count; i += 1) await world.drive(alice.sendText(p2p(bob), `ping ${i}`), 20);
      await world.drive(
        (async () => {
          while (toAlice.length < count) await flushEventLoop(1);
        })(),
        20,
      );
      world.server.faults.clear();
      await world.clock.advance(5_000);
      const expected = (word: string) => Array.from({ length: count }, (_, i) => `${word} ${i}`);
      expect(texts(toBob)).toEqual(expected('ping'));
      expect(texts(toAlice)).toEqual(expected('pong'));
      expect(new Set(toAlice.map((m) => m.id)).size).toBe(count);
      // The faults did bite (connections dropped, acknowledgements went missing), yet the history lookup before
      // every resend kept the server from storing any message twice.
      expect(disconnects.length).toBeGreaterThan(0);
      expect(aliceDisconnects.length).toBeGreaterThan(0);
      const stored = world.server.getMessages(ada).filter((row) => row.fromId === ada).length;
      const storedByBob = world.server.getMessages(bob).filter((row) => row.fromId === bob).length;
      expect(stored + storedByBob).toBe(2 * count);
    },
  );

  it('does not deliver a re-pushed message twice (the sender ran a receipt query)', async () => {
    const alice = world.client(ada);
    const bobby = world.client(bob, { receiptDelayMs: 60_000 });
    const seen: ChatMessage[] = [];
    bobby.on('message', (m) => {
      seen.push(m);
    });
    await world.drive(Promise.all([alice.start(), bobby.start()]), 10);
    const sent = await world.drive(alice.sendText(p2p(bob), 'once'), 10);
    await until(() => seen.length === 1);
    // No receipt yet (bob batches for a minute): the receipt query makes the server push it again.
    await world.drive(
      alice.session.query({ queryType: QueryDataType.QueryDataTypeChatReply, synType: 0, littleId: 1 }),
      10,
    );
    await flushEventLoop(5);
    await world.clock.advance(61_000);
    expect(seen.map((m) => m.id)).toEqual([sent.id]);
    const receipts = bobby.sent.filter((m) => m.plainMsg?.message === 'chatReply');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.plainMsg?.message === 'chatReply' && receipts[0].plainMsg.chatReply.msgId).toBe(
      sent.id,
    );
  });

  it('dead-letters a message whose handler keeps failing, passes it, and never redelivers it', async () => {
    const store = durableStore();
    const alice = world.client(ada);
    const first = world.client(bob, { handlerRetries: 2 }, { store });
    let attempts = 0;
    first.on('message', (m) => {
      if (m.text === 'poison') {
        attempts += 1;
        throw new Error('cannot handle this');
      }
    });
    const dead = first.record('dead-letter');
    const handledAfter: string[] = [];
    first.on('message', (m) => {
      handledAfter.push(m.text);
    });
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(alice.sendText(p2p(bob), 'poison'));
    await world.drive(alice.sendText(p2p(bob), 'fine'));
    await world.drive(
      (async () => {
        while (handledAfter.length < 2 || dead.length < 1) await flushEventLoop(1);
      })(),
    );
    expect(attempts).toBe(3);
    expect(dead.map((d) => [d.message.text, d.attempts])).toEqual([['poison', 3]]);
    await world.drive(first.stop());
    const second = world.client(bob, { catchUp: 'all' }, { store });
    const again: string[] = [];
    second.on('message', (m) => {
      again.push(m.text);
    });
    await world.drive(second.start());
    await world.clock.advance(1_000);
    expect(again).toEqual([]);
  });

  it('redelivers after a restart what a stopped bot had not finished handling', async () => {
    const store = durableStore();
    const alice = world.client(ada);
    const first = world.client(bob, {}, { store });
    first.on('message', () => new Promise(() => {}));
    await world.drive(Promise.all([alice.start(), first.start()]));
    await world.drive(alice.sendText(p2p(bob), 'unfinished'));
    await until(() => first.session.state === 'ready');
    await flushEventLoop(5);
    await world.drive(first.stop({ drainTimeoutMs: 100 }));
    const second = world.client(bob, {}, { store });
    const seen: ChatMessage[] = [];
    second.on('message', (m) => {
      seen.push(m);
    });
    const done = second.once('catch-up', { filter: (e) => e.phase === 'done' });
    await world.drive(second.start());
    await world.drive(done);
    expect(seen.map((m) => [m.text, m.catchingUp])).toEqual([['unfinished', true]]);
  });

  it('resends after a restart what the last run queued and the server never stored', async () => {
    const store = durableStore();
    const first = world.client(ada, {}, { store });
    const bobby = world.client(bob);
    const seen: ChatMessage[] = [];
    bobby.on('message', (m) => {
      seen.push(m);
    });
    await world.drive(Promise.all([first.start(), bobby.start()]));
    // The connection dies on the chat frame itself: the server never handles it.
    world.server.faults.set({ dropProbability: 1 });
    void first.sendText(p2p(bob), 'queued').catch(() => {});
    await flushEventLoop(5);
    await world.drive(first.stop({ drainTimeoutMs: 100 }));
    world.server.faults.clear();
    expect((await store.loadOutbox()).length).toBe(1);
    expect(world.server.getMessages(ada).filter((row) => row.fromId === ada)).toHaveLength(0);
    const second = world.client(ada, {}, { store });
    const states = second.record('message-state');
    await world.drive(second.start());
    await until(() => seen.length >= 1, 'the resent message');
    await world.clock.advance(2_000);
    expect(texts(seen)).toEqual(['queued']);
    expect(states.map((s) => s.state)).toContain('sent');
    expect(world.server.getMessages(ada).filter((row) => row.fromId === ada)).toHaveLength(1);
  });

  it('after a restart, finds stored what the last run sent to a silent server, and does not send it again', async () => {
    const store = durableStore();
    const first = world.client(ada, {}, { store });
    await world.drive(first.start());
    // The server stores the chat but answers nothing.
    world.server.faults.set({ silent: true });
    void first.sendText(p2p(bob), 'queued').catch(() => {});
    await flushEventLoop(5);
    await world.drive(first.stop({ drainTimeoutMs: 100 }));
    world.server.faults.clear();
    expect((await store.loadOutbox()).length).toBe(1);
    const second = world.client(ada, {}, { store });
    const states = second.record('message-state');
    await world.drive(second.start());
    await until(() => second.session.outboxSize === 0, 'the outbox to settle');
    await world.clock.advance(2_000);
    expect(states.map((s) => s.state)).toContain('sent');
    expect(await store.loadOutbox()).toEqual([]);
    // Stored once: bob finds it in his catch-up.
    expect(world.server.getMessages(ada).filter((row) => row.fromId === ada)).toHaveLength(1);
    const bobby = world.client(bob, { catchUp: 'all' });
    const seen: ChatMessage[] = [];
    bobby.on('message', (m) => {
      seen.push(m);
    });
    await world.drive(bobby.start());
    await until(() => seen.length >= 1, 'the catch-up');
    expect(texts(seen)).toEqual(['queued']);
  });

  it('delivers what the catch-up fetches before a live message that arrived while a re-login was finishing', async () => {
    // Bob's connections go through a gate the test opens, and each of them runs a key exchange (the key store
    // forgets), after which the session saves the key again bound to the user: holding that save keeps a new
    // connection logged in on the server but not yet ready in the client.
    let connectGate: Promise<void> = Promise.resolve();
    let openConnect!: () => void;
    const transports: Transport[] = [];
    const connector: Connector = async (url, options) => {
      await connectGate;
      const transport = await world.server.connector()(url, options);
      transports.push(transport);
      return transport;
    };
    const keys = createMemoryKeyStore();
    let saves = 0;
    let releaseSave!: () => void;
    const saveHeld = new Promise<void>((resolve) => {
      releaseSave = resolve;
    });
    const keyStore: KeyStore = {
      load: async () => undefined,
      remove: (url, account) => keys.remove(url, account),
      async save(key) {
        saves += 1;
        if (saves === 4) await saveHeld;
        await keys.save(key);
      },
    };
    const alice = world.client(ada);
    const bobby = world.client(bob, {}, { keyStore, connector });
    const seen: ChatMessage[] = [];
    bobby.on('message', (m) => {
      seen.push(m);
    });
    await world.drive(Promise.all([alice.start(), bobby.start()]));
    expect(saves).toBe(2);
    connectGate = new Promise<void>((resolve) => {
      openConnect = resolve;
    });
    transports.at(-1)!.terminate();
    await until(() => bobby.session.state !== 'ready', 'the drop');
    await world.drive(alice.sendText(p2p(bob), 'while bob was away'));
    openConnect();
    await world.drive(
      (async () => {
        while (saves < 4) await flushEventLoop(1);
      })(),
      10,
    );
    expect(world.server.sessionCount(bob)).toBe(1);
    // Pushed at once to the logged-in connection, before the client's catch-up has begun.
    await world.drive(alice.sendText(p2p(bob), 'live'));
    await flushEventLoop(10);
    releaseSave();
    await world.drive(
      (async () => {
        while (seen.length < 2) await flushEventLoop(1);
      })(),
    );
    // In order and once each: the catch-up fetches both (the live copy waited, and is a duplicate by then).
    await world.clock.advance(1_000);
    expect(texts(seen)).toEqual(['while bob was away', 'live']);
  });
});
