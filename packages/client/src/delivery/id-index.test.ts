import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index.js';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
}

describe('the id index', () => {
  it('answers as a Map does through growth and a long stream of insertions and deletions', () => {
    const index = new IdIndex();
    const model = new Map<string, number>();
    const next = random(7);
    // Ids drawn from a small pool collide often, so probe runs form, break and re-form.
    const pool = Array.from({ length: 3000 }, (_, i) => String(1_764_450_000_000_000 + i * 7919));
    for (let step = 0; step < 30_000; step += 1) {
      const key = pool[next() % pool.length]!;
      const action = next() % 5;
      if (action < 2) {
        const value = next() % 10_000;
        index.set(key, value);
        model.set(key, value);
      } else if (action < 4) {
        expect(index.delete(key)).toBe(model.delete(key));
      } else {
        expect(index.get(key)).toBe(model.get(key) ?? -1);
        expect(index.has(key)).toBe(model.has(key));
      }
      expect(index.size).toBe(model.size);
    }
    for (const key of pool) expect(index.get(key)).toBe(model.get(key) ?? -1);
  });

  it('keeps a sliding window of ids as the sent-message states use it, without losing one', () => {
    const index = new IdIndex();
    const window = 1000;
    for (let i = 0; i < 50_000; i += 1) {
      index.set(String(100_000_000_000 + i), i % window);
      if (i >= window) expect(index.delete(String(100_000_000_000 + i - window))).toBe(true);
    }
    expect(index.size).toBe(window);
    for (let i = 50_000 - window; i < 50_000; i += 1)
      expect(index.get(String(100_000_000_000 + i))).toBe(i % window);
    expect(index.get(String(100_000_000_000 + 50_000 - window - 1))).toBe(-1);
  });

  it('tells apart ids whose text differs only in order or length', () => {
    const index = new IdIndex();
    const ids = ['12', '21', '012', '120', '1', '2', ''];
    for (const [i, id] of ids.entries()) index.set(id, i);
    for (const [i, id] of ids.entries()) expect(index.get(id)).toBe(i);
    expect(index.delete('21')).toBe(true);
    expect(index.delete('21')).toBe(false);
    expect(index.get('12')).toBe(0);
    expect(index.get('21')).toBe(-1);
  });
});
