import { performance } from 'node:perf_hooks';
import { createMemoryKeyStore, type KeyStore } from '@birdtalk/crypto';
import { createNodeEcdh } from '@birdtalk/crypto/node';
import { createSession, type Session } from '@birdtalk/session';
import { createNodeConnector } from '@birdtalk/transport/node';
import WebSocket from 'ws';
import { median } from '../measure.js';
import { type Peer, startPeer } from '../peer-process.js';
import { row, type ScenarioResult, target } from '../result.js';

/** Parameters of the scale scenario. */
export interface ScaleParameters {
  /** How many bot sessions connect at once. */
  readonly sessions: number;
  /** How many connection attempts run at the same time while keys are prepared (not measured). */
  readonly prepareConcurrency: number;
  /** Alternating measurements per contender; the median is reported. */
  readonly rounds: number;
}

/** One measurement: time until all were ready, and memory per connection. */
interface Figures {
  readonly readyMs: number;
  readonly heap: number;
  readonly rss: number;
}

const password = 'bench-password';

function gcNow(): void {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
}

function memory(): { heap: number; rss: number } {
  gcNow();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed, rss: usage.rss };
}

/**
 * Memory once the connect burst is over: what idle connections hold, not the garbage and allocator slack of the
 * burst that made them (measured right after the last one is ready, RSS swung by tens of KiB per session between
 * rounds of the same build).
 */
async function idleMemory(): Promise<{ heap: number; rss: number }> {
  await settle();
  return memory();
}

/** Collects garbage and gives the allocator a moment to hand freed pages back (also used by the fleet scenario). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    gcNow();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** An idle bot session of `userId`, as a bot would run it; its keys live in `keyStore`. */
export function sessionFor(url: string, userId: string, keyStore: KeyStore): Session {
  return createSession(
    {
      url,
      credentials: { method: 'id', userId, password },
      clientId: `bench-${userId}`,
      // Idle sessions: the default liveness settings, as a bot would run them.
    },
    { connector: createNodeConnector(), keyStore, ecdh: createNodeEcdh() },
  );
}

/** Runs `run` over `items`, `size` at a time. */
export async function inBatches<T>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * Creates `n` accounts on the peer and gives each a stored key (not measured): one full key exchange and login per
 * account, `concurrency` at a time, so that later sessions of theirs re-login without a key exchange. Ends with the
 * heap settled.
 */
export async function prepareKeyedAccounts(
  peer: Peer,
  n: number,
  concurrency: number,
): Promise<{ readonly ids: readonly string[]; readonly keyStore: KeyStore }> {
  const ids = await peer.createUsers(n, password);
  const keyStore = createMemoryKeyStore();
  await inBatches(ids, concurrency, async (id) => {
    const session = sessionFor(peer.serverUrl, id, keyStore);
    await session.start();
    await session.close();
  });
  await settle();
  return { ids, keyStore };
}

/**
 * Runs the scale scenario: N sessions that already completed a key exchange reconnect at once with
 * password-less re-login (Hello with keyPrint and check token) against the reference server in another
 * process; time until all are ready and memory per idle session, against N raw `ws` connections.
 */
