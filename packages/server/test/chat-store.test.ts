import { describe, expect, it } from 'vitest';
import { ChatStore, type GroupRow, IO_IN, type P2pRow } from '../src/state/chat.js';

function p2p(id: bigint): P2pRow {
  return {
    uid1: 1n,
    uid2: 2n,
    id,
    sendId: id,
    tm: 0,
    tm1: 0,
    tm2: 0,
    io: IO_IN,
    st: 0,
    mt: 0,
    ref: 0n,
    data: new Uint8Array(),
  };
}

function group(id: bigint): GroupRow {
  return { gid: 7n, uid: 2n, id, sendId: id, tm: 0, st: 0, mt: 0, ref: 0n, data: new Uint8Array() };
}

describe('the chat store', () => {
  it('finds a row by its key among rows saved in any order, and no row for an id it does not hold', () => {
    const store = new ChatStore();
    // Ascending mostly, with some ids arriving late (they are inserted in order, not appended).
    const ids = Array.from({ length: 500 }, (_, n) => BigInt(1000 + 2 * n));
    const order = [...ids.filter((_, n) => n % 7 !== 3), ...ids.filter((_, n) => n % 7 === 3)];
    for (const id of order) {
      store.saveP2p(p2p(id));
      store.saveGroup(group(id));
    }
    for (const id of ids) {
      expect(store.p2pRow(1n, id)?.id).toBe(id);
      expect(store.groupRow(7n, id)?.id).toBe(id);
      expect(store.p2pRow(1n, id + 1n)).toBeUndefined();
      expect(store.groupRow(7n, id - 1n)).toBeUndefined();
    }
    expect(store.p2pRow(1n, 0n)).toBeUndefined();
    expect(store.p2pRow(1n, 10_000n)).toBeUndefined();
    expect(store.p2pRow(3n, 1000n)).toBeUndefined();
    expect(store.groupRow(8n, 1000n)).toBeUndefined();
  });

  it('replaces a row saved again under the same key', () => {
    const store = new ChatStore();
    for (const id of [5n, 9n, 7n]) store.saveP2p(p2p(id));
    store.saveP2p({ ...p2p(7n), tm1: 42 });
    expect(store.p2pRow(1n, 7n)?.tm1).toBe(42);
    expect(store.p2p.get(1n)?.map((row) => row.id)).toEqual([5n, 7n, 9n]);
  });
});
