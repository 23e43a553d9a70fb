import { TimeoutError } from '@birdtalk/errors';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { deferred, settle } from '../test/deferred.js';
import { createBot } from './bot.js';
import type { Context } from './context.js';
import { textMessage } from './testing/builders.js';
import { createTestClient } from './testing/test-client.js';

/** A bot on a test client and a fake clock, whose `bot.catch()` collects what it gets. */
function timedBot(options: { readonly handlerTimeoutMs?: number } = {}) {
  const clock = new FakeClock();
  const client = createTestClient({ clock });
  const bot = createBot(client, { rateLimit: false, ...options }, { clock });
  const caught: Array<{ readonly error: unknown; readonly ctx: Context }> = [];
  bot.catch((error, ctx) => {
    caught.push({ error, ctx });
  });
  return { clock, client, bot, caught };
}

function detailsOf(error: unknown): unknown {
  expect(error).toBeInstanceOf(TimeoutError);
  return (error as TimeoutError).details;
}

describe('handler timeouts', () => {
  it('reports a handler that outlives handlerTimeoutMs with its context, aborts ctx.signal, and the chat moves on', async () => {
    const { clock, client, bot, caught } = timedBot({ handlerTimeoutMs: 5_000 });
    const signals: AbortSignal[] = [];
    bot.command('slow', (ctx) => {
      signals.push(ctx.signal);
      return new Promise<void>(() => {});
    });
    bot.on('message:text', (ctx) => ctx.reply(`got ${ctx.text}`));
    await bot.start();
    const slow = client.receive('/slow');
    await settle();
    const next = client.receive('after');
    await clock.advance(4_999);
    expect(caught).toEqual([]);
    expect(client.texts()).toEqual([]);
    await clock.advance(1);
    expect((await slow).ok).toBe(true);
    expect((await next).texts).toEqual(['got after']);
    expect(caught).toHaveLength(1);
    const { error, ctx } = caught[0]!;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).details).toEqual({ handler: '/slow', timeoutMs: 5_000 });
    expect((error as TimeoutError).message).toBe(
      'the handler /slow of a message in p2p:20001 was not handled within 5000 ms',
    );
    expect(ctx.text).toBe('/slow');
    expect(ctx.chat).toEqual({ type: 'p2p', userId: '20001' });
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBe(error);
    expect(bot.health().handlerErrors).toBe(1);
  });

  it('a handler with its own timeoutMs gets that long, the others keep the default', async () => {
    const { clock, client, bot, caught } = timedBot({ handlerTimeoutMs: 1_000 });
    const first = deferred();
    const reports = [first, deferred()];
    bot.command('report', { timeoutMs: 120_000 }, async (ctx) => {
      await reports.shift()?.promise;
      await ctx.reply('report done');
    });
    bot.command('other', { name: 'the other one' }, () => new Promise<void>(() => {}));
    await bot.start();
    const reporting = client.receive('/report');
    const other = client.receive('/other', { from: '20002' });
    await clock.advance(1_000);
    await other;
    expect(detailsOf(caught[0]?.error)).toEqual({
      handler: 'the other one',
      timeoutMs: 1_000,
    });
    await clock.advance(100_000);
    first.resolve();
    expect((await reporting).texts).toEqual(['report done']);
    expect(caught).toHaveLength(1);

    const stuck = client.receive('/report');
    await clock.advance(119_999);
    expect(caught).toHaveLength(1);
    await clock.advance(1);
    await stuck;
    expect(detailsOf(caught[1]?.error)).toEqual({ handler: '/report', timeoutMs: 120_000 });
  });

  it('timeoutMs 0 lifts the limit for that handler', async () => {
    const { clock, client, bot, caught } = timedBot({ handlerTimeoutMs: 1_000 });
    const done = deferred();
    bot.on('message:text', { timeoutMs: 0 }, async (ctx) => {
      await done.promise;
      await ctx.reply('finally');
    });
    await bot.start();
    const delivery = client.receive('hello');
    await clock.advance(3_600_000);
    done.resolve();
    expect((await delivery).texts).toEqual(['finally']);
    expect(caught).toEqual([]);
  });

  it("reports the client's own timeout as the handler's, and frees the chat", async () => {
    const { clock, client, bot, caught } = timedBot({ handlerTimeoutMs: 0 });
    bot.hears('hang', () => new Promise<void>(() => {}));
    bot.on('message:text', (ctx) => ctx.reply('next'));
    await bot.start();
    const handling = new AbortController();
    const hanging = client.deliver({ ...textMessage('hang'), signal: handling.signal });
    const next = client.receive('after');
    await clock.advance(60_000);
    expect(caught).toEqual([]);
    const clientTimeout = new TimeoutError('the listeners of a message did not finish within 60000 ms');
    handling.abort(clientTimeout);
    await hanging;
    expect((await next).texts).toEqual(['next']);
    const error = caught[0]?.error as TimeoutError;
    expect(error.cause).toBe(clientTimeout);
    expect(error.details).toEqual({ handler: 'hears hang' });
  });

  it('aborts ctx.signal on shutdown but lets the handler finish', async () => {
    const { client, bot, caught } = timedBot();
    const release = deferred();
    const seen: boolean[] = [];
    bot.on('message:text', async (ctx) => {
      await release.promise;
      seen.push(ctx.signal.aborted);
      await ctx.reply('finished');
    });
    await bot.start();
    const delivery = client.receive('work');
    await settle();
    const stopping = bot.stop();
    await settle();
    release.resolve();
    await stopping;
    expect(seen).toEqual([true]);
    expect((await delivery).texts).toEqual(['finished']);
    expect(caught).toEqual([]);
  });

  it('aborts the signal of notifications too', async () => {
    const { clock, client, bot, caught } = timedBot({ handlerTimeoutMs: 2_000 });
    const signals: AbortSignal[] = [];
    bot.on('friend', (ctx) => {
      signals.push(ctx.signal);
      return new Promise<void>(() => {});
    });
    await bot.start();
    const notified = client.emit('friend', {
      kind: 'followed',
      by: { userId: '20001', userName: 'ann', nickName: 'Ann' },
    } as never);
    await settle();
    await clock.advance(2_000);
    await notified;
    expect(signals[0]?.aborted).toBe(true);
    expect(detailsOf(caught[0]?.error)).toEqual({ handler: 'on friend', timeoutMs: 2_000 });
  });

  it('refuses limits that cannot work', () => {
    const client = createTestClient();
    expect(() => createBot(client, { handlerTimeoutMs: -1 })).toThrow(/handlerTimeoutMs/);
    const bot = createBot(createTestClient());
    expect(() => bot.command('x', { timeoutMs: Number.NaN }, () => {})).toThrow(/timeoutMs/);
    expect(() => bot.on('message', { name: '' }, () => {})).toThrow(/name/);
  });
});
