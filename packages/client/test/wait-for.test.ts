import { isBirdTalkError } from '@birdtalk/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChatMessage, p2p } from '../src/index.js';
import { until, type World, worldWith } from './harness.js';

let world: World;
let ada: string;
let bob: string;

beforeEach(async () => {
  ({ world, ada, bob } = await worldWith('ada', 'bob'));
});

afterEach(() => world.close());

describe('waitFor', () => {
  it('lets a message listener ask a question and await the answer in its own chat', async () => {
    const bot = world.client(ada);
    const user = world.client(bob);
    const seenByListener: string[] = [];
    const conversation: string[] = [];
    bot.on('message', async (message) => {
      seenByListener.push(message.text);
      if (message.text !== '/name') return;
      await bot.reply(message, 'What is your name?');
      const answer = await bot.waitFor({ chat: message.chat, from: message.from }, { timeoutMs: 60_000 });
      conversation.push(answer.text);
      await bot.reply(answer, `Hello, ${answer.text}!`);
    });
    const toUser: ChatMessage[] = [];
    user.on('message', (message) => {
      toUser.push(message);
    });
    await world.drive(Promise.all([bot.start(), user.start()]));
    await world.drive(user.sendText(p2p(ada), '/name'));
    await until(() => toUser.length === 1, 'the question');
    await world.drive(user.sendText(p2p(ada), 'Bob'));
    await until(() => toUser.length === 2, 'the greeting');
    expect(toUser.map((m) => m.text)).toEqual(['What is your name?', 'Hello, Bob!']);
    expect(conversation).toEqual(['Bob']);
    // The answer went to the waiting listener, not to the listeners a second time.
    expect(seenByListener).toEqual(['/name']);
    await world.drive(user.sendText(p2p(ada), 'later'));
    await until(() => seenByListener.length === 2, 'the next message');
    expect(seenByListener).toEqual(['/name', 'later']);
  });

  it('rejects with a TimeoutError after timeoutMs, with AbortError on abort, and with CLIENT_STOPPED when the client stops', async () => {
    const bot = world.client(ada);
    await world.drive(bot.start());
    const late = bot.waitFor(() => true, { timeoutMs: 1_000 });
    late.catch(() => {});
    await world.clock.advance(999);
    await world.clock.advance(1);
    await expect(late).rejects.toMatchObject({ name: 'TimeoutError' });
    const abort = new AbortController();
    const aborted = bot.waitFor(() => true, { signal: abort.signal });
    abort.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    const pending = bot.waitFor({ from: bob });
    pending.catch(() => {});
    await world.drive(bot.stop());
    const error = await pending.catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'CLIENT_STOPPED')).toBe(true);
    await expect(bot.waitFor(() => true)).rejects.toMatchObject({ code: 'CLIENT_STOPPED' });
  });

  it('refuses a bad filter with INVALID_ARGUMENT, and waiting before start with CLIENT_NOT_STARTED', async () => {
    const bot = world.client(ada);
    await expect(bot.waitFor({ from: 'not an id' })).rejects.toMatchObject({ code: 'CLIENT_NOT_STARTED' });
    await world.drive(bot.start());
    await expect(bot.waitFor({ from: 'not an id' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(bot.waitFor(42 as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(bot.waitFor(() => true, { timeoutMs: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
