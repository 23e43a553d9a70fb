import type { CryptoError } from '@birdtalk/errors';
import { describe, expect, it } from 'vitest';
import { expectCryptoRejection, fromHex } from '../test/helpers.js';
import {
  CryptoErrorCode,
  createWebStorageKeyStore,
  keyPrintOf,
  type StoredKey,
  type WebStorageLike,
} from './index.js';

const sharedKey = fromHex('fd33e61a5cb15e5a5c1c949a294aab420ae2888f08b023e1dce7a4abc4e11162');
const key: StoredKey = {
  serverUrl: 'wss://chat.example.com:7817/ws',
  account: 'bot-1',
  keyPrint: keyPrintOf(sharedKey),
  sharedKey,
  encType: 'chacha20',
  userId: '10001',
  createdAt: 1_750_000_000_000,
};

/** Web Storage's semantics on a Map: strings in, strings out. */
function memoryStorage(): WebStorageLike & { readonly entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (name) => entries.get(name) ?? null,
    setItem: (name, value) => void entries.set(name, String(value)),
    removeItem: (name) => void entries.delete(name),
  };
}

function failingStorage(): WebStorageLike {
  const refuse = (): never => {
    throw new Error('SecurityError: access denied');
  };
  return { getItem: refuse, setItem: refuse, removeItem: refuse };
}

describe('createWebStorageKeyStore', () => {
  it('saves, loads and removes per server and account, as text the storage can hold', async () => {
    const storage = memoryStorage();
    const store = createWebStorageKeyStore({ storage });
    expect(await store.load(key.serverUrl, key.account)).toBeUndefined();
    await store.save(key);
    expect(await store.load(key.serverUrl, key.account)).toEqual(key);
    expect(await store.load(key.serverUrl, 'bot-2')).toBeUndefined();
    expect(await store.load('wss://other:7817/ws', key.account)).toBeUndefined();
    expect([...storage.entries.keys()]).toEqual([
      `birdtalk-key:${JSON.stringify([key.serverUrl, key.account])}`,
    ]);
    await store.remove(key.serverUrl, key.account);
    expect(await store.load(key.serverUrl, key.account)).toBeUndefined();
    expect(storage.entries.size).toBe(0);
  });

  it('reads the keys another store instance wrote (a reloaded page)', async () => {
    const storage = memoryStorage();
    await createWebStorageKeyStore({ storage }).save(key);
    expect(await createWebStorageKeyStore({ storage }).load(key.serverUrl, key.account)).toEqual(key);
  });

  it('keeps applications with different prefixes apart, and pairs a naive separator would merge', async () => {
    const storage = memoryStorage();
    await createWebStorageKeyStore({ storage, prefix: 'app-a:' }).save(key);
    expect(
      await createWebStorageKeyStore({ storage, prefix: 'app-b:' }).load(key.serverUrl, key.account),
    ).toBe(undefined);
    const store = createWebStorageKeyStore({ storage });
    await store.save({ ...key, serverUrl: 'a:b', account: 'c' });
    expect(await store.load('a', 'b:c')).toBeUndefined();
  });

  it('hands out copies', async () => {
    const store = createWebStorageKeyStore({ storage: memoryStorage() });
    await store.save(key);
    (await store.load(key.serverUrl, key.account))!.sharedKey.fill(0);
    expect((await store.load(key.serverUrl, key.account))!.sharedKey).toEqual(sharedKey);
  });

  it('ignores damaged entries and entries moved from another pair, with a warning and no key material', async () => {
    const storage = memoryStorage();
    const warnings: CryptoError[] = [];
    const store = createWebStorageKeyStore({ storage, onWarning: (warning) => warnings.push(warning) });
    await store.save(key);
    const entry = [...storage.entries.keys()][0]!;
    const good = storage.entries.get(entry)!;
    const damaged = [
      good.slice(0, 40),
      '[]',
      JSON.stringify({ ...JSON.parse(good), format: 'other' }),
      JSON.stringify({ ...JSON.parse(good), version: 2 }),
      JSON.stringify({ ...JSON.parse(good), keyPrint: '1' }),
      JSON.stringify({ ...JSON.parse(good), sharedKey: '!!' }),
      JSON.stringify({ ...JSON.parse(good), account: 'bot-2' }),
    ];
    for (const text of damaged) {
      storage.entries.set(entry, text);
      expect(await store.load(key.serverUrl, key.account)).toBeUndefined();
    }
    expect(warnings.map((warning) => warning.code)).toEqual(
      damaged.map(() => CryptoErrorCode.BAD_STORED_KEY),
    );
    const secret = JSON.parse(good).sharedKey as string;
    for (const warning of warnings)
      expect(JSON.stringify([warning.message, warning.details])).not.toContain(secret);
  });

  it('refuses inconsistent keys before writing anything', async () => {
    const storage = memoryStorage();
    const store = createWebStorageKeyStore({ storage });
    await expectCryptoRejection(store.save({ ...key, keyPrint: '1' }), CryptoErrorCode.BAD_STORED_KEY);
    expect(storage.entries.size).toBe(0);
  });

  it('turns a storage that refuses access into typed errors, and a load into no key', async () => {
    const warnings: CryptoError[] = [];
    const store = createWebStorageKeyStore({
      storage: failingStorage(),
      onWarning: (warning) => {
        warnings.push(warning);
        throw new Error('a broken warning handler changes nothing');
      },
    });
    expect(await store.load(key.serverUrl, key.account)).toBeUndefined();
    expect(warnings.map((warning) => warning.code)).toEqual([CryptoErrorCode.KEYSTORE_UNREADABLE]);
    await expectCryptoRejection(store.save(key), CryptoErrorCode.KEYSTORE_WRITE_FAILED);
    await expectCryptoRejection(
      store.remove(key.serverUrl, key.account),
      CryptoErrorCode.KEYSTORE_WRITE_FAILED,
    );
  });

  it('uses localStorage by default, and says so when there is none', async () => {
    expect(() => createWebStorageKeyStore()).toThrow(
      expect.objectContaining({ code: CryptoErrorCode.BAD_ARGUMENT }),
    );
    const storage = memoryStorage();
    (globalThis as { localStorage?: WebStorageLike }).localStorage = storage;
    try {
      await createWebStorageKeyStore().save(key);
      expect(storage.entries.size).toBe(1);
    } finally {
      delete (globalThis as { localStorage?: WebStorageLike }).localStorage;
    }
  });
});
