import { performance } from 'node:perf_hooks';
import { type Fleet, runFleet, workersKey } from '@birdtalk/fleet';
import type { Session } from '@birdtalk/session';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { median } from '../measure.js';
import { startPeer } from '../peer-process.js';
import { row, type ScenarioResult } from '../result.js';
import { prepareKeyedAccounts, sessionFor, settle } from './scale.js';

/** Parameters of the fleet scenario. */
export interface FleetParameters {
  /** How many bot accounts the fleet runs. */
  readonly accounts: number;
  /** How many workers share them. */
  readonly workers: number;
  /** How many connection attempts run at the same time while keys are prepared (not measured). */
  readonly prepareConcurrency: number;
  /** Alternating measurements per contender; the median is reported. */
  readonly rounds: number;
}

const leaseTtlMs = 15_000;

/**
 * Runs the fleet scenario: N accounts (each with a stored key, so they log in without a key exchange) come up
 * over W `runFleet` workers coordinated through a real `redis-server` — membership, a lease with a fencing token
 * per account, a session per account — against the same N sessions started in one process without a fleet.
 * Skipped, with a note, where `redis-server` is missing.
 */
export async function runFleetScenario(parameters: FleetParameters): Promise<ScenarioResult> {
  const n = parameters.accounts;
  const title = `Fleet: ${n.toLocaleString('en-US')} accounts over ${parameters.workers} workers`;
  if (!redisServerAvailable()) {
    return {
      id: 'fleet',
      title,
      parameters: { ...parameters },
      rows: [],
      targets: [],
      notes: ['Skipped: redis-server is not installed (apt-get install -y redis-server).'],
    };
  }
  const peer = await startPeer();
  const redisServer: RedisServer = await startRedisServer();
  try {
    const { ids, keyStore } = await prepareKeyedAccounts(peer, n, parameters.prepareConcurrency);

    // Baseline: the N sessions started at once in this process, as the scale scenario does.
    const measureOneProcess = async (): Promise<number> => {
      const begin = performance.now();
      const sessions = ids.map((id) => sessionFor(peer.serverUrl, id, keyStore));
      await Promise.all(sessions.map((session) => session.start()));
      const readyMs = performance.now() - begin;
      await Promise.all(sessions.map((session) => session.close()));
      await settle();
      return readyMs;
    };

    // Ours: W workers, each with its own Redis connection, start together; ready once every account runs.
    let fleetRuns = 0;
    const spread: string[] = [];
    const measureFleet = async (): Promise<number> => {
      fleetRuns += 1;
      const fleetName = `bench-${fleetRuns}`;
      const workerIds = Array.from({ length: parameters.workers }, (_, i) => `worker-${i}`);
      const setup = redisServer.client();
      // The workers come up together, as in a deployment: their membership is registered first, so each
      // takes its own share at once instead of the first one taking everything and handing most of it over.
      for (const workerId of workerIds) {
        await setup.zadd(workersKey('birdtalk', fleetName), Date.now() + leaseTtlMs, workerId);
      }
      const sessions: Session[] = [];
      let running = 0;
      let allRunning: () => void = () => {};
      const ready = new Promise<void>((resolve) => {
        allRunning = resolve;
      });
      const begin = performance.now();
      const fleets: Fleet[] = workerIds.map((workerId) =>
        runFleet({
          redis: redisServer.client({ maxRetriesPerRequest: null }),
          fleet: fleetName,
          workerId,
          accounts: ids.map((userId) => ({ userId })),
          leaseTtlMs,
          startAccount: async ({ account }) => {
            const session = sessionFor(peer.serverUrl, account.userId, keyStore);
            sessions.push(session);
            await session.start();
            running += 1;
            if (running === n) allRunning();
            return { stop: () => session.close() };
          },
        }),
      );
      await ready;
      const readyMs = performance.now() - begin;
      spread.splice(
        0,
        spread.length,
        ...fleets.map((fleet) => `${fleet.status().workerId} ${fleet.status().held.length}`),
      );
      await Promise.all(fleets.map((fleet) => fleet.stop()));
      await settle();
      return readyMs;
    };

    const ones: number[] = [];
    const fleets: number[] = [];
    for (let round = 0; round < parameters.rounds; round += 1) {
      if (round % 2 === 0) {
        ones.push(await measureOneProcess());
        fleets.push(await measureFleet());
      } else {
        fleets.push(await measureFleet());
        ones.push(await measureOneProcess());
      }
    }
    const fleetMs = median([...fleets].sort((a, b) => a - b));
    const oneMs = median([...ones].sort((a, b) => a - b));
    return {
      id: 'fleet',
      title,
      parameters: { ...parameters },
      rows: [
        row(`time until all ${n} accounts run`, 'ms', fleetMs, oneMs, `${n} sessions started in one process`),
      ],
      targets: [],
      notes: [
        `The ${parameters.workers} workers are runFleet instances in this process, each with its own Redis connection: on a shared 2-core machine, child processes would compete for the same cores and add their start-up; in one process the comparison with the baseline is on the same CPU, so the difference is what the fleet adds per account (membership, a Lua lease acquisition with a fencing token, its renewal timer) on top of the session.`,
        `The workers' membership is registered before they start, as when a deployment brings them up together; a cold start where one worker begins alone first takes every account and then hands shares over at its rebalancing (1 s period), which this figure does not include.`,
        `Accounts held per worker at the end of the last round: ${spread.join(', ')}. Sessions log in with stored keys (no key exchange); the reference server runs in the peer process, redis-server with appendfsync always.`,
        `Rounds: ${parameters.rounds}, alternating which contender goes first; medians reported.`,
      ],
    };
  } finally {
    await redisServer.stop();
    await peer.stop();
  }
}
