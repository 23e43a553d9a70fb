import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Client, createClient, p2p } from '@birdtalk/client';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const available = redisServerAvailable();
const workerScript = fileURLToPath(new URL('./fixtures/fleet-worker.ts', import.meta.url));
const PASSWORD = 'fleet-password';
const ACCOUNTS = 30;
const MESSAGES = 300;

interface Handled {
  readonly worker: number;
  readonly account: string;
  readonly text: string;
  readonly redelivered: boolean;
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!available)('a fleet of three worker processes with 30 accounts', () => {
  let redis: RedisServer;
  let server: BirdTalkServer;
  const workers: ChildProcess[] = [];
  const senders: Client[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
    server = await createServer({ port: 0, strict: true });
  });
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    for (const sender of senders) await sender.stop();
    await server?.close();
    await redis?.stop();
  });

  it('survives SIGKILL of a worker mid-stream: its accounts resume elsewhere within the bound, 0 messages lost, never two sessions of one account', {
    timeout: 180_000,
  }, async () => {
    const bots: string[] = [];
    for (let i = 0; i < ACCOUNTS; i += 1) {
      bots.push(await server.createUser({ userName: `fleetbot${i}`, password: PASSWORD }));
    }
    const people = [
      await server.createUser({ userName: 'fleet-ann', password: PASSWORD }),
      await server.createUser({ userName: 'fleet-bob', password: PASSWORD }),
    ];
    // Each bot follows both people (so they may write to it) and they follow it (so it may answer).
    for (const bot of bots) {
      for (const person of people) {
        await server.follow(bot, person);
        await server.follow(person, bot);
      }
    }
    const handled: Handled[] = [];
    const started = new Map<string, number>();
    for (let index = 0; index < 3; index += 1) {
      const worker = fork(workerScript, [], {
        execArgv: ['--conditions=@birdtalk/source', '--import', 'tsx'],
        env: {
          ...process.env,
          REDIS_URL: redis.url,
          SERVER_URL: server.url,
          FLEET: 'sigkill',
          WORKER_ID: `worker-${index}`,
          ACCOUNTS: JSON.stringify(bots),
          PASSWORD,
        },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      worker.on(
        'message',
        (message: { type: string; account: string; text: string; redelivered: boolean }) => {
          if (message.type === 'handled') handled.push({ worker: index, ...message });
          if (message.type === 'started') started.set(message.account, index);
        },
      );
      workers.push(worker);
    }
    // Workers start one after the other: the first takes every account, then hands shares over as the others
    // join, until each runs ten.
    const owners = () =>
      [0, 1, 2].map((index) => [...started.values()].filter((owner) => owner === index).length);
    await until(
      () => bots.every((bot) => server.sessionCount(bot) === 1) && owners().join() === '10,10,10',
      90_000,
      'ten accounts running on each worker',
    );

    for (const person of people) {
      const sender = createClient(
        { server: server.url, credentials: { method: 'id', userId: person, password: PASSWORD } },
        { connector: server.connector() },
      );
      await sender.start();
      senders.push(sender);
    }
    const victim = 0;
    const victimAccounts = bots.filter((bot) => started.get(bot) === victim);
    let killedAt = 0;
    const sends: Promise<unknown>[] = [];
    for (let n = 0; n < MESSAGES; n += 1) {
      const bot = bots[n % ACCOUNTS]!;
      sends.push(senders[n % 2]!.sendText(p2p(bot), `m${n}`));
      if (n === MESSAGES / 3) {
        workers[victim]!.kill('SIGKILL');
        killedAt = Date.now();
        for (const account of victimAccounts) started.delete(account);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all(sends);
    await until(() => victimAccounts.every((bot) => started.has(bot)), 60_000, 'the takeover');
    const takeoverMs = Date.now() - killedAt;
    const texts = new Set(handled.map((entry) => entry.text));
    await until(
      () => {
        for (const entry of handled) texts.add(entry.text);
        return texts.size === MESSAGES;
      },
      60_000,
      'every message to be handled',
    );

    // 0 lost: every message reached a handler. Handled twice only across the crash: a message the killed
    // worker handled but had not recorded yet.
    const counts = new Map<string, Handled[]>();
    for (const entry of handled) counts.set(entry.text, [...(counts.get(entry.text) ?? []), entry]);
    const twice = [...counts.values()].filter((entries) => entries.length > 1);
    for (const entries of twice) expect(entries.some((entry) => entry.worker === victim)).toBe(true);
    // The takeover: the lease TTL (2 s) plus a rebalancing period, plus the start of the bots themselves.
    expect(victimAccounts.every((bot) => started.get(bot) !== victim)).toBe(true);
    process.stderr.write(
      `fleet: takeover of ${victimAccounts.length} accounts in ${takeoverMs} ms; ${handled.length} deliveries for ${MESSAGES} messages (${twice.length} handled twice across the crash, ${twice.filter((entries) => entries.some((entry) => entry.redelivered)).length} of them marked redelivered)\n`,
    );
    // The server saw at most one logged-in session per account at any time.
    for (const bot of bots) expect(server.peakSessionCount(bot), `account ${bot}`).toBeLessThanOrEqual(1);
  });
});
