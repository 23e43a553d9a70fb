import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChatMessage, type Client, p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildBot, spawnChildBot } from './child-bot.js';

const PASSWORD = 'restart-password';
const botScript = fileURLToPath(new URL('./fixtures/restart-bot.ts', import.meta.url));

/** Waits, on real time, until `check` holds; fails after `timeoutMs` with `what`. */
async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
let server: BirdTalkServer | undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server?.close();
  server = undefined;
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

function spawnBot(phase: 'first' | 'second', env: Record<string, string>): ChildBot {
  return spawnChildBot(botScript, [phase], env, cleanups);
}

const decode = (data: Uint8Array): string => new TextDecoder().decode(data);

describe('a bot killed mid-conversation', () => {
  it('resumes from its file store after SIGKILL: nothing lost, nothing handled twice, its outbox settled under the same send ids (found stored, not sent twice), new send ids above them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'birdtalk-restart-'));
    server = await createServer({ port: 0 });
    const botId = await server.createUser({ userName: 'bot', password: PASSWORD });
    const peerId = await server.createUser({ userName: 'peer', password: PASSWORD });
    await server.follow(botId, peerId);
    await server.follow(peerId, botId);

    // The other side of the conversation: a client in this process.
    const peer: Client = createNodeClient({
      server: server.url,
      credentials: { method: 'id', userId: peerId, password: PASSWORD },
      stateDir: join(dir, 'peer'),
    });
    cleanups.push(() => peer.stop());
    const fromBot: ChatMessage[] = [];
    peer.on('message', (message) => {
      fromBot.push(message);
    });
    await peer.start();
    for (let i = 0; i < 20; i += 1) await peer.sendText(p2p(botId), `in ${i}`);

    const log = join(dir, 'handled.log');
    const env = {
      RESTART_URL: server.url,
      RESTART_USER_ID: botId,
      RESTART_PASSWORD: PASSWORD,
      RESTART_PEER_ID: peerId,
      RESTART_STATE_DIR: join(dir, 'bot'),
      RESTART_LOG: log,
    };
    const handled = async (): Promise<string[]> =>
      (await readFile(log, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
    const storedFromBot = () =>
      server!.getMessages(botId).filter((row) => row.fromId === botId && row.toId === peerId);

    // Run 1: the server stores the bot's 30 messages but acknowledges none, so all stay in its outbox.
    server.faults.set({ swallowAckProbability: 1 });
    const first = spawnBot('first', env);
    await eventually(() => first.output().includes('blocked'), `the first run to block (${first.output()})`);
    await eventually(() => storedFromBot().length >= 30, 'the 30 messages on the server');
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(await handled()).toEqual(Array.from({ length: 12 }, (_, i) => `in ${i}`));
    const firstRun = storedFromBot();
    expect(new Set(firstRun.map((row) => decode(row.data))).size).toBe(30);

    // While the bot is dead, more messages arrive for it.
    server.faults.clear();
    for (let i = 20; i < 30; i += 1) await peer.sendText(p2p(botId), `in ${i}`);

    // Run 2, from the same state directory.
    const second = spawnBot('second', env);
    await eventually(() => second.output().includes('sent'), `the second run to send (${second.output()})`);
    await eventually(async () => (await handled()).length >= 30, 'the bot to handle everything');
    await eventually(() => fromBot.length >= 40, 'the peer to receive everything');
    second.process.kill('SIGTERM');
    await second.exited;

    // Every message to the bot handled once, in order: `in 12` (whose handler never finished) included, and
    // nothing handled before the kill handled again.
    expect(await handled()).toEqual(Array.from({ length: 30 }, (_, i) => `in ${i}`));
    // Every message from the bot received once, in order: the outbox survived the kill.
    expect(fromBot.map((m) => m.text)).toEqual([
      ...Array.from({ length: 30 }, (_, i) => `out ${i}`),
      ...Array.from({ length: 10 }, (_, i) => `after ${i}`),
    ]);
    // The server had stored every unacknowledged message before the kill; the restarted bot found each in the
    // history under the send id it had the first time, and sent none of them again: one stored copy each.
    const rows = storedFromBot();
    const sendIdsOf = new Map<string, Set<string>>();
    for (const row of rows) {
      const text = decode(row.data);
      sendIdsOf.set(text, (sendIdsOf.get(text) ?? new Set()).add(row.sendId));
    }
    for (let i = 0; i < 30; i += 1) {
      expect(sendIdsOf.get(`out ${i}`)?.size).toBe(1);
      expect(rows.filter((row) => decode(row.data) === `out ${i}`).length).toBe(1);
    }
    // The send-id counter survived: the new messages' ids are above every id of the first run, and distinct.
    const firstMax = firstRun.reduce((max, row) => (BigInt(row.sendId) > max ? BigInt(row.sendId) : max), 0n);
    const after = Array.from({ length: 10 }, (_, i) => [...(sendIdsOf.get(`after ${i}`) ?? [])]);
    for (const ids of after) {
      expect(ids).toHaveLength(1);
      expect(BigInt(ids[0]!)).toBeGreaterThan(firstMax);
    }
    expect(new Set(after.flat()).size).toBe(10);
  });
});
