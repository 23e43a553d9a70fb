import type { BirdTalkError } from '@birdtalk/errors';
import type { Logger } from '@birdtalk/runtime';
import { EventHub } from '@birdtalk/runtime';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { rawChat } from '../../test/raw-chat.js';
import type { ClientEvents } from '../events.js';
import type { ChatMessage } from '../message.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { DedupWindow } from './dedup.js';
import { type AcceptedMessage, Inbox } from './inbox.js';
import { Positions } from './positions.js';

const SELF = '20';
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function setup(
  options: {
    includeOwnMessages?: boolean;
    retries?: number;
    store?: Store;
    ownSends?: Set<string>;
    logger?: Logger;
    handlerTimeoutMs?: number;
    handling?: string[];
    maxBacklog?: number;
    onUnconfirmed?: (stream: string) => void;
  } = {},
) {
  const clock = new FakeClock();
  const hub = new EventHub<ClientEvents>(() => {});
  const store = options.store ?? createMemoryStore();
  const saved: Array<[string, string]> = [];
  const positions = new Positions(new Map(), (stream, position) => {
    saved.push([stream, position]);
    void store.savePosition(stream, position);
  });
  const accepted: AcceptedMessage[] = [];
  const backlogFull = { count: 0 };
  const errors: BirdTalkError[] = [];
  const inbox = new Inbox({
    hub,
    dedup: new DedupWindow(100),
    positions,
    store,
    handling: options.handling ?? [],
    maxQueuedMessages: options.maxBacklog ?? 10_000,
    maxHeldMessages: options.maxBacklog ?? 10_000,
    onBacklogFull: () => {
      backlogFull.count += 1;
    },
    clock,
    logger: options.logger ?? silent,
    selfId: () => SELF,
    includeOwnMessages: options.includeOwnMessages ?? false,
    isOwnSend: (id) => options.ownSends?.has(id) ?? false,
    handlerRetries: options.retries ?? 2,
    handlerRetryDelayMs: 100,
    handlerTimeoutMs: options.handlerTimeoutMs ?? 0,
    ...(options.onUnconfirmed === undefined ? {} : { onUnconfirmed: options.onUnconfirmed }),
    onAccepted: (message) => accepted.push(message),
    onError: (error) => errors.push(error),
  });
  return { clock, hub, store, positions, saved, accepted, errors, inbox, backlogFull };
}

