import { EventEmitter } from 'node:events';
import { InvalidArgumentError } from '@birdtalk/errors';
import { createMemoryLogger, flushEventLoop } from '@birdtalk/runtime/testing';
import { expect, it } from 'vitest';
import { createBot } from '../src/index.js';
import { BotExitCode, runBot, type SignalProcess } from '../src/node.js';
import { createTestClient } from '../src/testing.js';

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

const lines = (logger: ReturnType<typeof createMemoryLogger>) =>
  logger.records.map((record) => `${record.level} ${record.message}`);

it('runBot(make): a setting refused while the bot is made is one line and exit code 2', async () => {
  const logger = createMemoryLogger();
  const target = new FakeProcess();
  const result = await runBot(
    () => {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'pinSha256 must hold …', {
        details: { option: 'tls.pinSha256' },
      });
    },
    { logger, settings: { pin: 'BIRDTALK_PIN' } },
    target,
  );
  expect(result.exitCode).toBe(BotExitCode.CONFIG);
  expect(target.exitCode).toBe(2);
  expect(lines(logger)).toEqual([
    'error cannot start: the certificate pin (BIRDTALK_PIN) is not a SHA-256 fingerprint: 64 hex digits, with or without colons',
  ]);
  expect(target.listenerCount('SIGINT')).toBe(0);
});

it('runBot(make): runs the bot the function made', async () => {
  const logger = createMemoryLogger();
  const target = new FakeProcess();
  const bot = createBot(createTestClient());
  const run = runBot(() => bot, { logger }, target);
  await flushEventLoop(5);
  expect(bot.state).toBe('running');
  expect(target.listenerCount('SIGINT')).toBe(1);
  target.emit('SIGINT', 'SIGINT');
  expect((await run).exitCode).toBe(0);
});
