import { describe, expect, it } from 'vitest';
import { appendBounded } from './memory-store.js';

/** A set that counts the iterations started over it. */
class CountingSet extends Set<string> {
  iterations = 0;
  override values(): SetIterator<string> {
    this.iterations += 1;
    return super.values();
  }
  override [Symbol.iterator](): SetIterator<string> {
    this.iterations += 1;
    return super[Symbol.iterator]();
  }
}

describe('appendBounded', () => {
  it('keeps exactly the newest keys, a key appended again counting as new', () => {
    const window = new Set<string>();
    const model: string[] = [];
    for (let n = 0; n < 3_000; n += 1) {
      const keys = n % 5 === 4 ? [`k${n - 2}`, `k${n}`] : [`k${n}`];
      appendBounded(window, keys, 40);
      for (const key of keys) {
        const at = model.indexOf(key);
        if (at >= 0) model.splice(at, 1);
        model.push(key);
      }
      model.splice(0, Math.max(0, model.length - 40));
      expect(window.size).toBe(model.length);
    }
    expect([...window]).toEqual(model);
  });

  it('finds the oldest key where the last eviction stopped, instead of walking the set again each time', () => {
    const window = new CountingSet();
    for (let n = 0; n < 10_000; n += 1) appendBounded(window, [`k${n}`], 100);
    expect(window.size).toBe(100);
    // One walk from the oldest end serves every eviction (a walk per eviction steps over every deleted slot).
    expect(window.iterations).toBe(1);
  });
});
