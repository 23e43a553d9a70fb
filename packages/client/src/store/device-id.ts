import type { Random } from '@birdtalk/runtime';
import { DEVICE_ID_KEY, type Store } from './store.js';

/**
 * The device id of this installation (`MsgHello.clientId`): read from the store, or generated once from 128
 * random bits and stored. It is never derived from anything secret (account, password, key), because the
 * server logs it and shows it to nobody's benefit; it only needs to stay the same across restarts. Two
 * clients sharing a store get the same id: the store's `setIfAbsent` settles a race.
 */
export async function loadDeviceId(store: Store, random: Random): Promise<string> {
  const stored = await store.get(DEVICE_ID_KEY);
  if (stored !== undefined && stored !== '') return stored;
  const bytes = random.bytes(16);
  const generated = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return store.setIfAbsent(DEVICE_ID_KEY, generated);
}
