import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, expect, it } from 'vitest';

const PASSWORD = 'conversation-password';
const botScript = fileURLToPath(new URL('./fixtures/conversation-bot.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

let dir: string | undefined;
let server: BirdTalkServer | undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  const hazards = server?.hazards() ?? [];
  await server?.close();
  server = undefined;
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  expect(hazards).toEqual([]);
});

/** Waits, on real time (a child process runs on it), until `check` holds. */
async function eventually(check: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function spawnBot(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<unknown>;
} {
  const child = spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', botScript], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, output: () => output, exited };
}

it('resumes a conversation at the same step after SIGKILL, with the answer that arrived meanwhile', {
  timeout: 90_000,
}, async () => {
  dir = await mkdtemp(join(tmpdir(), 'birdtalk-conversation-'));
  server = await createServer({ port: 0, strict: true });
  const botId = await server.createUser({ userName: 'ticketbot', password: PASSWORD });
  const userId = await server.createUser({ userName: 'ada', password: PASSWORD });
  await server.follow(botId, userId);
  await server.follow(userId, botId);

  const user: Client = createNodeClient({
    server: server.url,
    credentials: { method: 'id', userId, password: PASSWORD },
    stateDir: join(dir, 'user'),
  });
  cleanups.push(() => user.stop());
  const received: string[] = [];
  const sendIds: string[] = [];
  user.on('message', (message) => {
    received.push(message.text);
    sendIds.push(message.sendId);
  });
  await user.start();

  const env = {
    CONV_URL: server.url,
    CONV_USER_ID: botId,
    CONV_PASSWORD: PASSWORD,
    CONV_STATE_DIR: join(dir, 'bot'),
  };
  const first = spawnBot(env);
  await eventually(
    () => first.output().includes('started'),
    () => `the bot to start: ${first.output()}`,
  );
  await user.sendText(p2p(botId), '/ticket');
  await eventually(
    () => received.includes('subject?'),
    () => `"subject?" (${received.join(' | ')})`,
  );
  await user.sendText(p2p(botId), 'printer');
  // Killed once the step that took "printer" is stored: "subject?" sent, "printer" taken, "details?" sent.
  // (Killed between a reply and the store, a bot asks again after the restart: replies are at least once.)
  await eventually(
    () => first.output().includes('stored 3'),
    () => `the second step (${first.output()})`,
  );
  await eventually(
    () => received.includes('details?'),
    () => `"details?" (${received.join(' | ')})`,
  );
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');

  // The answer arrives while the bot is dead.
  await user.sendText(p2p(botId), 'it is jammed');
  const second = spawnBot(env);
  await eventually(
    () => received.includes('ticket: printer / it is jammed'),
    () => `the ticket after the restart (${received.join(' | ')}; bot: ${second.output()})`,
  );
  second.child.kill('SIGTERM');
  await second.exited;
  // Each question was asked once. A copy under the same sendId may arrive: the client resends a reply whose
  // acknowledgement it had not yet written down when it died, and the server does not deduplicate.
  const asked = received.filter((_, index) => sendIds.indexOf(sendIds[index]!) === index);
  expect(asked).toEqual(['subject?', 'details?', 'ticket: printer / it is jammed']);
});
