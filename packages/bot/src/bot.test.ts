import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { deferred, settle } from '../test/deferred.js';
import { createBot } from './bot.js';
import { sequentialize } from './sequentialize.js';
import { followedEvent, membersJoinedEvent, recallEvent, textMessage } from './testing/builders.js';
import { createTestClient } from './testing/test-client.js';

describe('handling messages', () => {
  it('answers a command and ignores other texts', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.command('ping', (ctx) => ctx.reply('pong'));
    await bot.start();
    expect((await client.receive('/ping')).texts).toEqual(['pong']);
    expect((await client.receive('ping')).texts).toEqual([]);
    expect(client.sent[0]?.chat).toEqual({ type: 'p2p', userId: '20001' });
  });

  it('holds what the client delivers before start(), then handles it', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    const seen: string[] = [];
    const early = client.receive('early');
    bot.on('message:text', (ctx) => {
      seen.push(ctx.text);
    });
    await settle();
    expect(seen).toEqual([]);
    expect(bot.state).toBe('created');
    await bot.start();
    await early;
    expect(seen).toEqual(['early']);
    expect(bot.state).toBe('running');
  });

  it('knows its names from the logged-in user and the options', async () => {
    const client = createTestClient({
      user: { userId: '10001', userName: 'helper', nickName: 'Helper Bot' },
    });
    const bot = createBot(client, { names: ['assistant'], commandPrefix: ['!', '/'] });
    bot.command('hi', (ctx) => ctx.reply(`hi from ${ctx.me.id}`));
    await bot.start();
    expect(bot.info).toEqual({
      id: '10001',
      names: ['helper', 'Helper Bot', 'assistant'],
      commandPrefixes: ['!', '/'],
    });
    expect((await client.receive('!hi@ASSISTANT')).texts).toEqual(['hi from 10001']);
    expect((await client.receive('/hi@helper')).texts).toEqual(['hi from 10001']);
    expect((await client.receive('/hi@someoneelse')).texts).toEqual([]);
  });

  it('ignores its own messages unless told otherwise', async () => {
    for (const ignoreOwnMessages of [true, false]) {
      const client = createTestClient();
      const bot = createBot(client, { ignoreOwnMessages });
      const seen: string[] = [];
      bot.on('message', (ctx) => {
        seen.push(ctx.message.text);
      });
      bot.on('recall', (ctx) => {
        seen.push(`recall ${ctx.recall.id}`);
      });
      await bot.start();
      await client.deliver(textMessage('mine', { own: true }));
      await client.deliverRecall(recallEvent('77', { own: true }));
      await client.deliver(textMessage('theirs'));
      expect(seen).toEqual(ignoreOwnMessages ? ['theirs'] : ['mine', 'recall 77', 'theirs']);
    }
  });

  it.each([
    ['handle', ['/old', 'old text', 'recall 5', '/new']],
    ['skip-commands', ['old text', 'recall 5', '/new']],
    ['skip', ['/new']],
  ] as const)('catch-up %s', async (catchUp, expected) => {
    const client = createTestClient();
    const bot = createBot(client, { catchUp });
    const seen: string[] = [];
    bot.on('message:text', (ctx) => {
      seen.push(ctx.text);
    });
    bot.on('recall', (ctx) => {
      seen.push(`recall ${ctx.recall.id}`);
    });
    await bot.start();
    await client.deliver(textMessage('/old', { catchingUp: true }));
    await client.deliver(textMessage('old text', { catchingUp: true }));
    await client.deliverRecall(recallEvent('5', { catchingUp: true }));
    const live = await client.deliver(textMessage('/new'));
    expect(live.ok).toBe(true);
    expect(seen).toEqual(expected);
  });

  it('handles notifications through the same middleware', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.on('friend:followed', (ctx) => ctx.reply(`welcome, ${ctx.friendEvent.by.nickName}`));
    bot.on('group:members-joined', (ctx) =>
      ctx.reply(`hello ${ctx.groupEvent.members.map((member) => member.nick).join(', ')}`),
    );
    await bot.start();
    await client.emit('friend', followedEvent('30003'));
    await client.emit('group', membersJoinedEvent('50005', ['30004']));
    expect(client.texts()).toEqual(['welcome, User 30003', 'hello User 30004']);
    expect(client.sent.map((record) => record.chat)).toEqual([
      { type: 'p2p', userId: '30003' },
      { type: 'group', groupId: '50005' },
    ]);
  });

  it('handles updates fed in directly with handle()', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.command('echo', (ctx) => ctx.reply(ctx.payload));
    await bot.handle({ type: 'message', message: textMessage('/echo straight in') });
    expect(client.texts()).toEqual(['straight in']);
  });
});

