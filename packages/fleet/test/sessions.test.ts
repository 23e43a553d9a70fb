import {
  type Context,
  createBot,
  type SessionFlavor,
  session,
  sessionKeys,
  storeSessionStorage,
} from '@birdtalk/bot';
import { createTestClient, textMessage } from '@birdtalk/bot/testing';
import { createRedisStore } from '@birdtalk/store-redis';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const available = redisServerAvailable();

interface Counter {
  count: number;
}

describe.skipIf(!available)('bot sessions in Redis, shared by two workers', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('two bots on their own Redis connections incrementing one session 40 times count exactly 40', async () => {
    let runs = 0;
    const caught: unknown[] = [];
    const stores = [0, 1].map(() => createRedisStore({ redis: server.client(), account: 'sessions' }));
    const bots = await Promise.all(
      stores.map(async (store) => {
        const client = createTestClient();
        const bot = createBot<Context & SessionFlavor<Counter>>(client, { rateLimit: false });
        bot.use(
          session({
            initial: (): Counter => ({ count: 0 }),
            storage: storeSessionStorage<Counter>(store),
            key: sessionKeys.user,
          }),
        );
        bot.on('message', async (ctx) => {
          runs += 1;
          const seen = ctx.session.count;
          // A round trip to Redis lets the other worker's update in between.
          await store.get('pace');
          ctx.session.count = seen + 1;
        });
        bot.catch((error) => {
          caught.push(error);
        });
        await bot.start();
        return { client, bot };
      }),
    );
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        bots[index % 2]!.client.deliver(textMessage('+1', { from: '20001', group: String(50_000 + index) })),
      ),
    );
    for (const { bot } of bots) await bot.stop();
    expect(caught).toEqual([]);
    expect(await storeSessionStorage<Counter>(stores[0]!).read('user:20001')).toEqual({ count: 40 });
    expect(runs).toBeGreaterThan(40);
    expect(await stores[0]!.get('session:user:20001')).toMatch(/^v\d+:\{"count":40\}$/);
    for (const store of stores) await store.close();
  });
});
