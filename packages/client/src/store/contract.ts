import { isBirdTalkError } from '@birdtalk/errors';
import type { OutboxEntry } from '@birdtalk/session';
import { ClientErrorCode } from '../client-errors.js';
import type { Store } from './store.js';

/** Storage for one contract case: opens stores on it, and cleans it up. */
export interface StoreContractPlace {
  /**
   * Opens a store on this storage. A persistent store opened again after `close()` must see what was written;
   * a non-persistent one may start empty.
   */
  open(): Promise<Store>;
  /** Removes the storage (temp directories, database files). */
  teardown?(): Promise<void>;
}

/** What {@link storeContract} needs to know about an implementation. */
export interface StoreContractOptions {
  /** Creates fresh, empty storage for one case. */
  setup(): Promise<StoreContractPlace> | StoreContractPlace;
  /** Whether the store keeps its data across `close()` and `open()` (files, databases). */
  readonly persistent: boolean;
}

/** One check of the store contract; `run` rejects with an `Error` saying what was wrong. */
export interface StoreContractCase {
  readonly name: string;
  run(): Promise<void>;
}

/**
 * The contract every {@link Store} must meet, as a list of cases to hand to any test runner.
 *
 * @example
 * ```ts
 * import { storeContract } from '@birdtalk/client/testing';
 * import { describe, it } from 'vitest';
 *
 * describe('my store', () => {
 *   for (const check of storeContract({ setup: () => ({ open: async () => createMyStore() }), persistent: false })) {
 *     it(check.name, check.run);
 *   }
 * });
 * ```
 */