describe('the inbox', () => {
  it('delivers a message once, whether it comes again by id, by re-push or as a resend', async () => {
    const { hub, inbox } = setup();
    const seen: string[] = [];
    hub.on('message', (message) => {
      seen.push(message.id);
    });
    const original = rawChat({ msgId: '100', sendId: '5' });
    inbox.ingest(original, 'live');
    await inbox.whenIdle();
    expect(inbox.ingest(original, 'repush')).toBe('duplicate');
    expect(inbox.ingest(original, 'catch-up')).toBe('duplicate');
    // The sender lost the acknowledgement and resent: a new msgId, same sendId and content.
    expect(inbox.ingest({ ...original, msgId: '101' }, 'live')).toBe('duplicate');
    // Same sendId from another device of the sender, different content: a different message.
    expect(inbox.ingest(rawChat({ msgId: '102', sendId: '5', data: new Uint8Array([1]) }), 'live')).toBe(
      'queued',
    );
    await inbox.whenIdle();
    expect(seen).toEqual(['100', '102']);
  });

  it('recognises a duplicate while the first copy is still being handled', async () => {
    const { hub, inbox } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    hub.on('message', async () => {
      calls += 1;
      await gate;
    });
    inbox.ingest(rawChat({ msgId: '1' }), 'live');
    expect(inbox.ingest(rawChat({ msgId: '1' }), 'catch-up')).toBe('duplicate');
    release();
    await inbox.whenIdle();
    expect(calls).toBe(1);
  });

  it('persists seen keys and the position only after every listener resolved', async () => {
    const { hub, inbox, saved, store } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let fast = false;
    hub.on('message', async () => {
      await gate;
    });
    hub.on('message', () => {
      fast = true;
    });
    inbox.ingest(rawChat({ msgId: '7' }), 'catch-up');
    await flushEventLoop();
    expect(fast).toBe(true);
    expect(saved).toEqual([]);
    expect(await store.loadSeen()).toEqual([]);
    release();
    await inbox.whenIdle();
    expect(saved).toEqual([['p2p', '7']]);
    expect((await store.loadSeen()).includes('m:7')).toBe(true);
    expect((await store.loadPositions()).get('p2p')).toBe('7');
  });

  it('keeps one chat in order while other chats go ahead, and holds the position behind a slow chat', async () => {
    const { hub, inbox, saved } = setup();
    const gates = new Map<string, () => void>();
    const order: string[] = [];
    hub.on('message', async (message) => {
      order.push(`start ${message.id}`);
      await new Promise<void>((resolve) => gates.set(message.id, resolve));
      order.push(`end ${message.id}`);
    });
    inbox.ingest(rawChat({ msgId: '1', fromId: '10' }), 'catch-up');
    inbox.ingest(rawChat({ msgId: '2', fromId: '11' }), 'catch-up');
    inbox.ingest(rawChat({ msgId: '3', fromId: '10' }), 'catch-up');
    await flushEventLoop();
    expect(order).toEqual(['start 1', 'start 2']);
    gates.get('2')!();
    await flushEventLoop();
    // 2 is done, but 1 is not: the position may not pass 1.
    expect(saved).toEqual([]);
    gates.get('1')!();
    await flushEventLoop();
    expect(order).toEqual(['start 1', 'start 2', 'end 2', 'end 1', 'start 3']);
    expect(saved.at(-1)).toEqual(['p2p', '2']);
    gates.get('3')!();
    await inbox.whenIdle();
    expect(saved.at(-1)).toEqual(['p2p', '3']);
  });

  it('retries a failing listener and dead-letters the message after the retries, then moves on', async () => {
    const { clock, hub, inbox, saved } = setup({ retries: 2 });
    const attempts: number[] = [];
    let okCalls = 0;
    hub.on('message', () => {
      attempts.push(clock.now());
      throw new Error('handler bug');
    });
    hub.on('message', () => {
      okCalls += 1;
    });
    const dead: ClientEvents['dead-letter'][] = [];
    hub.on('dead-letter', (event) => {
      dead.push(event);
    });
    inbox.ingest(rawChat({ msgId: '9' }), 'catch-up');
    await clock.advance(1_000);
    await inbox.whenIdle();
    expect(attempts).toHaveLength(3);
    expect(okCalls).toBe(1);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ event: 'message', attempts: 3 });
    expect((dead[0]!.error as Error).message).toBe('handler bug');
    expect(saved).toEqual([['p2p', '9']]);
    expect(inbox.ingest(rawChat({ msgId: '9' }), 'live')).toBe('duplicate');
  });

  it('keeps our own copies from the application but moves the position past them', async () => {
    const { hub, inbox, saved, accepted } = setup();
    const seen: string[] = [];
    hub.on('message', (message) => {
      seen.push(message.id);
    });
    expect(inbox.ingest(rawChat({ msgId: '5', fromId: SELF, toId: '10' }), 'catch-up')).toBe('skipped');
    expect(inbox.ingest(rawChat({ msgId: '6', fromId: SELF, toId: '10' }), 'live')).toBe('skipped');
    await inbox.whenIdle();
    expect(seen).toEqual([]);
    expect(saved).toEqual([['p2p', '5']]);
    expect(accepted).toEqual([]);
  });

  it('delivers our own messages from other devices with includeOwnMessages, never those this client sent', async () => {
    const { hub, inbox } = setup({ includeOwnMessages: true, ownSends: new Set(['6']) });
    const seen: Array<[string, boolean]> = [];
    hub.on('message', (message) => {
      seen.push([message.id, message.own]);
    });
    inbox.ingest(rawChat({ msgId: '5', fromId: SELF, toId: '10' }), 'live');
    inbox.ingest(rawChat({ msgId: '6', fromId: SELF, toId: '10' }), 'live');
    await inbox.whenIdle();
    expect(seen).toEqual([['5', true]]);
  });

  it('holds live messages during a catch-up and feeds them in after it', async () => {
    const { hub, inbox } = setup();
    const seen: Array<[string, boolean]> = [];
    hub.on('message', (message) => {
      seen.push([message.id, message.catchingUp]);
    });
    inbox.hold();
    expect(inbox.ingest(rawChat({ msgId: '3' }), 'live')).toBe('held');
    inbox.ingest(rawChat({ msgId: '1' }), 'catch-up');
    inbox.ingest(rawChat({ msgId: '2' }), 'catch-up');
    inbox.ingest(rawChat({ msgId: '3' }), 'catch-up');
    inbox.release();
    await inbox.whenCatchUpHandled();
    await inbox.whenIdle();
    expect(seen).toEqual([
      ['1', true],
      ['2', true],
      ['3', true],
    ]);
    expect(inbox.catchUpDelivered).toBe(3);
  });

  it('turns recall notices into recall events', async () => {
    const { hub, inbox } = setup();
    const recalls: ClientEvents['recall'][] = [];
    const messages: string[] = [];
    hub.on('recall', (event) => {
      recalls.push(event);
    });
    hub.on('message', (message) => {
      messages.push(message.id);
    });
    inbox.ingest(rawChat({ msgId: '8', msgType: 5, refMessageId: '7', data: new Uint8Array(0) }), 'live');
    await inbox.whenIdle();
    expect(messages).toEqual([]);
    expect(recalls).toHaveLength(1);
    expect(recalls[0]).toMatchObject({ id: '7', by: '10', chat: { type: 'p2p', userId: '10' } });
  });

  it('keeps group messages in their own stream', async () => {
    const { hub, inbox, saved } = setup();
    hub.on('message', () => {});
    inbox.ingest(rawChat({ msgId: '4', chatType: 2, toId: '77' }), 'catch-up');
    await inbox.whenIdle();
    expect(saved).toEqual([['group:77', '4']]);
  });

  it('moves the position past a live message only once a history page lists it, and flags a late one', async () => {
    const { hub, inbox, saved, positions } = setup();
    const seen: Array<[string, boolean, boolean]> = [];
    hub.on('message', (message) => {
      seen.push([message.id, message.catchingUp, message.late]);
    });
    inbox.ingest(rawChat({ msgId: '10' }), 'catch-up');
    await inbox.whenIdle();
    expect(saved).toEqual([['p2p', '10']]);
    // 30 comes live; the server dropped the push of 20, so nothing may move the position past 20 yet.
    inbox.ingest(rawChat({ msgId: '30' }), 'live');
    await inbox.whenIdle();
    expect(saved).toEqual([['p2p', '10']]);
    expect(positions.unconfirmed('p2p')).toBe(1);
    expect(positions.lag('p2p')).toBe(1);
    // A page from position 10 lists 20 (new, late in its chat) and 30 (handled already).
    expect(inbox.ingest(rawChat({ msgId: '20' }), 'catch-up')).toBe('queued');
    expect(inbox.ingest(rawChat({ msgId: '30' }), 'catch-up')).toBe('duplicate');
    await inbox.whenIdle();
    expect(seen).toEqual([
      ['10', true, false],
      ['30', false, false],
      ['20', true, true],
    ]);
    expect(saved.at(-1)).toEqual(['p2p', '30']);
    expect(positions.unconfirmed('p2p')).toBe(0);
    // Another chat's older message is not late: order is per chat.
    inbox.ingest(rawChat({ msgId: '25', fromId: '11', sendId: '9' }), 'live');
    await inbox.whenIdle();
    expect(seen.at(-1)).toEqual(['25', false, false]);
  });

  it('asks for a sweep once a stream has half the backlog bound in live messages no page has listed', async () => {
    const asked: string[] = [];
    const { hub, inbox } = setup({ maxBacklog: 4, onUnconfirmed: (stream) => asked.push(stream) });
    hub.on('message', () => {});
    inbox.ingest(rawChat({ msgId: '1', chatType: 2, toId: '77' }), 'live');
    await inbox.whenIdle();
    expect(asked).toEqual([]);
    inbox.ingest(rawChat({ msgId: '2', chatType: 2, toId: '77' }), 'live');
    await inbox.whenIdle();
    expect(asked).toEqual(['group:77']);
  });

  it('warns once when messages arrive with no listener (they count as handled)', async () => {
    const warnings: string[] = [];
    const t = setup({
      logger: {
        ...silent,
        warn: (message: string) => {
          warnings.push(message);
        },
      },
    });
    t.inbox.ingest(rawChat({ msgId: '1' }), 'live');
    t.inbox.ingest(rawChat({ msgId: '2' }), 'live');
    await t.inbox.whenIdle();
    expect(warnings).toEqual(['a message arrived with no message listener; it counts as handled']);
  });

  it('drops messages with invalid ids with an error, never a crash', () => {
    const { inbox, errors } = setup();
    expect(inbox.ingest(rawChat({ msgId: '0' }), 'live')).toBe('invalid');
    expect(inbox.ingest(rawChat({ msgId: '5', fromId: '' }), 'live')).toBe('invalid');
    expect(errors).toHaveLength(2);
  });

  it('tells about every message from someone else, duplicate or not (for receipts)', async () => {
    const { inbox, accepted } = setup();
    inbox.ingest(rawChat({ msgId: '1' }), 'live');
    await inbox.whenIdle();
    inbox.ingest(rawChat({ msgId: '1' }), 'repush');
    expect(accepted.map((m) => [m.raw.msgId, m.arrival, m.duplicate])).toEqual([
      ['1', 'live', false],
      ['1', 'repush', true],
    ]);
  });

  it('on close drops what waits without marking it seen, and lets running handlers finish', async () => {
    const { hub, inbox, saved } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handled: string[] = [];
    hub.on('message', async (message) => {
      await gate;
      handled.push(message.id);
    });
    inbox.ingest(rawChat({ msgId: '1' }), 'catch-up');
    inbox.ingest(rawChat({ msgId: '2' }), 'catch-up');
    await flushEventLoop();
    inbox.close();
    expect(inbox.ingest(rawChat({ msgId: '3' }), 'live')).toBe('closed');
    release();
    await inbox.whenIdle();
    expect(handled).toEqual(['1']);
    expect(saved).toEqual([['p2p', '1']]);
  });

  it('gives up on a listener that never settles after handlerTimeoutMs: its signal aborts, the message is dead-lettered, the chat moves on', async () => {
    const { clock, hub, inbox, saved } = setup({ handlerTimeoutMs: 5_000 });
    const signals: AbortSignal[] = [];
    const handled: string[] = [];
    hub.on('message', async (message) => {
      signals.push(message.signal);
      if (message.id === '1') await new Promise(() => {});
      handled.push(message.id);
    });
    const dead: unknown[] = [];
    hub.on('dead-letter', (event) => {
      dead.push(event.error);
    });
    inbox.ingest(rawChat({ msgId: '1' }), 'catch-up');
    inbox.ingest(rawChat({ msgId: '2' }), 'catch-up');
    await flushEventLoop();
    expect(handled).toEqual([]);
    await clock.advance(4_999);
    expect(signals[0]!.aborted).toBe(false);
    await clock.advance(1);
    await inbox.whenIdle();
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toMatchObject({ name: 'TimeoutError', code: 'TIMEOUT' });
    expect(dead).toEqual([signals[0]!.reason]);
    expect(handled).toEqual(['2']);
    expect(signals[1]!.aborted).toBe(false);
    expect(saved.at(-1)).toEqual(['p2p', '2']);
  });

  it('times a listener out from the start of its delivery, also when it reads its signal late or never', async () => {
    const { clock, hub, inbox } = setup({ handlerTimeoutMs: 5_000 });
    const late: AbortSignal[] = [];
    hub.on('message', async (message) => {
      if (message.id === '1') {
        // Reads the signal only 3 s in: it still aborts 5 s after the delivery began.
        await new Promise<void>((resolve) => clock.setTimeout(() => resolve(), 3_000));
        late.push(message.signal);
      }
      // Message 2's listener never reads it, and never settles: the delivery still ends at 5 s.
      await new Promise(() => {});
    });
    const dead: string[] = [];
    hub.on('dead-letter', (event) => {
      dead.push(event.message.id);
    });
    inbox.ingest(rawChat({ msgId: '1' }), 'live');
    inbox.ingest(rawChat({ msgId: '2' }), 'live');
    await flushEventLoop();
    await clock.advance(3_000);
    expect(late[0]!.aborted).toBe(false);
    await clock.advance(1_999);
    expect(late[0]!.aborted).toBe(false);
    await clock.advance(1);
    expect(late[0]!.reason).toMatchObject({ name: 'TimeoutError' });
    await clock.advance(5_000);
    await inbox.whenIdle();
    expect(dead).toEqual(['1', '2']);
  });

  it("aborts a signal first read after the client gave up on the message, and one read after its delivery ended doesn't abort", async () => {
    const { hub, inbox } = setup({ handlerTimeoutMs: 5_000 });
    const kept: ChatMessage[] = [];
    let release!: () => void;
    hub.on('message', async (message) => {
      kept.push(message);
      if (message.id === '1') await new Promise<void>((resolve) => (release = resolve));
    });
    inbox.ingest(rawChat({ msgId: '2', fromId: '11' }), 'live');
    await inbox.whenIdle();
    inbox.ingest(rawChat({ msgId: '1' }), 'live');
    await flushEventLoop();
    inbox.abandon();
    expect(kept[1]!.signal.aborted).toBe(true);
    // Message 2's delivery was over before: its signal, first read now, is not aborted.
    expect(kept[0]!.signal.aborted).toBe(false);
    release();
  });

  it('hands a listener the next message of its own chat through a waiter, instead of queueing it behind the listener', async () => {
    const { hub, inbox, saved } = setup();
    const answers: string[] = [];
    const handled: string[] = [];
    hub.on('message', async (message) => {
      handled.push(message.text);
      if (message.text !== 'question') return;
      const answer = await new Promise<string>((resolve, reject) => {
        inbox.addWaiter({
          accepts: (next) => next.from === message.from,
          take: (next) => {
            resolve(next.text);
            return true;
          },
          closed: () => reject(new Error('closed')),
        });
      });
      answers.push(answer);
    });
    inbox.ingest(rawChat({ msgId: '1', data: new TextEncoder().encode('question') }), 'catch-up');
    await flushEventLoop();
    expect(inbox.ingest(rawChat({ msgId: '2', data: new TextEncoder().encode('answer') }), 'catch-up')).toBe(
      'taken',
    );
    await inbox.whenIdle();
    expect(answers).toEqual(['answer']);
    // The listeners never saw the taken message; both count as handled.
    expect(handled).toEqual(['question']);
    expect(saved.at(-1)).toEqual(['p2p', '2']);
  });

  it('serves a new waiter from the messages already queued, oldest first, and closes waiters when it closes', async () => {
    const { hub, inbox } = setup();
    let release!: () => void;
    hub.on('message', async (message) => {
      if (message.id === '1') await new Promise<void>((resolve) => (release = resolve));
    });
    inbox.ingest(rawChat({ msgId: '1' }), 'live');
    inbox.ingest(rawChat({ msgId: '2' }), 'live');
    inbox.ingest(rawChat({ msgId: '3' }), 'live');
    await flushEventLoop();
    const taken: string[] = [];
    const waiter = {
      accepts: () => true,
      take: (message: { id: string }) => taken.push(message.id) > 0,
      closed: () => {
        taken.push('closed');
      },
    };
    inbox.addWaiter(waiter);
    await flushEventLoop();
    expect(taken).toEqual(['2']);
    expect(inbox.load).toBe(2);
    inbox.close();
    inbox.addWaiter(waiter);
    expect(taken).toEqual(['2', 'closed']);
    release();
    await inbox.whenIdle();
  });

  it("writes a message's handling mark before a listener sees it, and addSeen clears it once handled", async () => {
    const { hub, inbox, store } = setup();
    const marksDuringHandling: string[][] = [];
    hub.on('message', async () => {
      marksDuringHandling.push([...(await store.loadHandling())]);
    });
    inbox.ingest(rawChat({ msgId: '5' }), 'live');
    inbox.ingest(rawChat({ msgId: '6', fromId: '11' }), 'live');
    await inbox.whenIdle();
    await flushEventLoop();
    expect(marksDuringHandling.map((marks) => marks.includes('m:5') || marks.includes('m:6'))).toEqual([
      true,
      true,
    ]);
    expect(await store.loadHandling()).toEqual([]);
  });

  /** Runs `count` messages of one chat through an inbox whose store marks `markAhead` ahead; records the writes. */
  async function markedRun(markAhead: number | undefined, count: number) {
    const memory = createMemoryStore();
    const writes: string[][] = [];
    const store: Store = {
      ...memory,
      ...(markAhead === undefined ? {} : { markAhead }),
      markHandling: (keys) => {
        writes.push([...keys]);
        return memory.markHandling(keys);
      },
    };
    const { hub, inbox } = setup({ store });
    const handled: string[] = [];
    // For each handled message: whether its own mark was written, and how many of the messages after it were.
    const ownMarked: boolean[] = [];
    const markedAhead: number[] = [];
    hub.on('message', (message) => {
      handled.push(message.id);
      const marked = new Set(writes.flat());
      ownMarked.push(marked.has(`m:${message.id}`));
      let ahead = 0;
      while (marked.has(`m:${Number(message.id) + ahead + 1}`)) ahead += 1;
      markedAhead.push(ahead);
    });
    for (let id = 1; id <= count; id += 1) inbox.ingest(rawChat({ msgId: String(id) }), 'catch-up');
    await inbox.whenIdle();
    expect(handled).toHaveLength(count);
    // Every message was marked exactly once, and its mark was written before its listener ran.
    expect(writes.flat().sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))).toEqual(
      handled.map((id) => `m:${id}`),
    );
    expect(ownMarked.every(Boolean)).toBe(true);
    return { writes, markedAhead, handled };
  }

  it('marks the next waiting message of a chat while one is handled, the marks of two messages per write', async () => {
    const { writes, markedAhead } = await markedRun(undefined, 40);
    // A message whose mark is written is handled at once, and the mark asked for meanwhile goes out with the
    // next message's: 21 writes for 40 messages, never more than one message ahead.
    expect(writes.map((keys) => keys.length)).toEqual([1, ...Array<number>(19).fill(2), 1]);
    expect(Math.max(...markedAhead)).toBeLessThanOrEqual(1);
  });

  it('keeps the marks of a chat written far ahead when a store that applies writes at once asks for it', async () => {
    const { writes, markedAhead, handled } = await markedRun(64, 200);
    // After the first message, the chat keeps its next 64 messages asked to be marked, and the inbox lets the
    // marks go out after every 16 messages handled in a row: when a listener runs, at least 48 of the messages
    // after it (or all that are left) already have their mark written, so the chat never waits for the store.
    const shortfalls = handled
      .slice(1)
      .filter((id, index) => markedAhead[index + 1]! < Math.min(48, 200 - Number(id)));
    expect(shortfalls).toEqual([]);
    expect(Math.max(...markedAhead)).toBeLessThanOrEqual(64);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(200 / 16) + 2);
  });

  it('lets a store whose writes wait for a flush write the records of each message before the next handler', async () => {
    const memory = createMemoryStore();
    // Like the file and SQLite stores: a write takes effect when the flush its first change queued runs.
    const written = new Set<string>();
    let queued: string[] = [];
    const flushSoon = () => {
      if (queued.length === 0) return;
      for (const key of queued.splice(0)) written.add(key);
    };
    const store: Store = {
      ...memory,
      appliesWritesAtOnce: false,
      markAhead: 64,
      addSeen: (keys, limit) => {
        if (queued.length === 0) queueMicrotask(flushSoon);
        queued = [...queued, ...keys];
        return memory.addSeen(keys, limit);
      },
    };
    const { hub, inbox } = setup({ store });
    const previousWritten: boolean[] = [];
    hub.on('message', (message) => {
      const previous = Number(message.id) - 1;
      if (previous >= 1) previousWritten.push(written.has(`m:${previous}`));
    });
    for (let id = 1; id <= 40; id += 1) inbox.ingest(rawChat({ msgId: String(id) }), 'catch-up');
    await inbox.whenIdle();
    expect(previousWritten).toHaveLength(39);
    expect(previousWritten.every(Boolean)).toBe(true);
  });

  it('flags as redelivered exactly the messages a previous run left marked', async () => {
    const { hub, inbox } = setup({ handling: ['m:5'] });
    const flags: Array<[string, boolean]> = [];
    hub.on('message', (message) => {
      flags.push([message.id, message.redelivered]);
    });
    inbox.ingest(rawChat({ msgId: '5' }), 'catch-up');
    inbox.ingest(rawChat({ msgId: '6' }), 'catch-up');
    await inbox.whenIdle();
    expect(flags).toEqual([
      ['5', true],
      ['6', false],
    ]);
  });

  it('hands a message to the listeners after all when its waiter gave up while the mark was written', async () => {
    const { hub, inbox } = setup();
    const heard: string[] = [];
    hub.on('message', (message) => {
      heard.push(message.id);
    });
    inbox.addWaiter({ accepts: () => true, take: () => false, closed: () => {} });
    expect(inbox.ingest(rawChat({ msgId: '8' }), 'live')).toBe('taken');
    await flushEventLoop();
    await inbox.whenIdle();
    expect(heard).toEqual(['8']);
  });

  it('holds live messages once the backlog is full, asks for a catch-up once, and drops beyond the bound', async () => {
    const { hub, inbox, backlogFull } = setup({ maxBacklog: 3 });
    hub.on('message', () => new Promise(() => {}));
    const results = Array.from({ length: 8 }, (_, i) =>
      inbox.ingest(rawChat({ msgId: String(i + 1), fromId: String(100 + i) }), 'live'),
    );
    expect(results).toEqual(['queued', 'queued', 'queued', 'held', 'held', 'held', 'dropped', 'dropped']);
    expect(backlogFull.count).toBe(1);
    expect(inbox.heldCount).toBe(3);
    expect(inbox.backlogFull).toBe(true);
    // Dropped messages are newer than what the running catch-up fetched: it must run again first.
    expect(inbox.release()).toBe(false);
    expect(inbox.heldCount).toBe(3);
    inbox.catchUpStarting();
    expect(inbox.release()).toBe(true);
    // Fed in while the backlog is still full: held again, and another catch-up asked for.
    expect(inbox.heldCount).toBe(3);
    expect(backlogFull.count).toBe(2);
  });

  it('counts a position lagging behind one slow chat as a full backlog', async () => {
    const { hub, inbox, backlogFull } = setup({ maxBacklog: 4 });
    hub.on('message', (message) => (message.from === '10' ? new Promise(() => {}) : undefined));
    inbox.ingest(rawChat({ msgId: '1', fromId: '10' }), 'live');
    for (let i = 2; i <= 4; i += 1) {
      expect(inbox.ingest(rawChat({ msgId: String(i), fromId: '11' }), 'live')).toBe('queued');
      await flushEventLoop();
    }
    expect(inbox.load).toBe(1);
    // The p2p position cannot pass message 1: 1 pending and 3 handled above it.
    expect(inbox.ingest(rawChat({ msgId: '5', fromId: '11' }), 'live')).toBe('held');
    expect(backlogFull.count).toBe(1);
  });
});
