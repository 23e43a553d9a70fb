import { createMemoryLogger } from '@birdtalk/runtime/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserClient } from '../src/browser.js';
import { createWorld, PASSWORD, URL, type World } from './harness.js';

let world: World;
let ada: string;

beforeEach(async () => {
  world = await createWorld();
  ada = await world.user('ada');
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await world.close();
});

/** Web Storage's semantics on a Map. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & {
  entries: Map<string, string>;
} {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (name) => entries.get(name) ?? null,
    setItem: (name, value) => void entries.set(name, value),
    removeItem: (name) => void entries.delete(name),
  };
}

function browserClient(keyStorage?: 'local' | 'session' | 'memory', logger = world.logger) {
  return createBrowserClient(
    {
      server: URL,
      credentials: { method: 'id', userId: ada, password: PASSWORD },
      ...(keyStorage === undefined ? {} : { keyStorage }),
    },
    { connector: world.server.connector(), clock: world.clock, logger },
  );
}

async function fastLoginOf(client: ReturnType<typeof browserClient>): Promise<boolean> {
  const ready = client.once('ready');
  await world.drive(client.start());
  const { fastLogin } = await ready;
  await world.drive(client.stop());
  return fastLogin;
}

describe('createBrowserClient', () => {
  it('keeps the key in localStorage, so the next page logs in without the password', async () => {
    const local = memoryStorage();
    vi.stubGlobal('localStorage', local);
    expect(await fastLoginOf(browserClient())).toBe(false);
    expect([...local.entries.keys()]).toEqual([`birdtalk-key:${JSON.stringify([URL, ada])}`]);
    expect(await fastLoginOf(browserClient())).toBe(true);
  });

  it('keeps it in sessionStorage or in memory when asked', async () => {
    const local = memoryStorage();
    const session = memoryStorage();
    vi.stubGlobal('localStorage', local);
    vi.stubGlobal('sessionStorage', session);
    expect(await fastLoginOf(browserClient('session'))).toBe(false);
    expect(session.entries.size).toBe(1);
    expect(await fastLoginOf(browserClient('memory'))).toBe(false);
    expect(local.entries.size).toBe(0);
  });

  it('falls back to memory, with a warning, where the page has no Web Storage', async () => {
    vi.stubGlobal('localStorage', undefined);
    const logger = createMemoryLogger({ level: 'warn' });
    expect(await fastLoginOf(browserClient('local', logger))).toBe(false);
    expect(logger.records.map((record) => record.message)).toContainEqual(
      expect.stringContaining('no Web Storage'),
    );
  });
});