export function storeContract(options: StoreContractOptions): StoreContractCase[] {
  const cases: StoreContractCase[] = [];
  const add = (name: string, body: (place: StoreContractPlace) => Promise<void>): void => {
    cases.push({
      name,
      async run() {
        const place = await options.setup();
        try {
          await body(place);
        } finally {
          await place.teardown?.();
        }
      },
    });
  };

  add('starts empty', async (place) => {
    const store = await place.open();
    equal((await store.loadPositions()).size, 0, 'positions of a new store');
    equal(await store.loadSeen(), [], 'seen keys of a new store');
    equal((await store.loadOutbox()).length, 0, 'outbox of a new store');
    equal(await store.get('deviceId'), undefined, 'a value of a new store');
    await store.close();
  });

  add('keeps one position per stream, exactly, and replaces it', async (place) => {
    const store = await place.open();
    await store.savePosition('p2p', '100');
    await store.savePosition('group:9223372036854775807', '9223372036854775806');
    await store.savePosition('p2p', '7300000000000000123');
    const positions = await store.loadPositions();
    equal(positions.get('p2p'), '7300000000000000123', 'the replaced position');
    equal(positions.get('group:9223372036854775807'), '9223372036854775806', 'an id beyond 2^53');
    equal(positions.size, 2, 'the number of streams');
    await store.close();
  });

  add('keeps a bounded window of seen keys, oldest first', async (place) => {
    const store = await place.open();
    await store.addSeen(['a', 'b', 'c'], 10);
    await store.addSeen(['d'], 10);
    equal(await store.loadSeen(), ['a', 'b', 'c', 'd'], 'keys in order');
    await store.addSeen(['b'], 10);
    equal(await store.loadSeen(), ['a', 'c', 'd', 'b'], 'a key added again moves to the newest end');
    await store.addSeen(['e', 'f'], 3);
    equal(await store.loadSeen(), ['b', 'e', 'f'], 'the oldest keys beyond the limit are forgotten');
    await store.addSeen([], 0);
    equal(await store.loadSeen(), [], 'a limit of 0 empties the window');
    await store.close();
  });

  add('keeps handling marks until addSeen records the same keys', async (place) => {
    const store = await place.open();
    equal(await store.loadHandling(), [], 'marks of a new store');
    await store.markHandling(['m:1', 'm:2']);
    await store.markHandling(['m:2', 'm:3']);
    equal([...(await store.loadHandling())].sort(), ['m:1', 'm:2', 'm:3'], 'marks, each once');
    await store.addSeen(['m:2', 'c:x@1'], 10);
    equal([...(await store.loadHandling())].sort(), ['m:1', 'm:3'], 'marks after addSeen of one of them');
    equal(await store.loadSeen(), ['m:2', 'c:x@1'], 'the seen keys beside the marks');
    await store.addSeen(['m:1'], 1);
    equal(await store.loadHandling(), ['m:3'], 'a mark removed even when its key is trimmed at once');
    await store.close();
    if (!options.persistent) return;
    const again = await place.open();
    equal(await again.loadHandling(), ['m:3'], 'marks after reopening');
    await again.close();
  });

  if (options.persistent) {
    add('makes a handling mark durable before markHandling resolves', async (place) => {
      const store = await place.open();
      await store.markHandling(['m:7']);
      // Another process (here: a second store on the same storage) sees it without a flush or close.
      const other = await place.open();
      equal(await other.loadHandling(), ['m:7'], 'the mark seen from a second store');
      await other.close();
      await store.close();
    });
  }

  add('keeps outbox entries by sendId, bytes and exact ids included', async (place) => {
    const store = await place.open();
    const first = outboxEntry('1750000000000000001', 'héllo');
    const second = outboxEntry('1750000000000000002', 'world');
    await store.putOutbox(first);
    await store.putOutbox(second);
    await store.putOutbox({ ...first, createdAt: first.createdAt + 1 });
    await store.removeOutbox('1750000000000000002');
    await store.removeOutbox('42');
    const entries = await store.loadOutbox();
    equal(entries.length, 1, 'entries after replace and remove');
    const [entry] = entries;
    equal(entry?.sendId, first.sendId, 'the sendId');
    equal(entry?.createdAt, first.createdAt + 1, 'the replaced entry');
    equal(String(entry?.chat.toId), '9223372036854775807', 'an id beyond 2^53');
    equal(String(entry?.chat.refMessageId), '7300000000000000123', 'the quoted id');
    equal(entry?.chat.params, { note: 'x' }, 'params');
    const data = entry?.chat.data;
    check(data instanceof Uint8Array, 'data is a Uint8Array');
    equal(new TextDecoder().decode(data), 'héllo', 'the data bytes');
    await store.close();
  });

  add('reserves send ids above the mark and the floor', async (place) => {
    const store = await place.open();
    equal(await store.reserveSendIds(10, '1000'), '1000', 'the first reservation starts at the floor');
    equal(await store.reserveSendIds(10, '5'), '1010', 'the next starts above the mark');
    equal(await store.reserveSendIds(10, '5000'), '5000', 'a higher floor wins');
    equal(await store.reserveSendIds(2, '9007199254740993'), '9007199254740993', 'exact beyond 2^53');
    equal(await store.reserveSendIds(1, '0'), '9007199254740995', 'after a large reservation');
    await store.close();
  });

  add('hands concurrent reservations disjoint ranges', async (place) => {
    const store = await place.open();
    const starts = await Promise.all(Array.from({ length: 8 }, () => store.reserveSendIds(5, '100')));
    const ids = new Set<string>();
    for (const start of starts) {
      for (let i = 0n; i < 5n; i += 1n) ids.add((BigInt(start) + i).toString());
    }
    equal(ids.size, 40, 'distinct ids across concurrent reservations');
    await store.close();
  });

  add('keeps small values, and settles set-if-absent races', async (place) => {
    const store = await place.open();
    await store.set('a', '1');
    await store.set('a', '2');
    equal(await store.get('a'), '2', 'a replaced value');
    equal(await store.setIfAbsent('a', '3'), '2', 'set-if-absent keeps a present value');
    const [x, y] = await Promise.all([store.setIfAbsent('b', 'x'), store.setIfAbsent('b', 'y')]);
    check(x === y, `concurrent set-if-absent calls disagree: ${x} / ${y}`);
    equal(await store.get('b'), x, 'the value set-if-absent returned');
    await store.close();
  });

  add('compares and sets: one winner per value, and no increment lost between two stores', async (place) => {
    const first = await place.open();
    // A persistent store is opened twice, as two processes would; the others share one instance.
    const second = options.persistent ? await place.open() : first;
    equal(
      await first.compareAndSet('c', '1', 'x'),
      false,
      'compare-and-set on an absent key expecting a value',
    );
    equal(await first.compareAndSet('c', undefined, '0'), true, 'compare-and-set of an absent key');
    equal(await second.get('c'), '0', 'the value compare-and-set stored');
    equal(await second.compareAndSet('c', undefined, '9'), false, 'compare-and-set expecting no value');
    const raced = await Promise.all([
      first.compareAndSet('c', '0', 'a'),
      second.compareAndSet('c', '0', 'b'),
    ]);
    equal(raced.filter(Boolean).length, 1, 'winners among racing compare-and-sets of one value');
    await first.set('n', '0');
    const increment = async (store: Store): Promise<void> => {
      for (;;) {
        const seen = await store.get('n');
        if (await store.compareAndSet('n', seen, String(Number(seen) + 1))) return;
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, index) => increment(index % 2 === 0 ? first : second)));
    equal(await first.get('n'), '20', 'the counter after 20 concurrent increments');
    await first.close();
    if (second !== first) await second.close();
  });

  add('flushes, closes idempotently, and refuses use after close', async (place) => {
    const store = await place.open();
    await store.savePosition('p2p', '1');
    await store.flush();
    await store.close();
    await store.close();
    let refused: unknown;
    try {
      await store.savePosition('p2p', '2');
    } catch (error) {
      refused = error;
    }
    check(isBirdTalkError(refused, ClientErrorCode.STORE_CLOSED), 'a closed store rejects with STORE_CLOSED');
  });

  if (options.persistent) {
    add('keeps everything across close and open', async (place) => {
      const first = await place.open();
      await first.savePosition('p2p', '7300000000000000123');
      await first.addSeen(['m:1', 'm:2', 'm:3'], 2);
      await first.putOutbox(outboxEntry('1750000000000000001', 'kept'));
      await first.set('deviceId', 'abc');
      const reserved = BigInt(await first.reserveSendIds(100, '1000'));
      await first.close();
      const second = await place.open();
      equal((await second.loadPositions()).get('p2p'), '7300000000000000123', 'the position');
      equal(await second.loadSeen(), ['m:2', 'm:3'], 'the seen window');
      const outbox = await second.loadOutbox();
      equal(outbox.length, 1, 'the outbox');
      equal(new TextDecoder().decode(outbox[0]?.chat.data), 'kept', 'the outbox data');
      equal(await second.get('deviceId'), 'abc', 'a value');
      const next = BigInt(await second.reserveSendIds(1, '0'));
      check(
        next >= reserved + 100n,
        `a reservation after reopening reuses ids: ${next} < ${reserved + 100n}`,
      );
      await second.close();
    });

    add('flushes mutations that were not awaited', async (place) => {
      const first = await place.open();
      void first.savePosition('p2p', '42');
      void first.addSeen(['m:42'], 10);
      void first.putOutbox(outboxEntry('1750000000000000009', 'late'));
      await first.flush();
      await first.close();
      const second = await place.open();
      equal((await second.loadPositions()).get('p2p'), '42', 'the position');
      equal(await second.loadSeen(), ['m:42'], 'the seen window');
      equal((await second.loadOutbox()).length, 1, 'the outbox');
      await second.close();
    });

    add('makes reservations and set-if-absent durable without a flush', async (place) => {
      const first = await place.open();
      const reserved = BigInt(await first.reserveSendIds(10, '1'));
      await first.setIfAbsent('deviceId', 'first');
      // A second store on the same storage, while the first is still open (a crash leaves no chance to flush).
      const second = await place.open();
      equal(await second.get('deviceId'), 'first', 'a set-if-absent value');
      const next = BigInt(await second.reserveSendIds(1, '0'));
      check(next >= reserved + 10n, `a reservation was not durable: ${next} < ${reserved + 10n}`);
      await second.close();
      await first.close();
    });
  }

  return cases;
}

function outboxEntry(sendId: string, text: string): OutboxEntry {
  return {
    sendId,
    createdAt: 1_750_000_000_000,
    chat: {
      sendId,
      msgId: sendId,
      toId: '9223372036854775807',
      chatType: 1,
      msgType: 0,
      refMessageId: '7300000000000000123',
      data: new TextEncoder().encode(text),
      params: { note: 'x' },
    },
  };
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`store contract: ${message}`);
}

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`store contract: ${what}: expected ${e}, got ${a}`);
}
