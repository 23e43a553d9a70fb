import { createDecipheriv } from 'node:crypto';
import { seededRandom } from '@birdtalk/runtime';
import { gcm } from '@noble/ciphers/aes.js';
import { describe, expect, it } from 'vitest';
import { expectCryptoError, fromHex, loadVectors } from '../test/helpers.js';
import {
  CryptoErrorCode,
  makeDownloadToken,
  makeDownloadTokenWithNonce,
  openDownloadToken,
} from './index.js';

const vectors = loadVectors();
const key = fromHex('e720acbc0bffd4d7c554b2ee93f6c249586ad0ca64cd69c72f94382c67010a3d');
const nonce = fromHex('f8dd2c2ea1493d45159d02a3');

/** A token over an arbitrary payload, to reach the checks behind authentication. */
function sealed(payload: Uint8Array | string): string {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return Buffer.concat([nonce, gcm(key, nonce).encrypt(bytes)]).toString('base64url');
}

describe('download tokens', () => {
  it('reproduce every vector and open back to its grant', () => {
    for (const c of vectors.downloadSign) {
      const k = fromHex(String(c.keyHex));
      const token = makeDownloadTokenWithNonce(
        k,
        fromHex(String(c.nonceHex)),
        String(c.fileName),
        Number(c.expires),
      );
      expect(token).toBe(c.token);
      expect(openDownloadToken(k, token)).toEqual({ expiresSeconds: c.expires, fileName: c.fileName });
    }
  });

  it('are what the server’s AES-256-GCM opens', () => {
    const token = makeDownloadToken(key, '20250101_zz.pdf', 1_706_963_509, seededRandom(8));
    const bytes = Buffer.from(token, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plaintext = Buffer.concat([
      decipher.update(bytes.subarray(12, bytes.length - 16)),
      decipher.final(),
    ]);
    expect(plaintext.toString('utf8')).toBe('1706963509|20250101_zz.pdf');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('split at the first bar and keep non-ASCII names', () => {
    for (const fileName of ['a|b.txt', '||x|', '中文名.png', 'emoji 😀.gif', 'spaces and\ttabs']) {
      const token = makeDownloadToken(key, fileName, 1_800_000_000);
      expect(openDownloadToken(key, token)).toEqual({ expiresSeconds: 1_800_000_000, fileName });
    }
  });

  it('use a fresh nonce from the injected random', () => {
    const a = makeDownloadToken(key, 'x', 1, seededRandom(1));
    expect(a).toBe(makeDownloadToken(key, 'x', 1, seededRandom(1)));
    expect(a).not.toBe(makeDownloadToken(key, 'x', 1, seededRandom(2)));
    expect(Buffer.from(a, 'base64url').subarray(0, 12)).toEqual(Buffer.from(seededRandom(1).bytes(12)));
  });

  it('fail authentication when any byte is altered or the key differs', () => {
    const token = makeDownloadToken(key, '20241201_3k2j1h4g5f.jpg', 1_798_681_535, seededRandom(4));
    const bytes = Buffer.from(token, 'base64url');
    for (let i = 0; i < bytes.length; i += 1) {
      const tampered = Buffer.from(bytes);
      tampered[i]! ^= 0x01;
      expectCryptoError(
        () => openDownloadToken(key, tampered.toString('base64url')),
        CryptoErrorCode.TOKEN_AUTH_FAILED,
      );
    }
    expectCryptoError(
      () =>
        openDownloadToken(
          key.map((b) => b ^ 0x80),
          token,
        ),
      CryptoErrorCode.TOKEN_AUTH_FAILED,
    );
    const truncated = bytes.subarray(0, bytes.length - 1).toString('base64url');
    expectCryptoError(() => openDownloadToken(key, truncated), CryptoErrorCode.TOKEN_AUTH_FAILED);
  });

  it('reject malformed tokens', () => {
    const token = makeDownloadToken(key, 'x.jpg', 1, seededRandom(4));
    const standard = Buffer.from(token, 'base64url').toString('base64');
    expect(standard).not.toBe(token);
    for (const bad of [`${token}=`, standard, `${token} `, '', Buffer.alloc(27).toString('base64url')]) {
      expectCryptoError(() => openDownloadToken(key, bad), CryptoErrorCode.BAD_TOKEN);
    }
  });

  it('reject authentic payloads that are not <expires>|<name>', () => {
    for (const payload of [
      'no bar here',
      '|x',
      'abc|x',
      '1.5|x',
      '99999999999999999|x',
      Uint8Array.of(0x31, 0x7c, 0xff),
    ]) {
      expectCryptoError(() => openDownloadToken(key, sealed(payload)), CryptoErrorCode.BAD_TOKEN);
    }
    // What Go's strconv.ParseInt takes, this takes too.
    expect(openDownloadToken(key, sealed('+0042|f'))).toEqual({ expiresSeconds: 42, fileName: 'f' });
    expect(openDownloadToken(key, sealed('-0|f'))).toEqual({ expiresSeconds: 0, fileName: 'f' });
    expect(openDownloadToken(key, sealed('7|'))).toEqual({ expiresSeconds: 7, fileName: '' });
  });

  it('refuse bad arguments when building', () => {
    expectCryptoError(
      () => makeDownloadTokenWithNonce(key, nonce.subarray(1), 'x', 1),
      CryptoErrorCode.BAD_IV,
    );
    expectCryptoError(() => makeDownloadToken(key.subarray(1), 'x', 1), CryptoErrorCode.BAD_KEY);
    for (const expires of [-1, 1.5, Number.NaN, 2 ** 53]) {
      expectCryptoError(() => makeDownloadToken(key, 'x', expires), CryptoErrorCode.BAD_ARGUMENT);
    }
    for (const fileName of ['', 'a\ud800.txt']) {
      expectCryptoError(() => makeDownloadToken(key, fileName, 1), CryptoErrorCode.BAD_ARGUMENT);
    }
  });
});
