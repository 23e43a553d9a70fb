/**
 * The crash-window test, shared by its file-store and SQLite runs: a bot in a child process is killed with
 * SIGKILL at seeded random points (inside a handler, right after one returned, a turn later while the store
 * writes, or at a random time), restarted from the same store each time, and finally left to handle
 * everything. The log of handler starts and ends then shows what was lost and what was handed over again.
 */
import { appendFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';
import { seededRandom } from '@birdtalk/runtime';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, expect } from 'vitest';
import { type ChildBot, spawnChildBot } from './child-bot.js';

const PASSWORD = 'crash-password';
const botScript = fileURLToPath(new URL('./fixtures/crash-bot.ts', import.meta.url));
/** Kills per store, each at a seeded random point. */
export const KILLS = Number(process.env.CRASH_KILLS ?? 50);
/** Messages the peer sends before each run, while the bot is down. */
const PER_RUN = 3;

let dir: string | undefined;
let server: BirdTalkServer | undefined;
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server?.close();
  server = undefined;
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Waits, on real time, until `check` holds; fails after `timeoutMs` with `what`. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function spawnBot(env: Record<string, string>): ChildBot {
  return spawnChildBot(botScript, [], env, cleanups);
}

/** One handler event of the log, with the run it belongs to. */
interface Event {
  readonly run: number;
  readonly kind: 'start' | 'end';
  readonly text: string;
  readonly redelivered: boolean;
}

function parse(text: string): Event[] {
  const events: Event[] = [];
  let run = -1;
  for (const line of text.split('\n')) {
    const [kind, name, flag] = line.split(' ');
    if (kind === 'run') run = Number(name);
    else if (kind === 'start' || kind === 'end') {
      events.push({ run, kind, text: name!, redelivered: flag === 'true' });
    }
  }
  return events;
}

export async function crashRepeatedly(store: 'file' | 'sqlite', seed: number) {
  dir = await mkdtemp(join(tmpdir(), `birdtalk-crash-${store}-`));
  server = await createServer({ port: 0 });
  const botId = await server.createUser({ userName: 'bot', password: PASSWORD });
  const peerId = await server.createUser({ userName: 'peer', password: PASSWORD });
  await server.follow(botId, peerId);
  await server.follow(peerId, botId);
  const peer: Client = createNodeClient({
    server: server.url,
    credentials: { method: 'id', userId: peerId, password: PASSWORD },
    stateDir: join(dir, 'peer'),
  });
  cleanups.push(() => peer.stop());
  await peer.start();

  const log = join(dir, 'handled.log');
  const env = {
    CRASH_URL: server.url,
    CRASH_USER_ID: botId,
    CRASH_PASSWORD: PASSWORD,
    CRASH_STATE_DIR: join(dir, 'bot'),
    CRASH_STORE: store,
    CRASH_LOG: log,
  };
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random.float() * n);
  const texts: string[] = [];
  const sendBatch = async (): Promise<void> => {
    for (let i = 0; i < PER_RUN; i += 1) {
      const text = `m${String(texts.length).padStart(4, '0')}`;
      texts.push(text);
      await peer.sendText(p2p(botId), text);
    }
  };
  const points: string[] = [];
  let killed = 0;
  for (let run = 0; run < KILLS; run += 1) {
    await sendBatch();
    const mode = ['during', 'after-sync', 'after-turn', 'time'][pick(4)]!;
    const point = mode === 'time' ? `time:${pick(400)}` : `${mode}:${1 + pick(PER_RUN)}`;
    points.push(point);
    appendFileSync(log, `run ${run} ${point}\n`);
    const bot = spawnBot({ ...env, CRASH_POINT: point });
    // A point the run never reaches (fewer messages than it counts on) ends with the test's own SIGKILL.
    const guard = setTimeout(() => bot.process.kill('SIGKILL'), 20_000);
    const how = await bot.exited;
    clearTimeout(guard);
    if (how !== 'SIGKILL')
      throw new Error(`run ${run} (${point}) ended with ${String(how)}: ${bot.output()}`);
    killed += 1;
  }

  await sendBatch();
  appendFileSync(log, `run ${KILLS} none\n`);
  const last = spawnBot({ ...env, CRASH_POINT: 'none' });
  const ended = async (): Promise<Set<string>> =>
    new Set(
      parse(await readFile(log, 'utf8'))
        .filter((event) => event.kind === 'end')
        .map((event) => event.text),
    );
  await eventually(
    async () => (await ended()).size >= texts.length,
    `every message handled (${last.output()})`,
  );
  last.process.kill('SIGTERM');
  await last.exited;
  return { texts, events: parse(await readFile(log, 'utf8')), killed, points };
}

export function check(result: Awaited<ReturnType<typeof crashRepeatedly>>) {
  const { texts, events, killed, points } = result;
  expect(killed).toBe(KILLS);
  if (KILLS >= 20) {
    expect(new Set(points.map((point) => point.split(':')[0]))).toEqual(
      new Set(['during', 'after-sync', 'after-turn', 'time']),
    );
  }
  // Nothing lost: every message was handled to its end at least once.
  const ended = new Set(events.filter((event) => event.kind === 'end').map((event) => event.text));
  expect(texts.filter((text) => !ended.has(text))).toEqual([]);
  // Handed over again only as a redelivery, and only after a run died with it unfinished or unrecorded.
  const starts = new Map<string, Event[]>();
  for (const event of events) {
    if (event.kind === 'start') starts.set(event.text, [...(starts.get(event.text) ?? []), event]);
  }
  const unflaggedRepeats = [...starts.values()].flatMap((list) =>
    list.slice(1).filter((e) => !e.redelivered),
  );
  expect(unflaggedRepeats).toEqual([]);
  for (const list of starts.values()) {
    for (const repeat of list.slice(1)) expect(repeat.run).toBeGreaterThan(list[0]!.run);
  }
  // Which of a run's messages came again: how far from the run's last hand-over they were.
  const distances = [...starts.values()].flatMap((list) =>
    list.slice(0, -1).map((earlier) => {
      const ofRun = events.filter((event) => event.run === earlier.run && event.kind === 'start');
      return ofRun.length - 1 - ofRun.findIndex((event) => event.text === earlier.text);
    }),
  );
  const repeats = [...starts.values()].filter((list) => list.length > 1).length;
  const flaggedFirst = [...starts.values()].filter((list) => list[0]!.redelivered).length;
  return { messages: texts.length, repeats, flaggedFirst, distances };
}
