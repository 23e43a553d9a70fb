import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockName, extractBlocks, writeBlocks } from '../src/index.js';
import { programs } from './expected.js';

// The repository README's programs (`ts program` blocks), run as processes the way a reader runs them.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = extractBlocks('README.md', await readFile(join(packageDir, '..', '..', 'README.md'), 'utf8'));
const files = await writeBlocks(
  readme.filter((block) => block.kind === 'program'),
  join(packageDir, '.blocks', 'programs'),
  {},
);
const programFile = (name: string): string => {
  const file = files.find((candidate) => blockName(candidate.block) === name);
  if (file === undefined) throw new Error(`${name} is not a program block`);
  return file.path;
};
const [tenLineBot = '', fleetExample = ''] = programs;

it('the README programs are the ten-line bot and the fleet', () => {
  expect(files.map((file) => blockName(file.block))).toEqual(programs);
});

let server: BirdTalkServer;
let home: string;

beforeAll(async () => {
  server = await createServer({ port: 0 });
  // The README's bot logs in as user 10001: the first account of a fresh server.
  expect(await server.createUser({ userName: 'readme-bot', password: 'bot-pw' })).toBe('10001');
  home = await mkdtemp(join(tmpdir(), 'birdtalk-readme-bot-'));
});

afterAll(async () => {
  await server?.close();
  await rm(home, { recursive: true, force: true });
});

function readmeBot(env: Record<string, string>, name: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@birdtalk/source', '--import', 'tsx', programFile(tenLineBot)],
    {
      cwd: packageDir,
      // Its state goes to a per-user directory: a home of its own per test.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: join(home, name),
        XDG_CONFIG_HOME: join(home, name),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** Waits for the child to print `pattern` on stderr (then sends SIGINT), and for it to exit. */
function runUntil(child: ChildProcess, pattern?: RegExp): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  let signalled = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (pattern !== undefined && !signalled && pattern.test(stderr)) {
      signalled = true;
      child.kill('SIGINT');
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

const lines = (text: string) => text.trim().split('\n');

describe("the README's bot", () => {
  it('without its password: one line, exit code 3, no stack trace', async () => {
    const { code, stderr } = await runUntil(readmeBot({ BIRDTALK_SERVER: server.url }, 'no-password'));
    expect(code).toBe(3);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(/ error cannot start: the server refused the login: wrong user id or password$/),
    ]);
  });

  it('with the pin line left in, on ws:// and without BIRDTALK_PIN: connects, and stops on SIGINT with 0', async () => {
    const child = readmeBot({ BIRDTALK_SERVER: server.url, BOT_PASSWORD: 'bot-pw' }, 'plain-ws');
    const { code, stderr } = await runUntil(child, / info connected as readme-bot \(10001\)\n/);
    expect(code).toBe(0);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(/ info connected as readme-bot \(10001\)$/),
      expect.stringMatching(/ info stopped$/),
    ]);
  });

  it.each([
    ['too short', 'abc'],
    ['not hex', 'zz'.repeat(32)],
    ['a certificate pasted by mistake', '-----BEGIN CERTIFICATE-----MIIB'],
  ])('with a malformed BIRDTALK_PIN (%s): one line, exit code 2, no stack trace', async (_, pin) => {
    const child = readmeBot(
      { BIRDTALK_SERVER: server.url, BOT_PASSWORD: 'bot-pw', BIRDTALK_PIN: pin },
      'pin',
    );
    const { code, stderr } = await runUntil(child);
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(
        / error cannot start: the certificate pin is not a SHA-256 fingerprint: 64 hex digits, with or without colons$/,
      ),
    ]);
  });

  it.each([
    ['not a URL', 'chat.example.com'],
    ['a port out of range', 'ws://127.0.0.1:99999/ws'],
  ])('with a malformed BIRDTALK_SERVER (%s): one line, exit code 2', async (_, url) => {
    const { code, stderr } = await runUntil(
      readmeBot({ BIRDTALK_SERVER: url, BOT_PASSWORD: 'bot-pw' }, 'url'),
    );
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(
        / error cannot start: the server URL is not a URL \(ws:\/\/host:port\/path or wss:\/\/host:port\/path\)$/,
      ),
    ]);
  });

  it('with an http:// BIRDTALK_SERVER: says so once and ends with exit code 2 instead of retrying', async () => {
    const url = server.url.replace(/^ws:/, 'http:');
    const { code, stderr } = await runUntil(
      readmeBot({ BIRDTALK_SERVER: url, BOT_PASSWORD: 'bot-pw' }, 'http'),
    );
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(
        / error cannot start: cannot reach http:\/\/127\.0\.0\.1:\d+\/ws: not a WebSocket URL \(ws:\/\/host:port\/path or wss:\/\/host:port\/path\)$/,
      ),
    ]);
  });

  it('pointed at a server that is down: says why and that it retries; Ctrl-C stops it quietly', async () => {
    const gone = await createServer({ port: 0 });
    const url = gone.url;
    await gone.close();
    const child = readmeBot({ BIRDTALK_SERVER: url, BOT_PASSWORD: 'bot-pw' }, 'down');
    const { code, stderr } = await runUntil(child, /retrying in/);
    expect(code).toBe(0);
    expect(lines(stderr)).toEqual([
      expect.stringMatching(
        / info cannot reach ws:\/\/127\.0\.0\.1:\d+\/ws: connection refused; retrying in [\d.]+ m?s$/,
      ),
      expect.stringMatching(/ info stopped before the bot was connected$/),
    ]);
  });
});

describe.skipIf(!redisServerAvailable())("the README's fleet", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('runs a bot on each account, and hands them back on SIGTERM with exit code 0', {
    timeout: 120_000,
  }, async () => {
    const fleetServer = await createServer({ port: 0 });
    try {
      const ids: string[] = [];
      for (const name of ['fleet-1', 'fleet-2', 'fleet-3']) {
        ids.push(await fleetServer.createUser({ userName: name, password: 'fleet-pw' }));
      }
      // The example runs the accounts 10001 to 10003.
      expect(ids).toEqual(['10001', '10002', '10003']);
      const child = spawn(
        process.execPath,
        ['--conditions=@birdtalk/source', '--import', 'tsx', programFile(fleetExample)],
        {
          cwd: packageDir,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: join(home, 'fleet'),
            XDG_CONFIG_HOME: join(home, 'fleet'),
            HOSTNAME: 'test-host',
            REDIS_URL: redis.url,
            BIRDTALK_SERVER: fleetServer.url,
            BOT_PASSWORD: 'fleet-pw',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const ended = runUntil(child);
      await vi.waitFor(() => expect(ids.map((id) => fleetServer.sessionCount(id))).toEqual([1, 1, 1]), {
        timeout: 60_000,
        interval: 100,
      });
      child.kill('SIGTERM');
      const { code, stderr } = await ended;
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(ids.map((id) => fleetServer.sessionCount(id))).toEqual([0, 0, 0]);
    } finally {
      await fleetServer.close();
    }
  });
});
