import { describe, expect, it } from 'vitest';
import { EventHub } from './event-hub.js';
import { flushEventLoop } from './testing.js';

interface Events {
  tick: number;
  other: string;
}

describe('the event hub', () => {
  it('subscribes, unsubscribes by function and by signal, and keeps double subscriptions apart', () => {
    const hub = new EventHub<Events>(() => {});
    const seen: number[] = [];
    const listener = (n: number) => {
      seen.push(n);
    };
    const off = hub.on('tick', listener);
    const abort = new AbortController();
    hub.on('tick', listener, { signal: abort.signal });
    hub.emit('tick', 1);
    off();
    hub.emit('tick', 2);
    abort.abort();
    hub.emit('tick', 3);
    expect(seen).toEqual([1, 1, 2]);
    expect(hub.has('tick')).toBe(false);
  });

  it('reports a throwing or rejecting listener without stopping the others', async () => {
    const failures: unknown[] = [];
    const hub = new EventHub<Events>((_event, error) => failures.push(error));
    const seen: number[] = [];
    hub.on('tick', () => {
      throw new Error('sync');
    });
    hub.on('tick', async () => {
      throw new Error('async');
    });
    hub.on('tick', (n) => {
      seen.push(n);
    });
    hub.emit('tick', 1);
    await flushEventLoop();
    expect(seen).toEqual([1]);
    expect(failures.map((e) => (e as Error).message)).toEqual(['sync', 'async']);
  });

  it('streams payloads, each handled once the consumer asks for the next', async () => {
    const hub = new EventHub<Events>(() => {});
    const stream = hub.stream('tick');
    const handled: number[] = [];
    for (const n of [1, 2]) {
      const listeners = hub.listeners('tick');
      void Promise.all(listeners.map((listener) => listener(n))).then(() => handled.push(n));
    }
    const first = await stream.next();
    expect(first.value).toBe(1);
    await flushEventLoop();
    expect(handled).toEqual([]);
    await stream.next();
    await flushEventLoop();
    expect(handled).toEqual([1]);
    await stream.return?.();
    await flushEventLoop();
    expect(handled).toEqual([1, 2]);
  });

  it('lets a filter pass payloads straight through, and ends streams on end()', async () => {
    const hub = new EventHub<Events>(() => {});
    const stream = hub.stream('tick', { filter: (n) => n % 2 === 0 });
    const results = hub.listeners('tick').map((listener) => listener(1));
    expect(results).toEqual([undefined]);
    for (const listener of hub.listeners('tick')) void listener(2);
    hub.end();
    expect((await stream.next()).value).toBe(2);
    expect((await stream.next()).done).toBe(true);
  });

  it('ends a stream opened after end() at once', async () => {
    const hub = new EventHub<{ tick: number }>(() => {});
    hub.end();
    const stream = hub.stream('tick');
    hub.emit('tick', 1);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('ends a stream when its signal aborts', async () => {
    const hub = new EventHub<Events>(() => {});
    const abort = new AbortController();
    const stream = hub.stream('other', { signal: abort.signal });
    const next = stream.next();
    abort.abort();
    expect((await next).done).toBe(true);
    expect(hub.has('other')).toBe(false);
  });

  it('buffers at most maxBuffered payloads for a consumer that never reads, dropping the oldest as handled', async () => {
    const hub = new EventHub<{ tick: number }>(() => {});
    const stream = hub.stream('tick', { maxBuffered: 3 });
    const handled: number[] = [];
    for (let i = 1; i <= 10; i += 1) {
      void Promise.all(hub.listeners('tick').map((listener) => listener(i))).then(() => handled.push(i));
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await stream.next()).value).toBe(8);
    await stream.return?.();
  });

  it('drops a buffered payload once its expiry signal aborts, and never buffers an expired one', async () => {
    const hub = new EventHub<{ tick: { n: number; signal: AbortSignal } }>(() => {});
    const stream = hub.stream('tick', { expiry: (payload) => payload.signal });
    const first = new AbortController();
    const handled: number[] = [];
    const deliver = (n: number, signal: AbortSignal) =>
      Promise.all(hub.listeners('tick').map((listener) => listener({ n, signal }))).then(() =>
        handled.push(n),
      );
    void deliver(1, first.signal);
    void deliver(2, new AbortController().signal);
    void deliver(3, AbortSignal.abort());
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual([3]);
    first.abort();
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual([3, 1]);
    expect((await stream.next()).value?.n).toBe(2);
    await stream.return?.();
  });
});
