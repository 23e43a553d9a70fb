import { hasErrorName, isBirdTalkError, ProtocolError, StateError, TransportError } from '@birdtalk/errors';
import { ChatType } from '@birdtalk/proto';
import { silentLogger } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it, vi } from 'vitest';
import { SessionErrorCode } from './errors.js';
import { type ChatAck, createMemoryOutboxStore, Outbox, type OutboxEntry } from './outbox.js';

function setup(resendUnacknowledged = true, inOrder = true) {
  const clock = new FakeClock(1_000_000);
  const store = createMemoryOutboxStore();
  const acked: string[] = [];
  const failed: string[] = [];
  const outbox = new Outbox({
    clock,
    store,
    logger: silentLogger,
    deadlineMs: 120_000,
    resendUnacknowledged,
    resendDelayMs: 5_000,
    inOrder,
    onAcked: (ack) => acked.push(ack.sendId),
    onFailed: (sendId, error) => failed.push(`${sendId}:${error.code}`),
  });
  const entry = (sendId: string): OutboxEntry => ({
    sendId,
    chat: { sendId, toId: '2', chatType: 1 },
    createdAt: clock.now(),
  });
  const ack = (sendId: string): ChatAck => ({ sendId, msgId: '99', serverTime: '1', detail: 'save data ok' });
  return { clock, store, outbox, acked, failed, entry, ack };
}

/** Connects `outbox` with a sender written as a function returning the promise of its attempt. */
function connectPromised(outbox: Outbox, send: (entry: OutboxEntry) => Promise<ChatAck>): void {
  outbox.connected((entry, outcome) => {
    send(entry).then(
      (ack) => outcome.resolve(ack),
      (error: unknown) => outcome.reject(error),
    );
  });
}

