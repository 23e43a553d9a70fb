import { seededRandom } from '@birdtalk/runtime';
import { FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import type { GapSweepEvent } from '../events.js';
import type { SweepOutcome, SweepStream } from './catch-up.js';
import { GapSweeper } from './gap-sweep.js';
import { Positions } from './positions.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function setup(options: { intervalMs?: number; maxQueries?: number; groups?: string[] } = {}) {
  const clock = new FakeClock(0);
  const positions = new Positions(new Map(), () => {});
  const calls: Array<{ at: number; streams: string[]; maxQueries: number }> = [];
  const events: GapSweepEvent[] = [];
  /** How each call ends: by default every stream is done with one query each, within the budget. */
  let answer = (streams: readonly SweepStream[], maxQueries: number): Promise<SweepOutcome | undefined> =>
    Promise.resolve({
      queries: Math.min(streams.length, maxQueries),
      delivered: 0,
      streamsDone: Math.min(streams.length, maxQueries),
    });
  const sweeper = new GapSweeper({
    sweep: (streams, maxQueries) => {
      calls.push({ at: clock.now(), streams: streams.map((s) => s.stream), maxQueries });
      return answer(streams, maxQueries);
    },
    positions,
    groups: () => options.groups ?? [],
    clock,
    random: seededRandom(3),
    logger: silent,
    intervalMs: options.intervalMs ?? 60_000,
    maxQueries: options.maxQueries ?? 20,
    emit: (event) => events.push(event),
  });
  return {
    clock,
    positions,
    calls,
    events,
    sweeper,
    answerWith(next: typeof answer) {
      answer = next;
    },
  };
}

describe('the gap sweeper', () => {
  it('sweeps every interval, jittered between 0.9 and 1.1 times it, while connected', async () => {
    const t = setup({ intervalMs: 10_000 });
    t.sweeper.connected();
    for (let i = 0; i < 20; i += 1) {
      await t.clock.advance(1_000);
      await flushEventLoop();
    }
    await t.clock.advance(200_000);
    await flushEventLoop();
    const gaps = t.calls.map((call, i) => call.at - (t.calls[i - 1]?.at ?? 0));
    expect(gaps.length).toBeGreaterThanOrEqual(20);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(9_000);
      expect(gap).toBeLessThanOrEqual(11_000);
    }
    expect(new Set(gaps).size).toBeGreaterThan(5);
    const count = t.calls.length;
    t.sweeper.disconnected();
    await t.clock.advance(100_000);
    expect(t.calls).toHaveLength(count);
  });

  it('does not sweep periodically with an interval of 0, but still when asked', async () => {
    const t = setup({ intervalMs: 0 });
    t.sweeper.connected();
    await t.clock.advance(10 * 60_000);
    expect(t.calls).toEqual([]);
    t.sweeper.request();
    await flushEventLoop();
    expect(t.calls).toHaveLength(1);
    expect(t.events[0]).toMatchObject({ reason: 'unconfirmed', complete: true });
  });

  it('plans the P2P stream, then groups with live messages to confirm, then the others in turn', async () => {
    const t = setup({ intervalMs: 1_000, maxQueries: 3, groups: ['5', '3', '4', '1', '2'] });
    t.positions.begin('group:4', '10');
    t.positions.finish('group:4', '10', 'live');
    t.sweeper.connected();
    for (let i = 0; i < 3; i += 1) await t.clock.advance(1_100);
    // With 3 queries a sweep finishes the P2P stream and two groups; the rotation moves on by what it finished.
    expect(t.calls.map((call) => call.streams.slice(0, 3))).toEqual([
      ['p2p', 'group:4', 'group:1'],
      ['p2p', 'group:4', 'group:2'],
      ['p2p', 'group:4', 'group:3'],
    ]);
    expect(t.calls[0]!.streams).toEqual(['p2p', 'group:4', 'group:1', 'group:2', 'group:3', 'group:5']);
    expect(t.calls.every((call) => call.maxQueries === 3)).toBe(true);
    expect(t.events.map((event) => event.complete)).toEqual([false, false, false]);
  });

  it('never runs two sweeps at once: a request meanwhile sweeps again right after; a skipped sweep waits for the next turn', async () => {
    const t = setup({ intervalMs: 10_000 });
    let finish!: () => void;
    t.answerWith(
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ queries: 1, delivered: 2, streamsDone: 1 });
        }),
    );
    t.sweeper.connected();
    t.sweeper.request();
    t.sweeper.request();
    await t.clock.advance(30_000);
    expect(t.calls).toHaveLength(1);
    t.answerWith(() => Promise.resolve(undefined));
    finish();
    await flushEventLoop();
    expect(t.calls).toHaveLength(2);
    expect(t.events).toEqual([{ reason: 'unconfirmed', queries: 1, delivered: 2, complete: true }]);
    await t.clock.advance(11_000);
    expect(t.calls).toHaveLength(3);
    t.sweeper.close();
    t.sweeper.connected();
    t.sweeper.request();
    await t.clock.advance(60_000);
    expect(t.calls).toHaveLength(3);
  });
});
