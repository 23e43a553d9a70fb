import { describe, expect, it } from 'vitest';
import { expectCryptoRejection, fromHex } from '../test/helpers.js';
import { CryptoErrorCode, createMemoryKeyStore, keyPrintOf, type StoredKey } from './index.js';

const sharedKey = fromHex('fd33e61a5cb15e5a5c1c949a294aab420ae2888f08b023e1dce7a4abc4e11162');
const key: StoredKey = {
  serverUrl: 'wss://chat.example.com:7817/ws',
  account: 'bot-1',
  keyPrint: keyPrintOf(sharedKey),
  sharedKey,
  encType: 'AES-CTR',
  createdAt: 1_750_000_000_000,
};

describe('createMemoryKeyStore', () => {
  it('saves, loads and removes per server and account', async () => {
    const store = createMemoryKeyStore();
    expect(await store.load(key.serverUrl, key.account)).toBeUndefined();
    await store.save(key);
    expect(await store.load(key.serverUrl, key.account)).toEqual(key);
    expect(await store.load(key.serverUrl, 'bot-2')).toBeUndefined();
    expect(await store.load('wss://other:7817/ws', key.account)).toBeUndefined();
    const withUser = { ...key, userId: '10001' };
    await store.save(withUser);
    expect(await store.load(key.serverUrl, key.account)).toEqual(withUser);
    await store.remove(key.serverUrl, key.account);
    expect(await store.load(key.serverUrl, key.account)).toBeUndefined();
    await store.remove(key.serverUrl, key.account);
  });

  it('keeps pairs apart that a naive separator would merge', async () => {
    const store = createMemoryKeyStore();
    await store.save({ ...key, serverUrl: 'a:b', account: 'c' });
    expect(await store.load('a', 'b:c')).toBeUndefined();
  });

  it('hands out copies', async () => {
    const store = createMemoryKeyStore();
    const mine = { ...key, sharedKey: sharedKey.slice() };
    await store.save(mine);
    mine.sharedKey.fill(0);
    const loaded = (await store.load(key.serverUrl, key.account))!;
    expect(loaded.sharedKey).toEqual(sharedKey);
    loaded.sharedKey.fill(0);
    expect((await store.load(key.serverUrl, key.account))!.sharedKey).toEqual(sharedKey);
  });

  it('refuses inconsistent keys', async () => {
    const store = createMemoryKeyStore();
    const bad: unknown[] = [
      { ...key, keyPrint: '1' },
      { ...key, keyPrint: '01' },
      { ...key, sharedKey: sharedKey.subarray(1) },
      { ...key, encType: 'twofish128' },
      { ...key, createdAt: Number.NaN },
      { ...key, userId: 10001 },
      { ...key, account: undefined },
    ];
    for (const value of bad) {
      await expectCryptoRejection(store.save(value as StoredKey), CryptoErrorCode.BAD_STORED_KEY);
    }
    expect(await store.load(key.serverUrl, key.account)).toBeUndefined();
  });
});
