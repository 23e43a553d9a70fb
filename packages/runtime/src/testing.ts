/**
 * Test doubles for the injected environment: a {@link FakeClock} whose time moves only when a test says so,
 * and a {@link createMemoryLogger | memory logger} that keeps every record for inspection.
 *
 * @example
 * ```ts
 * import { FakeClock } from '@birdtalk/runtime/testing';
 *
 * const clock = new FakeClock();
 * let fired = false;
 * clock.setTimeout(() => { fired = true; }, 30_000);
 * await clock.advance(30_000);
 * // fired === true
 * ```
 *
 * @packageDocumentation
 */

import type { Clock, TimerHandle } from './clock.js';
import { createLogger, type Logger, type LoggerOptions, type LogRecord } from './logger.js';

interface FakeTimer {
  readonly id: number;
  due: number;
  readonly intervalMs: number | undefined;
  readonly callback: () => void;
}

/**
 * A {@link Clock} whose time only moves through {@link FakeClock.advance}. Timers fire in due order, and the
 * event loop is given a turn after each one, so promise chains and I/O started by a timer settle before the next
 * timer fires — as they would with real time.
 */
export class FakeClock implements Clock {
  #now: number;
  #nextId = 1;
  #timers = new Map<number, FakeTimer>();

  /** @param startMs - the initial time, in milliseconds since the Unix epoch. */
  constructor(startMs = 1_750_000_000_000) {
    this.#now = startMs;
  }

  /** Milliseconds since the Unix epoch, as far as this clock is concerned. */
  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    return this.#schedule(callback, delayMs, undefined);
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle !== undefined) this.#timers.delete(handle.timer as number);
  }

  setInterval(callback: () => void, intervalMs: number): TimerHandle {
    return this.#schedule(callback, intervalMs, Math.max(1, intervalMs));
  }

  clearInterval(handle: TimerHandle | undefined): void {
    this.clearTimeout(handle);
  }

  /** How many timers are scheduled. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in order, and letting the event
   * loop run after each.
   */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await flushEventLoop();
    for (;;) {
      const next = this.#nextDue(target);
      if (next === undefined) break;
      this.#now = Math.max(this.#now, next.due);
      if (next.intervalMs === undefined) this.#timers.delete(next.id);
      else next.due += next.intervalMs;
      next.callback();
      await flushEventLoop();
    }
    this.#now = target;
    await flushEventLoop();
  }

  /** Advances to the next scheduled timer and fires it (and any due at the same instant). */
  async runNext(): Promise<void> {
    const next = this.#nextDue(Number.POSITIVE_INFINITY);
    if (next !== undefined) await this.advance(Math.max(0, next.due - this.#now));
  }

  #schedule(callback: () => void, delayMs: number, intervalMs: number | undefined): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { id, due: this.#now + Math.max(0, delayMs), intervalMs, callback });
    return { timer: id };
  }

  #nextDue(limit: number): FakeTimer | undefined {
    let best: FakeTimer | undefined;
    for (const timer of this.#timers.values()) {
      if (
        timer.due <= limit &&
        (best === undefined || timer.due < best.due || (timer.due === best.due && timer.id < best.id))
      ) {
        best = timer;
      }
    }
    return best;
  }
}

/** Lets pending promise callbacks and I/O events run, without letting any real time pass on purpose. */
export async function flushEventLoop(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A logger that keeps every record in memory, with the array of records beside it. */
export interface MemoryLogger extends Logger {
  readonly records: LogRecord[];
}

/** Builds a {@link MemoryLogger}; records at or above `options.level` (default `'debug'`) are kept. */
export function createMemoryLogger(options: LoggerOptions = {}): MemoryLogger {
  const records: LogRecord[] = [];
  const logger = createLogger((record) => records.push(record), { level: 'debug', ...options });
  return { ...logger, records };
}
