import { describe, expect, it } from 'vitest';
import { deferred, settle } from '../test/deferred.js';
import { KeyedQueue, Semaphore, UpdateScheduler } from './sequencer.js';

describe('KeyedQueue', () => {
  it('runs tasks of one key in order and of different keys together', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const gate = deferred();
    const a1 = queue.run('a', async () => {
      log.push('a1 start');
      await gate.promise;
      log.push('a1 end');
    });
    const a2 = queue.run('a', async () => {
      log.push('a2');
    });
    const b1 = queue.run('b', async () => {
      log.push('b1');
    });
    await settle();
    expect(log).toEqual(['a1 start', 'b1']);
    expect(queue.busyKeys).toBe(1);
    gate.resolve();
    await Promise.all([a1, a2, b1]);
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
    expect(queue.busyKeys).toBe(0);
  });

  it('goes on after a task failed', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run('a', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('holds several keys at once without waiting in a circle', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.runAll(['x', 'y'], async () => {
      log.push('xy start');
      await gate.promise;
      log.push('xy end');
    });
    const second = queue.runAll(['y', 'x'], async () => {
      log.push('yx');
    });
    const third = queue.runAll(['z'], async () => {
      log.push('z');
    });
    await settle();
    expect(log).toEqual(['xy start', 'z']);
    gate.resolve();
    await Promise.all([first, second, third]);
    expect(log).toEqual(['xy start', 'z', 'xy end', 'yx']);
  });
});

describe('Semaphore', () => {
  it('admits at most its limit, then the waiters in order', async () => {
    const semaphore = new Semaphore(2);
    const releases = [await semaphore.acquire(), await semaphore.acquire()];
    const order: number[] = [];
    const third = semaphore.acquire().then((release) => {
      order.push(3);
      return release;
    });
    const fourth = semaphore.acquire().then((release) => {
      order.push(4);
      return release;
    });
    await settle();
    expect(semaphore.active).toBe(2);
    expect(semaphore.waiting).toBe(2);
    releases[0]!();
    releases[0]!();
    await settle();
    expect(order).toEqual([3]);
    releases[1]!();
    (await third)();
    (await fourth)();
    expect(order).toEqual([3, 4]);
    expect(semaphore.active).toBe(0);
  });
});

describe('UpdateScheduler', () => {
  it('counts pending updates and says when it is idle', async () => {
    const scheduler = new UpdateScheduler(1);
    const gate = deferred();
    const first = scheduler.run('a', () => gate.promise);
    const second = scheduler.run('b', async () => {});
    await settle();
    expect(scheduler.pending).toBe(2);
    expect(scheduler.running).toBe(1);
    let idle = false;
    void scheduler.whenIdle().then(() => {
      idle = true;
    });
    await settle();
    expect(idle).toBe(false);
    gate.resolve();
    await Promise.all([first, second]);
    await settle();
    expect(idle).toBe(true);
    expect(scheduler.pending).toBe(0);
  });

  it('lets a chat wait for its turn without holding a slot', async () => {
    const scheduler = new UpdateScheduler(2);
    const gate = deferred();
    const log: string[] = [];
    const tasks = [
      scheduler.run('a', async () => {
        log.push('a1');
        await gate.promise;
      }),
      scheduler.run('a', async () => {
        log.push('a2');
      }),
      scheduler.run('b', async () => {
        log.push('b1');
      }),
    ];
    await settle();
    // a2 waits for a1 without a slot, so b1 got the second one.
    expect(log).toEqual(['a1', 'b1']);
    gate.resolve();
    await Promise.all(tasks);
    expect(log).toEqual(['a1', 'b1', 'a2']);
  });
});
