import { ChatType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { isSharedEmptyMap, sharedEmptyMap } from './empty-map.js';
import { createMemoryOutboxStore } from './outbox.js';
import { PrebuiltFrames } from './requests/chat.js';

describe('the shared empty map', () => {
  it('reads as empty and refuses entries, so no owner can leak one into another', () => {
    const map = sharedEmptyMap<string, number>();
    expect(isSharedEmptyMap(map)).toBe(true);
    expect(map.size).toBe(0);
    expect(map.get('a')).toBeUndefined();
    expect([...map.values()]).toEqual([]);
    expect(map.delete('a')).toBe(false);
    expect(() => map.set('a', 1)).toThrow(/shared empty map/);
    expect(sharedEmptyMap<number, string>().size).toBe(0);
    expect(isSharedEmptyMap(new Map())).toBe(false);
  });

  it('gives way to a map of its own at the first entry of a memory outbox store, per store', async () => {
    const first = createMemoryOutboxStore();
    const second = createMemoryOutboxStore();
    const entry = {
      sendId: '7',
      chat: { sendId: '7', toId: '2', chatType: ChatType.ChatTypeP2P },
      createdAt: 1,
    };
    await first.put(entry);
    expect(await first.load()).toEqual([entry]);
    expect(await second.load()).toEqual([]);
    await first.remove('7');
    expect(await first.load()).toEqual([]);
    expect(sharedEmptyMap().size).toBe(0);
  });

  it('gives way to a map of its own at the first prebuilt frame, per session', () => {
    const first = new PrebuiltFrames();
    const second = new PrebuiltFrames();
    const frame = { bytes: new Uint8Array([1]) } as never;
    first.put('7', frame, '10001');
    expect(first.size).toBe(1);
    expect(second.size).toBe(0);
    expect(first.take('7', '10001')).toBe(frame);
    expect(first.size).toBe(0);
    expect(sharedEmptyMap().size).toBe(0);
  });
});
