import { createMemoryLogger } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { BlockList, blockListKey } from './block-list.js';
import { createMemoryStore } from './store/memory-store.js';

describe('BlockList', () => {
  it('keeps each account its own list, in ascending id order, and tells listeners of new blocks', async () => {
    const store = createMemoryStore();
    const blocks = new BlockList(store, createMemoryLogger());
    const seen: string[] = [];
    blocks.onBlocked((account, userId) => seen.push(`${account}:${userId}`));
    await Promise.all([blocks.add('1', '300'), blocks.add('1', '20'), blocks.add('2', '20')]);
    await blocks.add('1', '20');
    expect(await blocks.all('1')).toEqual(['20', '300']);
    expect(await blocks.has('2', '300')).toBe(false);
    expect(seen).toEqual(['1:300', '1:20', '2:20']);
    await blocks.remove('1', '300');
    expect(JSON.parse((await store.get(blockListKey('1'))) ?? '')).toEqual(['20']);
    // A new instance (a restart) reads the stored list.
    expect(await new BlockList(store, createMemoryLogger()).all('1')).toEqual(['20']);
  });

  it('answers hasNow with a promise until the list was read, then at once, including later blocks', async () => {
    const store = createMemoryStore();
    await store.set(blockListKey('1'), '["20"]');
    const blocks = new BlockList(store, createMemoryLogger());
    const first = blocks.hasNow('1', '20');
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe(true);
    expect(blocks.hasNow('1', '20')).toBe(true);
    expect(blocks.hasNow('1', '300')).toBe(false);
    await blocks.add('1', '300');
    expect(blocks.hasNow('1', '300')).toBe(true);
    await blocks.remove('1', '20');
    expect(blocks.hasNow('1', '20')).toBe(false);
    // Each account's list is read on its own.
    expect(blocks.hasNow('2', '20')).toBeInstanceOf(Promise);
  });

  it('starts empty, with a warning, from a damaged stored value', async () => {
    const store = createMemoryStore();
    await store.set(blockListKey('1'), '["20", 7]');
    const logger = createMemoryLogger();
    expect(await new BlockList(store, logger).all('1')).toEqual([]);
    expect(logger.records.map((record) => record.message)).toEqual([
      'the stored block list is damaged; starting with an empty one',
    ]);
  });
});
