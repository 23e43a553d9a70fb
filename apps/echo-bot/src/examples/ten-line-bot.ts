// The bot in the repository README, kept here so the type checker verifies it (a test keeps the two equal).
import { createBot } from '@birdtalk/bot';
import { runBot } from '@birdtalk/bot/node';
import { createNodeClient } from '@birdtalk/client/node';

// runBot makes the bot, so that a malformed setting is one line in the log too, not a stack trace.
await runBot(() => {
  const client = createNodeClient({
    server: process.env.BIRDTALK_SERVER ?? 'wss://chat.example.com:7817/ws',
    credentials: { method: 'id', userId: '10001', password: process.env.BOT_PASSWORD ?? '' },
    tls: { pinSha256: process.env.BIRDTALK_PIN }, // the server's certificate fingerprint, for a self-signed one
  });
  const bot = createBot(client, { autoFollowBack: true });
  bot.command('ping', (ctx) => ctx.reply('pong'));
  bot.on('message:text', (ctx) => ctx.reply(`you said: ${ctx.text}`));
  return bot;
}); // logs why it cannot start; stops cleanly on SIGINT/SIGTERM; state persists per user
