import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { deferred, settle } from '../test/deferred.js';
import { createBot } from './bot.js';
import { textMessage } from './testing/builders.js';
import { createTestClient } from './testing/test-client.js';

describe('bot.health()', () => {
  it('tells the state, the login, the last message and its lag, what waits, and what failed', async () => {
    const clock = new FakeClock(1_750_000_100_000);
    const client = createTestClient({ clock });
    const bot = createBot(client, {}, { clock });
    expect(bot.health()).toMatchObject({ healthy: false, state: 'created', connectedSince: undefined });
    const hold = deferred();
    bot.command('slow', () => hold.promise);
    bot.command('boom', () => {
      throw new Error('boom');
    });
    await bot.start();
    expect(bot.health()).toMatchObject({ healthy: true, state: 'running', clientState: 'ready' });
    expect(bot.health().connectedSince).toBe(clock.now());

    // Sent 100 s ago (the builders' default time), handled now.
    const slow = client.deliver(textMessage('/slow', { time: 1_750_000_000_000 }));
    await settle();
    expect(bot.health()).toMatchObject({ pending: 1, lastUpdateAt: clock.now(), lagMs: 100_000 });
    hold.resolve();
    await slow;
    await client.receive('/boom');
    await client.emit('dead-letter', {
      event: 'message',
      message: textMessage('x'),
      error: new Error('x'),
      attempts: 3,
    });
    await client.emit('ready', { user: client.user!, fastLogin: true, connection: 2 });
    expect(bot.health()).toMatchObject({
      pending: 0,
      handlerErrors: 1,
      deadLetters: 1,
      reconnects: 1,
      outboxDepth: 0,
    });
    await bot.stop();
    expect(bot.health()).toMatchObject({ healthy: false, state: 'stopped', connectedSince: undefined });
  });
});