describe('Outbox', () => {
  it('keeps each outbox’s chats its own: the first chat gives an outbox maps of its own', async () => {
    const first = setup();
    const second = setup();
    const pending = first.outbox.submit(first.entry('5'));
    await vi.waitFor(() => expect(first.outbox.size).toBe(1));
    expect(first.outbox.pendingIds).toEqual(['5']);
    expect(second.outbox.size).toBe(0);
    expect(second.outbox.pendingIds).toEqual([]);
    connectPromised(first.outbox, async (e) => first.ack(e.sendId));
    await expect(pending).resolves.toMatchObject({ sendId: '5' });
    expect(first.outbox.size).toBe(0);
  });

  it('sends when connected, resolves on the acknowledgement and forgets the entry', async () => {
    const { outbox, store, entry, ack, acked } = setup();
    const attempts: string[] = [];
    connectPromised(outbox, async (e) => {
      attempts.push(e.sendId);
      return ack(e.sendId);
    });
    await expect(outbox.submit(entry('5'))).resolves.toMatchObject({ sendId: '5', msgId: '99' });
    expect(attempts).toEqual(['5']);
    expect(acked).toEqual(['5']);
    expect(await store.load()).toEqual([]);
    expect(outbox.size).toBe(0);
  });

  it('keeps entries while disconnected and resends them, same sendId, on the next connection', async () => {
    const { outbox, entry, ack } = setup();
    const lost = new TransportError(SessionErrorCode.CONNECTION_LOST, 'gone');
    const seen: string[] = [];
    connectPromised(outbox, async (e) => {
      seen.push(`first:${e.sendId}`);
      throw lost;
    });
    const result = outbox.submit(entry('5'));
    await Promise.resolve();
    outbox.disconnected();
    expect(outbox.pendingIds).toEqual(['5']);
    connectPromised(outbox, async (e) => {
      seen.push(`second:${e.sendId}:${e.chat.sendId}`);
      return ack(e.sendId);
    });
    await expect(result).resolves.toMatchObject({ sendId: '5' });
    expect(seen).toEqual(['first:5', 'second:5:5']);
  });

  it('fails a chat that is not acknowledged before its deadline', async () => {
    const { outbox, clock, entry, failed, store } = setup();
    const result = outbox.submit(entry('5')).catch((e: unknown) => e);
    await clock.advance(119_999);
    expect(outbox.size).toBe(1);
    await clock.advance(1);
    const error = await result;
    expect(hasErrorName(error, 'TimeoutError')).toBe(true);
    expect((error as { details: { sendId: string } }).details.sendId).toBe('5');
    expect(failed).toEqual(['5:TIMEOUT']);
    await Promise.resolve();
    expect(await store.load()).toEqual([]);
  });

  it('keeps one timer for every deadline, and fails each chat at its own deadline', async () => {
    const { outbox, clock, entry, failed } = setup();
    const early = Array.from({ length: 50 }, (_, i) => outbox.submit(entry(`${i + 1}`)).catch(() => {}));
    await clock.advance(30_000);
    const late = outbox.submit(entry('100')).catch((e: unknown) => e);
    await Promise.resolve();
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(89_999);
    expect(outbox.size).toBe(51);
    await clock.advance(1);
    await Promise.all(early);
    expect(failed).toHaveLength(50);
    expect(outbox.pendingIds).toEqual(['100']);
    await clock.advance(29_999);
    expect(outbox.size).toBe(1);
    await clock.advance(1);
    expect(hasErrorName(await late, 'TimeoutError')).toBe(true);
    // Nothing left: no timer either.
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps the deadline timer when the outbox empties: the next chat arms none and still fails at its own deadline', async () => {
    const { outbox, clock, entry, ack, failed } = setup();
    let answer = true;
    connectPromised(outbox, async (e) => (answer ? ack(e.sendId) : new Promise<ChatAck>(() => {})));
    await outbox.submit(entry('1'));
    expect(outbox.size).toBe(0);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(60_000);
    answer = false;
    const late = outbox.submit(entry('2')).catch((e: unknown) => e);
    await Promise.resolve();
    expect(clock.pendingTimers).toBe(1);
    // The timer left for the first chat fires at its deadline, finds the second one not due, and re-arms.
    await clock.advance(60_000);
    expect(outbox.size).toBe(1);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(59_999);
    expect(outbox.size).toBe(1);
    await clock.advance(1);
    expect(hasErrorName(await late, 'TimeoutError')).toBe(true);
    expect(failed).toEqual(['2:TIMEOUT']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('settles every caller that submitted the same sendId, with the one outcome', async () => {
    const { outbox, entry, ack } = setup();
    const first = outbox.submit(entry('5'));
    const second = outbox.submit(entry('5'));
    const third = outbox.submit(entry('5'));
    await vi.waitFor(() => expect(outbox.size).toBe(1));
    const attempts: string[] = [];
    connectPromised(outbox, async (e) => {
      attempts.push(e.sendId);
      return ack(e.sendId);
    });
    expect(await Promise.all([first, second, third])).toEqual([ack('5'), ack('5'), ack('5')]);
    expect(attempts).toEqual(['5']);
    const rejected = setup();
    const results = [
      rejected.outbox.submit(rejected.entry('7')),
      rejected.outbox.submit(rejected.entry('7')),
    ];
    await vi.waitFor(() => expect(rejected.outbox.size).toBe(1));
    const reason = new StateError('GONE', 'taken out');
    rejected.outbox.abort('7', reason);
    expect(await Promise.all(results.map((r) => r.catch((e: unknown) => e)))).toEqual([reason, reason]);
  });

  it('keeps a P2P chat and a group chat to the same id in conversations of their own, each in order', async () => {
    const { outbox, clock, ack } = setup();
    const chat = (sendId: string, chatType: ChatType): OutboxEntry => ({
      sendId,
      chat: { sendId, toId: '2', chatType },
      createdAt: clock.now(),
    });
    const answers = new Map<string, (ack: ChatAck) => void>();
    const sent: string[] = [];
    connectPromised(
      outbox,
      (e) =>
        new Promise<ChatAck>((resolve) => {
          sent.push(e.sendId);
          answers.set(e.sendId, resolve);
        }),
    );
    const results = [
      outbox.submit(chat('1', ChatType.ChatTypeP2P)),
      outbox.submit(chat('2', ChatType.ChatTypeGroup)),
      outbox.submit(chat('3', ChatType.ChatTypeP2P)),
      outbox.submit(chat('4', ChatType.ChatTypeP2P)),
      outbox.submit(chat('5', ChatType.ChatTypeGroup)),
    ];
    await vi.waitFor(() => expect(sent).toEqual(['1', '2']));
    answers.get('1')!(ack('1'));
    await vi.waitFor(() => expect(sent).toEqual(['1', '2', '3']));
    answers.get('3')!(ack('3'));
    await vi.waitFor(() => expect(sent).toEqual(['1', '2', '3', '4']));
    answers.get('2')!(ack('2'));
    await vi.waitFor(() => expect(sent).toEqual(['1', '2', '3', '4', '5']));
    answers.get('4')!(ack('4'));
    answers.get('5')!(ack('5'));
    expect((await Promise.all(results)).map((a) => a.sendId)).toEqual(['1', '2', '3', '4', '5']);
    expect(outbox.size).toBe(0);
  });

  it('takes a chat out by its sendId: its waiter gets the reason, and it is not sent again', async () => {
    const { outbox, entry, failed } = setup();
    const attempts: string[] = [];
    const result = outbox.submit(entry('5')).catch((e: unknown) => e);
    await Promise.resolve();
    const reason = new StateError('GONE', 'taken out');
    expect(outbox.abort('5', reason)).toBe(true);
    expect(outbox.abort('5', reason)).toBe(false);
    expect(await result).toBe(reason);
    expect(failed).toEqual(['5:GONE']);
    connectPromised(outbox, async (e) => {
      attempts.push(e.sendId);
      throw new Error('not expected');
    });
    expect(attempts).toEqual([]);
  });

  it('does not resend what the server refused', async () => {
    const { outbox, entry } = setup();
    let attempts = 0;
    connectPromised(outbox, async () => {
      attempts += 1;
      throw new ProtocolError(SessionErrorCode.CHAT_NOT_FRIEND, 'not friend');
    });
    const error = await outbox.submit(entry('5')).catch((e: unknown) => e);
    expect(isBirdTalkError(error, SessionErrorCode.CHAT_NOT_FRIEND)).toBe(true);
    expect(attempts).toBe(1);
  });

  it('resends a chat the server processed without answering, after a pause', async () => {
    const { outbox, clock, entry, ack } = setup();
    let attempts = 0;
    connectPromised(outbox, async (e) => {
      attempts += 1;
      if (attempts === 1) throw new ProtocolError(SessionErrorCode.NO_REPLY, 'silent');
      return ack(e.sendId);
    });
    const result = outbox.submit(entry('5'));
    await clock.advance(4_999);
    expect(attempts).toBe(1);
    await clock.advance(1);
    await expect(result).resolves.toMatchObject({ sendId: '5' });
    expect(attempts).toBe(2);
  });

  it('hands what a chat was submitted with to its first attempt only, and settles it as its attempt says, once', async () => {
    const { outbox, clock, entry, ack, acked } = setup();
    const prepared: unknown[] = [];
    outbox.connected((e, outcome, made) => {
      prepared.push(made);
      if (prepared.length === 1) {
        outcome.reject(new ProtocolError(SessionErrorCode.NO_REPLY, 'silent'));
        // A second word from the same attempt changes nothing.
        outcome.resolve(ack(e.sendId));
      } else outcome.resolve(ack(e.sendId));
    });
    const frame = { built: 'ahead' };
    const result = outbox.submit(entry('5'), undefined, undefined, frame);
    await clock.advance(5_000);
    await expect(result).resolves.toMatchObject({ sendId: '5' });
    expect(prepared).toEqual([frame, undefined]);
    expect(acked).toEqual(['5']);
  });

  it('fails an attempt whose sender throws as it would fail its rejection', async () => {
    const { outbox, entry, failed } = setup();
    outbox.connected(() => {
      throw new TypeError('broken sender');
    });
    await expect(outbox.submit(entry('5'))).rejects.toThrow('broken sender');
    expect(outbox.size).toBe(0);
    expect(failed).toHaveLength(1);
  });

  it('without resendUnacknowledged, waits for the next connection instead', async () => {
    const { outbox, clock, entry } = setup(false);
    let attempts = 0;
    connectPromised(outbox, async () => {
      attempts += 1;
      throw new ProtocolError(SessionErrorCode.NO_REPLY, 'silent');
    });
    void outbox.submit(entry('5')).catch(() => {});
    await clock.advance(60_000);
    expect(attempts).toBe(1);
  });

  it('restores what a previous run left and reports its outcome as events', async () => {
    const { outbox, store, entry, ack, acked } = setup();
    await store.put(entry('8'));
    await store.put(entry('3'));
    await outbox.restore();
    const order: string[] = [];
    connectPromised(outbox, async (e) => {
      order.push(e.sendId);
      return ack(e.sendId);
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['3', '8']);
    expect(acked.sort()).toEqual(['3', '8']);
  });

  it('rejects waiters on close, keeps the store, and refuses new chats', async () => {
    const { outbox, store, entry } = setup();
    const result = outbox.submit(entry('5')).catch((e: unknown) => e);
    await Promise.resolve();
    const closed = new StateError(SessionErrorCode.SESSION_CLOSED, 'closed');
    outbox.close(closed);
    expect(await result).toBe(closed);
    expect((await store.load()).map((e) => e.sendId)).toEqual(['5']);
    await expect(outbox.submit(entry('6'))).rejects.toMatchObject({ code: SessionErrorCode.SESSION_CLOSED });
  });

  it('aborts a chat through its signal', async () => {
    const { outbox, entry } = setup();
    const controller = new AbortController();
    const result = outbox.submit(entry('5'), controller.signal).catch((e: unknown) => e);
    await Promise.resolve();
    controller.abort();
    expect(hasErrorName(await result, 'AbortError')).toBe(true);
    expect(outbox.size).toBe(0);
  });
});

describe('Outbox, looking in the history before a resend', () => {
  function withFinder(
    found: (sendIds: string[]) => Map<string, ChatAck> | Promise<Map<string, ChatAck>> | Promise<never>,
  ) {
    const clock = new FakeClock(1_000_000);
    const store = createMemoryOutboxStore();
    const acked: ChatAck[] = [];
    const lookups: string[][] = [];
    const outbox = new Outbox({
      clock,
      store,
      logger: silentLogger,
      deadlineMs: 120_000,
      resendUnacknowledged: true,
      resendDelayMs: 5_000,
      onAcked: (ack) => acked.push(ack),
      onFailed: () => {},
      findStored: async (entries) => {
        const ids = entries.map((e) => e.sendId);
        lookups.push(ids);
        try {
          return { found: await found(ids), unknown: new Set<string>() };
        } catch {
          return { found: new Map(), unknown: new Set(ids) };
        }
      },
    });
    const entry = (sendId: string): OutboxEntry => ({
      sendId,
      chat: { sendId, toId: '2', chatType: 1 },
      createdAt: clock.now(),
    });
    return { clock, store, outbox, acked, lookups, entry };
  }
  const lost = new TransportError(SessionErrorCode.CONNECTION_LOST, 'gone');
  const stored = (sendId: string): ChatAck => ({
    sendId,
    msgId: '700',
    serverTime: '5',
    detail: 'found in history',
  });

  it('does not resend a chat the server stored before the connection dropped: the row found is its acknowledgement', async () => {
    const { outbox, acked, lookups, entry } = withFinder((ids) => new Map(ids.map((id) => [id, stored(id)])));
    connectPromised(outbox, async () => {
      throw lost;
    });
    const result = outbox.submit(entry('5'));
    await Promise.resolve();
    outbox.disconnected();
    const attempts: string[] = [];
    connectPromised(outbox, async (e) => {
      attempts.push(e.sendId);
      throw new Error('must not be sent again');
    });
    await expect(result).resolves.toEqual(stored('5'));
    expect(attempts).toEqual([]);
    expect(lookups).toEqual([['5']]);
    expect(acked.map((ack) => ack.msgId)).toEqual(['700']);
  });

  it('resends what the history does not hold, and what a failed lookup could not find', async () => {
    for (const found of [() => new Map<string, ChatAck>(), () => Promise.reject(new Error('query failed'))]) {
      const { outbox, entry } = withFinder(found);
      connectPromised(outbox, async () => {
        throw lost;
      });
      const result = outbox.submit(entry('6'));
      await Promise.resolve();
      outbox.disconnected();
      connectPromised(outbox, async (e) => ({
        sendId: e.sendId,
        msgId: '800',
        serverTime: '1',
        detail: 'save data ok',
      }));
      await expect(result).resolves.toMatchObject({ sendId: '6', msgId: '800' });
    }
  });

  it('never looks up a chat that was not sent yet, and looks up every chat restored from an earlier run', async () => {
    const { outbox, store, lookups, entry } = withFinder(() => new Map());
    await store.put(entry('1'));
    await outbox.restore();
    const sent: string[] = [];
    connectPromised(outbox, async (e) => {
      sent.push(e.sendId);
      return { sendId: e.sendId, msgId: '9', serverTime: '1', detail: 'ok' };
    });
    await outbox.submit(entry('2'));
    await vi.waitFor(() => expect(sent.sort()).toEqual(['1', '2']));
    expect(lookups).toEqual([['1']]);
  });

  it('sends nothing while a lookup runs, then resends what was not found before anything queued after it', async () => {
    let finish!: (found: Map<string, ChatAck>) => void;
    const { outbox, entry } = withFinder(
      () =>
        new Promise((resolve) => {
          finish = resolve;
        }) as never,
    );
    connectPromised(outbox, async () => {
      throw lost;
    });
    const first = outbox.submit(entry('5'));
    await Promise.resolve();
    outbox.disconnected();
    const second = outbox.submit(entry('6'));
    const order: string[] = [];
    connectPromised(outbox, async (e) => {
      order.push(e.sendId);
      return { sendId: e.sendId, msgId: `9${e.sendId}`, serverTime: '1', detail: 'save data ok' };
    });
    const third = outbox.submit(entry('7'));
    await Promise.resolve();
    expect(order).toEqual([]);
    finish(new Map());
    await Promise.all([first, second, third]);
    expect(order).toEqual(['5', '6', '7']);
  });

  it('counts failed lookups since the last attempt only: after a blind resend, one failed lookup does not send it blind again', async () => {
    let lookupsMade = 0;
    // Four lookups fail (the connection under them drops); the fifth finds the copy the second attempt stored.
    const { clock, outbox, entry } = withFinder((ids) => {
      lookupsMade += 1;
      return lookupsMade <= 4
        ? Promise.reject(new Error('lost'))
        : new Map(ids.map((id) => [id, stored(id)]));
    });
    connectPromised(outbox, async () => {
      throw lost;
    });
    const result = outbox.submit(entry('9'));
    await Promise.resolve();
    outbox.disconnected();
    let attempts = 0;
    connectPromised(outbox, async () => {
      attempts += 1;
      // Stored, but the acknowledgement is lost.
      throw new ProtocolError(SessionErrorCode.NO_REPLY, 'no reply');
    });
    // Three failed lookups: it goes again without knowing.
    await vi.waitFor(() => expect(attempts).toBe(1));
    expect(lookupsMade).toBe(3);
    await clock.advance(5_000);
    await vi.waitFor(() => expect(lookupsMade).toBe(5));
    expect(attempts).toBe(1);
    await expect(result).resolves.toEqual(stored('9'));
  });

  it('looks before resending a chat the server answered with silence on the same connection', async () => {
    const { clock, outbox, lookups, entry } = withFinder((ids) => new Map(ids.map((id) => [id, stored(id)])));
    let attempts = 0;
    connectPromised(outbox, async () => {
      attempts += 1;
      throw new ProtocolError(SessionErrorCode.NO_REPLY, 'no reply');
    });
    const result = outbox.submit(entry('8'));
    await clock.advance(5_000);
    await expect(result).resolves.toEqual(stored('8'));
    expect(attempts).toBe(1);
    expect(lookups).toEqual([['8']]);
  });
});

describe('Outbox, one conversation at a time', () => {
  /** A sender whose attempts wait until the test answers them. */
  function heldSender() {
    const attempts: string[] = [];
    const answers = new Map<string, { resolve(ack: ChatAck): void; reject(error: unknown): void }>();
    const sender = (e: OutboxEntry): Promise<ChatAck> => {
      attempts.push(e.sendId);
      return new Promise((resolve, reject) => answers.set(e.sendId, { resolve, reject }));
    };
    const answer = async (sendId: string, outcome: ChatAck | Error): Promise<void> => {
      const waiting = answers.get(sendId)!;
      answers.delete(sendId);
      if (outcome instanceof Error) waiting.reject(outcome);
      else waiting.resolve(outcome);
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { attempts, sender, answer };
  }

  const to = (base: OutboxEntry, toId: string): OutboxEntry => ({ ...base, chat: { ...base.chat, toId } });

  it("sends a conversation's chats one at a time, in order, and other conversations meanwhile", async () => {
    const { outbox, entry, ack } = setup();
    const { attempts, sender, answer } = heldSender();
    connectPromised(outbox, sender);
    const results = [
      outbox.submit(entry('1')),
      outbox.submit(entry('2')),
      outbox.submit(to(entry('3'), '7')),
      outbox.submit(entry('4')),
    ];
    await Promise.resolve();
    expect(attempts).toEqual(['1', '3']);
    await answer('1', ack('1'));
    expect(attempts).toEqual(['1', '3', '2']);
    await answer('2', ack('2'));
    await answer('3', ack('3'));
    await answer('4', ack('4'));
    expect(attempts).toEqual(['1', '3', '2', '4']);
    expect((await Promise.all(results)).map((a) => a.sendId)).toEqual(['1', '2', '3', '4']);
  });

  it('with inOrder off, sends every waiting chat of a conversation at once', async () => {
    const { outbox, entry } = setup(true, false);
    const { attempts, sender } = heldSender();
    connectPromised(outbox, sender);
    for (const sendId of ['1', '2', '3']) outbox.submit(entry(sendId)).catch(() => {});
    await Promise.resolve();
    await Promise.resolve();
    expect(attempts).toEqual(['1', '2', '3']);
    outbox.close(new StateError('CLOSED', 'done'));
  });

  it('holds the later chats of a conversation while a refusal is reconsidered, and resends the refused one first', async () => {
    const { outbox, entry, ack } = setup();
    const { attempts, sender, answer } = heldSender();
    connectPromised(outbox, sender);
    let decide: (again: boolean) => void = () => {};
    const asked: string[] = [];
    const retryRefused = (error: { code: string }) => {
      asked.push(error.code);
      return new Promise<boolean>((resolve) => {
        decide = resolve;
      });
    };
    const first = outbox.submit(entry('1'), undefined, retryRefused).catch((e: unknown) => e);
    const second = outbox.submit(entry('2'));
    await Promise.resolve();
    await answer('1', new ProtocolError(SessionErrorCode.CHAT_REJECTED, 'not a member'));
    expect(asked).toEqual([SessionErrorCode.CHAT_REJECTED]);
    expect(attempts).toEqual(['1']);
    decide(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(attempts).toEqual(['1', '1']);
    // Asked only once: a second refusal is final, and the next chat goes.
    await answer('1', new ProtocolError(SessionErrorCode.CHAT_REJECTED, 'not a member'));
    expect(asked).toHaveLength(1);
    expect(isBirdTalkError(await first, SessionErrorCode.CHAT_REJECTED)).toBe(true);
    expect(attempts).toEqual(['1', '1', '2']);
    await answer('2', ack('2'));
    await expect(second).resolves.toMatchObject({ sendId: '2' });
  });

  it('a refusal not retried fails its chat and lets the next one go', async () => {
    const { outbox, entry, ack } = setup();
    const { attempts, sender, answer } = heldSender();
    connectPromised(outbox, sender);
    const first = outbox.submit(entry('1'), undefined, async () => false).catch((e: unknown) => e);
    const second = outbox.submit(entry('2'));
    await Promise.resolve();
    await answer('1', new ProtocolError(SessionErrorCode.CHAT_NOT_FRIEND, 'not friend'));
    expect(isBirdTalkError(await first, SessionErrorCode.CHAT_NOT_FRIEND)).toBe(true);
    expect(attempts).toEqual(['1', '2']);
    await answer('2', ack('2'));
    await expect(second).resolves.toMatchObject({ sendId: '2' });
  });

  it('after a lost connection, the chat that was on its way goes first on the next one', async () => {
    const { outbox, entry, ack } = setup();
    const { attempts, sender, answer } = heldSender();
    connectPromised(outbox, sender);
    const results = [outbox.submit(entry('1')), outbox.submit(entry('2'))];
    await Promise.resolve();
    await answer('1', new TransportError(SessionErrorCode.CONNECTION_LOST, 'gone'));
    outbox.disconnected();
    expect(attempts).toEqual(['1']);
    const next = heldSender();
    connectPromised(outbox, next.sender);
    expect(next.attempts).toEqual(['1']);
    await next.answer('1', ack('1'));
    expect(next.attempts).toEqual(['1', '2']);
    await next.answer('2', ack('2'));
    expect((await Promise.all(results)).map((a) => a.sendId)).toEqual(['1', '2']);
  });

  it('chats that expire together are all failed before the next one of their conversation goes', async () => {
    const { outbox, clock, entry, ack } = setup();
    const { attempts, sender, answer } = heldSender();
    const expiring = [outbox.submit(entry('1')).catch(() => {}), outbox.submit(entry('2')).catch(() => {})];
    await clock.advance(60_000);
    const later = outbox.submit(entry('3'));
    connectPromised(outbox, sender);
    expect(attempts).toEqual(['1']);
    await clock.advance(60_000);
    await Promise.all(expiring);
    // '2' expired with '1': it is never sent.
    expect(attempts).toEqual(['1', '3']);
    await answer('3', ack('3'));
    await expect(later).resolves.toMatchObject({ sendId: '3' });
  });
});
