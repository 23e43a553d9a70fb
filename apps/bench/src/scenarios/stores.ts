import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Client, createClient, createMemoryStore, type Store } from '@birdtalk/client';
import { createFileStore } from '@birdtalk/client/node';
import { createNodeEcdh } from '@birdtalk/crypto/node';
import { createRedisStore, type RedisLike } from '@birdtalk/store-redis';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { createSqliteStore } from '@birdtalk/store-sqlite';
import { createNodeConnector } from '@birdtalk/transport/node';
import { writeBacklog } from '../backlog.js';
import { median } from '../measure.js';
import { startPeer } from '../peer-process.js';
import { row, type ScenarioResult, target } from '../result.js';

/** Parameters of the store scenario. */
export interface StoresParameters {
  /** Messages waiting for the bot, handled once per store and round. */
  readonly messages: number;
  /** Bytes of text per message. */
  readonly textBytes: number;
  /** Alternating measurements per store; the median is reported. */
  readonly rounds: number;
}

const password = 'bench-password';

/** One measured run of a store. */
interface Run {
  /** Handled messages per second, from the client's start until the store flushed. */
  readonly rate: number;
  /** This process's CPU time (user and system) per handled message, in µs. */
  readonly cpuUs: number;
  /** The store's server's CPU time per handled message, in µs, where the store has a server of its own. */
  readonly serverCpuUs?: number;
}

/** Runs a full garbage collection where the process allows it (`--expose-gc`, as `pnpm bench` runs). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** A store under test: how to open a fresh one, and what to remove afterwards. */
interface StoreKind {
  readonly name: string;
  open(scratch: string): Store;
  /** The CPU time the store's own server has used so far, in µs (a store with a server of its own). */
  serverCpuMicros?(): Promise<number>;
}

