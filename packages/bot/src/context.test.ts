import type { Client } from '@birdtalk/client';
import { describe, expect, it } from 'vitest';
import { Context } from './context.js';
import { followedEvent, imageMessage, recallEvent, receiptEvent, textMessage } from './testing/builders.js';
import { createTestClient } from './testing/test-client.js';
import type { Update } from './update.js';

const me = { id: '10001', names: [], commandPrefixes: ['/'] };

function setup(update: Update) {
  const client = createTestClient();
  return { client, ctx: new Context(update, client, me) };
}

describe('what a context says about its update', () => {
  it('for a group text message', () => {
    const message = textMessage('hello', { from: '30001', group: '50001' });
    const { ctx } = setup({ type: 'message', message });
    expect(ctx).toMatchObject({
      type: 'message',
      message,
      chat: { type: 'group', groupId: '50001' },
      from: '30001',
      text: 'hello',
      catchingUp: false,
      command: undefined,
    });
  });

  it('for media, receipts and friend news', () => {
    expect(setup({ type: 'message', message: imageMessage() }).ctx.text).toBeUndefined();
    const receipt = setup({ type: 'receipt', receipt: receiptEvent(['1', '2'], { by: '30002' }) }).ctx;
    expect([receipt.chat, receipt.from]).toEqual([{ type: 'p2p', userId: '30002' }, '30002']);
    const friend = setup({ type: 'friend', friendEvent: followedEvent('30003') }).ctx;
    expect([friend.chat, friend.from]).toEqual([{ type: 'p2p', userId: '30003' }, '30003']);
    const own = setup({
      type: 'friend',
      friendEvent: { kind: 'own-operation', operation: 'block', userId: '30004', user: undefined },
    }).ctx;
    expect([own.chat, own.from]).toEqual([{ type: 'p2p', userId: '30004' }, '10001']);
    const request = setup({
      type: 'friend-request',
      friendRequest: { kind: 'friend-request', from: undefined, fromId: '0', params: {}, requestId: '9' },
    }).ctx;
    expect([request.chat, request.from]).toEqual([undefined, undefined]);
  });
});

describe('the delivery a context belongs to', () => {
  it('carries the message signal and redelivery mark, and a never-aborting signal for notifications', () => {
    const abort = new AbortController();
    const message = { ...textMessage('again', { redelivered: true }), signal: abort.signal };
    const { ctx } = setup({ type: 'message', message });
    expect([ctx.redelivered, ctx.signal]).toEqual([true, abort.signal]);
    const recall = setup({ type: 'recall', recall: recallEvent('5', { redelivered: true }) }).ctx;
    expect(recall.redelivered).toBe(true);
    const receipt = setup({ type: 'receipt', receipt: receiptEvent('1') }).ctx;
    expect([receipt.redelivered, receipt.signal.aborted]).toEqual([false, false]);
  });
});

describe('the test client waitFor', () => {
  it('takes the next matching delivered message away from the listeners', async () => {
    const client = createTestClient();
    const heard: string[] = [];
    client.on('message', (message) => {
      heard.push(message.text);
    });
    const answer = client.waitFor({ from: '30001' });
    await client.receive('other', { from: '30002' });
    await client.receive('mine', { from: '30001' });
    expect((await answer).text).toBe('mine');
    expect(heard).toEqual(['other']);
  });
});

