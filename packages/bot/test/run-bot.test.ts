import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeClient } from '@birdtalk/client/node';
import { createMemoryLogger, FakeClock, flushEventLoop } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../src/index.js';
import { BotExitCode, type BotRunResult, runBot, type SignalProcess } from '../src/node.js';

class FakeProcess extends EventEmitter implements SignalProcess {
  exitCode: number | string | null | undefined;
  exit(): void {}
  override on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): this {
    return super.on(signal, listener);
  }
  override off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): this {
    return super.off(signal, listener);
  }
}

let root: string;
let server: BirdTalkServer | undefined;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'birdtalk-runbot-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(root, { recursive: true, force: true });
});

/** A URL on which nothing listens: a server's, after it closed. */
async function deadUrl(): Promise<string> {
  const gone = await createServer({ port: 0 });
  const url = gone.url;
  await gone.close();
  return url;
}

function botOn(url: string, password: string, clock: FakeClock, userId = '10001') {
  const client = createNodeClient(
    { server: url, credentials: { method: 'id', userId, password }, stateDir: join(root, 'state') },
    { clock },
  );
  return createBot(client, {}, { clock });
}

/** Lets real I/O and the fake clock run until `promise` settles. */
async function drive<T>(promise: Promise<T>, clock: FakeClock, stepMs = 100): Promise<T> {
  let settled = false;
  void promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (let step = 0; step < 2_000 && !settled; step += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    await flushEventLoop(2);
    if (!settled) await clock.advance(stepMs);
  }
  return promise;
}

const lines = (logger: ReturnType<typeof createMemoryLogger>) =>
  logger.records.map((record) => `${record.level} ${record.message}`);

describe('runBot tells a supervisor why the bot ended', () => {
  it('a refused login: exit code 3 and one line that names no setting it was not given', async () => {
    server = await createServer({ port: 0 });
    const id = await server.createUser({ userName: 'pingbot', password: 'right' });
    const clock = new FakeClock(1_750_000_000_000);
    const logger = createMemoryLogger();
    const target = new FakeProcess();
    const result: BotRunResult = await drive(
      runBot(botOn(server.url, 'wrong', clock, id), { logger, clock }, target),
      clock,
    );
    expect(result.exitCode).toBe(BotExitCode.LOGIN_REFUSED);
    expect(target.exitCode).toBe(3);
    expect(lines(logger)).toEqual([
      'error cannot start: the server refused the login: wrong user id or password',
    ]);
    expect(target.listenerCount('SIGINT')).toBe(0);
  });

  it('an unreachable server with failFast: exit code 4 and the reason', async () => {
    const url = await deadUrl();
    const clock = new FakeClock(1_750_000_000_000);
    const logger = createMemoryLogger();
    const target = new FakeProcess();
    const result = await drive(
      runBot(botOn(url, 'pw', clock), { logger, clock, server: url, failFast: true }, target),
      clock,
    );
    expect(result.exitCode).toBe(BotExitCode.UNREACHABLE);
    expect(target.exitCode).toBe(4);
    expect(lines(logger)).toEqual([`error cannot start: cannot reach ${url}: connection refused`]);
  });

  it('an unreachable server: every failed attempt is logged with its reason; startTimeoutMs ends the wait', async () => {
    const url = await deadUrl();
    const clock = new FakeClock(1_750_000_000_000);
    const logger = createMemoryLogger();
    const target = new FakeProcess();
    const result = await drive(
      runBot(botOn(url, 'pw', clock), { logger, clock, server: url, startTimeoutMs: 30_000 }, target),
      clock,
    );
    expect(result.exitCode).toBe(BotExitCode.UNREACHABLE);
    const logged = lines(logger);
    expect(logged.length).toBeGreaterThanOrEqual(3);
    for (const line of logged.slice(0, -1)) {
      expect(line).toMatch(
        new RegExp(`^info cannot reach ${url}: connection refused; retrying in [0-9.]+ m?s$`),
      );
    }
    expect(logged.at(-1)).toBe('error cannot start: not connected within 30000 ms (connection refused)');
  });

  it('a signal while connecting stops quietly: exit code 0, no error, no stack trace', async () => {
    const url = await deadUrl();
    const clock = new FakeClock(1_750_000_000_000);
    const logger = createMemoryLogger();
    const target = new FakeProcess();
    const running = runBot(botOn(url, 'pw', clock), { logger, clock, server: url }, target);
    await drive(
      (async () => {
        while (logger.records.length === 0) await flushEventLoop(1);
      })(),
      clock,
    );
    target.emit('SIGINT', 'SIGINT');
    const result = await drive(running, clock);
    expect(result.exitCode).toBe(0);
    expect(target.exitCode).toBeUndefined();
    expect(lines(logger).at(-1)).toBe('info stopped before the bot was connected');
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });

  it('says whom it connected as, and 0 after a graceful stop', async () => {
    server = await createServer({ port: 0 });
    const id = await server.createUser({ userName: 'pingbot', password: 'right' });
    const clock = new FakeClock(1_750_000_000_000);
    const logger = createMemoryLogger();
    const target = new FakeProcess();
    const bot = botOn(server.url, 'right', clock, id);
    const running = runBot(bot, { logger, clock }, target);
    await drive(
      (async () => {
        while (bot.client.state !== 'ready') await flushEventLoop(1);
      })(),
      clock,
    );
    target.emit('SIGTERM', 'SIGTERM');
    expect((await drive(running, clock)).exitCode).toBe(0);
    expect(lines(logger)).toEqual([`info connected as pingbot (${id})`, 'info stopped']);

    // The next run logs in with the key of this one: it says that the password (wrong, here) was not checked.
    const again = createMemoryLogger();
    const second = botOn(server.url, 'wrong', clock, id);
    const rerun = runBot(second, { logger: again, clock }, target);
    await drive(
      (async () => {
        while (second.client.state !== 'ready') await flushEventLoop(1);
      })(),
      clock,
    );
    target.emit('SIGTERM', 'SIGTERM');
    expect((await drive(rerun, clock)).exitCode).toBe(0);
    expect(lines(again)[0]).toBe(
      `info connected as pingbot (${id}) with the stored key; the password was not checked`,
    );
  });
});
