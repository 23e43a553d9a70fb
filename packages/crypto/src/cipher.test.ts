import { createCipheriv } from 'node:crypto';
import { seededRandom } from '@birdtalk/runtime';
import { describe, expect, it } from 'vitest';
import { expectCryptoError, fromHex, loadVectors, toHex } from '../test/helpers.js';
import {
  CryptoErrorCode,
  decrypt,
  type EncType,
  encrypt,
  encryptWithIv,
  isEncType,
  ivLengthOf,
  normalizeEncType,
} from './index.js';

const vectors = loadVectors();
const key = fromHex('5390e91453f9d4e3f9f035298cbc7689e4a695c17f650414f5366ba192cfa3b1');
const encTypes: readonly EncType[] = ['AES-CTR', 'chacha20'];

/** AES-CTR counting in the low 64 bits only: WebCrypto's `length: 64`, as the web client uses it. */
async function aesCtr64(k: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', k.slice(), 'AES-CTR', false, ['encrypt']);
  const out = await crypto.subtle.encrypt(
    { name: 'AES-CTR', counter: iv.slice(), length: 64 },
    cryptoKey,
    data.slice(),
  );
  return new Uint8Array(out);
}

describe('AES-256-CTR', () => {
  it('matches every vector both ways', () => {
    for (const c of vectors.aesCtr) {
      const out = encryptWithIv(
        'AES-CTR',
        fromHex(String(c.keyHex)),
        fromHex(String(c.ivHex)),
        fromHex(String(c.plaintextHex)),
      );
      expect(toHex(out)).toBe(c.ciphertextHex);
      expect(toHex(decrypt('AES-CTR', fromHex(String(c.keyHex)), out))).toBe(c.plaintextHex);
    }
  });

  it('carries the counter across all 128 bits, unlike a 64-bit counter', async () => {
    const c = vectors.aesCtr.find((v) => String(v.ivHex).endsWith('fffffffffffffffe'))!;
    const [k, iv, plaintext] = [
      fromHex(String(c.keyHex)),
      fromHex(String(c.ivHex)),
      fromHex(String(c.plaintextHex)),
    ];
    const ours = encryptWithIv('AES-CTR', k, iv, plaintext).subarray(16);
    expect(toHex(ours)).toBe(String(c.ciphertextHex).slice(32));
    const narrow = await aesCtr64(k, iv, plaintext);
    // The first two blocks agree; from the third the 64-bit counter has wrapped without carrying.
    expect(narrow.subarray(0, 32)).toEqual(ours.subarray(0, 32));
    expect(narrow.subarray(32)).not.toEqual(ours.subarray(32));
  });

  it('wraps the whole block at 2^128 as Node’s aes-256-ctr does', () => {
    const iv = new Uint8Array(16).fill(0xff);
    iv[15] = 0xfd;
    const plaintext = seededRandom(1).bytes(100);
    const node = createCipheriv('aes-256-ctr', key, iv).update(plaintext);
    expect(encryptWithIv('AES-CTR', key, iv, plaintext).subarray(16)).toEqual(new Uint8Array(node));
  });
});

describe('ChaCha20', () => {
  it('matches every vector both ways', () => {
    for (const c of vectors.chacha20) {
      const out = encryptWithIv(
        'chacha20',
        fromHex(String(c.keyHex)),
        fromHex(String(c.ivHex)),
        fromHex(String(c.plaintextHex)),
      );
      expect(toHex(out)).toBe(c.ciphertextHex);
      expect(toHex(decrypt('chacha20', fromHex(String(c.keyHex)), out))).toBe(c.plaintextHex);
    }
  });

  it('is the IETF variant with block counter 0, as OpenSSL computes it', () => {
    const nonce = seededRandom(2).bytes(12);
    const plaintext = seededRandom(3).bytes(300);
    // OpenSSL's chacha20 takes a 16-byte IV: the 32-bit little-endian block counter, then the nonce.
    const node = createCipheriv('chacha20', key, Buffer.concat([Buffer.alloc(4), nonce])).update(plaintext);
    expect(encryptWithIv('chacha20', key, nonce, plaintext)).toEqual(
      new Uint8Array(Buffer.concat([nonce, node])),
    );
  });
});

