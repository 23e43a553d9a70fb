import { seededRandom } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.js';
import { createClockSendIds } from './send-ids.js';

describe('createBackoff', () => {
  it('draws each delay uniformly below an exponentially growing, capped ceiling', () => {
    const backoff = createBackoff(
      { reconnectBaseMs: 100, reconnectCapMs: 1_000, reconnectMaxAttempts: 100 },
      seededRandom(3),
    );
    const delays = Array.from({ length: 8 }, () => backoff.next()!);
    const ceilings = [100, 200, 400, 800, 1000, 1000, 1000, 1000];
    delays.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(ceilings[index]!);
    });
    // Full jitter: the delays are not the ceilings themselves, and a seed repeats them.
    expect(new Set(delays).size).toBeGreaterThan(4);
    const again = createBackoff(
      { reconnectBaseMs: 100, reconnectCapMs: 1_000, reconnectMaxAttempts: 100 },
      seededRandom(3),
    );
    expect(Array.from({ length: 8 }, () => again.next())).toEqual(delays);
  });

  it('gives up after reconnectMaxAttempts and starts over after reset', () => {
    const random = { bytes: (n: number) => new Uint8Array(n), float: () => 0.999 };
    const backoff = createBackoff(
      { reconnectBaseMs: 100, reconnectCapMs: 10_000, reconnectMaxAttempts: 3 },
      random,
    );
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([
      99,
      199,
      399,
      undefined,
    ]);
    expect(backoff.attempts).toBe(3);
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(99);
  });

  it('survives huge attempt counts', () => {
    const backoff = createBackoff(
      { reconnectBaseMs: 1, reconnectCapMs: 50, reconnectMaxAttempts: Number.POSITIVE_INFINITY },
      seededRandom(1),
    );
    for (let i = 0; i < 2000; i += 1) expect(backoff.next()).toBeLessThan(50);
  });
});

describe('createClockSendIds', () => {
  it('is strictly increasing and never below the clock, so a restart never repeats an id', async () => {
    const clock = new FakeClock(1_750_000_000_000);
    const ids = createClockSendIds(clock);
    const first = [ids.next(), ids.next(), ids.next()];
    expect(first).toEqual(['1750000000000000', '1750000000000001', '1750000000000002']);
    // A restart one millisecond later starts above everything the previous run handed out.
    await clock.advance(1);
    const restarted = createClockSendIds(clock);
    expect(BigInt(restarted.next())).toBeGreaterThan(BigInt(first[2]!));
    expect(Number.isSafeInteger(Number(restarted.next()))).toBe(true);
  });
});