/** The CPU time a redis-server has used so far, in µs, from its `INFO cpu` (its own threads included). */
async function redisCpuMicros(admin: { info(section: string): Promise<string> }): Promise<number> {
  const info = await admin.info('cpu');
  const seconds = (field: string): number =>
    Number(new RegExp(`^${field}:([0-9.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return (seconds('used_cpu_sys') + seconds('used_cpu_user')) * 1e6;
}

const localKinds: readonly StoreKind[] = [
  { name: 'memory', open: () => createMemoryStore() },
  { name: 'file', open: (scratch) => createFileStore({ directory: join(scratch, 'state') }) },
  { name: 'SQLite', open: (scratch) => createSqliteStore({ path: join(scratch, 'state.db') }) },
];

/** A Redis connection that counts the commands sent through it (each one is a round trip). */
function counting(redis: RedisLike): { redis: RedisLike; commands: () => number } {
  let commands = 0;
  const count =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      commands += 1;
      return call(...args);
    };
  return {
    redis: {
      evalsha: count((...args) => redis.evalsha(...args)),
      eval: count((...args) => redis.eval(...args)),
      get: count((key) => redis.get(key)),
      hget: count((key, field) => redis.hget(key, field)),
      hgetall: count((key) => redis.hgetall(key)),
      zrange: count((key, start, stop) => redis.zrange(key, start, stop)),
    },
    commands: () => commands,
  };
}

/**
 * Runs the store scenario: a bot handles `messages` waiting messages (catch-up of everything) with each store,
 * from a fresh store every time; handled messages per second until the catch-up is done and the store has
 * flushed (everything it promised is durable), against the memory store in the same run.
 */
export async function runStores(parameters: StoresParameters): Promise<ScenarioResult> {
  const peer = await startPeer();
  let bot: Client | undefined;
  const scratchDirs: string[] = [];
  // Redis runs when redis-server is installed: a real server on loopback, every write on disk (appendfsync always).
  let redisServer: RedisServer | undefined;
  let redisCommands = 0;
  let redisRuns = 0;
  const kinds = [...localKinds];
  if (redisServerAvailable()) {
    redisServer = await startRedisServer();
    const connection = counting(redisServer.client({ maxRetriesPerRequest: null }));
    const admin = redisServer.client();
    kinds.push({
      name: 'Redis',
      serverCpuMicros: () => redisCpuMicros(admin),
      open: () => {
        redisRuns += 1;
        const before = connection.commands();
        const store = createRedisStore({ redis: connection.redis, account: `bench-${redisRuns}` });
        let counted = false;
        return {
          ...store,
          close: async () => {
            await store.close();
            // The client closes its store when it stops, and the run closes it again: count once.
            if (counted) return;
            counted = true;
            redisCommands += connection.commands() - before;
          },
        };
      },
    });
  }
  try {
    const { botId } = await writeBacklog(peer, password, parameters);

    /** One run: handled messages per second, and this process's CPU time per handled message. */
    const measure = async (kind: StoreKind, marks: boolean): Promise<Run> => {
      const scratch = mkdtempSync(join(tmpdir(), 'birdtalk-bench-store-'));
      scratchDirs.push(scratch);
      const opened = kind.open(scratch);
      // Without handling marks: what marking each message before its handler costs, by difference.
      const store: Store = marks ? opened : { ...opened, markHandling: async () => {} };
      let handled = 0;
      bot = createClient(
        { server: peer.serverUrl, credentials: { method: 'id', userId: botId, password }, catchUp: 'all' },
        { connector: createNodeConnector(), ecdh: createNodeEcdh(), store },
      );
      const client = bot;
      client.on('message', () => {
        handled += 1;
      });
      const done = client.once('catch-up', { filter: (event) => event.phase === 'done' });
      // No run pays for the garbage the one before it left.
      collectGarbage();
      const serverCpuBefore = await kind.serverCpuMicros?.();
      const cpuBefore = process.cpuUsage();
      const begin = performance.now();
      await client.start();
      await done;
      await store.flush();
      const elapsedMs = performance.now() - begin;
      const cpu = process.cpuUsage(cpuBefore);
      const serverCpuAfter = await kind.serverCpuMicros?.();
      await client.stop();
      await store.close();
      bot = undefined;
      if (handled !== parameters.messages) {
        throw new Error(`the ${kind.name} store's bot handled ${handled} of ${parameters.messages}`);
      }
      return {
        rate: (handled * 1000) / elapsedMs,
        cpuUs: (cpu.user + cpu.system) / handled,
        ...(serverCpuBefore === undefined || serverCpuAfter === undefined
          ? {}
          : { serverCpuUs: (serverCpuAfter - serverCpuBefore) / handled }),
      };
    };
    // Each persistent store runs twice per round: as the client uses it, and with markHandling a no-op.
    const variants = kinds.flatMap((kind) =>
      kind.name === 'memory'
        ? [{ kind, marks: true, id: kind.name }]
        : [
            { kind, marks: true, id: kind.name },
            { kind, marks: false, id: `${kind.name} unmarked` },
          ],
    );
    // Warm-up: every variant once, unmeasured. The first runs in a process are the JIT's (memory store alone,
    // one run after another: 5,700, 17,000, 38,000 msgs/s, then 28,000–56,000); unwarmed, the first slot of
    // the first round was always the memory store's, and one of its three samples was a cold one.
    for (const variant of variants) await measure(variant.kind, variant.marks);
    const runs = new Map(variants.map((variant) => [variant.id, [] as Run[]]));
    for (let round = 0; round < parameters.rounds; round += 1) {
      // Rotate the order each round, so that every store takes every position in turn.
      for (let i = 0; i < variants.length; i += 1) {
        const variant = variants[(round + i) % variants.length]!;
        runs.get(variant.id)!.push(await measure(variant.kind, variant.marks));
      }
    }
    const sortedOf = (id: string, pick: (run: Run) => number): number[] =>
      runs
        .get(id)!
        .map(pick)
        .sort((a, b) => a - b);
    const rateOf = (id: string): number => median(sortedOf(id, (run) => run.rate));
    const cpuOf = (id: string, pick: (run: Run) => number = (run) => run.cpuUs): number =>
      median(sortedOf(id, pick));
    const byRound = (id: string): string =>
      runs
        .get(id)!
        .map((run) => Math.round(run.rate).toLocaleString('en-US'))
        .join(' / ');
    const memory = rateOf('memory');
    const persistent = kinds.filter((kind) => kind.name !== 'memory').map((kind) => kind.name);
    const markCostUs = (name: string): number => 1e6 / rateOf(name) - 1e6 / rateOf(`${name} unmarked`);
    return {
      id: 'stores',
      title: `Stores: handled messages per second, ${parameters.messages.toLocaleString('en-US')} waiting messages`,
      parameters: { ...parameters },
      rows: [
        ...persistent.map((name) =>
          row(`handled, ${name} store`, 'msgs/s', rateOf(name), memory, 'memory store'),
        ),
        ...persistent.map((name) =>
          row(
            `handled, ${name} store without handling marks`,
            'msgs/s',
            rateOf(`${name} unmarked`),
            rateOf(name),
            `${name} store with marks`,
          ),
        ),
      ],
      targets: persistent.flatMap((name) => [
        target(`${name} store, handled msgs/s`, rateOf(name), '>=', 5000),
        target(`${name} store ÷ memory store`, rateOf(name) / memory, '>=', 0.5),
      ]),
      notes: [
        ...(redisServer === undefined
          ? ['redis-server is not installed: the Redis store was not measured.']
          : [
              `Redis: a real redis-server on loopback with appendfsync always; ${(redisCommands / (redisRuns * parameters.messages)).toFixed(2)} Redis commands (round trips) per handled message. redis-server's own CPU time per handled message (INFO cpu), median: ${variants
                .filter((variant) => variant.kind.serverCpuMicros !== undefined)
                .map(
                  (variant) =>
                    `${variant.id} ${cpuOf(variant.id, (run) => run.serverCpuUs ?? NaN).toFixed(1)} µs`,
                )
                .join(', ')}; it shares the machine's cores with this process and the reference server.`,
            ]),
        'Each run: a new client with a fresh store starts (connect, key exchange, login) and handles every waiting message once (catch-up of everything, receipts sent); the clock stops when the catch-up is done and store.flush() resolved, so the persistent stores have made their state durable as documented.',
        `Handling marks (Store.markHandling before each handler, what makes a repeat after a crash flagged) cost per handled message: ${persistent.map((name) => `${name} ${markCostUs(name).toFixed(1)} µs`).join(', ')} (the difference of the medians with and without; "without" makes markHandling a no-op, which no client does).`,
        `Rounds: ${parameters.rounds} after an unmeasured warm-up run of each, the order of the stores rotating so that each takes every position in turn, and a forced garbage collection before every run; medians reported. Handled msgs/s by round: ${variants.map((variant) => `${variant.id} ${byRound(variant.id)}`).join('; ')}.`,
        `This process's CPU time per handled message (client and store; the server runs in another process), median: ${variants.map((variant) => `${variant.id} ${cpuOf(variant.id).toFixed(1)} µs`).join(', ')}. It counts this process's work and not the time it waited for a core, which the msgs/s figures do: a memory-store run takes about 40 ms on a quiet machine, in which a stall of 10 ms moves it by a quarter, where a persistent store's 100–300 ms run averages such stalls out.`,
      ],
    };
  } finally {
    await bot?.stop();
    await peer.stop();
    await redisServer?.stop();
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  }
}
