import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { expectCryptoError, fromHex, loadVectors, toHex } from '../test/helpers.js';
import {
  CryptoErrorCode,
  computeSharedSecret,
  keyPrintOf,
  publicKeyFromPem,
  serverAcceptsSecret,
  serverSecretOf,
} from './index.js';

const vectors = loadVectors();
const first = vectors.ecdh[0]!;
const clientPrivate = fromHex(String(first.clientPrivHex));
const serverPublic = publicKeyFromPem(String(first.serverPem));

describe('computeSharedSecret', () => {
  it('gives the 32-byte X coordinate in both directions', () => {
    for (const c of vectors.ecdh) {
      const a = computeSharedSecret(fromHex(String(c.clientPrivHex)), publicKeyFromPem(String(c.serverPem)));
      const b = computeSharedSecret(fromHex(String(c.serverPrivHex)), publicKeyFromPem(String(c.clientPem)));
      expect(toHex(a)).toBe(c.sharedHex);
      expect(b).toEqual(a);
    }
  });

  it('keeps leading zero bytes', () => {
    const refused = vectors.ecdh.find((c) => c.serverAccepts === false)!;
    const secret = computeSharedSecret(
      fromHex(String(refused.clientPrivHex)),
      publicKeyFromPem(String(refused.serverPem)),
    );
    expect(secret).toHaveLength(32);
    expect(secret[0]).toBe(0);
  });

  it('rejects points that are off the curve, compressed, or infinity', () => {
    const offCurve = serverPublic.slice();
    offCurve[40]! ^= 0x10;
    expectCryptoError(() => computeSharedSecret(clientPrivate, offCurve), CryptoErrorCode.BAD_POINT);
    const compressed = p256.Point.fromBytes(serverPublic).toBytes(true);
    expectCryptoError(() => computeSharedSecret(clientPrivate, compressed), CryptoErrorCode.BAD_POINT);
    expectCryptoError(
      () => computeSharedSecret(clientPrivate, new Uint8Array(65)),
      CryptoErrorCode.BAD_POINT,
    );
    const wrongPrefix = serverPublic.slice();
    wrongPrefix[0] = 0x06;
    expectCryptoError(() => computeSharedSecret(clientPrivate, wrongPrefix), CryptoErrorCode.BAD_POINT);
  });

  it('rejects a point of another curve given as raw bytes', () => {
    // A P-384 point has 97 bytes; a secp256k1 point has the right length but is not on P-256.
    const secp256k1Generator = fromHex(
      '0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798' +
        '483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8',
    );
    expectCryptoError(
      () => computeSharedSecret(clientPrivate, secp256k1Generator),
      CryptoErrorCode.BAD_POINT,
    );
    expectCryptoError(
      () => computeSharedSecret(clientPrivate, new Uint8Array(97).fill(4)),
      CryptoErrorCode.BAD_POINT,
    );
  });

  it('rejects private keys outside [1, n)', () => {
    const n = fromHex('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
    for (const key of [
      new Uint8Array(32),
      n,
      new Uint8Array(32).fill(0xff),
      clientPrivate.subarray(1),
      new Uint8Array(33),
    ]) {
      expectCryptoError(() => computeSharedSecret(key, serverPublic), CryptoErrorCode.BAD_KEY);
    }
  });
});

describe('the Go server’s view of the secret', () => {
  it('drops leading zeros like big.Int.Bytes()', () => {
    for (const c of vectors.ecdh)
      expect(toHex(serverSecretOf(fromHex(String(c.sharedHex))))).toBe(c.serverSecretHex);
    expect(serverSecretOf(fromHex('0000ff'))).toEqual(Uint8Array.of(0xff));
    expect(serverSecretOf(new Uint8Array(4))).toEqual(new Uint8Array(0));
  });

  it('is refused exactly when the first byte is zero', () => {
    const refused = vectors.ecdh.filter((c) => c.serverAccepts === false);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const c of vectors.ecdh)
      expect(serverAcceptsSecret(fromHex(String(c.sharedHex)))).toBe(c.serverAccepts);
    expect(serverAcceptsSecret(fromHex(`01${'00'.repeat(31)}`))).toBe(true);
    expect(serverAcceptsSecret(fromHex(`00${'ff'.repeat(31)}`))).toBe(false);
    expect(serverAcceptsSecret(new Uint8Array(31).fill(1))).toBe(false);
  });
});

describe('keyPrintOf', () => {
  it('reads the first 8 bytes as a signed little-endian int64', () => {
    for (const c of vectors.keyPrint) expect(keyPrintOf(fromHex(String(c.secretHex)))).toBe(c.keyPrint);
    const secret = (head: string): Uint8Array => fromHex(head + '00'.repeat(24));
    expect(keyPrintOf(secret('0000000000000000'))).toBe('0');
    expect(keyPrintOf(secret('ffffffffffffffff'))).toBe('-1');
    expect(keyPrintOf(secret('ffffffffffffff7f'))).toBe('9223372036854775807');
    expect(keyPrintOf(secret('0000000000000080'))).toBe('-9223372036854775808');
    expect(keyPrintOf(secret('0100000000000000'))).toBe('1');
  });

  it('reads from the right offset of a view', () => {
    const backing = fromHex(`aa${vectors.keyPrint[0]!.secretHex}`);
    expect(keyPrintOf(backing.subarray(1))).toBe(vectors.keyPrint[0]!.keyPrint);
  });

  it('refuses a secret that is not 32 bytes', () => {
    expectCryptoError(() => keyPrintOf(new Uint8Array(8)), CryptoErrorCode.BAD_KEY);
    expectCryptoError(() => keyPrintOf(new Uint8Array(31)), CryptoErrorCode.BAD_KEY);
  });
});