describe('encrypt and decrypt', () => {
  it('prefix a fresh IV of the right length from the injected random', () => {
    for (const encType of encTypes) {
      const plaintext = new TextEncoder().encode('1750000000000');
      const a = encrypt(encType, key, plaintext, seededRandom(9));
      expect(a).toEqual(encrypt(encType, key, plaintext, seededRandom(9)));
      expect(a.subarray(0, ivLengthOf(encType))).toEqual(seededRandom(9).bytes(ivLengthOf(encType)));
      expect(a).toHaveLength(ivLengthOf(encType) + plaintext.length);
      expect(decrypt(encType, key, a)).toEqual(plaintext);
      expect(encrypt(encType, key, plaintext)).not.toEqual(encrypt(encType, key, plaintext));
    }
  });

  it('handle the empty message', () => {
    for (const encType of encTypes) {
      const out = encrypt(encType, key, new Uint8Array(0));
      expect(out).toHaveLength(ivLengthOf(encType));
      expect(decrypt(encType, key, out)).toEqual(new Uint8Array(0));
    }
  });

  it('refuse keys that are not 32 bytes, wrong IVs and short ciphertexts', () => {
    for (const encType of encTypes) {
      const ivLength = ivLengthOf(encType);
      expectCryptoError(
        () => encrypt(encType, key.subarray(0, 16), new Uint8Array(1)),
        CryptoErrorCode.BAD_KEY,
      );
      expectCryptoError(
        () => decrypt(encType, new Uint8Array(33), new Uint8Array(40)),
        CryptoErrorCode.BAD_KEY,
      );
      expectCryptoError(
        () => encryptWithIv(encType, key, new Uint8Array(ivLength + 1), new Uint8Array(1)),
        CryptoErrorCode.BAD_IV,
      );
      expectCryptoError(
        () => decrypt(encType, key, new Uint8Array(ivLength - 1)),
        CryptoErrorCode.BAD_CIPHERTEXT,
      );
    }
    expectCryptoError(
      () => encrypt('twofish128' as EncType, key, new Uint8Array(1)),
      CryptoErrorCode.UNSUPPORTED_ENC_TYPE,
    );
  });

  it('leave the caller’s IV and plaintext untouched', () => {
    const iv = seededRandom(4).bytes(16);
    const ivCopy = iv.slice();
    const plaintext = seededRandom(5).bytes(50);
    const plaintextCopy = plaintext.slice();
    encryptWithIv('AES-CTR', key, iv, plaintext);
    expect(iv).toEqual(ivCopy);
    expect(plaintext).toEqual(plaintextCopy);
  });
});

describe('normalizeEncType', () => {
  it('matches case-insensitively and defaults to AES-CTR', () => {
    expect(normalizeEncType('')).toBe('AES-CTR');
    expect(normalizeEncType('aes-ctr')).toBe('AES-CTR');
    expect(normalizeEncType('AES-CTR')).toBe('AES-CTR');
    expect(normalizeEncType('Aes-Ctr')).toBe('AES-CTR');
    expect(normalizeEncType('ChaCha20')).toBe('chacha20');
  });

  it('refuses twofish128 and anything unknown', () => {
    for (const value of ['twofish128', 'twofish', 'aes-gcm', ' aes-ctr', 'aes-ctr ']) {
      expectCryptoError(() => normalizeEncType(value), CryptoErrorCode.UNSUPPORTED_ENC_TYPE);
    }
  });

  it('recognises exact spellings only', () => {
    expect(isEncType('AES-CTR')).toBe(true);
    expect(isEncType('chacha20')).toBe(true);
    expect(isEncType('aes-ctr')).toBe(false);
    expect(isEncType(undefined)).toBe(false);
  });
});
