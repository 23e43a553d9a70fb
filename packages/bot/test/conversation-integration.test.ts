import { p2p } from '@birdtalk/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Context, type ConversationFlavor, conversations, createBot } from '../src/index.js';
import { createWorld, inbox, type World } from './harness.js';

type MyContext = Context & ConversationFlavor;

let world: World;
let botId: string;
let ada: string;

beforeEach(async () => {
  world = await createWorld();
  botId = await world.user('askbot');
  ada = await world.user('ada');
  await world.befriend(botId, ada);
});

afterEach(async () => {
  await world.close();
});

it('a handler awaiting the next message of its own chat deadlocks it; a conversation does not', async () => {
  const bot = createBot<MyContext>(world.client(botId), {}, { clock: world.clock, logger: world.logger });
  const convs = conversations<MyContext>({}, { clock: world.clock });
  convs.define('name', async (conv) => {
    const answer = await conv.ask('your name?');
    await conv.reply(`hello, ${answer.text}`);
  });
  bot.use(convs);
  bot.command('name', (ctx) => ctx.conversation.enter('name'));
  const giveUp = new AbortController();
  bot.command('naive', async (ctx) => {
    await ctx.reply('your name?');
    // The client hands out the next message of this chat only after this handler returned: it never comes.
    const answer = await ctx.client
      .once('message', { filter: (message) => message.from === ctx.from, signal: giveUp.signal })
      .catch(() => undefined);
    await ctx.reply(answer === undefined ? 'gave up' : `hello, ${answer.text}`);
  });
  const user = world.client(ada);
  const received = inbox(user);
  await world.drive(Promise.all([bot.start(), user.start()]));

  await world.drive(user.sendText(p2p(botId), '/naive'));
  await world.until(() => received.length === 1, 'the question');
  await world.drive(user.sendText(p2p(botId), 'Ada'));
  await world.clock.advance(30_000);
  await world.until(() => bot.pending === 2, 'the answer to queue behind the waiting handler');
  expect(received.map((message) => message.text)).toEqual(['your name?']);
  giveUp.abort();
  await world.until(() => received.length === 2, 'the handler to give up');
  // The queued answer now reaches the handlers: nothing took it.

  await world.drive(user.sendText(p2p(botId), '/name'));
  await world.until(() => received.length === 3, 'the question of the conversation');
  await world.drive(user.sendText(p2p(botId), 'Grace'));
  await world.until(() => received.length === 4, 'the greeting');
  expect(received.map((message) => message.text)).toEqual([
    'your name?',
    'gave up',
    'your name?',
    'hello, Grace',
  ]);
  await world.drive(bot.stop());
});
