import { seededRandom } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { loadDeviceId } from './device-id.js';
import { createMemoryStore } from './memory-store.js';
import { createStoreSendIds } from './send-ids.js';
import type { Store } from './store.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function take(source: { next(): string }, count: number): bigint[] {
  return Array.from({ length: count }, () => BigInt(source.next()));
}

function increasing(ids: readonly bigint[]): boolean {
  return ids.every((id, index) => index === 0 || id > ids[index - 1]!);
}

describe('send ids on a store', () => {
  it('start at the clock floor and increase', async () => {
    const clock = new FakeClock(1_750_000_000_000);
    const ids = createStoreSendIds(createMemoryStore(), { clock, logger: silent, blockSize: 10 });
    await ids.ready;
    const taken = take(ids, 5);
    expect(taken[0]).toBe(1_750_000_000_000_000n);
    expect(increasing(taken)).toBe(true);
  });

  it('reserve the next block in the background, before the current one runs out', async () => {
    const store = createMemoryStore();
    const reservations: string[] = [];
    const counting: Store = {
      ...store,
      reserveSendIds: async (count, floor) => {
        const first = await store.reserveSendIds(count, floor);
        reservations.push(first);
        return first;
      },
    };
    const clock = new FakeClock(1_750_000_000_000);
    const ids = createStoreSendIds(counting, { clock, logger: silent, blockSize: 10 });
    await ids.ready;
    const taken: bigint[] = [];
    for (let i = 0; i < 35; i += 1) {
      taken.push(BigInt(ids.next()));
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(increasing(taken)).toBe(true);
    expect(new Set(taken).size).toBe(35);
    expect(reservations.length).toBeGreaterThanOrEqual(4);
    // Every id handed out lies inside a durable reservation.
    const mark = BigInt(await store.reserveSendIds(1, '0')) - 1n;
    expect(taken.every((id) => id <= mark)).toBe(true);
  });

  it('stay unique and increasing across restarts, even when the clock goes back', async () => {
    const store = createMemoryStore();
    const clock = new FakeClock(1_750_000_000_000);
    const first = createStoreSendIds(store, { clock, logger: silent, blockSize: 100 });
    await first.ready;
    const before = take(first, 30);
    const backwards = new FakeClock(1_700_000_000_000);
    const second = createStoreSendIds(store, { clock: backwards, logger: silent, blockSize: 100 });
    await second.ready;
    const after = take(second, 30);
    expect(after[0]! > before[before.length - 1]!).toBe(true);
    expect(increasing([...before, ...after])).toBe(true);
  });

  it('keep handing out unique ids when a burst outruns the reservation', async () => {
    const clock = new FakeClock(1_750_000_000_000);
    const ids = createStoreSendIds(createMemoryStore(), { clock, logger: silent, blockSize: 4 });
    await ids.ready;
    const taken = take(ids, 50); // no turn of the event loop: the background reservation cannot land
    expect(new Set(taken).size).toBe(50);
    expect(increasing(taken)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const later = take(ids, 10);
    expect(increasing([...taken, ...later])).toBe(true);
  });
});

describe('the device id', () => {
  it('is generated once from randomness and then read back', async () => {
    const store = createMemoryStore();
    const id = await loadDeviceId(store, seededRandom(1));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await loadDeviceId(store, seededRandom(2))).toBe(id);
  });

  it('is the same for two clients racing on one store', async () => {
    const store = createMemoryStore();
    const [a, b] = await Promise.all([
      loadDeviceId(store, seededRandom(1)),
      loadDeviceId(store, seededRandom(2)),
    ]);
    expect(a).toBe(b);
  });
});
