import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Positions, StreamWatermark } from './positions.js';

describe('a stream watermark', () => {
  it('moves only past ids whose handling finished, never past one still running', () => {
    const mark = new StreamWatermark('10');
    for (const id of ['11', '12', '13']) mark.begin(id);
    expect(mark.finish('13')).toBeUndefined();
    expect(mark.finish('12')).toBeUndefined();
    expect(mark.position).toBe('10');
    expect(mark.finish('11')).toBe('13');
    expect(mark.position).toBe('13');
  });

  it('moves past a message handled live only once a history page lists it', () => {
    const mark = new StreamWatermark('10');
    mark.begin('12');
    // 12 came live; 11 may be a push the server dropped, so the position stays.
    expect(mark.finish('12', 'live')).toBeUndefined();
    expect(mark.position).toBe('10');
    expect(mark.unconfirmed).toBe(1);
    expect(mark.lag).toBe(1);
    // A page lists 11 (new) and 12 (a duplicate that needs no handling).
    mark.begin('11');
    mark.begin('12');
    expect(mark.finish('12')).toBeUndefined();
    expect(mark.finish('11')).toBe('12');
    expect(mark.unconfirmed).toBe(0);
    expect(mark.lag).toBe(0);
  });

  it('counts a live message listed by a page while it is still being handled only once', () => {
    const mark = new StreamWatermark('10');
    mark.begin('11');
    mark.begin('11');
    expect(mark.finish('11')).toBeUndefined();
    expect(mark.finish('11', 'live')).toBe('11');
    expect(mark.unconfirmed).toBe(0);
  });

  it('forgets live ids a starting point passes', () => {
    const mark = new StreamWatermark(undefined);
    mark.begin('5');
    mark.finish('5', 'live');
    expect(mark.position).toBeUndefined();
    expect(mark.raise('9')).toBe('9');
    expect(mark.unconfirmed).toBe(0);
  });

  it('never moves backwards', () => {
    const mark = new StreamWatermark('100');
    mark.begin('50');
    expect(mark.finish('50')).toBeUndefined();
    expect(mark.raise('99')).toBeUndefined();
    expect(mark.position).toBe('100');
  });

  it('starts from nothing, and can be raised to a starting point', () => {
    const mark = new StreamWatermark(undefined);
    expect(mark.position).toBeUndefined();
    expect(mark.raise('0')).toBe('0');
    expect(mark.raise('7300000000000000123')).toBe('7300000000000000123');
  });

  it('is held by the lowest id still being handled, whatever the order of finishing (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.bigInt({ min: 1n, max: 10_000n }), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        (ids, choices) => {
          const mark = new StreamWatermark(undefined);
          const sorted = [...ids].sort((a, b) => (a < b ? -1 : 1));
          for (const id of sorted) mark.begin(id.toString());
          const running = new Set(sorted);
          const iterator = choices[Symbol.iterator]();
          while (running.size > 0) {
            const list = [...running];
            const pick = list[iterator.next().value % list.length]!;
            running.delete(pick);
            mark.finish(pick.toString());
            const lowest = [...running].reduce<bigint | undefined>(
              (a, b) => (a === undefined || b < a ? b : a),
              undefined,
            );
            const expected = sorted.filter((id) => lowest === undefined || id < lowest).at(-1);
            expect(mark.position).toBe(expected?.toString());
          }
          expect(mark.position).toBe(sorted.at(-1)!.toString());
        },
      ),
    );
  });

  it('is held by the lowest id still being handled when ids begin in any order, some twice (property)', () => {
    const op = fc.record({ begin: fc.boolean(), id: fc.bigInt({ min: 1n, max: 30n }), pick: fc.nat() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const mark = new StreamWatermark(undefined);
        // The model: ids being handled (a multiset), ids handled above the position, and the position.
        const running: bigint[] = [];
        const done = new Set<bigint>();
        let position: bigint | undefined;
        for (const { begin, id, pick } of ops) {
          if (begin || running.length === 0) {
            mark.begin(id);
            running.push(id);
          } else {
            const [finished] = running.splice(pick % running.length, 1);
            mark.finish(finished!);
            if (position === undefined || finished! > position) done.add(finished!);
          }
          const lowest = running.reduce<bigint | undefined>(
            (a, b) => (a === undefined || b < a ? b : a),
            undefined,
          );
          const passed = [...done].filter((d) => lowest === undefined || d < lowest);
          const top = passed.reduce<bigint | undefined>(
            (a, b) => (a === undefined || b > a ? b : a),
            undefined,
          );
          if (top !== undefined && (position === undefined || top > position)) {
            position = top;
            for (const d of done) if (d <= top) done.delete(d);
          }
          expect(mark.position).toBe(position?.toString());
          expect(mark.lag).toBe(running.length + done.size);
        }
      }),
    );
  });
});

describe('positions of several streams', () => {
  it('persist a stream position each time it moves', () => {
    const saved: Array<[string, string]> = [];
    const positions = new Positions(new Map([['p2p', '5']]), (stream, position) =>
      saved.push([stream, position]),
    );
    positions.begin('p2p', '6');
    positions.begin('group:1', '3');
    positions.finish('group:1', '3');
    positions.finish('p2p', '6');
    expect(saved).toEqual([
      ['group:1', '3'],
      ['p2p', '6'],
    ]);
    expect(positions.get('p2p')).toBe('6');
    expect(positions.has('group:2')).toBe(false);
  });
});
