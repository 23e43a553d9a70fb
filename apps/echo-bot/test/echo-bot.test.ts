import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bot } from '@birdtalk/bot';
import { ACCOUNT_FILE } from '@birdtalk/bot/node';
import { type ChatMessage, type Client, group, p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEchoBot, HELP_TEXT } from '../src/index.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let server: BirdTalkServer;
let root: string;
let ada: Client;
const running: Bot[] = [];

/** Waits for the next message `client` receives that `accept` likes. */
function nextMessage(
  client: Client,
  accept: (message: ChatMessage) => boolean = () => true,
): Promise<ChatMessage> {
  return client.once('message', { filter: accept, signal: AbortSignal.timeout(10_000) });
}

function startBot(name = 'echo'): Promise<Bot> {
  const bot = createEchoBot({
    server: server.url,
    credentials: { method: 'register', userName: name, password: 'echo-pw' },
    stateDir: join(root, name),
  });
  running.push(bot);
  return bot.start().then(() => bot);
}

beforeAll(async () => {
  server = await createServer({ port: 0 });
  root = await mkdtemp(join(tmpdir(), 'birdtalk-echo-'));
  ada = createNodeClient({
    server: server.url,
    credentials: { method: 'register', userName: 'ada', password: 'ada-pw' },
    stateDir: join(root, 'ada'),
  });
  await ada.start();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
});

afterAll(async () => {
  await ada?.stop();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the echo bot against the reference server', () => {
  it('follows back, echoes, answers commands in P2P and in groups; restarts as the same account', async () => {
    const bot = await startBot();
    const botId = bot.client.user?.userId ?? '';
    expect(botId).toMatch(/^[1-9][0-9]*$/);

    // Ada follows the bot; the bot follows back, so each can write to the other.
    const followedBack = ada.once('friend', {
      filter: (event) => event.kind === 'followed' && event.by.userId === botId,
      signal: AbortSignal.timeout(10_000),
    });
    await ada.friends.follow(botId);
    await followedBack;

    const echo = nextMessage(ada, (message) => message.from === botId);
    await ada.sendText(p2p(botId), 'hello, echo');
    expect((await echo).text).toBe('hello, echo');

    const help = nextMessage(ada, (message) => message.from === botId);
    await ada.sendText(p2p(botId), '/help');
    expect((await help).text).toBe(HELP_TEXT);

    const time = nextMessage(ada, (message) => message.from === botId);
    await ada.sendText(p2p(botId), '/time');
    expect((await time).text).toMatch(/^the time here is \d{4}-\d\d-\d\dT/);

    // A group with the bot in it: commands are answered there, chatter is not echoed.
    const created = await ada.groups.create({ name: 'echo lounge', members: [botId] });
    const groupTarget = group(created.groupId);
    await waitFor(() => server.getGroup(created.groupId)?.members.some((member) => member.userId === botId));
    const inGroup = (message: ChatMessage) =>
      message.from === botId && message.chat.type === 'group' && message.chat.groupId === created.groupId;
    const pong = nextMessage(ada, inGroup);
    await ada.sendText(groupTarget, 'just chatting');
    await ada.sendText(groupTarget, '/ping');
    expect((await pong).text).toBe('pong');
    expect(server.getGroupMessages(created.groupId).filter((row) => row.fromId === botId)).toHaveLength(1);

    // The registration is remembered: a restart logs in by id as the same account.
    const account = JSON.parse(await readFile(join(root, 'echo', ACCOUNT_FILE), 'utf8'));
    expect(account).toEqual({ userName: 'echo', userId: botId });
    await bot.stop();
    const again = await startBot();
    expect(again.client.user?.userId).toBe(botId);
    const stillThere = nextMessage(ada, (message) => message.from === botId);
    await ada.sendText(p2p(botId), 'still there?');
    expect((await stillThere).text).toBe('still there?');

    expect(server.hazards()).toEqual([]);
  });

  it('answers what was sent while it was down', async () => {
    const bot = await startBot('late');
    const botId = bot.client.user?.userId ?? '';
    await ada.friends.follow(botId);
    await waitFor(async () =>
      (await collect(bot.client.friends.follows())).some((user) => user.userId === ada.user?.userId),
    );
    await bot.stop();

    await ada.sendText(p2p(botId), '/ping');
    const pong = nextMessage(ada, (message) => message.from === botId);
    await startBot('late');
    expect((await pong).text).toBe('pong');
    expect(server.hazards()).toEqual([]);
  });
});

