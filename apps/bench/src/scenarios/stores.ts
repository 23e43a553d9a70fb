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

/** A store under test: how to open a fresh one, and what to remove afterwards. */
interface StoreKind {
  readonly name: string;
  open(scratch: string): Store;
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
    kinds.push({
      name: 'Redis',
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

    const measure = async (kind: StoreKind, marks: boolean): Promise<number> => {
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
      const begin = performance.now();
      await client.start();
      await done;
      await store.flush();
      const elapsedMs = performance.now() - begin;
      await client.stop();
      await store.close();
      bot = undefined;
      if (handled !== parameters.messages) {
        throw new Error(`the ${kind.name} store's bot handled ${handled} of ${parameters.messages}`);
      }
      return (handled * 1000) / elapsedMs;
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
    const rates = new Map(variants.map((variant) => [variant.id, [] as number[]]));
    for (let round = 0; round < parameters.rounds; round += 1) {
      // Rotate the order each round, so no store always runs first on a cold process.
      for (let i = 0; i < variants.length; i += 1) {
        const variant = variants[(round + i) % variants.length]!;
        rates.get(variant.id)!.push(await measure(variant.kind, variant.marks));
      }
    }
    const rateOf = (id: string): number => median([...rates.get(id)!].sort((a, b) => a - b));
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
              `Redis: a real redis-server on loopback with appendfsync always; ${(redisCommands / (redisRuns * parameters.messages)).toFixed(2)} Redis commands (round trips) per handled message.`,
            ]),
        'Each run: a new client with a fresh store starts (connect, key exchange, login) and handles every waiting message once (catch-up of everything, receipts sent); the clock stops when the catch-up is done and store.flush() resolved, so the persistent stores have made their state durable as documented.',
        `Handling marks (Store.markHandling before each handler, what makes a repeat after a crash flagged) cost per handled message: ${persistent.map((name) => `${name} ${markCostUs(name).toFixed(1)} µs`).join(', ')} (the difference of the medians with and without; "without" makes markHandling a no-op, which no client does).`,
        `Rounds: ${parameters.rounds}, the order of the stores rotating; medians reported.`,
      ],
    };
  } finally {
    await bot?.stop();
    await peer.stop();
    await redisServer?.stop();
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  }
}
