// The root README's fleet example, type-checked here (test/examples/readme.test.ts keeps the two identical).
import { createBot } from '@birdtalk/bot';
import { createNodeClient } from '@birdtalk/client/node';
import { runFleet } from '@birdtalk/fleet';
import { Redis } from 'ioredis';

const redis = new Redis(String(process.env.REDIS_URL), { maxRetriesPerRequest: null });
const fleet = runFleet({
  redis,
  fleet: 'support',
  workerId: `${process.env.HOSTNAME}-${process.pid}`,
  accounts: [{ userId: '10001' }, { userId: '10002' }, { userId: '10003' }],
  startAccount: async ({ account, store }) => {
    const client = createNodeClient(
      {
        server: 'wss://chat.example.com:7817/ws',
        credentials: { method: 'id', userId: account.userId, password: String(process.env.BOT_PASSWORD) },
      },
      { store },
    );
    const bot = createBot(client);
    bot.on('message:text', (ctx) => ctx.reply(`you said: ${ctx.text}`));
    await bot.start();
    return bot;
  },
});
process.once('SIGTERM', () => void fleet.stop());