export async function runScale(parameters: ScaleParameters): Promise<ScenarioResult> {
  const peer = await startPeer();
  const n = parameters.sessions;
  try {
    // Every measurement starts from a settled process: the preparation ends with the heap shrunk back.
    const { ids, keyStore } = await prepareKeyedAccounts(peer, n, parameters.prepareConcurrency);
    // Baseline: N raw ws connections to the echo server in the same peer process.
    const measureRaw = async (): Promise<Figures> => {
      const before = memory();
      const begin = performance.now();
      const sockets = await Promise.all(
        ids.map(
          () =>
            new Promise<WebSocket>((resolve, reject) => {
              const socket = new WebSocket(peer.echoUrl, { perMessageDeflate: false });
              socket.once('open', () => resolve(socket));
              socket.once('error', reject);
            }),
        ),
      );
      const readyMs = performance.now() - begin;
      const after = await idleMemory();
      for (const socket of sockets) socket.terminate();
      sockets.length = 0;
      await settle();
      return { readyMs, heap: (after.heap - before.heap) / n, rss: (after.rss - before.rss) / n };
    };
    // Ours: N sessions reconnecting with their stored keys.
    const measureOurs = async (): Promise<Figures> => {
      const before = memory();
      const begin = performance.now();
      const sessions = ids.map((id) => sessionFor(peer.serverUrl, id, keyStore));
      await Promise.all(sessions.map((session) => session.start()));
      const readyMs = performance.now() - begin;
      const after = await idleMemory();
      fastLogins = 0;
      for (const session of sessions) if (session.state === 'ready') fastLogins += 1;
      await Promise.all(sessions.map((session) => session.close()));
      sessions.length = 0;
      await settle();
      return { readyMs, heap: (after.heap - before.heap) / n, rss: (after.rss - before.rss) / n };
    };
    // Rounds alternate which contender goes first, so neither always meets a cold process; medians reported.
    let fastLogins = 0;
    const raws: Figures[] = [];
    const ourRounds: Figures[] = [];
    for (let round = 0; round < parameters.rounds; round += 1) {
      if (round % 2 === 0) {
        raws.push(await measureRaw());
        ourRounds.push(await measureOurs());
      } else {
        ourRounds.push(await measureOurs());
        raws.push(await measureRaw());
      }
    }
    const mid = (figures: readonly Figures[], pick: (figure: Figures) => number): number =>
      median(figures.map(pick).sort((a, b) => a - b));
    const readyMs = mid(ourRounds, (figure) => figure.readyMs);
    const rawReadyMs = mid(raws, (figure) => figure.readyMs);

    const range = (figures: readonly Figures[]): string => {
      const kib = figures.map((figure) => figure.rss / 1024).sort((a, b) => a - b);
      return `${kib[0]?.toFixed(1)}–${kib.at(-1)?.toFixed(1)}`;
    };
    const heapPerSession = mid(ourRounds, (figure) => figure.heap);
    const rssPerSession = mid(ourRounds, (figure) => figure.rss);
    const rawHeapPer = mid(raws, (figure) => figure.heap);
    const rawRssPer = mid(raws, (figure) => figure.rss);
    return {
      id: 'scale',
      title: `Scale: ${n.toLocaleString('en-US')} sessions reconnecting with fast re-login`,
      parameters: { ...parameters },
      rows: [
        row(`time until all ${n} are ready`, 'ms', readyMs, rawReadyMs, `${n} raw ws connections open`),
        row('heap per idle session', 'KiB', heapPerSession / 1024, rawHeapPer / 1024, 'raw ws connection'),
        row('RSS per idle session', 'KiB', rssPerSession / 1024, rawRssPer / 1024, 'raw ws connection'),
      ],
      targets: [
        ...(n >= 10_000
          ? [target(`${n.toLocaleString('en-US')} sessions ready, seconds`, readyMs / 1000, '<=', 3)]
          : []),
        target('heap per idle session, KiB', heapPerSession / 1024, '<=', 8),
        target('RSS per idle session, KiB', rssPerSession / 1024, '<=', 16),
      ],
      notes: [
        `All ${fastLogins} of ${n} sessions reached ready; the peer process serves every connection. Memory is measured in this process while the connections are idle, after the connect burst has settled (forced garbage collections and a pause).`,
        `RSS per idle session by round: ours ${range(ourRounds)} KiB, raw ws ${range(raws)} KiB.`,
        `Rounds: ${parameters.rounds}, alternating which contender goes first; medians reported. The ready-time target is for 10,000 sessions (--sessions 10000).`,
      ],
    };
  } finally {
    await peer.stop();
  }
}