describe('errors', () => {
  it('without bot.catch(), an error goes to the client (which retries, then dead-letters)', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.use(() => {
      throw new Error('handler failed');
    });
    await bot.start();
    const result = await client.receive('hi');
    expect(result.ok).toBe(false);
    expect((result.error as Error).message).toBe('handler failed');
  });

  it('with bot.catch(), the error is handled there, with the context, and the message counts as handled', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    const caught: Array<[string, string | undefined]> = [];
    bot.command('fail', () => Promise.reject(new Error('async failure')));
    bot.catch(async (error, ctx) => {
      caught.push([(error as Error).message, ctx.text]);
      await ctx.reply('sorry');
    });
    await bot.start();
    const result = await client.receive('/fail now');
    expect(result).toMatchObject({ ok: true, texts: ['sorry'] });
    expect(caught).toEqual([['async failure', '/fail now']]);
  });

  it('an error of the handler itself goes to the client', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.use(() => {
      throw new Error('first');
    });
    bot.catch((error) => {
      throw new Error(`handler saw ${(error as Error).message}`);
    });
    await bot.start();
    const result = await client.receive('x');
    expect((result.error as Error).message).toBe('handler saw first');
  });

  it('a failing notification handler is reported to the client, not thrown at it', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.on('friend', () => {
      throw new Error('notification failed');
    });
    await bot.start();
    const result = await client.emit('friend', followedEvent());
    expect((result.error as Error).message).toBe('notification failed');
  });

  it('refuses bad options and a handler that is not a function', () => {
    const client = createTestClient();
    expect(() => createBot(client, { concurrency: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createBot(client, { commandPrefix: '' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createBot(client, { catchUp: 'never' as 'skip' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createBot(client, { stopTimeoutMs: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => createBot({} as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => createBot(client).catch(42 as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('ordering and concurrency', () => {
  it('handles one chat in order and other chats meanwhile', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    const log: string[] = [];
    const gates = new Map([
      ['a1', deferred()],
      ['b1', deferred()],
    ]);
    bot.on('message:text', async (ctx) => {
      log.push(`${ctx.text} start`);
      await gates.get(ctx.text)?.promise;
      log.push(`${ctx.text} end`);
    });
    await bot.start();
    // The test client does not order deliveries itself: the bot does.
    const deliveries = [
      client.receive('a1', { from: '30001' }),
      client.receive('a2', { from: '30001' }),
      client.receive('b1', { from: '30002' }),
      client.receive('g1', { from: '30001', group: '50001' }),
    ];
    await settle();
    expect(log).toEqual(['a1 start', 'b1 start', 'g1 start', 'g1 end']);
    expect(bot.pending).toBe(3);
    expect(bot.running).toBe(2);
    gates.get('b1')?.resolve();
    await settle();
    expect(log.slice(4)).toEqual(['b1 end']);
    gates.get('a1')?.resolve();
    await Promise.all(deliveries);
    expect(log.slice(5)).toEqual(['a1 end', 'a2 start', 'a2 end']);
    expect(bot.pending).toBe(0);
  });

  it('runs at most `concurrency` handlers at once', async () => {
    const client = createTestClient();
    const bot = createBot(client, { concurrency: 2 });
    const gate = deferred();
    let running = 0;
    let most = 0;
    bot.use(async () => {
      running += 1;
      most = Math.max(most, running);
      await gate.promise;
      running -= 1;
    });
    await bot.start();
    const deliveries = ['30001', '30002', '30003', '30004'].map((from) => client.receive('x', { from }));
    await settle();
    expect(bot.running).toBe(2);
    expect(bot.pending).toBe(4);
    gate.resolve();
    await Promise.all(deliveries);
    expect(most).toBe(2);
  });

  it('sequentialize() orders updates by a key of its own, across chats', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    const log: string[] = [];
    const gate = deferred();
    bot.use(sequentialize((ctx) => ctx.from));
    bot.on('message:text', async (ctx) => {
      log.push(`${ctx.text} start`);
      if (ctx.text === 'p2p') await gate.promise;
      log.push(`${ctx.text} end`);
    });
    await bot.start();
    const deliveries = [
      client.receive('p2p', { from: '30001' }),
      client.receive('group', { from: '30001', group: '50001' }),
      client.receive('other', { from: '30002', group: '50001' }),
    ];
    await settle();
    expect(log).toEqual(['p2p start']);
    gate.resolve();
    await Promise.all(deliveries);
    expect(log).toEqual(['p2p start', 'p2p end', 'group start', 'group end', 'other start', 'other end']);
  });
});

describe('stopping', () => {
  it('lets a running handler finish and reply, then stops the client', async () => {
    const clock = new FakeClock();
    const client = createTestClient({ clock });
    const bot = createBot(client, {}, { clock });
    const gate = deferred();
    bot.command('slow', async (ctx) => {
      await gate.promise;
      await ctx.reply('done');
    });
    await bot.start();
    const delivery = client.receive('/slow');
    await settle();
    const stopped = bot.stop();
    await settle();
    expect(bot.state).toBe('stopping');
    expect(client.state).toBe('stopping');
    gate.resolve();
    await stopped;
    expect((await delivery).texts).toEqual(['done']);
    expect(client.state).toBe('closed');
    expect(bot.state).toBe('stopped');
  });

  it('drains notification handlers before the client stops, and takes no new ones', async () => {
    const clock = new FakeClock();
    const client = createTestClient({ clock });
    const bot = createBot(client, {}, { clock });
    const gate = deferred();
    const seen: string[] = [];
    bot.on('friend:followed', async (ctx) => {
      seen.push(ctx.friendEvent.by.userId);
      await gate.promise;
      await ctx.reply('welcome');
    });
    await bot.start();
    const first = client.emit('friend', followedEvent('30001'));
    await settle();
    const stopped = bot.stop();
    await settle();
    await client.emit('friend', followedEvent('30002'));
    expect(client.state).toBe('ready');
    gate.resolve();
    await stopped;
    await first;
    expect(seen).toEqual(['30001']);
    expect(client.texts()).toEqual(['welcome']);
  });

  it('gives up waiting after the stop timeout', async () => {
    const clock = new FakeClock();
    const client = createTestClient({ clock });
    const bot = createBot(client, { stopTimeoutMs: 5_000 }, { clock });
    bot.on('friend', () => new Promise(() => {}));
    await bot.start();
    void client.emit('friend', followedEvent());
    await settle();
    let done = false;
    const stopped = bot.stop().then(() => {
      done = true;
    });
    await clock.advance(4_999);
    expect(done).toBe(false);
    await clock.advance(1);
    await stopped;
    expect(client.state).toBe('closed');
  });

  it('is idempotent, works with await using, and refuses to start again', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    await bot.start();
    expect(bot.start()).toBe(bot.start());
    const first = bot.stop();
    expect(bot.stop()).toBe(first);
    await first;
    await expect(bot.start()).rejects.toMatchObject({ code: 'BOT_STOPPED' });

    const other = createTestClient();
    {
      await using disposable = createBot(other);
      await disposable.start();
    }
    expect(other.state).toBe('closed');
  });

  it('stops when the client ends by itself', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    await bot.start();
    await client.stop();
    expect(bot.state).toBe('stopped');
    await bot.stop();
  });

  it('stops before it ever started', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    await bot.stop();
    expect(bot.state).toBe('stopped');
    expect(client.state).toBe('closed');
  });
});
