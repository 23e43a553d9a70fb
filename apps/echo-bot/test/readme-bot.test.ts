import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The repository README's ten-line bot, run as a process the way a reader runs it, with the commonest mistakes.
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
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
    ['--conditions=@birdtalk/source', '--import', 'tsx', 'src/examples/ten-line-bot.ts'],
    {
      cwd: appDir,
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