describe('src/main.ts', () => {
  it('runs from the environment and stops cleanly on SIGINT', async () => {
    const child = spawnMain({
      BIRDTALK_SERVER: server.url,
      BIRDTALK_BOT_NAME: 'echo-main',
      BIRDTALK_BOT_PASSWORD: 'main-pw',
      BIRDTALK_BOT_STATE_DIR: join(root, 'main'),
    });
    const { code, stderr } = await runUntil(child, / info connected as echo-main /, 'SIGINT');
    expect(stderr).toMatch(/ info registered a new account \{"userId":"\d+","userName":"echo-main"\}/);
    // The registration is written (and logged) by its own listener, which may finish after the stop.
    expect(stderr).toMatch(/ info stopped\n/);
    expect(stderr).not.toContain('main-pw');
    expect(code).toBe(0);
  });

  it('says in one line what runs where, and serves /healthz on BIRDTALK_HEALTH_PORT', async () => {
    const child = spawnMain({
      BIRDTALK_SERVER: server.url,
      BIRDTALK_BOT_NAME: 'echo-health',
      BIRDTALK_BOT_PASSWORD: 'health-pw',
      BIRDTALK_BOT_STATE_DIR: join(root, 'health'),
      BIRDTALK_HEALTH_PORT: '0',
    });
    let healthz: { status: number; body: { healthy?: boolean } } | undefined;
    const { code, stderr } = await runUntil(
      child,
      / info connected as echo-health /,
      'SIGINT',
      async (text) => {
        const url = / health on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(text)?.[1] ?? '';
        const response = await fetch(`${url}/healthz`);
        healthz = { status: response.status, body: await response.json() };
      },
    );
    const [banner] = stderr.split('\n');
    expect(banner).toMatch(
      / info echo-bot 0\.1\.0 \(@birdtalk\/bot [0-9.]+\) connecting to ws:\/\/127\.0\.0\.1:\d+\/ws as register echo-health; state in .*health; health on http:\/\/127\.0\.0\.1:\d+$/,
    );
    expect(healthz).toEqual({ status: 200, body: expect.objectContaining({ healthy: true }) });
    expect(stderr).not.toContain('health-pw');
    expect(code).toBe(0);
  });

  it('a malformed BIRDTALK_HEALTH_PORT is one line and exit code 2', async () => {
    const child = spawnMain({
      BIRDTALK_SERVER: server.url,
      BIRDTALK_BOT_ID: '10001',
      BIRDTALK_BOT_PASSWORD: 'pw',
      BIRDTALK_HEALTH_PORT: ':9464',
    });
    const { code, stderr } = await runUntil(child);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/ error BIRDTALK_HEALTH_PORT must be a TCP port \(0 to 65535\)$/),
    ]);
  });

  it('says what is missing from the environment, with exit code 2', async () => {
    const child = spawnMain({ BIRDTALK_SERVER: server.url });
    const { code, stderr } = await runUntil(child);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ error BIRDTALK_BOT_PASSWORD is required\n$/);
  });

  it('a wrong password is one line and exit code 3', async () => {
    const child = spawnMain({
      BIRDTALK_SERVER: server.url,
      BIRDTALK_BOT_ID: ada.user?.userId ?? '',
      BIRDTALK_BOT_PASSWORD: 'not-it',
      BIRDTALK_BOT_STATE_DIR: join(root, 'wrong'),
    });
    const { code, stderr } = await runUntil(child);
    expect(code).toBe(3);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          ` info echo-bot 0\\.1\\.0 \\(@birdtalk/bot [0-9.]+\\) connecting to ws://127\\.0\\.0\\.1:\\d+/ws as ${ada.user?.userId}; state in .*wrong$`,
        ),
      ),
      expect.stringMatching(
        / error cannot start: the server refused the login: wrong user id \(BIRDTALK_BOT_ID\) or password \(BIRDTALK_BOT_PASSWORD\)$/,
      ),
    ]);
  });
});

/** Runs src/main.ts as a process with `env` (and PATH) as its whole environment. */
function spawnMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for the child to print `pattern` on stderr (then sends `signal`), and for it to exit. */
function runUntil(
  child: ChildProcess,
  pattern?: RegExp,
  signal?: NodeJS.Signals,
  beforeSignal: (stderr: string) => Promise<void> = async () => {},
): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  let signalled = false;
  let failed: unknown;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (pattern !== undefined && signal !== undefined && !signalled && pattern.test(stderr)) {
      signalled = true;
      // Whatever the test checks while the bot runs happens before the signal; a failure fails the run.
      beforeSignal(stderr).then(
        () => child.kill(signal),
        (error: unknown) => {
          failed = error;
          child.kill(signal);
        },
      );
    }
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => (failed === undefined ? resolve({ code, stderr }) : reject(failed))),
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function waitFor(condition: () => unknown, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
