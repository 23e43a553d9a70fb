import { describe, expect, it, vi } from 'vitest';
import { createLogger, redactFields, seededRandom, sleep, systemRandom } from './index.js';
import { createMemoryLogger, FakeClock } from './testing.js';

describe('FakeClock', () => {
  it('fires timers in due order and only when time reaches them', async () => {
    const clock = new FakeClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b'), 20);
    clock.setTimeout(() => fired.push('a'), 10);
    const cancelled = clock.setTimeout(() => fired.push('x'), 15);
    clock.clearTimeout(cancelled);
    await clock.advance(9);
    expect(fired).toEqual([]);
    await clock.advance(11);
    expect(fired).toEqual(['a', 'b']);
    expect(clock.now()).toBe(20);
    expect(clock.pendingTimers).toBe(0);
  });

  it('repeats intervals and lets promise chains settle between timers', async () => {
    const clock = new FakeClock(0);
    const seen: number[] = [];
    const handle = clock.setInterval(() => {
      void Promise.resolve().then(() => seen.push(clock.now()));
    }, 5);
    await clock.advance(16);
    expect(seen).toEqual([5, 10, 15]);
    clock.clearInterval(handle);
    await clock.advance(100);
    expect(seen).toHaveLength(3);
  });

  it('runs the next timer on demand', async () => {
    const clock = new FakeClock(100);
    let fired = false;
    clock.setTimeout(() => {
      fired = true;
    }, 42);
    await clock.runNext();
    expect(fired).toBe(true);
    expect(clock.now()).toBe(142);
  });
});

describe('sleep', () => {
  it('resolves after the delay on the given clock', async () => {
    const clock = new FakeClock(0);
    let done = false;
    const slept = sleep(clock, 50).then(() => {
      done = true;
    });
    await clock.advance(49);
    expect(done).toBe(false);
    await clock.advance(1);
    await slept;
    expect(done).toBe(true);
  });

  it('rejects with the abort reason and clears its timer', async () => {
    const clock = new FakeClock(0);
    const controller = new AbortController();
    const slept = sleep(clock, 50, controller.signal);
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
    expect(clock.pendingTimers).toBe(0);
    await expect(sleep(clock, 1, controller.signal)).rejects.toThrow('stop');
  });
});

describe('Random', () => {
  it('seeded generators repeat their sequence', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a.float(), a.float()]).toEqual([b.float(), b.float()]);
    expect(a.bytes(8)).toEqual(b.bytes(8));
    expect(seededRandom(8).float()).not.toBe(seededRandom(7).float());
  });

  it('the system generator fills large buffers and floats stay in [0, 1)', () => {
    const bytes = systemRandom.bytes(70_000);
    expect(bytes).toHaveLength(70_000);
    expect(bytes.subarray(65_536).some((b) => b !== 0)).toBe(true);
    for (let i = 0; i < 100; i += 1) {
      const f = systemRandom.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });
});

describe('the system generator', () => {
  it('serves small requests from a block drawn at once, each byte handed out once', () => {
    const real = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
    let calls = 0;
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(((
      array: Uint8Array<ArrayBuffer>,
    ) => {
      calls += 1;
      return real(array);
    }) as typeof globalThis.crypto.getRandomValues);
    try {
      const ivs = Array.from({ length: 1000 }, () => systemRandom.bytes(16));
      // 16,000 bytes in 1,000 requests: a handful of draws, not one per request.
      expect(calls).toBeLessThanOrEqual(5);
      expect(ivs.every((iv) => iv.length === 16)).toBe(true);
      // No value comes out twice (a repeat of 16 random bytes has probability about 2^-118).
      expect(new Set(ivs.map((iv) => Buffer.from(iv).toString('hex'))).size).toBe(1000);
      // Large requests are filled directly, and still random.
      const big = systemRandom.bytes(1000);
      expect(big.some((b) => b !== 0)).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('logging', () => {
  it('drops records below the level and stamps the rest', () => {
    const records: unknown[] = [];
    const logger = createLogger((r) => records.push(r), {
      level: 'warn',
      now: () => 5,
      bindings: { component: 't' },
    });
    logger.info('quiet');
    logger.warn('loud', { n: 1 });
    expect(records).toEqual([{ level: 'warn', message: 'loud', fields: { component: 't', n: 1 }, time: 5 }]);
  });

  it('redacts secret-looking fields at any depth but keeps error codes', () => {
    const redacted = redactFields({
      pwd: 'hunter2',
      code: 'DECODE_MALFORMED',
      nested: { sharedKey: new Uint8Array(32), checkTokenData: 'abc', userPassword: 'x' },
      frame: new Uint8Array(3),
    });
    expect(redacted).toEqual({
      pwd: '[redacted]',
      code: 'DECODE_MALFORMED',
      nested: { sharedKey: '[redacted]', checkTokenData: '[redacted]', userPassword: '[redacted]' },
      frame: '<3 bytes>',
    });
  });

  it('redacts inside arrays too', () => {
    expect(redactFields({ users: [{ userId: '1', params: { pwd: 'x' } }] })).toEqual({
      users: [{ userId: '1', params: { pwd: '[redacted]' } }],
    });
  });

  it('says which levels it keeps', () => {
    const logger = createLogger(() => {}, { level: 'info' });
    expect([
      logger.isLevelEnabled?.('debug'),
      logger.isLevelEnabled?.('info'),
      logger.isLevelEnabled?.('error'),
    ]).toEqual([false, true, true]);
  });

  it('the memory logger keeps debug records', () => {
    const logger = createMemoryLogger();
    logger.debug('d', { token: 't' });
    expect(logger.records.map((r) => [r.level, r.message, r.fields])).toEqual([
      ['debug', 'd', { token: '[redacted]' }],
    ]);
  });
});
