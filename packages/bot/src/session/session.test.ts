import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '@birdtalk/client';
import { createFileStore } from '@birdtalk/client/node';
import { FakeClock } from '@birdtalk/runtime/testing';
import { createSqliteStore } from '@birdtalk/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { deferred, settle } from '../../test/deferred.js';
import { createBot } from '../bot.js';
import type { Context } from '../context.js';
import { textMessage } from '../testing/builders.js';
import { createTestClient } from '../testing/test-client.js';
import { type SessionFlavor, session, sessionKeys } from './session.js';
import { createMemorySessionStorage, type SessionStorage, storeSessionStorage } from './storage.js';

interface Counter {
  count: number;
}
type CounterContext = Context & SessionFlavor<Counter>;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bot-session-'));
  dirs.push(dir);
  return dir;
}

/** A storage whose reads and writes take a few turns of the event loop, as a real database's would. */
function slowStorage<T>(inner: SessionStorage<T>): SessionStorage<T> & { writes: number } {
  const wrapper = {
    writes: 0,
    read: async (key: string) => {
      await settle();
      return inner.read(key);
    },
    write: async (key: string, value: T) => {
      wrapper.writes += 1;
      await settle();
      return inner.write(key, value);
    },
    delete: (key: string) => inner.delete(key),
  };
  return wrapper;
}

