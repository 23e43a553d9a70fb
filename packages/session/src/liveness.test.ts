import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { startLiveness } from './liveness.js';

function setup(overrides: { heartbeatIntervalMs?: number; pingIntervalMs?: number } = {}) {
  const clock = new FakeClock(0);
  const events: string[] = [];
  const silent: number[] = [];
  const liveness = startLiveness({
    clock,
    heartbeatIntervalMs: overrides.heartbeatIntervalMs ?? 30_000,
    pingIntervalMs: overrides.pingIntervalMs ?? 20_000,
    livenessTimeoutMs: 75_000,
    sendHeartbeat: () => events.push(`hb@${clock.now()}`),
    ping: () => {
      events.push(`ping@${clock.now()}`);
      return true;
    },
    onSilent: (ms) => silent.push(clock.now(), ms),
  });
  return { clock, events, silent, liveness };
}

describe('startLiveness', () => {
  it('sends heartbeats and pings on their intervals', async () => {
    const { clock, events, liveness } = setup();
    await clock.advance(60_000);
    expect(events).toEqual(['ping@20000', 'hb@30000', 'ping@40000', 'hb@60000', 'ping@60000']);
    liveness.stop();
  });

  it('holds one timer for heartbeats, pings and the silence check together', async () => {
    const { clock, events, liveness } = setup();
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(45_000);
    liveness.touch();
    await clock.advance(45_000);
    expect(events).toEqual([
      'ping@20000',
      'hb@30000',
      'ping@40000',
      'hb@60000',
      'ping@60000',
      'ping@80000',
      'hb@90000',
    ]);
    expect(clock.pendingTimers).toBe(1);
    liveness.stop();
    expect(clock.pendingTimers).toBe(0);
  });

  it('declares a silent server dead exactly at the bound, and stops its timers', async () => {
    const { clock, silent, events } = setup();
    await clock.advance(74_999);
    expect(silent).toEqual([]);
    await clock.advance(1);
    expect(silent).toEqual([75_000, 75_000]);
    const sent = events.length;
    await clock.advance(200_000);
    expect(events.length).toBe(sent);
    expect(clock.pendingTimers).toBe(0);
  });

  it('counts the bound from the last thing heard', async () => {
    const { clock, silent, liveness } = setup();
    await clock.advance(50_000);
    liveness.touch();
    await clock.advance(74_000);
    expect(silent).toEqual([]);
    await clock.advance(1_000);
    expect(silent).toEqual([125_000, 75_000]);
  });

  it('stops cleanly', async () => {
    const { clock, liveness, silent } = setup({ heartbeatIntervalMs: 0, pingIntervalMs: 0 });
    liveness.stop();
    liveness.stop();
    await clock.advance(500_000);
    expect(silent).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('probes with a heartbeat when nothing else would make a healthy server speak', async () => {
    const clock = new FakeClock(0);
    const silent: number[] = [];
    const probes: number[] = [];
    let answers = true;
    const liveness = startLiveness({
      clock,
      heartbeatIntervalMs: 0,
      pingIntervalMs: 0,
      livenessTimeoutMs: 75_000,
      sendHeartbeat: () => {
        probes.push(clock.now());
        if (answers) liveness.touch();
      },
      ping: () => false,
      onSilent: (ms) => silent.push(ms),
    });
    await clock.advance(600_000);
    expect(silent).toEqual([]);
    expect(probes.length).toBeGreaterThan(0);
    answers = false;
    await clock.advance(75_000);
    expect(silent).toHaveLength(1);
    liveness.stop();
  });
});
