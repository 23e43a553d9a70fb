import { isBirdTalkError } from '@birdtalk/errors';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

const limits = { maxEntries: 3, ttlMs: 1_000, missingTtlMs: 100 };

/** A loader that counts its calls and answers `value-<key>-<call>`. */
function counting() {
  const calls: string[] = [];
  const load = (key: string) => async () => {
    calls.push(key);
    return `value-${key}-${calls.length}`;
  };
  return { calls, load };
}

describe('TtlCache', () => {
  it('answers a fresh entry without loading, and loads again once it expired', async () => {
    const clock = new FakeClock();
    const cache = new TtlCache<string>(clock, limits);
    const { calls, load } = counting();
    expect(await cache.get('a', load('a'))).toBe('value-a-1');
    await clock.advance(999);
    expect(await cache.get('a', load('a'))).toBe('value-a-1');
    expect(calls).toEqual(['a']);
    await clock.advance(1);
    expect(await cache.get('a', load('a'))).toBe('value-a-2');
    expect(calls).toEqual(['a', 'a']);
  });

  it('remembers "not found" only for missingTtlMs', async () => {
    const clock = new FakeClock();
    const cache = new TtlCache<string>(clock, limits);
    let loads = 0;
    const missing = async () => {
      loads += 1;
      return undefined;
    };
    expect(await cache.get('a', missing)).toBeUndefined();
    expect(await cache.get('a', missing)).toBeUndefined();
    expect(loads).toBe(1);
    await clock.advance(100);
    await cache.get('a', missing);
    expect(loads).toBe(2);
  });

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const clock = new FakeClock();
    const cache = new TtlCache<string>(clock, limits);
    const { calls, load } = counting();
    for (const key of ['a', 'b', 'c']) await cache.get(key, load(key));
    // `a` is used again, so `b` is now the least recently used.
    await cache.get('a', load('a'));
    await cache.get('d', load('d'));
    expect(cache.size).toBe(3);
    expect(cache.has('b')).toBe(false);
    expect(['a', 'c', 'd'].every((key) => cache.has(key))).toBe(true);
    await cache.get('b', load('b'));
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'b']);
    expect(cache.size).toBe(3);
  });

  it('shares one load between concurrent lookups of a key', async () => {
    const cache = new TtlCache<string>(new FakeClock(), limits);
    let release: (value: string) => void = () => {};
    let loads = 0;
    const slow = () => {
      loads += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    };
    const first = cache.get('a', slow);
    const second = cache.get('a', slow);
    release('shared');
    expect(await Promise.all([first, second])).toEqual(['shared', 'shared']);
    expect(loads).toBe(1);
  });

  it('does not remember a failure: the next lookup loads again', async () => {
    const cache = new TtlCache<string>(new FakeClock(), limits);
    let loads = 0;
    const flaky = async () => {
      loads += 1;
      if (loads === 1) throw new Error('server down');
      return 'ok';
    };
    await expect(cache.get('a', flaky)).rejects.toThrow('server down');
    expect(await cache.get('a', flaky)).toBe('ok');
    expect(loads).toBe(2);
  });

  it('drops the result of a load that was in flight when the key was invalidated', async () => {
    const cache = new TtlCache<string>(new FakeClock(), limits);
    let release: (value: string) => void = () => {};
    const stale = cache.get(
      'a',
      () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    );
    cache.invalidate('a');
    release('before the change');
    expect(await stale).toBe('before the change');
    expect(cache.has('a')).toBe(false);
    expect(await cache.get('a', async () => 'after the change')).toBe('after the change');
  });

  it('ends only the waiting of a caller whose signal aborts', async () => {
    const cache = new TtlCache<string>(new FakeClock(), limits);
    let release: (value: string) => void = () => {};
    const slow = () =>
      new Promise<string>((resolve) => {
        release = resolve;
      });
    const controller = new AbortController();
    const abandoned = cache.get('a', slow, controller.signal);
    const patient = cache.get('a', slow);
    controller.abort();
    const error = await abandoned.catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'ABORTED')).toBe(true);
    release('done');
    expect(await patient).toBe('done');
    expect(cache.has('a')).toBe(true);
  });

  it('keeps nothing with a ttl of 0', async () => {
    const cache = new TtlCache<string>(new FakeClock(), { ...limits, ttlMs: 0 });
    const { calls, load } = counting();
    await cache.get('a', load('a'));
    await cache.get('a', load('a'));
    expect(calls).toEqual(['a', 'a']);
    expect(cache.size).toBe(0);
  });
});