describe('session()', () => {
  it('keeps a typed value per chat and starts fresh chats from initial()', async () => {
    const client = createTestClient();
    const bot = createBot<CounterContext>(client);
    bot.use(session({ initial: (): Counter => ({ count: 0 }) }));
    bot.command('count', (ctx) => ctx.reply(String(++ctx.session.count)));
    await bot.start();
    expect((await client.receive('/count')).texts).toEqual(['1']);
    expect((await client.receive('/count')).texts).toEqual(['2']);
    expect((await client.receive('/count', { from: '20002' })).texts).toEqual(['1']);
    expect((await client.receive('/count', { from: '20003', group: '50001' })).texts).toEqual(['1']);
    expect((await client.receive('/count', { from: '20004', group: '50001' })).texts).toEqual(['2']);
  });

  it('never loses an update when handlers of one key run concurrently', async () => {
    const client = createTestClient();
    const bot = createBot<CounterContext>(client);
    const storage = slowStorage(createMemorySessionStorage<Counter>());
    // Per user: the messages arrive in 50 different chats, which the bot handles concurrently.
    bot.use(session({ initial: (): Counter => ({ count: 0 }), storage, key: sessionKeys.user }));
    bot.on('message', async (ctx) => {
      const seen = ctx.session.count;
      await settle();
      ctx.session.count = seen + 1;
    });
    await bot.start();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        client.deliver(textMessage('hi', { from: '20001', group: String(50_000 + index) })),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await storage.read('user:20001')).toEqual({ count: 50 });
  });

  it('writes only what changed, deletes on undefined and keeps nothing a failing handler changed', async () => {
    const client = createTestClient();
    const bot = createBot<CounterContext>(client);
    const storage = slowStorage(createMemorySessionStorage<Counter>());
    bot.use(session({ initial: (): Counter => ({ count: 0 }), storage }));
    bot.command('inc', (ctx) => {
      ctx.session.count += 1;
    });
    bot.command('fail', (ctx) => {
      ctx.session.count = 100;
      throw new Error('boom');
    });
    bot.command('reset', (ctx) => {
      (ctx as { session: Counter | undefined }).session = undefined;
    });
    bot.command('read', (ctx) => ctx.reply(String(ctx.session.count)));
    await bot.start();
    await client.receive('/read');
    expect(storage.writes).toBe(0);
    await client.receive('/inc');
    expect(storage.writes).toBe(1);
    expect((await client.receive('/fail')).ok).toBe(false);
    expect(await storage.read('p2p:20001')).toEqual({ count: 1 });
    await client.receive('/reset');
    expect(await storage.read('p2p:20001')).toBeUndefined();
    expect((await client.receive('/read')).texts).toEqual(['0']);
  });

  it('a handler that runs out of time gives up its key and its late changes are not written', async () => {
    const clock = new FakeClock();
    const client = createTestClient({ clock });
    const bot = createBot<CounterContext>(client, { rateLimit: false, handlerTimeoutMs: 1_000 }, { clock });
    const storage = createMemorySessionStorage<Counter>();
    const late = deferred();
    bot.use(session({ initial: (): Counter => ({ count: 0 }), storage, key: sessionKeys.user }));
    bot.command('slow', async (ctx) => {
      ctx.session.count = 100;
      await late.promise;
    });
    bot.command('inc', (ctx) => {
      ctx.session.count += 1;
    });
    bot.catch(() => {});
    await bot.start();
    // Two chats of one user: the second waits only for the session key, which the first holds.
    const slow = client.receive('/slow', { group: '50001' });
    const inc = client.receive('/inc');
    await clock.advance(1_000);
    await Promise.all([slow, inc]);
    expect(await storage.read('user:20001')).toEqual({ count: 1 });
    late.resolve();
    await settle();
    expect(await storage.read('user:20001')).toEqual({ count: 1 });
  });

  it('refuses ctx.session on an update without a key, and leaves other handlers alone', async () => {
    const client = createTestClient();
    const bot = createBot<CounterContext>(client);
    bot.use(session({ initial: (): Counter => ({ count: 0 }), key: () => undefined }));
    bot.command('read', (ctx) => ctx.reply(String(ctx.session.count)));
    bot.command('hello', (ctx) => ctx.reply('hello'));
    await bot.start();
    expect((await client.receive('/hello')).texts).toEqual(['hello']);
    const failed = await client.receive('/read');
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatchObject({ name: 'StateError', code: 'BOT_NO_SESSION_KEY' });
  });

  it('refuses options without initial()', () => {
    expect(() => session({} as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('storeSessionStorage()', () => {
  const stores = {
    memory: async () => createMemoryStore(),
    file: async () => createFileStore({ directory: tempDir() }),
    sqlite: async () => createSqliteStore({ path: join(tempDir(), 'bot.db') }),
  };

  for (const [name, make] of Object.entries(stores)) {
    it(`keeps sessions in a ${name} store, beside the client's keys`, async () => {
      const store = await make();
      await store.set('deviceId', 'abc');
      const storage = storeSessionStorage<Counter>(store);
      expect(await storage.read('p2p:1')).toBeUndefined();
      await storage.write('p2p:1', { count: 3 });
      expect(await storage.read('p2p:1')).toEqual({ count: 3 });
      expect(await store.get('session:p2p:1')).toBe('{"count":3}');
      await storage.delete('p2p:1');
      expect(await storage.read('p2p:1')).toBeUndefined();
      expect(await store.get('deviceId')).toBe('abc');
      await store.close();
    });
  }

  it('survives a restart with the file and SQLite stores', async () => {
    const dir = tempDir();
    for (const open of [
      () => createFileStore({ directory: dir }),
      () => createSqliteStore({ path: join(dir, 'b.db') }),
    ]) {
      const first = open();
      await storeSessionStorage<Counter>(first).write('user:7', { count: 7 });
      await first.close();
      const second = open();
      expect(await storeSessionStorage<Counter>(second).read('user:7')).toEqual({ count: 7 });
      await second.close();
    }
  });

  it('reports a damaged value with a typed error', async () => {
    const store = createMemoryStore();
    await store.set('session:x', '{not json');
    await expect(storeSessionStorage(store).read('x')).rejects.toMatchObject({
      name: 'DecodeError',
      code: 'BOT_SESSION_DAMAGED',
    });
  });
});

describe('sessions shared by several bots (processes)', () => {
  /** Two bots, each on its own client, as two processes sharing one storage would be. */
  async function incrementFromTwoBots(
    storages: readonly [SessionStorage<Counter>, SessionStorage<Counter>],
    times: number,
    conflictRetries?: number,
  ) {
    let runs = 0;
    const caught: unknown[] = [];
    const bots = await Promise.all(
      storages.map(async (storage) => {
        const client = createTestClient();
        const bot = createBot<CounterContext>(client, { rateLimit: false });
        bot.use(
          session({
            initial: (): Counter => ({ count: 0 }),
            storage,
            key: sessionKeys.user,
            ...(conflictRetries === undefined ? {} : { conflictRetries }),
          }),
        );
        bot.on('message', async (ctx) => {
          runs += 1;
          const seen = ctx.session.count;
          // Another process's update gets between this read and the write.
          await settle(2);
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
      Array.from({ length: times }, (_, index) =>
        bots[index % 2]!.client.deliver(textMessage('+1', { from: '20001', group: String(50_000 + index) })),
      ),
    );
    for (const { bot } of bots) await bot.stop();
    return { runs, caught };
  }

  const shared = {
    memory: async () => {
      const storage = createMemorySessionStorage<Counter>();
      return { storages: [storage, storage] as const, close: async () => {} };
    },
    file: async () => {
      const directory = tempDir();
      const stores = [createFileStore({ directory }), createFileStore({ directory })];
      return {
        storages: [
          storeSessionStorage<Counter>(stores[0]!),
          storeSessionStorage<Counter>(stores[1]!),
        ] as const,
        close: async () => Promise.all(stores.map((store) => store.close())),
      };
    },
    sqlite: async () => {
      const path = join(tempDir(), 'shared.db');
      const stores = [createSqliteStore({ path }), createSqliteStore({ path })];
      return {
        storages: [
          storeSessionStorage<Counter>(stores[0]!),
          storeSessionStorage<Counter>(stores[1]!),
        ] as const,
        close: async () => Promise.all(stores.map((store) => store.close())),
      };
    },
  };

  for (const [name, open] of Object.entries(shared)) {
    it(`two bots incrementing one ${name} session 30 times concurrently count exactly 30`, async () => {
      const { storages, close } = await open();
      const { runs, caught } = await incrementFromTwoBots(storages, 30);
      expect(caught).toEqual([]);
      expect(await storages[0].read('user:20001')).toEqual({ count: 30 });
      // Some updates found the session changed under them and ran again.
      expect(runs).toBeGreaterThan(30);
      await close();
    });
  }

  it('fails loudly with BOT_SESSION_CONFLICT once the reruns are used up', async () => {
    const storage = createMemorySessionStorage<Counter>();
    const { caught } = await incrementFromTwoBots([storage, storage], 10, 0);
    expect(caught.length).toBeGreaterThan(0);
    expect(caught[0]).toMatchObject({
      name: 'StateError',
      code: 'BOT_SESSION_CONFLICT',
      details: { key: 'user:20001', conflicts: 1, rerun: false },
    });
    // Every update either counted or was reported: none vanished silently.
    expect((await storage.read('user:20001'))?.count).toBe(10 - caught.length);
  });

  it('reads what the unversioned writes of earlier versions stored, and versions what it writes', async () => {
    const store = createMemoryStore();
    await store.set('session:p2p:1', '{"count":4}');
    const storage = storeSessionStorage<Counter>(store);
    const read = await storage.readVersioned!('p2p:1');
    expect(read).toEqual({ value: { count: 4 }, version: '{"count":4}' });
    expect(await storage.writeIfVersion!('p2p:1', { count: 5 }, read.version)).toBe(true);
    expect(await store.get('session:p2p:1')).toBe('v1:{"count":5}');
    expect(await storage.writeIfVersion!('p2p:1', { count: 9 }, read.version)).toBe(false);
    expect(await storage.writeIfVersion!('p2p:1', undefined, 'v1:{"count":5}')).toBe(true);
    expect(await store.get('session:p2p:1')).toBe('v2:');
    expect(await storage.read('p2p:1')).toBeUndefined();
  });
});
