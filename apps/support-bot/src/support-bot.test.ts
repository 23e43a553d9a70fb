import { createTestClient } from '@birdtalk/bot/testing';
import { createClient, createMemoryStore, group, p2p } from '@birdtalk/client';
import { createServer } from '@birdtalk/server';
import { describe, expect, it } from 'vitest';
import { HELP_TEXT, supportBot } from './support-bot.js';

describe('the support bot', () => {
  it('files a ticket through a conversation, lists it and exports it as a file', async () => {
    const client = createTestClient();
    const bot = supportBot(client, createMemoryStore());
    await bot.start();
    expect((await client.receive('/help')).texts).toEqual([HELP_TEXT]);
    expect((await client.receive('/ticket')).texts).toEqual(['What is the problem, in a few words?']);
    expect((await client.receive('/tickets')).texts).toEqual(['please answer in words (or /cancel)']);
    expect((await client.receive('printer')).texts).toEqual(['What happened, and since when?']);
    expect((await client.receive('jammed, "since" monday')).texts).toEqual(['Is it urgent? (yes/no)']);
    expect((await client.receive('maybe')).texts).toEqual(['yes or no, please']);
    expect((await client.receive('YES')).texts).toEqual(['ticket #1 filed; /tickets lists yours']);
    expect((await client.receive('/tickets')).texts).toEqual(['#1 (urgent) printer']);

    const exported = await client.receive('/export');
    expect(exported.sent).toHaveLength(1);
    expect(exported.sent[0]).toMatchObject({ kind: 'file', chat: p2p('20001') });
    expect(new TextDecoder().decode(exported.sent[0]!.source as Uint8Array)).toBe(
      'id,subject,details,urgent\n1,"printer","jammed, ""since"" monday",true\n',
    );
    await bot.stop();
  });

  it('talks to one member of a group at a time and cancels on /cancel', async () => {
    const client = createTestClient();
    const bot = supportBot(client, createMemoryStore());
    await bot.start();
    await client.receive('/ticket', { from: '20001', group: '50001' });
    // Another member is not part of that conversation.
    expect((await client.receive('/tickets', { from: '20002', group: '50001' })).texts).toEqual([
      'no tickets yet; /ticket files one',
    ]);
    expect((await client.receive('/cancel', { from: '20001', group: '50001' })).texts).toEqual([
      'ticket cancelled',
    ]);
    expect(
      client.sent.every((record) => JSON.stringify(record.chat) === JSON.stringify(group('50001'))),
    ).toBe(true);
    await bot.stop();
  });

  it('runs against the reference server, keeps tickets across a restart, and stops cleanly', {
    timeout: 30_000,
  }, async () => {
    const server = await createServer({ listen: false, strict: true });
    const botId = await server.createUser({ userName: 'helpdesk', password: 'pw' });
    const adaId = await server.createUser({ userName: 'ada', password: 'pw', follows: [botId] });
    const connect = (userId: string) =>
      createClient(
        { server: server.url, credentials: { method: 'id', userId, password: 'pw' } },
        { connector: server.connector() },
      );
    // The store outlives the bots, as a SQLite file does.
    const store = { ...createMemoryStore(), close: async () => {} };
    const ada = connect(adaId);
    const received: string[] = [];
    ada.on('message', (message) => {
      received.push(message.text);
    });
    await ada.start();
    const say = async (text: string) => {
      const answer = ada.once('message', { signal: AbortSignal.timeout(10_000) });
      await ada.sendText(p2p(botId), text);
      await answer;
    };

    const first = supportBot(connect(botId), store);
    await first.start();
    await say('/ticket');
    await say('printer');
    await first.stop();

    const second = supportBot(connect(botId), store);
    await second.start();
    await say('jammed');
    await say('no');
    await say('/tickets');
    const exported = ada.once('message', { signal: AbortSignal.timeout(10_000) });
    await ada.sendText(p2p(botId), '/export');
    expect((await exported).attachment).toMatchObject({ kind: 'file', name: 'tickets.csv' });
    await Promise.all([second.stop(), ada.stop()]);
    expect(second.state).toBe('stopped');
    expect(received).toEqual([
      'What is the problem, in a few words?',
      'What happened, and since when?',
      'Is it urgent? (yes/no)',
      'ticket #1 filed; /tickets lists yours',
      '#1 printer',
      expect.any(String),
    ]);
    await server.close();
    expect(server.hazards()).toEqual([]);
  });
});