describe('replies', () => {
  it('go to the chat of the update, quoting on request', async () => {
    const message = textMessage('hi', { from: '30001' });
    const { client, ctx } = setup({ type: 'message', message });
    await ctx.reply('plain');
    await ctx.reply('quoted', { quote: true });
    await ctx.reply('quoting another', { quote: '123' });
    expect(client.sent.map((record) => [record.text, record.quote, record.chat])).toEqual([
      ['plain', undefined, { type: 'p2p', userId: '30001' }],
      ['quoted', message.id, { type: 'p2p', userId: '30001' }],
      ['quoting another', '123', { type: 'p2p', userId: '30001' }],
    ]);
  });

  it('send files, images and voice through the client media API', async () => {
    const message = textMessage('hi', { group: '50001' });
    const { client, ctx } = setup({ type: 'message', message });
    const bytes = new Uint8Array([1, 2, 3]);
    await ctx.replyFile(bytes, { name: 'a.bin', quote: true });
    await ctx.replyImage(bytes);
    await ctx.replyVoice(bytes, { durationMs: 1500 });
    expect(client.sent.map((record) => [record.kind, record.source, record.quote])).toEqual([
      ['file', bytes, message.id],
      ['image', bytes, undefined],
      ['voice', bytes, undefined],
    ]);
    expect(client.sent.every((record) => record.chat.type === 'group')).toBe(true);
  });

  it('refuse updates without a chat, and quotes without a message', async () => {
    const request = setup({
      type: 'friend-request',
      friendRequest: { kind: 'friend-request', from: undefined, fromId: '0', params: {}, requestId: '9' },
    }).ctx;
    await expect(request.reply('x')).rejects.toMatchObject({ code: 'BOT_NO_CHAT' });
    await expect(request.replyFile(new Uint8Array())).rejects.toMatchObject({ code: 'BOT_NO_CHAT' });
    const friend = setup({ type: 'friend', friendEvent: followedEvent() }).ctx;
    await expect(friend.reply('x', { quote: true })).rejects.toMatchObject({ code: 'BOT_NOTHING_TO_QUOTE' });
    const recall = setup({ type: 'recall', recall: recallEvent('5') });
    await recall.ctx.reply('seen', { quote: true });
    expect(recall.client.sent[0]?.quote).toBe(recall.ctx.recall?.notice.id);
  });

  it('mark P2P messages from others read, and nothing else', async () => {
    const p2p = setup({ type: 'message', message: textMessage('hi') });
    await p2p.ctx.markRead();
    expect(p2p.client.read).toEqual([p2p.ctx.message?.id]);
    const inGroup = setup({ type: 'message', message: textMessage('hi', { group: '50001' }) });
    await inGroup.ctx.markRead();
    const friend = setup({ type: 'friend', friendEvent: followedEvent() });
    await friend.ctx.markRead();
    expect([...inGroup.client.read, ...friend.client.read]).toEqual([]);
  });
});

describe('downloads', () => {
  it("fetch the message's file through the client's files API, with the handler's signal", async () => {
    const calls: Array<{ name: string; signal: AbortSignal | undefined; extra?: unknown }> = [];
    const bytes = new Uint8Array([1, 2, 3]);
    const files = {
      downloadBytes: async (name: string, options: { signal?: AbortSignal; maxBytes?: number }) => {
        calls.push({ name, signal: options.signal, extra: options.maxBytes });
        return bytes;
      },
      download: async (name: string, options: { signal?: AbortSignal }) => {
        calls.push({ name, signal: options.signal });
        return [bytes];
      },
      downloadToFile: async (name: string, path: string, options: { signal?: AbortSignal }) => {
        calls.push({ name, signal: options.signal, extra: path });
        return 3;
      },
    } as unknown as Client['files'];
    const client = createTestClient({ overrides: { files } });
    const abort = new AbortController();
    const message = { ...imageMessage({ ref: '20250101_abc.png' }), signal: abort.signal };
    const ctx = new Context({ type: 'message', message }, client, me);
    expect(await ctx.download({ maxBytes: 10 })).toBe(bytes);
    expect(await ctx.downloadStream()).toEqual([bytes]);
    expect(await ctx.downloadTo('/tmp/x.png')).toBe(3);
    expect(calls).toEqual([
      { name: '20250101_abc.png', signal: abort.signal, extra: 10 },
      { name: '20250101_abc.png', signal: abort.signal },
      { name: '20250101_abc.png', signal: abort.signal, extra: '/tmp/x.png' },
    ]);
  });

  it('refuse an update without a file', async () => {
    const { ctx } = setup({ type: 'message', message: textMessage('no file') });
    await expect(ctx.download()).rejects.toMatchObject({ name: 'StateError', code: 'BOT_NO_ATTACHMENT' });
    await expect(ctx.downloadTo('/tmp/x')).rejects.toMatchObject({ code: 'BOT_NO_ATTACHMENT' });
  });
});
