// The bot in the repository README, kept here so the type checker verifies it (a test keeps the two equal).
import { createBot } from '@birdtalk/bot';
import { runBot } from '@birdtalk/bot/node';
import { createNodeClient } from '@birdtalk/client/node';

const client = createNodeClient({
  server: 'wss://chat.example.com:7817/ws',
  credentials: { method: 'id', userId: '10001', password: String(process.env.BOT_PASSWORD) },
  tls: { pinSha256: String(process.env.BIRDTALK_PIN) },
});
const bot = createBot(client, { autoFollowBack: true });
bot.command('ping', (ctx) => ctx.reply('pong'));
bot.on('message:text', (ctx) => ctx.reply(`you said: ${ctx.text}`));
await runBot(bot); // stops cleanly on SIGINT/SIGTERM; keys and delivery state persist in a per-user directory
