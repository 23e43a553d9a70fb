import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileStore } from '@birdtalk/client/node';
import { createMemoryLogger, FakeClock } from '@birdtalk/runtime/testing';
import { createSqliteStore } from '@birdtalk/store-sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBot } from '../bot.js';
import type { Context } from '../context.js';
import { createMemorySessionStorage, type SessionStorage, storeSessionStorage } from '../session/storage.js';
import { imageMessage, TEST_USER_ID } from '../testing/builders.js';
import { createTestClient, type TestClient } from '../testing/test-client.js';
import { type ConversationFlavor, conversations } from './conversations.js';
import type { ConversationRecord } from './record.js';

type MyContext = Context & ConversationFlavor;

const dirs: string[] = [];
const stores: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A storage whose reads, once armed, wait until a second read arrives: two processes reading one record at
 * the same moment, as happens when both handle a message of one chat.
 */
function racing(inner: SessionStorage<ConversationRecord>) {
  let armed = false;
  const waiting: Array<() => void> = [];
  const meet = async (): Promise<void> => {
    if (!armed) return;
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === 2) {
        armed = false;
        for (const wake of waiting.splice(0)) wake();
      }
    });
  };
  const storage: SessionStorage<ConversationRecord> = {
    read: async (key) => {
      const value = await inner.read(key);
      await meet();
      return value;
    },
    write: (key, value) => inner.write(key, value),
    delete: (key) => inner.delete(key),
  };
  if (inner.readVersioned !== undefined && inner.writeIfVersion !== undefined) {
    const readVersioned = inner.readVersioned.bind(inner);
    const writeIfVersion = inner.writeIfVersion.bind(inner);
    Object.assign(storage, {
      readVersioned: async (key: string) => {
        const value = await readVersioned(key);
        await meet();
        return value;
      },
      writeIfVersion,
    });
  }
  return {
    storage,
    arm: () => {
      armed = true;
    },
  };
}

/** A bot (one process) with a dialogue that collects answers until "done", on the given storage. */
async function collectingBot(
  client: TestClient,
  storage: SessionStorage<ConversationRecord>,
  conflictRetries?: number,
) {
  const bot = createBot<MyContext>(client, { rateLimit: false });
  const convs = conversations<MyContext>({
    storage,
    ...(conflictRetries === undefined ? {} : { conflictRetries }),
  });
  convs.define('collect', async (conv) => {
    const items: string[] = [];
    for (;;) {
      const answer = await conv.wait({ filter: (ctx) => ctx.text !== undefined });
      if (answer.text === 'done') break;
      items.push(answer.text ?? '');
    }
    await conv.reply(`items: ${items.sort().join(', ')}`);
  });
  bot.use(convs);
  bot.command('collect', (ctx) => ctx.conversation.enter('collect'));
  const errors: unknown[] = [];
  bot.catch((error) => {
    errors.push(error);
  });
  await bot.start();
  return { bot, errors };
}

describe('conversations shared by two bots on one storage', () => {
  it.each([
    ['in memory', () => createMemorySessionStorage<ConversationRecord>()],
    [
      'in a file store (its compare-and-set holds a lock file beside the value)',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'birdtalk-conversations-'));
        dirs.push(dir);
        const store = createFileStore({ directory: dir });
        stores.push(store);
        return storeSessionStorage<ConversationRecord>(store, { prefix: 'conversation:' });
      },
    ],
    [
      'in a SQLite store (what two processes would share)',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'birdtalk-conversations-'));
        dirs.push(dir);
        const store = createSqliteStore({ path: join(dir, 'bot.db') });
        stores.push(store);
        return storeSessionStorage<ConversationRecord>(store, { prefix: 'conversation:' });
      },
    ],
  ])(
    'two answers taken at the same moment by two bots on one storage (%s) are both kept',
    async (_, make) => {
      const shared = racing(make());
      const [a, b] = [createTestClient(), createTestClient()];
      const botA = await collectingBot(a, shared.storage);
      const botB = await collectingBot(b, shared.storage);
      await a.receive('/collect');
      shared.arm();
      // Both read the record as it waits for the first answer, both take a step; one write is refused, and
      // its bot runs the update again on the record the other left.
      await Promise.all([a.receive('apple'), b.receive('pear')]);
      expect((await a.receive('done')).texts).toEqual(['items: apple, pear']);
      expect([...botA.errors, ...botB.errors]).toEqual([]);
    },
  );

  it('a wait that times out in one process while the other answered "not that" times out, quietly', async () => {
    const clock = new FakeClock();
    const shared = racing(createMemorySessionStorage<ConversationRecord>());
    const [a, b] = [createTestClient(), createTestClient()];
    const timedOut: string[] = [];
    const logger = createMemoryLogger();
    for (const client of [a, b]) {
      const bot = createBot<MyContext>(client, { rateLimit: false }, { clock });
      const convs = conversations<MyContext>({ storage: shared.storage }, { clock, logger });
      convs.define('name', async (conv) => {
        try {
          await conv.wait({
            timeoutMs: 1_000,
            filter: (ctx) => ctx.text !== undefined,
            otherwise: (ctx) => ctx.reply('a name, please'),
          });
        } catch (error) {
          timedOut.push(String(error));
          throw error;
        }
      });
      bot.use(convs);
      bot.command('name', (ctx) => ctx.conversation.enter('name'));
      await bot.start();
    }
    await a.receive('/name');
    shared.arm();
    // a's timer reads the record as b's "not that" (an image) does: b's step changes the record but not its
    // deadline. Whichever write is refused, the wait times out once, and nothing reports a failure.
    await Promise.all([clock.advance(1_000), b.deliver(imageMessage({ botId: b.user?.userId ?? '' }))]);
    await vi.waitFor(async () => {
      expect(await shared.storage.read(`p2p:${TEST_USER_ID}`)).toBeUndefined();
    });
    expect(timedOut.length).toBeGreaterThan(0);
    expect(logger.records.filter((record) => record.level === 'warn')).toEqual([]);
  });

  it('without versions (a storage that has none) one of the two answers is lost: why the versions matter', async () => {
    const memory = createMemorySessionStorage<ConversationRecord>();
    const shared = racing({
      read: (key) => memory.read(key),
      write: (key, value) => memory.write(key, value),
      delete: (key) => memory.delete(key),
    });
    const [a, b] = [createTestClient(), createTestClient()];
    await collectingBot(a, shared.storage);
    await collectingBot(b, shared.storage);
    await a.receive('/collect');
    shared.arm();
    await Promise.all([a.receive('apple'), b.receive('pear')]);
    expect((await a.receive('done')).texts).not.toEqual(['items: apple, pear']);
  });

  it('with conflictRetries 0 the refused step fails with BOT_CONVERSATION_CONFLICT instead of running again', async () => {
    const shared = racing(createMemorySessionStorage<ConversationRecord>());
    const [a, b] = [createTestClient(), createTestClient()];
    const botA = await collectingBot(a, shared.storage, 0);
    const botB = await collectingBot(b, shared.storage, 0);
    await a.receive('/collect');
    shared.arm();
    await Promise.all([a.receive('apple'), b.receive('pear')]);
    const errors = [...botA.errors, ...botB.errors];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'BOT_CONVERSATION_CONFLICT',
      details: { conflicts: 1, rerun: false },
    });
    expect(() => conversations<MyContext>({ conflictRetries: -1 })).toThrow(/conflictRetries/);
  });
});
