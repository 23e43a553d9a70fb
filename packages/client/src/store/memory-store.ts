import { StateError } from '@birdtalk/errors';
import type { Int64 } from '@birdtalk/proto';
import { TransientMap } from '@birdtalk/runtime';
import type { OutboxEntry } from '@birdtalk/session';
import { ClientErrorCode } from '../client-errors.js';
import { SeenLog } from './seen-log.js';
import type { Store } from './store.js';

/**
 * A {@link Store} in memory: delivery state survives reconnects but not restarts. The default of
 * `createClient`; tests use it too. Every mutation is "durable" at once.
 */
export function createMemoryStore(): Store {
  const positions = new Map<string, Int64>();
  const seen = new SeenLog();
  const handling = new Set<string>();
  const outbox = new TransientMap<Int64, OutboxEntry>();
  const values = new Map<string, string>();
  let mark = 0n;
  let closed = false;

  const open = (): void => {
    if (closed) throw new StateError(ClientErrorCode.STORE_CLOSED, 'the store is closed');
  };

  return {
    // Every method below changes the maps before its first await.
    appliesWritesAtOnce: true,
    async loadPositions() {
      open();
      return new Map(positions);
    },
    async savePosition(stream, position) {
      open();
      positions.set(stream, position);
    },
    async loadSeen() {
      open();
      return seen.keys();
    },
    async addSeen(keys, limit) {
      open();
      seen.append(keys, limit);
      for (const key of keys) handling.delete(key);
    },
    async loadHandling() {
      open();
      return [...handling];
    },
    async markHandling(keys) {
      open();
      for (const key of keys) handling.add(key);
    },
    async loadOutbox() {
      open();
      return [...outbox.values()];
    },
    async putOutbox(entry) {
      open();
      outbox.set(entry.sendId, entry);
    },
    async removeOutbox(sendId) {
      open();
      outbox.delete(sendId);
    },
    async reserveSendIds(count, floor) {
      open();
      const first = reservationStart(mark, floor);
      mark = first + BigInt(Math.max(1, count)) - 1n;
      return first.toString();
    },
    async get(key) {
      open();
      return values.get(key);
    },
    async set(key, value) {
      open();
      values.set(key, value);
    },
    async setIfAbsent(key, value) {
      open();
      const stored = values.get(key);
      if (stored !== undefined) return stored;
      values.set(key, value);
      return value;
    },
    async compareAndSet(key, expected, value) {
      open();
      if (values.get(key) !== expected) return false;
      values.set(key, value);
      return true;
    },
    async flush() {
      open();
    },
    async close() {
      closed = true;
    },
  };
}

/**
 * Appends `keys` to an insertion-ordered set (a present key moves to the newest end) and drops the oldest
 * beyond `limit`. The file store keeps its window this way (the memory store appends to a {@link SeenLog}).
 */
export function appendBounded(window: Set<string>, keys: readonly string[], limit: number): void {
  for (const key of keys) {
    window.delete(key);
    window.add(key);
  }
  while (window.size > Math.max(0, limit)) window.delete(nextOldest(window));
}

/**
 * Per window, an iterator left where the last eviction stopped. Starting a new iteration for each eviction
 * steps over every slot deleted since V8 last rehashed the set: with a full window, thousands of steps per
 * message. Everything before the cursor is deleted, so the oldest live key is always next.
 */
const oldestCursors = new WeakMap<Set<string>, Iterator<string>>();

function nextOldest(window: Set<string>): string {
  let cursor = oldestCursors.get(window);
  let next = cursor?.next();
  if (cursor === undefined || next === undefined || next.done === true) {
    // An iterator that reported its end stays ended, even when keys were added since.
    cursor = window.values();
    oldestCursors.set(window, cursor);
    next = cursor.next();
  }
  return next.value as string;
}

/** The first id of a reservation: above everything reserved so far, and at least `floor`. */
export function reservationStart(mark: bigint, floor: Int64): bigint {
  const low = BigInt(floor);
  return mark + 1n > low ? mark + 1n : low;
}
