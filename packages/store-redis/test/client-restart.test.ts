import { type Client, createClient, p2p } from '@birdtalk/client';
import { isBirdTalkError } from '@birdtalk/errors';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore, RedisStoreErrorCode } from '../src/index.js';
import { CHANGE, SCRIPTS } from '../src/scripts.js';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../src/testing.js';
import { watchedRedis } from './watched-redis.js';

const available = redisServerAvailable();
const PASSWORD = 'redis-restart-password';

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!available)(
  'a client on the Redis store (redis-server killed and restarted, a backlog)',
  () => {
    let redis: RedisServer;
    let server: BirdTalkServer;
    const clients: Client[] = [];
    beforeAll(async () => {
      redis = await startRedisServer();
      server = await createServer({ strict: true, listen: false });
    });
    afterAll(async () => {
      for (const client of clients) await client.stop().catch(() => undefined);
      await server?.close();
      await redis?.stop();
    });

    const clientOf = (userId: string, store?: ReturnType<typeof createRedisStore>): Client => {
      const client = createClient(
        { server: 'ws://reference.invalid/ws', credentials: { method: 'id', userId, password: PASSWORD } },
        { connector: server.connector(), ...(store === undefined ? {} : { store }) },
      );
      clients.push(client);
      return client;
    };

    /**
     * A bot account and a person who follow each other, the person's client started, and how to send them numbered
     * texts (`<prefix><n>`, optionally `paceMs` apart).
     */
    const conversation = async (name: string, prefix: string, paceMs = 0) => {
      const bot = await server.createUser({ userName: `${name}-bot`, password: PASSWORD });
      const person = await server.createUser({ userName: `${name}-ann`, password: PASSWORD });
      await server.follow(bot, person);
      await server.follow(person, bot);
      const sender = clientOf(person);
      await sender.start();
      const send = async (from: number, to: number): Promise<void> => {
        for (let n = from; n < to; n += 1) {
          await sender.sendText(p2p(bot), `${prefix}${n}`);
          if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
        }
      };
      const texts = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);
      return { bot, sender, send, texts };
    };

    /** The bot restarted (a new client on a new Redis connection, as after a process restart), its texts collected. */
    const restarted = async (bot: string) => {
      const texts: string[] = [];
      const client = clientOf(
        bot,
        createRedisStore({ redis: redis.client({ maxRetriesPerRequest: null }), account: bot }),
      );
      client.on('message', (message) => {
        texts.push(message.text);
      });
      await client.start();
      return { client, texts };
    };

    it('marks a backlog in the writes of the handled messages, never a write of marks alone per message', {
      timeout: 30_000,
    }, async () => {
      const { bot, sender, send, texts } = await conversation('redis-backlog', 'b');
      const connection = redis.client();
      let markWrites = 0;
      let markOnlyWrites = 0;
      const counting = watchedRedis(connection, {
        evalsha: (sha, args) => {
          if (sha !== SCRIPTS.write.sha || !args.includes(CHANGE.mark)) return;
          markWrites += 1;
          if (!args.includes(CHANGE.seen)) markOnlyWrites += 1;
        },
      });
      const handled: string[] = [];
      const botOn = (): Client => {
        const client = clientOf(bot, createRedisStore({ redis: counting, account: bot }));
        client.on('message', (message) => {
          handled.push(message.text);
        });
        return client;
      };
      // A first run records where the stream stands; the backlog then waits for the second.
      const first = botOn();
      await first.start();
      await first.stop();
      await send(0, 64);
      markWrites = 0;
      markOnlyWrites = 0;
      const second = botOn();
      await second.start();
      await until(() => handled.length === 64, 10_000, 'the backlog to be handled');
      expect(handled).toEqual(texts(0, 64));
      // 64 marks, kept 64 ahead: each travels with the seen keys of a handled message, so marks cost no round
      // trip of their own, except at the start (the first message's mark, then the ones behind it).
      expect(markWrites).toBeGreaterThan(0);
      expect(markOnlyWrites).toBeLessThanOrEqual(2);
      await second.stop();
      await sender.stop();
    });

    it('pauses handling while redis-server is SIGKILLed, handles every message once it is back, and a restarted client on the same Redis handles none twice and misses none', {
      timeout: 60_000,
    }, async () => {
      const { bot, sender, send, texts } = await conversation('redis-restart', 'm', 5);

      // The first run: its store on an ioredis client that waits (maxRetriesPerRequest: null) while Redis is away.
      let redisDown = false;
      const handled: string[] = [];
      const handledWhileDown: string[] = [];
      const storeErrors: unknown[] = [];
      const first = clientOf(
        bot,
        createRedisStore({ redis: redis.client({ maxRetriesPerRequest: null }), account: bot }),
      );
      first.on('message', (message) => {
        handled.push(message.text);
        if (redisDown) handledWhileDown.push(message.text);
      });
      first.on('error', (error) => storeErrors.push(error));
      await first.start();
      await send(0, 20);
      await until(() => handled.length === 20, 10_000, 'the messages before the kill');
      await redis.kill();
      redisDown = true;
      await send(20, 40);
      // Handling pauses while Redis is away: no message is handed to a handler before the store holds its
      // handling mark, and that write waits in ioredis' queue.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(handled).toEqual(texts(0, 20));
      // Redis may be serving (and the paused writes flowing) before restart() resolves: from here on, handling is
      // allowed.
      redisDown = false;
      await redis.restart();
      // Back: the paused messages are handled, and the stream goes on.
      await send(40, 50);
      await until(() => handled.length === 50, 20_000, 'every message to be handled');
      expect(handledWhileDown).toEqual([]);
      expect(handled).toEqual(texts(0, 50));
      expect(storeErrors).toEqual([]);
      await first.stop();

      // A restarted client on the same Redis (a new connection, as after a process restart), and the stream goes
      // on: the state it loads says all fifty were handled, so its catch-up hands over none of them again.
      const { client: second, texts: again } = await restarted(bot);
      await send(50, 60);
      // One chat is handled in order, catch-up before live: once the last message is handled, a redelivery
      // would have been handled before it.
      await until(() => again.includes('m59'), 10_000, 'the messages after the restart');
      expect(again).toEqual(texts(50, 60));
      await second.stop();
      await sender.stop();
    });

    it('loses no message when the writes of an outage are lost (a client that gives up, or a crash): they are handled again', {
      timeout: 60_000,
    }, async () => {
      const { bot, sender, send, texts } = await conversation('redis-giveup', 'g');
      // An ioredis client that gives up at the first disconnection: every write from then on fails, as the
      // queued writes of a process that crashes during an outage are lost.
      const fragile = new Redis({ port: redis.port, host: '127.0.0.1', retryStrategy: () => null });
      fragile.on('error', () => undefined);
      const handled: string[] = [];
      const errors: unknown[] = [];
      const first = clientOf(bot, createRedisStore({ redis: fragile, account: bot }));
      first.on('message', (message) => {
        handled.push(message.text);
      });
      first.on('error', (error) => errors.push(error));
      await first.start();
      await send(0, 10);
      await until(() => handled.length === 10, 10_000, 'the messages before the kill');
      // Their records reached Redis (two seen keys a message) before it goes away.
      const probe = redis.client();
      let recorded = 0;
      while (recorded < 20) {
        recorded = await probe.zcard(`{birdtalk:${bot}}:seen`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await redis.kill();
      await send(10, 20);
      await until(() => handled.length === 20, 10_000, 'the messages of the outage');
      await first.stop();
      fragile.disconnect();
      expect(handled).toEqual(texts(0, 20));
      // Each lost write was reported, as a typed store error.
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => isBirdTalkError(error, RedisStoreErrorCode.STORE_WRITE_FAILED))).toBe(
        true,
      );

      await redis.restart();
      const { client: second, texts: again } = await restarted(bot);
      await send(20, 25);
      await until(() => again.includes('g24'), 10_000, 'the messages after the restart');
      // Nothing recorded during the outage: those ten are handled again, then the new ones; none is missing.
      expect(again).toEqual(texts(10, 25));
      await second.stop();
      await sender.stop();
    });
  },
);
