// A bot as someone outside this repository writes it, against the packages installed from the release
// tarballs: it answers /ping, and a second account checks the answer arrives. Type-checked with
// skipLibCheck: false, then run against a reference server (BIRDTALK_URL, BOT_ID, ANN_ID, STATE_DIR).
import { join } from 'node:path';
import { type Bot, createBot } from '@birdtalk/bot';
import { stopOnSignals } from '@birdtalk/bot/node';
import { type Client, p2p } from '@birdtalk/client';
import { createNodeClient } from '@birdtalk/client/node';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

const server = env('BIRDTALK_URL');
const stateDir = env('STATE_DIR');
const botId = env('BOT_ID');
const annId = env('ANN_ID');

const bot: Bot = createBot(
  createNodeClient({
    server,
    credentials: { method: 'id', userId: botId, password: 'bot-secret' },
    stateDir: join(stateDir, 'bot'),
  }),
);
bot.command('ping', (ctx) => ctx.reply('pong'));
stopOnSignals(bot);
await bot.start();

const ann: Client = createNodeClient({
  server,
  credentials: { method: 'id', userId: annId, password: 'ann-secret' },
  stateDir: join(stateDir, 'ann'),
});
const answer = ann.once('message');
await ann.start();
await ann.sendText(p2p(botId), '/ping');
console.log(`the bot answered: ${(await answer).text}`);
await Promise.all([ann.stop(), bot.stop()]);
