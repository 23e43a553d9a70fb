import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenLog } from './seen-log.js';

/** The window as `Store.addSeen` describes it, trimmed on every append. */
function appendToModel(model: string[], keys: readonly string[], limit: number): void {
  for (const key of keys) {
    const at = model.indexOf(key);
    if (at >= 0) model.splice(at, 1);
    model.push(key);
  }
  model.splice(0, Math.max(0, model.length - Math.max(0, Math.floor(limit))));
}

describe('SeenLog', () => {
  it('keeps exactly the newest keys, a key appended again counting as new, across many compactions', () => {
    const log = new SeenLog();
    const model: string[] = [];
    for (let n = 0; n < 3_000; n += 1) {
      const keys = n % 5 === 4 ? [`k${n - 2}`, `k${n}`] : [`k${n}`];
      log.append(keys, 40);
      appendToModel(model, keys, 40);
      if (n % 97 === 0) expect(log.keys()).toEqual(model);
    }
    expect(log.keys()).toEqual(model);
  });

  it('matches trimming on every append whatever the limits, reads and repeats', () => {
    const step = fc.record({
      keys: fc.array(
        fc.integer({ min: 0, max: 30 }).map((n) => `k${n}`),
        { maxLength: 6 },
      ),
      limit: fc.oneof(fc.constant(8), fc.integer({ min: 0, max: 12 }), fc.constant(2.5)),
      read: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const log = new SeenLog();
        const model: string[] = [];
        for (const { keys, limit, read } of steps) {
          log.append(keys, limit);
          appendToModel(model, keys, limit);
          if (read) expect(log.keys()).toEqual(model);
        }
        expect(log.keys()).toEqual(model);
      }),
    );
  });
});
