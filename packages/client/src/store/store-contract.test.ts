import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeContract } from '../testing.js';
import { createFileStore } from './file-store.js';
import { createMemoryStore } from './memory-store.js';
import type { Store } from './store.js';

describe('the memory store meets the store contract', () => {
  for (const check of storeContract({
    setup: () => ({ open: async () => createMemoryStore() }),
    persistent: false,
  })) {
    it(check.name, check.run);
  }
});

describe('the file store meets the store contract', () => {
  const cases = storeContract({
    async setup() {
      const directory = await mkdtemp(join(tmpdir(), 'birdtalk-store-'));
      return {
        open: async () => createFileStore({ directory: join(directory, 'state') }),
        teardown: () => rm(directory, { recursive: true, force: true }),
      };
    },
    persistent: true,
  });
  for (const check of cases) it(check.name, check.run);
});

describe('the store contract', () => {
  it('catches a store that reuses send ids or forgets to trim the window', async () => {
    const broken = (): Store => {
      const store = createMemoryStore();
      return {
        ...store,
        reserveSendIds: async (_count, floor) => floor,
        addSeen: (keys) => store.addSeen(keys, Number.POSITIVE_INFINITY),
      };
    };
    const failures: string[] = [];
    for (const check of storeContract({ setup: () => ({ open: async () => broken() }), persistent: false })) {
      await check.run().catch(() => failures.push(check.name));
    }
    expect(failures).toEqual([
      'keeps a bounded window of seen keys, oldest first',
      'reserves send ids above the mark and the floor',
      'hands concurrent reservations disjoint ranges',
    ]);
  });
});
