import { hasErrorName, isBirdTalkError, ProtocolError, StateError, TransportError } from '@birdtalk/errors';
import { silentLogger } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it, vi } from 'vitest';
import { SessionErrorCode } from './errors.js';
import { type ChatAck, createMemoryOutboxStore, Outbox, type OutboxEntry } from './outbox.js';

function setup(resendUnacknowledged = true) {
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

describe('Outbox', () => {
  it('sends when connected, resolves on the acknowledgement and forgets the entry', async () => {
    const { outbox, store, entry, ack, acked } = setup();
    const attempts: string[] = [];
    outbox.connected(async (e) => {
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
    outbox.connected(async (e) => {
      seen.push(`first:${e.sendId}`);
      throw lost;
    });
    const result = outbox.submit(entry('5'));
    await Promise.resolve();
    outbox.disconnected();
    expect(outbox.pendingIds).toEqual(['5']);
    outbox.connected(async (e) => {
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
    outbox.connected(async (e) => {
      attempts.push(e.sendId);
      throw new Error('not expected');
    });
    expect(attempts).toEqual([]);
  });

  it('does not resend what the server refused', async () => {
    const { outbox, entry } = setup();
    let attempts = 0;
    outbox.connected(async () => {
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
    outbox.connected(async (e) => {
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

  it('without resendUnacknowledged, waits for the next connection instead', async () => {
    const { outbox, clock, entry } = setup(false);
    let attempts = 0;
    outbox.connected(async () => {
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
    outbox.connected(async (e) => {
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
    outbox.connected(async () => {
      throw lost;
    });
    const result = outbox.submit(entry('5'));
    await Promise.resolve();
    outbox.disconnected();
    const attempts: string[] = [];
    outbox.connected(async (e) => {
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
      outbox.connected(async () => {
        throw lost;
      });
      const result = outbox.submit(entry('6'));
      await Promise.resolve();
      outbox.disconnected();
      outbox.connected(async (e) => ({
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
    outbox.connected(async (e) => {
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
    outbox.connected(async () => {
      throw lost;
    });
    const first = outbox.submit(entry('5'));
    await Promise.resolve();
    outbox.disconnected();
    const second = outbox.submit(entry('6'));
    const order: string[] = [];
    outbox.connected(async (e) => {
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

  it('looks before resending a chat the server answered with silence on the same connection', async () => {
    const { clock, outbox, lookups, entry } = withFinder((ids) => new Map(ids.map((id) => [id, stored(id)])));
    let attempts = 0;
    outbox.connected(async () => {
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
