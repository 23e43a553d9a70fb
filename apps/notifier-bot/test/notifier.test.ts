import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChatMessage, type Client, group } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifierBot } from '../src/index.js';

const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
let server: BirdTalkServer;
let root: string;
let owner: Client;
let groupId: string;

const texts = (): string[] =>
  server.getGroupMessages(groupId).map((row) => new TextDecoder().decode(row.data));

beforeAll(async () => {
  server = await createServer({ port: 0 });
  root = await mkdtemp(join(tmpdir(), 'birdtalk-notifier-'));
  owner = createNodeClient({
    server: server.url,
    credentials: { method: 'register', userName: 'ops', password: 'ops-pw' },
    stateDir: join(root, 'ops'),
  });
  await owner.start();
  groupId = (await owner.groups.create({ name: 'alerts' })).groupId;
});

afterAll(async () => {
  await owner?.stop();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the notifier against the reference server', () => {
  it('joins the group, posts each line in order, one at a time, and answers /status', async () => {
    const notifier = createNotifierBot({
      server: server.url,
      credentials: { method: 'register', userName: 'notifier', password: 'n-pw' },
      stateDir: join(root, 'notifier'),
      groupId,
    });
    await notifier.start();
    const botId = notifier.bot.client.user?.userId ?? '';
    expect(server.getGroup(groupId)?.members.map((member) => member.userId)).toContain(botId);

    const before = texts().length;
    const seenBeforeRead: number[] = [];
    // Each chunk is read only once the lines before it are on the server: the input waits for the group.
    const input = (async function* () {
      for (const chunk of ['deploy started\n', '\n', 'step 1 ok\nstep 2 ', 'ok\n', 'deploy done']) {
        seenBeforeRead.push(texts().length - before);
        yield chunk;
      }
    })();
    const received: ChatMessage[] = [];
    const off = owner.on('message', (message) => {
      if (message.from === botId) received.push(message);
    });
    expect(await notifier.pipe(input)).toBe(4);
    expect(seenBeforeRead).toEqual([0, 1, 1, 2, 3]);
    expect(texts().slice(before)).toEqual(['deploy started', 'step 1 ok', 'step 2 ok', 'deploy done']);

    const status = owner.once('message', {
      filter: (message) => message.from === botId && message.text.startsWith('posted'),
      signal: AbortSignal.timeout(10_000),
    });
    await owner.sendText(group(groupId), '/status');
    expect((await status).text).toMatch(/^posted 4 line\(s\) since \d{4}-/);
    await notifier.stop();
    off();
    expect(received.map((message) => message.text).slice(0, 4)).toEqual([
      'deploy started',
      'step 1 ok',
      'step 2 ok',
      'deploy done',
    ]);
    expect(server.hazards()).toEqual([]);
  });
});

describe('src/main.ts', () => {
  it('posts standard input and exits 0 at its end, once everything is stored', async () => {
    const before = texts().length;
    const child = spawnMain({
      BIRDTALK_BOT_NAME: 'piper',
      BIRDTALK_BOT_PASSWORD: 'piper-pw',
      BIRDTALK_BOT_STATE_DIR: join(root, 'piper'),
      BIRDTALK_NOTIFY_GROUP: groupId,
    });
    child.stdin?.end('first\nsecond\r\nthird');
    const { code, stderr } = await exited(child);
    expect(stderr).toMatch(/ info done \{"posted":3\}\n$/);
    expect(code).toBe(0);
    expect(texts().slice(before)).toEqual(['first', 'second', 'third']);
    expect(server.hazards()).toEqual([]);
  });

  it('stops reading on SIGINT and exits 0 after what was read is stored', async () => {
    const before = texts().length;
    const child = spawnMain({
      BIRDTALK_BOT_NAME: 'piper',
      BIRDTALK_BOT_PASSWORD: 'piper-pw',
      BIRDTALK_BOT_STATE_DIR: join(root, 'piper'),
      BIRDTALK_NOTIFY_GROUP: groupId,
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('posting standard input')) child.stdin?.write('only line\n');
    });
    await waitFor(() => texts().length > before);
    child.kill('SIGINT');
    const { code } = await exited(child);
    expect(code).toBe(0);
    expect(texts().slice(before)).toEqual(['only line']);
  });

  it('a group it cannot join is one line and exit code 1', async () => {
    const child = spawnMain({
      BIRDTALK_BOT_NAME: 'piper',
      BIRDTALK_BOT_PASSWORD: 'piper-pw',
      BIRDTALK_BOT_STATE_DIR: join(root, 'piper'),
      BIRDTALK_NOTIFY_GROUP: '987654',
    });
    child.stdin?.end('lost\n');
    const { code, stderr } = await exited(child);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        / error cannot post: there is no group 987654 \(or it is private and the bot is not a member\); check BIRDTALK_NOTIFY_GROUP$/,
      ),
    ]);
  });

  it('a missing group is a configuration error, exit code 2', async () => {
    const child = spawnMain({ BIRDTALK_BOT_ID: '1', BIRDTALK_BOT_PASSWORD: 'x' });
    child.stdin?.end();
    const { code, stderr } = await exited(child);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ error BIRDTALK_NOTIFY_GROUP must be a group id\n$/);
  });
});

function spawnMain(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', BIRDTALK_SERVER: server.url, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
