import { EventEmitter } from 'node:events';
import { StateError } from '@birdtalk/errors';
import { silentLogger } from '@birdtalk/runtime';
import { describe, expect, it } from 'vitest';
import { deferred, settle } from '../test/deferred.js';
import { createBot } from './bot.js';
import { createLineLogger, runBot, type SignalProcess, stopOnSignals } from './node.js';
import { createTestClient } from './testing/test-client.js';

class FakeProcess extends EventEmitter implements SignalProcess {
  exitCode: number | string | null | undefined;
  readonly exits: Array<number | undefined> = [];
  exit(code?: number): void {
    this.exits.push(code);
  }
  override on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): this {
    return super.on(signal, listener);
  }
  override off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): this {
    return super.off(signal, listener);
  }
}

describe('stopOnSignals', () => {
  it('stops the bot on SIGTERM, then removes its handlers', async () => {
    const target = new FakeProcess();
    const client = createTestClient();
    const bot = createBot(client);
    await bot.start();
    const stopped = deferred<NodeJS.Signals>();
    stopOnSignals(bot, { onStopped: (signal) => stopped.resolve(signal) }, target);
    expect(target.listenerCount('SIGINT')).toBe(1);
    target.emit('SIGTERM', 'SIGTERM');
    expect(await stopped.promise).toBe('SIGTERM');
    expect(bot.state).toBe('stopped');
    expect(target.listenerCount('SIGINT') + target.listenerCount('SIGTERM')).toBe(0);
    expect(target.exits).toEqual([]);
  });

  it('exits at once on a second signal while stopping', async () => {
    const target = new FakeProcess();
    const gate = deferred();
    const bot = { stop: () => gate.promise };
    stopOnSignals(bot, {}, target);
    target.emit('SIGINT', 'SIGINT');
    target.emit('SIGINT', 'SIGINT');
    expect(target.exits).toEqual([130]);
    gate.resolve();
  });

  it('sets exit code 1 when the stop fails, and can be removed', async () => {
    const target = new FakeProcess();
    const failed = deferred<unknown>();
    stopOnSignals(
      { stop: () => Promise.reject(new Error('stuck')) },
      { forceExitOnSecondSignal: false, onStopped: (_signal, error) => failed.resolve(error) },
      target,
    );
    target.emit('SIGINT', 'SIGINT');
    expect(((await failed.promise) as Error).message).toBe('stuck');
    expect(target.exitCode).toBe(1);

    const other = new FakeProcess();
    const remove = stopOnSignals({ stop: async () => {} }, { signals: ['SIGHUP'] }, other);
    expect(other.listenerCount('SIGHUP')).toBe(1);
    remove();
    expect(other.listenerCount('SIGHUP')).toBe(0);
  });
});

describe('runBot', () => {
  it('starts the bot and resolves once a signal stopped it', async () => {
    const target = new FakeProcess();
    const client = createTestClient();
    const bot = createBot(client);
    let done = false;
    const running = runBot(bot, { logger: silentLogger }, target).then(() => {
      done = true;
    });
    await settle();
    expect(bot.state).toBe('running');
    expect(done).toBe(false);
    target.emit('SIGINT', 'SIGINT');
    await running;
    expect(client.state).toBe('closed');
  });

  it('resolves when the client ends by itself', async () => {
    const target = new FakeProcess();
    const client = createTestClient();
    const bot = createBot(client);
    const running = runBot(bot, { logger: silentLogger }, target);
    await settle();
    await client.stop();
    await running;
    expect(target.listenerCount('SIGINT')).toBe(0);
  });

  it('never rejects: a failed start ends with one line and a non-zero exit code', async () => {
    const target = new FakeProcess();
    const client = createTestClient();
    Object.defineProperty(client, 'start', {
      value: () => Promise.reject(new StateError('SOMETHING_BROKE', 'something broke')),
      configurable: true,
      writable: true,
    });
    const lines: string[] = [];
    const logger = createLineLogger({ write: (text: string) => lines.push(text) });
    const result = await runBot(createBot(client), { logger }, target);
    expect(result).toMatchObject({ exitCode: 1, reason: 'cannot start: something broke' });
    expect(target.exitCode).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ error cannot start: something broke\n$/);
  });
});

describe('Bot.start()', () => {
  it('is no unhandled rejection when it fails and nobody awaits it', async () => {
    const client = createTestClient();
    Object.defineProperty(client, 'start', {
      value: () => Promise.reject(new StateError('X', 'no')),
      configurable: true,
      writable: true,
    });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.prependListener('unhandledRejection', onUnhandled);
    try {
      void createBot(client).start();
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
