import type { Int64 } from '@birdtalk/proto';

/**
 * A hash index from ids (decimal text) to small non-negative integers, for a bounded set of ids that is
 * replaced one by one, as the sent-message states replace their oldest message with the newest.
 *
 * A `Map` under that churn never reuses a deleted entry: every so many insertions it copies its live entries
 * into a fresh table, which for ten thousand ids is close to a megabyte of new memory each time, and each
 * lookup wanders through a table three times as large as what it holds. This index probes open addressing
 * over typed arrays that it allocates only while it grows, and a deletion moves the entries after it back
 * into place, so a steady stream of insertions and deletions allocates nothing.
 */
export class IdIndex {
  /** The ids in their table positions; `undefined` marks a free position. */
  #keys: Array<Int64 | undefined>;
  /** Each position's id hash, so probes compare hashes before text and moves need not hash again. */
  #hashes: Int32Array;
  #values: Int32Array;
  #mask: number;
  #size = 0;

  /** @param initialCapacity - positions to start with (rounded up to a power of two); the table doubles as needed. */
  constructor(initialCapacity = 16) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.#keys = new Array<Int64 | undefined>(capacity).fill(undefined);
    this.#hashes = new Int32Array(capacity);
    this.#values = new Int32Array(capacity);
    this.#mask = capacity - 1;
  }

  /** How many ids are indexed. */
  get size(): number {
    return this.#size;
  }

  /** The value of `key`, or -1 when it is not indexed. */
  get(key: Int64): number {
    const hash = hashOf(key);
    const keys = this.#keys;
    const mask = this.#mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const candidate = keys[i];
      if (candidate === undefined) return -1;
      if (this.#hashes[i] === hash && candidate === key) return this.#values[i]!;
    }
  }

  /** Whether `key` is indexed. */
  has(key: Int64): boolean {
    return this.get(key) >= 0;
  }

  /** Indexes `key` with `value` (a non-negative 31-bit integer), replacing its previous value. */
  set(key: Int64, value: number): void {
    // At most two thirds full: probes stay short, and ten thousand ids fit 16,384 positions.
    if ((this.#size + 1) * 3 > this.#keys.length * 2) this.#grow();
    const hash = hashOf(key);
    const keys = this.#keys;
    const mask = this.#mask;
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const candidate = keys[i];
      if (candidate === undefined) break;
      if (this.#hashes[i] === hash && candidate === key) {
        this.#values[i] = value;
        return;
      }
    }
    keys[i] = key;
    this.#hashes[i] = hash;
    this.#values[i] = value;
    this.#size += 1;
  }

  /** Removes `key`; returns whether it was indexed. */
  delete(key: Int64): boolean {
    const hash = hashOf(key);
    const keys = this.#keys;
    const hashes = this.#hashes;
    const values = this.#values;
    const mask = this.#mask;
    let i = hash & mask;
    for (; ; i = (i + 1) & mask) {
      const candidate = keys[i];
      if (candidate === undefined) return false;
      if (hashes[i] === hash && candidate === key) break;
    }
    // Linear probing without tombstones: each later entry of the run that the gap now cuts off from its home
    // position moves back into the gap.
    for (let j = (i + 1) & mask; keys[j] !== undefined; j = (j + 1) & mask) {
      const home = hashes[j]! & mask;
      const reachable = i <= j ? i < home && home <= j : i < home || home <= j;
      if (reachable) continue;
      keys[i] = keys[j];
      hashes[i] = hashes[j]!;
      values[i] = values[j]!;
      i = j;
    }
    keys[i] = undefined;
    this.#size -= 1;
    return true;
  }

  #grow(): void {
    const keys = this.#keys;
    const hashes = this.#hashes;
    const values = this.#values;
    const capacity = keys.length * 2;
    this.#keys = new Array<Int64 | undefined>(capacity).fill(undefined);
    this.#hashes = new Int32Array(capacity);
    this.#values = new Int32Array(capacity);
    this.#mask = capacity - 1;
    const mask = this.#mask;
    for (let j = 0; j < keys.length; j += 1) {
      const key = keys[j];
      if (key === undefined) continue;
      let i = hashes[j]! & mask;
      while (this.#keys[i] !== undefined) i = (i + 1) & mask;
      this.#keys[i] = key;
      this.#hashes[i] = hashes[j]!;
      this.#values[i] = values[j]!;
    }
  }
}

/** FNV-1a over the UTF-16 code units, then mixed so that the low bits (the table position) depend on every digit. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}
