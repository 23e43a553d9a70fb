/**
 * A map that never holds anything, shared by every owner that has not needed one of its own yet: an idle
 * session queues no chats, and a map per structure per session costs about 180 bytes before its first entry.
 * Reading works as on any empty map; adding to it throws, so an owner that forgot to make its own map fails
 * loudly instead of sharing entries with every other owner.
 */
class SharedEmptyMap<K, V> extends Map<K, V> {
  override set(): this {
    throw new Error('the shared empty map takes no entries: make a map of your own first');
  }
}

const shared = new SharedEmptyMap<never, never>();

/** The shared empty map (see {@link SharedEmptyMap}); replace it with `new Map()` before the first `set`. */
export function sharedEmptyMap<K, V>(): Map<K, V> {
  return shared as Map<never, never> as Map<K, V>;
}

/** Whether `map` is the shared empty map, so its owner must make its own before adding. */
export function isSharedEmptyMap(map: ReadonlyMap<unknown, unknown>): boolean {
  return map === shared;
}
