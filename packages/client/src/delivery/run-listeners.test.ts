import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { runListeners } from './run-listeners.js';

describe('running delivery listeners', () => {
  it('retries only the failing listener, with growing pauses, until it succeeds', async () => {
    const clock = new FakeClock();
    const calls: string[] = [];
    let failures = 2;
    const outcome = runListeners(
      [
        () => {
          calls.push(`ok@${clock.now()}`);
        },
        async () => {
          calls.push(`flaky@${clock.now()}`);
          if (failures-- > 0) throw new Error('not yet');
        },
      ],
      undefined,
      { retries: 3, retryDelayMs: 100, clock },
    );
    await clock.advance(1_000);
    expect(await outcome).toEqual({ ok: true });
    const t0 = 1_750_000_000_000;
    expect(calls).toEqual([`ok@${t0}`, `flaky@${t0}`, `flaky@${t0 + 100}`, `flaky@${t0 + 300}`]);
  });

  it('settles listeners that return at once without reading the signal, and retries one that throws at once', async () => {
    const clock = new FakeClock();
    let reads = 0;
    const policy = {
      retries: 1,
      retryDelayMs: 10,
      clock,
      get signal() {
        reads += 1;
        return new AbortController().signal;
      },
    };
    expect(await runListeners([() => 1, () => undefined], undefined, policy)).toEqual({ ok: true });
    // Nothing was waited for, so the signal (which a delivery makes only when read) was never needed.
    expect(reads).toBe(0);

    let throws = 1;
    const calls: string[] = [];
    const outcome = runListeners(
      [
        () => {
          calls.push('steady');
        },
        () => {
          calls.push('flaky');
          if (throws-- > 0) throw new Error('not yet');
        },
      ],
      undefined,
      policy,
    );
    await clock.advance(100);
    expect(await outcome).toEqual({ ok: true });
    expect(calls).toEqual(['steady', 'flaky', 'flaky']);
  });

  it('gives up after 1 + retries attempts with the last error', async () => {
    const clock = new FakeClock();
    let attempts = 0;
    const outcome = runListeners(
      [
        () => {
          attempts += 1;
          throw new Error(`failure ${attempts}`);
        },
      ],
      undefined,
      { retries: 2, retryDelayMs: 10, clock },
    );
    await clock.advance(1_000);
    const result = await outcome;
    expect(result).toMatchObject({ ok: false, attempts: 3 });
    expect((result as { error: Error }).error.message).toBe('failure 3');
  });

  it('is abandoned when the signal aborts between attempts', async () => {
    const clock = new FakeClock();
    const stop = new AbortController();
    const outcome = runListeners(
      [
        () => {
          throw new Error('no');
        },
      ],
      undefined,
      { retries: 5, retryDelayMs: 1_000, clock, signal: stop.signal },
    );
    await clock.advance(10);
    stop.abort('stopping');
    expect(await outcome).toEqual({ ok: false, abandoned: true, reason: 'stopping', attempts: 1 });
  });

  it('stops waiting for a listener that never settles once the signal aborts', async () => {
    const clock = new FakeClock();
    const stop = new AbortController();
    const outcome = runListeners([() => new Promise(() => {})], undefined, {
      retries: 2,
      retryDelayMs: 1_000,
      clock,
      signal: stop.signal,
    });
    clock.setTimeout(() => stop.abort('time is up'), 5_000);
    await clock.advance(5_000);
    expect(await outcome).toEqual({ ok: false, abandoned: true, reason: 'time is up', attempts: 1 });
  });
});
