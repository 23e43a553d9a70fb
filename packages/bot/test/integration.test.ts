import { group, p2p } from '@birdtalk/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isGroup } from '../src/index.js';
import { deferred } from './deferred.js';
import { createWorld, durableStore, inbox, type World } from './harness.js';

let world: World;
let botId: string;
let ada: string;

beforeEach(async () => {
  world = await createWorld();
  botId = await world.user('pingbot');
  ada = await world.user('ada');
});

afterEach(async () => {
  await world.close();
});

describe('a bot against the reference server', () => {
  it('answers /ping in P2P, quoting it, and echoes other text', async () => {
    await world.befriend(botId, ada);
    const bot = world.bot(botId);
    bot.command('ping', (ctx) => ctx.reply('pong', { quote: true }));
    bot.on('message:text', (ctx) => ctx.reply(`you said: ${ctx.text}`));
    const alice = world.client(ada);
    const received = inbox(alice);
    await world.drive(Promise.all([bot.start(), alice.start()]));
    const ping = await world.drive(alice.sendText(p2p(botId), '/ping'));
    await world.drive(alice.sendText(p2p(botId), 'hello bot'));
    await world.until(() => received.length === 2, 'two answers');
    expect(received.map((message) => [message.text, message.from, message.quote])).toEqual([
      ['pong', botId, ping.id],
      ['you said: hello bot', botId, undefined],
    ]);
  });

  it('answers /ping in a group, only when addressed to it or to nobody', async () => {
    const bob = await world.user('bob');
    const groupId = await world.server.createGroup({ owner: ada, members: [botId, bob] });
    const bot = world.bot(botId);
    bot.filter(isGroup).command('ping', (ctx) => ctx.reply(`pong in ${ctx.chat.groupId}`));
    const alice = world.client(ada);
    const bobby = world.client(bob);
    const toAlice = inbox(alice);
    const toBob = inbox(bobby);
    await world.drive(Promise.all([bot.start(), alice.start(), bobby.start()]));
    await world.drive(alice.sendText(group(groupId), '/ping@otherbot'));
    await world.drive(alice.sendText(group(groupId), '/PING@PingBot'));
    await world.until(() => toAlice.some((message) => message.from === botId), 'the answer');
    await world.until(
      () => toBob.filter((message) => message.from === botId).length === 1,
      'the answer for bob',
    );
    expect(toAlice.filter((message) => message.from === botId).map((message) => message.text)).toEqual([
      `pong in ${groupId}`,
    ]);
    expect(toBob.map((message) => message.text)).toEqual([
      '/ping@otherbot',
      '/PING@PingBot',
      `pong in ${groupId}`,
    ]);
  });

  it('replies with a file', async () => {
    await world.befriend(botId, ada);
    const bot = world.bot(botId);
    const bytes = new TextEncoder().encode('hello from the bot\n');
    bot.command('file', (ctx) => ctx.replyFile(bytes, { name: 'hello.txt', mime: 'text/plain' }));
    const alice = world.client(ada);
    const received = inbox(alice);
    await world.drive(Promise.all([bot.start(), alice.start()]));
    await world.drive(alice.sendText(p2p(botId), '/file'));
    await world.until(() => received.length === 1, 'the file');
    const [message] = received;
    expect(message?.kind).toBe('file');
    expect(message?.attachment).toMatchObject({
      kind: 'file',
      name: 'hello.txt',
      mime: 'text/plain',
      size: bytes.length,
    });
    const stored = world.server.listFiles().find((file) => file.storedName === message?.attachment?.ref);
    expect(stored === undefined ? undefined : new TextDecoder().decode(stored.content)).toBe(
      'hello from the bot\n',
    );
  });

  it('follows back a new follower live, and one who followed while it was away at start', async () => {
    const cy = await world.user('cy', [botId]);
    const bot = world.bot(botId, { autoFollowBack: true });
    bot.command('ping', (ctx) => ctx.reply('pong'));
    const welcomed: string[] = [];
    bot.on('friend:followed', async (ctx) => {
      welcomed.push(ctx.from);
      await ctx.reply('thanks for following');
    });
    const alice = world.client(ada);
    const cyrus = world.client(cy);
    const toAlice = inbox(alice);
    const toCy = inbox(cyrus);
    await world.drive(Promise.all([bot.start(), alice.start(), cyrus.start()]));
    // Before the bot follows her, ada cannot write to it.
    await expect(world.drive(alice.sendText(p2p(botId), '/ping'))).rejects.toMatchObject({
      code: 'CHAT_NOT_FRIEND',
    });
    await world.drive(alice.friends.follow(botId));
    await world.until(() => toAlice.length === 1, 'the welcome');
    await world.drive(alice.sendText(p2p(botId), '/ping'));
    await world.until(() => toAlice.length === 2, 'the pong');
    expect(toAlice.map((message) => message.text)).toEqual(['thanks for following', 'pong']);
    expect(welcomed).toEqual([ada]);
    // Cy followed before the bot started: it followed her back after its login.
    await world.eventually(() => bot.client.friends.isFollowing(cy), 'the follow-back of cy');
    await world.drive(cyrus.sendText(p2p(botId), '/ping'));
    await world.until(() => toCy.length === 1, 'the pong for cy');
    expect(toCy[0]?.text).toBe('pong');
  });

  it('handles one chat in order while another chat goes on', async () => {
    const bob = await world.user('bob');
    await world.befriend(botId, ada);
    await world.befriend(botId, bob);
    const bot = world.bot(botId);
    const log: string[] = [];
    const gate = deferred();
    bot.on('message:text', async (ctx) => {
      log.push(`${ctx.text} start`);
      if (ctx.text === 'ada 1') await gate.promise;
      log.push(`${ctx.text} end`);
    });
    const alice = world.client(ada);
    const bobby = world.client(bob);
    await world.drive(Promise.all([bot.start(), alice.start(), bobby.start()]));
    await world.drive(alice.sendText(p2p(botId), 'ada 1'));
    await world.drive(alice.sendText(p2p(botId), 'ada 2'));
    await world.drive(bobby.sendText(p2p(botId), 'bob 1'));
    await world.until(() => log.includes('bob 1 end'), "bob's message");
    expect(log).toEqual(['ada 1 start', 'bob 1 start', 'bob 1 end']);
    gate.resolve();
    await world.until(() => log.includes('ada 2 end'), "ada's second message");
    expect(log.slice(3)).toEqual(['ada 1 end', 'ada 2 start', 'ada 2 end']);
  });

  it('stops gracefully: a handler in flight finishes, nothing is lost, a restart continues without duplicates', async () => {
    await world.befriend(botId, ada);
    const store = durableStore();
    const handled: string[] = [];
    const gate = deferred();
    const first = world.bot(botId, {}, store);
    first.on('message:text', async (ctx) => {
      handled.push(`first: ${ctx.text}`);
      if (ctx.text === 'slow') await gate.promise;
      await ctx.reply(`done ${ctx.text}`);
    });
    const alice = world.client(ada);
    const received = inbox(alice);
    await world.drive(Promise.all([first.start(), alice.start()]));
    await world.drive(alice.sendText(p2p(botId), 'before'));
    await world.until(() => received.length === 1, 'the first answer');
    await world.drive(alice.sendText(p2p(botId), 'slow'));
    await world.drive(alice.sendText(p2p(botId), 'queued behind slow'));
    await world.until(() => handled.length === 2, 'the slow handler to start');

    const stopping = first.stop();
    // Released only once the client is draining too: the reply must still be allowed then.
    await world.until(() => first.state === 'stopping' && first.client.state === 'stopping', 'stopping');
    gate.resolve();
    await world.drive(stopping);
    expect(first.state).toBe('stopped');
    expect(handled).toEqual(['first: before', 'first: slow']);
    await world.until(() => received.length === 2, 'the answer of the slow handler');

    await world.drive(alice.sendText(p2p(botId), 'while away'));
    const second = world.bot(botId, {}, store);
    second.on('message:text', async (ctx) => {
      handled.push(`second: ${ctx.text}${ctx.catchingUp ? ' (catch-up)' : ''}`);
      await ctx.reply(`done ${ctx.text}`);
    });
    await world.drive(second.start());
    await world.until(() => received.length === 4, 'the answers after the restart');
    expect(handled).toEqual([
      'first: before',
      'first: slow',
      'second: queued behind slow (catch-up)',
      'second: while away (catch-up)',
    ]);
    expect(received.map((message) => message.text)).toEqual([
      'done before',
      'done slow',
      'done queued behind slow',
      'done while away',
    ]);
  });
});
