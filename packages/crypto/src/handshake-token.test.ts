import { seededRandom } from '@birdtalk/runtime';
import { describe, expect, it } from 'vitest';
import { expectCryptoError, fromHex, loadVectors } from '../test/helpers.js';
import { fixedRandom } from '../test/vector-check.js';
import {
  CryptoErrorCode,
  decrypt,
  type EncType,
  encrypt,
  makeCheckToken,
  makeTempKey,
  openCheckToken,
  openTempKey,
} from './index.js';

const vectors = loadVectors();
const key = fromHex('d2158eb96ee65b41dbc97c9d80e171ee62cb0fea02026ea00127f4cbbf8823e0');
const encTypes: readonly EncType[] = ['AES-CTR', 'chacha20'];

describe('check tokens', () => {
  it('reproduce every vector with the vector’s IV and open back to tm', () => {
    for (const c of vectors.checkToken) {
      const k = fromHex(String(c.keyHex));
      expect(makeCheckToken('AES-CTR', k, String(c.tm), fixedRandom(fromHex(String(c.ivHex))))).toBe(c.token);
      expect(openCheckToken('AES-CTR', k, String(c.token))).toBe(c.tm);
    }
  });

  it('are deterministic under an injected random and round-trip for both algorithms', () => {
    for (const encType of encTypes) {
      const a = makeCheckToken(encType, key, 1_750_000_000_123, seededRandom(42));
      expect(a).toBe(makeCheckToken(encType, key, 1_750_000_000_123, seededRandom(42)));
      expect(a).not.toBe(makeCheckToken(encType, key, 1_750_000_000_123, seededRandom(43)));
      expect(a).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      expect(a.length % 4).toBe(0);
      expect(openCheckToken(encType, key, a)).toBe('1750000000123');
    }
  });

  it('are standard padded base64 of the temp key', () => {
    for (const encType of encTypes) {
      const token = makeCheckToken(encType, key, '1700222326', seededRandom(1));
      const tempKey = makeTempKey(encType, key, '1700222326', seededRandom(1));
      expect(token).toBe(Buffer.from(tempKey).toString('base64'));
    }
  });

  it('tolerate line breaks, as Go’s decoder does', () => {
    const token = makeCheckToken('AES-CTR', key, 17, seededRandom(3));
    expect(openCheckToken('AES-CTR', key, `${token.slice(0, 8)}\r\n${token.slice(8)}\n`)).toBe('17');
  });

  it('reject bad base64 and tokens too short for their IV', () => {
    const token = makeCheckToken('AES-CTR', key, 1, seededRandom(3));
    for (const bad of [
      token.replace(/=+$/, ''),
      `${token.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}-`,
      ` ${token}`,
      '%%%%',
      Buffer.alloc(15).toString('base64'),
    ]) {
      expectCryptoError(() => openCheckToken('AES-CTR', key, bad), CryptoErrorCode.BAD_TOKEN);
    }
    expectCryptoError(
      () => openCheckToken('chacha20', key, Buffer.alloc(11).toString('base64')),
      CryptoErrorCode.BAD_TOKEN,
    );
    expect(openCheckToken('chacha20', key, Buffer.alloc(12).toString('base64'))).toBe('');
  });

  it('open to something else under a wrong key or the wrong algorithm', () => {
    const token = makeCheckToken('AES-CTR', key, 1_750_000_000_000);
    expect(
      openCheckToken(
        'AES-CTR',
        key.map((b) => b ^ 1),
        token,
      ),
    ).not.toBe('1750000000000');
    expect(openCheckToken('chacha20', key, token)).not.toBe('1750000000000');
  });
});

describe('temp keys', () => {
  it('are the raw ciphertext of the decimal tm', () => {
    for (const encType of encTypes) {
      const tempKey = makeTempKey(encType, key, 1_761_234_536_878n, seededRandom(5));
      expect(tempKey).toEqual(
        encrypt(encType, key, new TextEncoder().encode('1761234536878'), seededRandom(5)),
      );
      expect(openTempKey(encType, key, tempKey)).toBe('1761234536878');
      expect(new TextDecoder().decode(decrypt(encType, key, tempKey))).toBe('1761234536878');
    }
  });

  it('accept tm as text, bigint or safe number, including the int64 extremes', () => {
    const cases: [string | number | bigint, string][] = [
      [0, '0'],
      [-5, '-5'],
      [Number.MAX_SAFE_INTEGER, '9007199254740991'],
      [2n ** 63n - 1n, '9223372036854775807'],
      [-(2n ** 63n), '-9223372036854775808'],
      ['9223372036854775807', '9223372036854775807'],
      ['-1', '-1'],
    ];
    for (const [tm, text] of cases)
      expect(openTempKey('AES-CTR', key, makeTempKey('AES-CTR', key, tm))).toBe(text);
  });

  it('refuse a tm that is not exactly a 64-bit integer', () => {
    const bad: (string | number | bigint)[] = [
      1.5,
      Number.NaN,
      2 ** 53,
      2n ** 63n,
      '',
      '01',
      '+1',
      ' 1',
      '1e3',
      '-0',
      '9223372036854775808',
    ];
    for (const tm of bad) {
      expectCryptoError(() => makeTempKey('AES-CTR', key, tm), CryptoErrorCode.BAD_ARGUMENT);
      expectCryptoError(() => makeCheckToken('AES-CTR', key, tm), CryptoErrorCode.BAD_ARGUMENT);
    }
  });

  it('refuse data too short for the IV', () => {
    expectCryptoError(() => openTempKey('AES-CTR', key, new Uint8Array(15)), CryptoErrorCode.BAD_CIPHERTEXT);
    expectCryptoError(() => openTempKey('chacha20', key, new Uint8Array(11)), CryptoErrorCode.BAD_CIPHERTEXT);
  });
});
