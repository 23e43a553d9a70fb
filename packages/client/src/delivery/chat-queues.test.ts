import { describe, expect, it } from 'vitest';
import { ChatQueues } from './chat-queues.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('per-chat queues', () => {
  it('go on to the next item at once when the worker finished one synchronously', async () => {
    const handled: string[] = [];
    const queues = new ChatQueues<string>((item) => {
      handled.push(item);
      // Items that arrive while one is handled wait in its queue.
      if (item === 'a1') {
        queues.push('a', 'a2');
        queues.push('a', 'a3');
      }
      return item === 'a3' ? Promise.resolve() : undefined;
    });
    queues.push('a', 'a1');
    // No promise and no microtask between items finished synchronously.
    expect(handled).toEqual(['a1', 'a2', 'a3']);
    expect(queues.active).toBe(1);
    await queues.whenIdle();
    expect(queues.active).toBe(0);
    expect(queues.queued).toBe(0);
  });

  it('keep going when the worker throws synchronously', async () => {
    const handled: string[] = [];
    const queues = new ChatQueues<string>((item) => {
      handled.push(item);
      if (item === 'a1') throw new Error('boom');
      return undefined;
    });
    queues.push('a', 'a1');
    queues.push('a', 'a2');
    await queues.whenIdle();
    expect(handled).toEqual(['a1', 'a2']);
  });

  it('work on one chat in order and on different chats at once', async () => {
    const log: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const queues = new ChatQueues<string>(async (item) => {
      log.push(`start ${item}`);
      const gate = deferred();
      gates.set(item, gate);
      await gate.promise;
      log.push(`end ${item}`);
    });
    queues.push('a', 'a1');
    queues.push('a', 'a2');
    queues.push('b', 'b1');
    await Promise.resolve();
    expect(log).toEqual(['start a1', 'start b1']);
    expect(queues.active).toBe(2);
    expect(queues.queued).toBe(1);
    gates.get('b1')!.resolve();
    gates.get('a1')!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2']);
    const idle = queues.whenIdle();
    gates.get('a2')!.resolve();
    await idle;
    expect(queues.active + queues.queued).toBe(0);
  });

  it('drop waiting items on drain, and signal when the load falls below a limit', async () => {
    const gate = deferred();
    const done: string[] = [];
    const queues = new ChatQueues<string>(async (item) => {
      await gate.promise;
      done.push(item);
    });
    for (const item of ['x1', 'x2', 'x3']) queues.push('x', item);
    let below = false;
    void queues.whenBelow(2).then(() => {
      below = true;
    });
    expect(queues.drain()).toEqual(['x2', 'x3']);
    await Promise.resolve();
    expect(below).toBe(true);
    gate.resolve();
    await queues.whenIdle();
    expect(done).toEqual(['x1']);
  });

  it('keep going when the worker throws', async () => {
    const done: string[] = [];
    const queues = new ChatQueues<string>(async (item) => {
      if (item === 'bad') throw new Error('boom');
      done.push(item);
    });
    queues.push('k', 'bad');
    queues.push('k', 'good');
    await queues.whenIdle();
    expect(done).toEqual(['good']);
  });
});
