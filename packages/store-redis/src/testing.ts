/**
 * Test helpers for code that uses Redis: a real `redis-server` on a free loopback port, and the rule for suites
 * where it is missing (skip loudly, or fail under `CI=true`). Node only; needs `redis-server` on the PATH.
 *
 * @packageDocumentation
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A real `redis-server` on a free loopback port, in a temp directory, with every write on disk. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** A new client; closed by {@link RedisServer.stop}. */
  client(options?: { maxRetriesPerRequest?: number | null }): Redis;
  /** Kills the server process (SIGKILL: no save, no goodbye), keeping its data directory. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Whether `redis-server` can run here. Where it is missing the Redis suites are skipped, loudly; on CI
 * (`CI=true`), where `.ci/run` installs it, a missing server fails the run instead.
 */
export function redisServerAvailable(): boolean {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
  if (found) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      'redis-server is not installed, and CI=true: the Redis suites must run (apt-get install -y redis-server)',
    );
  }
  process.stderr.write(
    '\n*** redis-server is not installed: the Redis store suites are SKIPPED (apt-get install -y redis-server) ***\n\n',
  );
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a `redis-server`; resolves once it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'birdtalk-redis-'));
  const clients: Redis[] = [];
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    // No snapshots; an append-only file synced on every write, so a SIGKILL loses nothing acknowledged.
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
    args.push('--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no');
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    child = started;
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
    probe.on('error', () => undefined);
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}`);
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    throw new Error('redis-server did not start');
  };
  await launch();

  const kill = async (): Promise<void> => {
    const running = child;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    client(options = {}) {
      const client = new Redis({ port, host: '127.0.0.1', ...options });
      client.on('error', () => undefined);
      clients.push(client);
      return client;
    },
    kill,
    restart: launch,
    async stop() {
      for (const client of clients) client.disconnect();
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
