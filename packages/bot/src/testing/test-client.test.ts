import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { createBot } from '../bot.js';
import {
  fileMessage,
  followedEvent,
  imageMessage,
  memberLeftEvent,
  membersJoinedEvent,
  recallEvent,
  textMessage,
  voiceMessage,
} from './builders.js';
import { createTestClient } from './test-client.js';

describe('builders', () => {
  it('make messages as the real client hands them out', () => {
    const message = textMessage('hi', { from: '30001', quote: '42', catchingUp: true });
    expect(message).toMatchObject({
      kind: 'text',
      text: 'hi',
      from: '30001',
      to: '10001',
      chat: { type: 'p2p', userId: '30001' },
      quote: '42',
      own: false,
      catchingUp: true,
    });
    expect(BigInt(textMessage('later').id)).toBeGreaterThan(BigInt(message.id));
    expect(textMessage('mine', { own: true, to: '30002' })).toMatchObject({
      own: true,
      chat: { type: 'p2p', userId: '30002' },
    });
    expect(textMessage('in a group', { group: '50001' }).chat).toEqual({ type: 'group', groupId: '50001' });
  });

  it('make media messages with attachments', () => {
    expect(imageMessage({ width: 10, height: 20 }).attachment).toMatchObject({
      kind: 'image',
      ref: 'test-image.png',
      width: 10,
      height: 20,
    });
    expect(fileMessage({ name: 'report.pdf' }).attachment).toMatchObject({
      kind: 'file',
      name: 'report.pdf',
    });
    expect(voiceMessage({ durationMs: 2500 }).attachment).toMatchObject({ kind: 'voice', durationMs: 2500 });
  });

  it('make recalls and group news', () => {
    expect(recallEvent('42', { from: '30001' })).toMatchObject({
      id: '42',
      by: '30001',
      chat: { type: 'p2p', userId: '30001' },
      notice: { kind: 'recall' },
    });
    expect(membersJoinedEvent('50001', '10001').membership).toBe('joined');
    expect(memberLeftEvent('50001', '30001')).toMatchObject({ kind: 'member-left', userId: '30001' });
  });
});

describe('the test client', () => {
  it('records sends and what was sent during a delivery', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.on('message:text', async (ctx) => {
      await ctx.reply(ctx.text.toUpperCase());
      await ctx.replyFile(new Uint8Array([1]), { name: 'x.bin' });
    });
    await bot.start();
    const first = await client.receive('one');
    const second = await client.receive('two');
    expect(first.texts).toEqual(['ONE']);
    expect(second.sent.map((record) => record.kind)).toEqual(['text', 'file']);
    expect(client.texts()).toEqual(['ONE', 'TWO']);
    expect(client.messageState(client.sent[0]!.id)).toBe('sent');
  });

  it('lets sends fail or wait through onSend', async () => {
    const client = createTestClient({
      onSend: (record) => {
        if (record.text === 'bad') throw new Error('refused');
      },
    });
    await expect(client.sendText({ type: 'p2p', userId: '30001' }, 'bad')).rejects.toThrow('refused');
    await client.sendText({ type: 'p2p', userId: '30001' }, 'good');
    expect(client.texts()).toEqual(['good']);
  });

  it('emits ready on start and closed on stop, and refuses sends once stopped', async () => {
    const client = createTestClient();
    const events: string[] = [];
    client.on('ready', () => {
      events.push('ready');
    });
    client.on('closed', () => {
      events.push('closed');
    });
    expect((await client.start()).userId).toBe('10001');
    await client.stop();
    expect(events).toEqual(['ready', 'closed']);
    await expect(client.sendText({ type: 'p2p', userId: '30001' }, 'late')).rejects.toMatchObject({
      code: 'CLIENT_STOPPED',
    });
  });

  it('waits for running deliveries when stopping, up to the drain timeout', async () => {
    const clock = new FakeClock();
    const client = createTestClient({ clock });
    client.on('message', () => new Promise(() => {}));
    void client.deliver(textMessage('stuck'));
    let stopped = false;
    const stopping = client.stop({ drainTimeoutMs: 1_000 }).then(() => {
      stopped = true;
    });
    await clock.advance(999);
    expect(stopped).toBe(false);
    await clock.advance(1);
    await stopping;
  });

  it('refuses what it does not simulate, unless given', async () => {
    const client = createTestClient({
      overrides: { groups: { list: () => [] } as never },
    });
    await expect(client.users.get('1')).rejects.toMatchObject({ code: 'TEST_CLIENT_UNSUPPORTED' });
    await expect(client.friends.setMemo('1', 'one')).rejects.toMatchObject({
      code: 'TEST_CLIENT_UNSUPPORTED',
    });
    expect(() => client.history({ type: 'p2p', userId: '1' })).toThrow(
      expect.objectContaining({ code: 'TEST_CLIENT_UNSUPPORTED' }),
    );
    expect((client.groups as unknown as { list(): unknown[] }).list()).toEqual([]);
  });
});

describe('the README example', () => {
  it('answers /ping', async () => {
    const client = createTestClient();
    const bot = createBot(client, { autoFollowBack: true });
    bot.command('ping', (ctx) => ctx.reply('pong', { quote: true }));
    bot.on('message:image', (ctx) => ctx.reply(`${ctx.message.attachment.width}px wide`));
    await bot.start();

    expect((await client.receive('/ping')).texts).toEqual(['pong']);
    expect((await client.deliver(imageMessage({ width: 640, group: '50001' }))).texts).toEqual([
      '640px wide',
    ]);
    await client.emit('friend', followedEvent('20002'));
    expect(client.followed).toEqual(['20002']);
  });
});
