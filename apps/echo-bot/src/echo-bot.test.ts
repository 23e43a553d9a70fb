import { createTestClient, TEST_USER_ID } from '@birdtalk/bot/testing';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { echoBot, HELP_TEXT } from './echo-bot.js';

async function started() {
  const client = createTestClient();
  const clock = new FakeClock(Date.UTC(2030, 0, 2, 3, 4, 5));
  const bot = echoBot(client, { clock });
  await bot.start();
  return { client, bot };
}

describe('the echo bot', () => {
  it('echoes private text', async () => {
    const { client } = await started();
    expect((await client.receive('hello there')).texts).toEqual(['hello there']);
  });

  it('answers /help, /ping and /time', async () => {
    const { client } = await started();
    expect((await client.receive('/help')).texts).toEqual([HELP_TEXT]);
    expect((await client.receive('/ping')).texts).toEqual(['pong']);
    expect((await client.receive('/time')).texts).toEqual(['the time here is 2030-01-02T03:04:05.000Z']);
  });

  it('says so for an unknown command', async () => {
    const { client } = await started();
    expect((await client.receive('/dance now')).texts).toEqual(['I do not know /dance; try /help']);
  });

  it('answers commands in groups, but does not echo group chatter', async () => {
    const { client } = await started();
    const ping = await client.receive('/ping', { group: 42 });
    expect(ping.sent).toEqual([
      expect.objectContaining({ text: 'pong', chat: { type: 'group', groupId: '42' } }),
    ]);
    expect((await client.receive('hello everyone', { group: 42 })).texts).toEqual([]);
    expect((await client.receive('/nope', { group: 42 })).texts).toEqual([]);
  });

  it('follows back whoever follows it', async () => {
    const client = createTestClient({ fans: [TEST_USER_ID] });
    const bot = echoBot(client);
    await bot.start();
    await bot.stop();
    expect(client.followed).toEqual([TEST_USER_ID]);
  });
});
