import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter.js';

interface Events {
  data: [value: number];
  done: [];
}

function setup() {
  const failures: Array<[unknown, keyof Events]> = [];
  const emitter = new Emitter<Events>((error, event) => failures.push([error, event]));
  return { emitter, failures };
}

describe('Emitter', () => {
  it('calls listeners in the order they were added, with the arguments emitted', () => {
    const { emitter } = setup();
    const seen: string[] = [];
    emitter.on('data', (value) => seen.push(`a${value}`));
    emitter.on('data', (value) => seen.push(`b${value}`));
    emitter.on('done', () => seen.push('done'));
    emitter.emit('data', 1);
    emitter.emit('done');
    expect(seen).toEqual(['a1', 'b1', 'done']);
  });

  it('registers the same function once per on() call, each with its own unsubscribe', () => {
    const { emitter } = setup();
    let calls = 0;
    const listener = (): void => {
      calls += 1;
    };
    const offFirst = emitter.on('done', listener);
    emitter.on('done', listener);
    emitter.emit('done');
    offFirst();
    emitter.emit('done');
    expect(calls).toBe(3);
    expect(emitter.listenerCount('done')).toBe(1);
  });

  it('skips a listener removed during an emit, and defers one added during it', () => {
    const { emitter } = setup();
    const seen: string[] = [];
    let offSecond = (): void => {};
    emitter.on('data', () => {
      seen.push('first');
      offSecond();
      emitter.on('data', () => seen.push('late'));
    });
    offSecond = emitter.on('data', () => seen.push('second'));
    emitter.emit('data', 0);
    expect(seen).toEqual(['first']);
    emitter.emit('data', 0);
    expect(seen).toEqual(['first', 'first', 'late']);
  });

  it('hands a throw to the failure handler and goes on with the next listener', () => {
    const { emitter, failures } = setup();
    const boom = new Error('boom');
    const seen: number[] = [];
    emitter.on('data', () => {
      throw boom;
    });
    emitter.on('data', (value) => seen.push(value));
    expect(() => emitter.emit('data', 5)).not.toThrow();
    expect(seen).toEqual([5]);
    expect(failures).toEqual([[boom, 'data']]);
  });

  it('removes a listener when its signal aborts, and never adds one whose signal already has', () => {
    const { emitter } = setup();
    const controller = new AbortController();
    let calls = 0;
    emitter.on('done', () => (calls += 1), { signal: controller.signal });
    emitter.on('done', () => (calls += 100), { signal: AbortSignal.abort() });
    emitter.emit('done');
    controller.abort();
    emitter.emit('done');
    expect(calls).toBe(1);
    expect(emitter.listenerCount('done')).toBe(0);
  });

  it('forgets every listener on clear()', () => {
    const { emitter } = setup();
    let calls = 0;
    emitter.on('done', () => (calls += 1), { signal: new AbortController().signal });
    emitter.clear();
    emitter.emit('done');
    expect(calls).toBe(0);
    expect(emitter.listenerCount('done')).toBe(0);
  });
});
