import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock } from '@birdtalk/runtime/testing';
import { createSqliteStore } from '@birdtalk/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../bot.js';
import type { Context } from '../context.js';
import { storeSessionStorage } from '../session/storage.js';
import { imageMessage, textMessage } from '../testing/builders.js';
import { createTestClient, type TestClient } from '../testing/test-client.js';
import { type ConversationFlavor, type ConversationsOptions, conversations } from './conversations.js';
import type { ConversationRecord } from './record.js';
import { ConversationTimeoutError } from './replay.js';

type MyContext = Context & ConversationFlavor;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A ticket dialogue, with an echo handler behind it that must not see the answers. */
function ticketBot(
  client: TestClient,
  options: ConversationsOptions<MyContext> = {},
  clock = new FakeClock(),
) {
  const bot = createBot<MyContext>(client, {}, { clock });
  const convs = conversations<MyContext>(options, { clock });
  const runs = { count: 0 };
  convs.define('ticket', async (conv) => {
    runs.count += 1;
    const subject = await conv.ask('subject?', { filter: (ctx) => ctx.text !== undefined });
    const details = await conv.ask('details?');
    await conv.reply(`ticket: ${subject.text} / ${details.text}`);
  });
  bot.use(convs);
  bot.command('ticket', (ctx) => ctx.conversation.enter('ticket'));
  bot.command('status', (ctx) => ctx.reply(`active: ${ctx.conversation.active ?? 'none'}`));
  bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.text}`));
  return { bot, convs, runs, clock };
}

describe('conversations', () => {
  it('asks, takes the answers away from the other handlers, and ends', async () => {
    const client = createTestClient();
    const { bot } = ticketBot(client);
    await bot.start();
    expect((await client.receive('/ticket')).texts).toEqual(['subject?']);
    expect((await client.receive('printer')).texts).toEqual(['details?']);
    // A text, so the answer to "details?", not a command for the handlers.
    expect((await client.receive('/status')).texts).toEqual(['ticket: printer / /status']);
    expect((await client.receive('hello')).texts).toEqual(['echo: hello']);
  });

  it('never holds up the chat: the handler returns while the conversation waits', async () => {
    const client = createTestClient();
    const { bot } = ticketBot(client);
    await bot.start();
    await client.receive('/ticket');
    // The wait refuses images, which go on to the other handlers while the conversation keeps waiting.
    const image = await client.deliver(imageMessage());
    expect(image.ok).toBe(true);
    expect(bot.pending).toBe(0);
    expect((await client.receive('printer')).texts).toEqual(['details?']);
  });

  it('leaves other members of a group alone', async () => {
    const client = createTestClient();
    const { bot } = ticketBot(client);
    await bot.start();
    await client.receive('/ticket', { from: '20001', group: '50001' });
    expect((await client.receive('me too', { from: '20002', group: '50001' })).texts).toEqual([
      'echo: me too',
    ]);
    expect((await client.receive('printer', { from: '20001', group: '50001' })).texts).toEqual(['details?']);
    expect(client.sent.at(-1)?.chat).toEqual({ type: 'group', groupId: '50001' });
  });

  it('ends on /cancel, which it takes, and says so', async () => {
    const client = createTestClient();
    const { bot } = ticketBot(client, { onCancel: (ctx) => ctx.reply('cancelled') });
    await bot.start();
    await client.receive('/ticket');
    expect((await client.receive('/cancel')).texts).toEqual(['cancelled']);
    expect((await client.receive('printer')).texts).toEqual(['echo: printer']);
    // Without a conversation, /cancel reaches the handlers.
    expect((await client.receive('/cancel')).texts).toEqual(['echo: /cancel']);
  });

  it('times a wait out on the clock, and the code may catch it', async () => {
    const clock = new FakeClock();
    const client = createTestClient({ clock });
    const bot = createBot<MyContext>(client, {}, { clock });
    const convs = conversations<MyContext>({}, { clock });
    convs.define('quiz', async (conv) => {
      try {
        await conv.ask('2 + 2?', { timeoutMs: 5_000 });
        await conv.reply('right');
      } catch (error) {
        if (!(error instanceof ConversationTimeoutError)) throw error;
        await conv.reply('too slow');
      }
    });
    bot.use(convs);
    bot.command('quiz', (ctx) => ctx.conversation.enter('quiz'));
    bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.text}`));
    await bot.start();
    await client.receive('/quiz');
    await clock.advance(4_999);
    expect(client.texts()).toEqual(['2 + 2?']);
    await clock.advance(1);
    expect(client.texts()).toEqual(['2 + 2?', 'too slow']);
    expect((await client.receive('4')).texts).toEqual(['echo: 4']);
  });

  it('ends a conversation by the default timeout without a word when the code does not catch it', async () => {
    const clock = new FakeClock();
    const client = createTestClient({ clock });
    const { bot } = ticketBot(client, { waitTimeoutMs: 60_000 }, clock);
    await bot.start();
    await client.receive('/ticket');
    await clock.advance(60_000);
    expect((await client.receive('printer')).texts).toEqual(['echo: printer']);
  });

  it('calls otherwise for refused answers, once, and keeps waiting', async () => {
    const client = createTestClient();
    const bot = createBot<MyContext>(client);
    const convs = conversations<MyContext>();
    convs.define('age', async (conv) => {
      const age = await conv.ask('age?', {
        filter: (ctx) => /^\d+$/.test(ctx.text ?? ''),
        otherwise: (ctx) => ctx.reply('a number, please'),
      });
      await conv.reply(`age ${age.text}`);
    });
    bot.use(convs);
    bot.command('age', (ctx) => ctx.conversation.enter('age'));
    bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.text}`));
    await bot.start();
    await client.receive('/age');
    expect((await client.receive('old')).texts).toEqual(['a number, please']);
    expect((await client.receive('42')).texts).toEqual(['age 42']);
  });

  it('does not take a message twice when it is delivered again', async () => {
    const client = createTestClient();
    const { bot } = ticketBot(client);
    await bot.start();
    const entering = textMessage('/ticket');
    await client.deliver(entering);
    expect((await client.deliver(entering)).texts).toEqual([]); // not an answer to "subject?"
    const answer = textMessage('printer');
    await client.deliver(answer);
    expect((await client.deliver(answer)).texts).toEqual([]);
    expect(client.texts()).toEqual(['subject?', 'details?']);
  });

  it('resumes after a restart at the same step, without asking again, from a SQLite store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bot-conv-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');

    const first = createTestClient();
    const store1 = createSqliteStore({ path });
    const one = ticketBot(first, { storage: storeSessionStorage<ConversationRecord>(store1) });
    await one.bot.start();
    await first.receive('/ticket');
    await first.receive('printer');
    expect(first.texts()).toEqual(['subject?', 'details?']);
    // The process dies here: nothing is stopped or flushed beyond what each step wrote.

    const second = createTestClient();
    const store2 = createSqliteStore({ path });
    const two = ticketBot(second, { storage: storeSessionStorage<ConversationRecord>(store2) });
    await two.bot.start();
    expect((await second.receive('/status')).texts).toEqual(['ticket: printer / /status']);
    expect(second.texts()).toEqual(['ticket: printer / /status']);
    store1.close();
    await store2.close();
  });

  it('reports code that no longer matches its record, and forgets the conversation', async () => {
    const client = createTestClient();
    const storage = {
      records: new Map<string, ConversationRecord>(),
      read: async (key: string) => storage.records.get(key),
      write: async (key: string, value: ConversationRecord) => {
        storage.records.set(key, value);
      },
      delete: async (key: string) => {
        storage.records.delete(key);
      },
    };
    let changed = false;
    const bot = createBot<MyContext>(client);
    const convs = conversations<MyContext>({ storage });
    convs.define('flow', async (conv) => {
      if (changed) await conv.reply('a new greeting');
      await conv.wait();
      await conv.wait();
    });
    bot.use(convs);
    bot.command('flow', (ctx) => ctx.conversation.enter('flow'));
    await bot.start();
    await client.receive('/flow');
    await client.receive('one');
    changed = true;
    const result = await client.receive('two');
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code: 'BOT_CONVERSATION_REPLAY' });
    expect(storage.records.size).toBe(0);
  });

  it('gives replayed answers back as they arrived, with a signal that never aborts', async () => {
    const client = createTestClient();
    const bot = createBot<MyContext>(client);
    const convs = conversations<MyContext>();
    convs.define('image', async (conv) => {
      const first = await conv.waitFor('message:image');
      await conv.wait();
      // By now `first` comes from the stored log: its bytes and attachment survived, its signal is a real one.
      await conv.reply(
        `${first.message.attachment.width}px ${first.message.raw.data.length} bytes ${first.signal instanceof AbortSignal && !first.signal.aborted}`,
      );
    });
    bot.use(convs);
    bot.command('image', (ctx) => ctx.conversation.enter('image'));
    await bot.start();
    await client.receive('/image');
    const image = imageMessage({ width: 640 });
    await client.deliver(image);
    expect((await client.receive('done')).texts).toEqual([`640px ${image.raw.data.length} bytes true`]);
  });

  it('refuses unknown names and duplicate definitions', async () => {
    const client = createTestClient();
    const bot = createBot<MyContext>(client);
    const convs = conversations<MyContext>();
    convs.define('a', async () => {});
    expect(() => convs.define('a', async () => {})).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    bot.use(convs);
    bot.command('b', (ctx) => ctx.conversation.enter('b'));
    await bot.start();
    const result = await client.receive('/b');
    expect(result.error).toMatchObject({ name: 'InvalidArgumentError', code: 'BOT_CONVERSATION_UNKNOWN' });
  });
});
