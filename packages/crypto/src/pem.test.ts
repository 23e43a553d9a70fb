import { generateKeyPairSync } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { expectCryptoError, fromHex, loadVectors, toHex } from '../test/helpers.js';
import { CryptoErrorCode, keyPairFromPrivateKey, publicKeyFromPem, publicKeyToPem } from './index.js';

const vectors = loadVectors();
const goPem = String(vectors.pemParse[0]!.pem);
const point = publicKeyFromPem(goPem);

/** The base64 body of a PEM, without armour or line breaks. */
function body(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, '');
}

/** A PEM block with the given label around base64 of `der`, in 64-column lines. */
function armour(der: Uint8Array, label = 'PUBLIC KEY'): string {
  const text = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${text.replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
}

function der(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(body(pem), 'base64'));
}

describe('publicKeyToPem', () => {
  it('writes exactly what Go writes', () => {
    for (const c of vectors.ecdh) {
      expect(keyPairFromPrivateKey(fromHex(String(c.clientPrivHex))).publicKeyPem).toBe(c.clientPem);
    }
    expect(publicKeyToPem(point)).toBe(goPem);
  });

  it('agrees with Node’s own SPKI export', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(publicKeyToPem(publicKeyFromPem(pem))).toBe(pem);
  });

  it('refuses anything but an uncompressed point on P-256', () => {
    expectCryptoError(() => publicKeyToPem(point.subarray(0, 64)), CryptoErrorCode.BAD_POINT);
    expectCryptoError(
      () => publicKeyToPem(p256.Point.fromBytes(point).toBytes(true)),
      CryptoErrorCode.BAD_POINT,
    );
    const offCurve = point.slice();
    offCurve[64]! ^= 1;
    expectCryptoError(() => publicKeyToPem(offCurve), CryptoErrorCode.BAD_POINT);
  });
});

describe('publicKeyFromPem', () => {
  it('reads every layout clients send', () => {
    for (const c of vectors.pemParse) {
      const parsed = publicKeyFromPem(String(c.pem));
      expect(toHex(parsed)).toBe(`04${c.xHex}${c.yHex}`);
    }
  });

  it('round-trips generated keys', () => {
    for (let i = 1; i <= 20; i += 1) {
      const publicKey = p256.getPublicKey(p256.utils.randomSecretKey(), false);
      expect(publicKeyFromPem(publicKeyToPem(publicKey))).toEqual(publicKey);
    }
  });

  it('tolerates any line length, CRLF, tabs and surrounding blank lines', () => {
    const text = body(goPem);
    const variants = [
      `-----BEGIN PUBLIC KEY-----\n${text}\n-----END PUBLIC KEY-----`,
      `-----BEGIN PUBLIC KEY-----\r\n${text.replace(/.{40}/g, '$&\r\n')}\r\n-----END PUBLIC KEY-----\r\n`,
      `\n\n  -----BEGIN PUBLIC KEY-----\n\t${text.slice(0, 10)}\n${text.slice(10)}\n-----END PUBLIC KEY-----\n\n\n`,
      `-----BEGIN PUBLIC KEY-----${text}-----END PUBLIC KEY-----`,
      `-----BEGIN PUBLIC KEY-----\n${text.replace(/=+$/, '')}\n-----END PUBLIC KEY-----\n`,
    ];
    for (const variant of variants) expect(publicKeyFromPem(variant)).toEqual(point);
  });

  it('reads the UTF-8 bytes MsgKeyExchange.pubKey carries', () => {
    expect(publicKeyFromPem(new TextEncoder().encode(goPem))).toEqual(point);
    expectCryptoError(() => publicKeyFromPem(Uint8Array.of(0xff, 0xfe, 0x2d)), CryptoErrorCode.BAD_PEM);
  });

  it('rejects every bad PEM of the vectors with a CryptoError', () => {
    const codes = vectors.badPems.map((pem) => {
      try {
        publicKeyFromPem(pem);
        return 'accepted';
      } catch (error) {
        return (error as { code: string }).code;
      }
    });
    expect(codes).toEqual([
      CryptoErrorCode.BAD_PEM,
      CryptoErrorCode.BAD_DER,
      CryptoErrorCode.BAD_PEM,
      CryptoErrorCode.BAD_POINT,
    ]);
  });

  it('rejects text that is not a PUBLIC KEY block', () => {
    for (const text of ['', '   \n\r\n', 'hello', body(goPem)]) {
      expectCryptoError(() => publicKeyFromPem(text), CryptoErrorCode.BAD_PEM);
    }
    const privateKey = expectCryptoError(
      () => publicKeyFromPem(goPem.replaceAll('PUBLIC KEY', 'EC PRIVATE KEY')),
      CryptoErrorCode.BAD_PEM,
    );
    expect(privateKey.details).toEqual({ label: 'EC PRIVATE KEY' });
    expectCryptoError(
      () => publicKeyFromPem(goPem.replace('-----END PUBLIC KEY-----', '')),
      CryptoErrorCode.BAD_PEM,
    );
    expectCryptoError(() => publicKeyFromPem(`junk\n${goPem}`), CryptoErrorCode.BAD_PEM);
    expectCryptoError(() => publicKeyFromPem(`${goPem}junk`), CryptoErrorCode.BAD_PEM);
    expectCryptoError(() => publicKeyFromPem(goPem.replace('MFkw', 'MF*w')), CryptoErrorCode.BAD_PEM);
    expectCryptoError(
      () => publicKeyFromPem('-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----'),
      CryptoErrorCode.BAD_PEM,
    );
    // Header lines ("Proc-Type: …") are not base64.
    expectCryptoError(
      () => publicKeyFromPem(goPem.replace('\n', '\nProc-Type: 4,ENCRYPTED\n\n')),
      CryptoErrorCode.BAD_PEM,
    );
  });

  it('rejects DER that is truncated, padded or mis-encoded', () => {
    const good = der(goPem);
    for (let length = 1; length < good.length; length += 6) {
      expectCryptoError(() => publicKeyFromPem(armour(good.subarray(0, length))), CryptoErrorCode.BAD_DER);
    }
    expectCryptoError(() => publicKeyFromPem(armour(Uint8Array.of(...good, 0))), CryptoErrorCode.BAD_DER);
    // The same SPKI with a long-form length where the short form fits (not DER).
    const longForm = Uint8Array.of(0x30, 0x81, 0x59, ...good.subarray(2));
    expectCryptoError(() => publicKeyFromPem(armour(longForm)), CryptoErrorCode.BAD_DER);
    const indefinite = Uint8Array.of(0x30, 0x80, ...good.subarray(2), 0, 0);
    expectCryptoError(() => publicKeyFromPem(armour(indefinite)), CryptoErrorCode.BAD_DER);
    const unusedBits = good.slice();
    unusedBits[25] = 1;
    expectCryptoError(() => publicKeyFromPem(armour(unusedBits)), CryptoErrorCode.BAD_DER);
    const notASequence = good.slice();
    notASequence[0] = 0x31;
    expectCryptoError(() => publicKeyFromPem(armour(notASequence)), CryptoErrorCode.BAD_DER);
  });

  it('rejects keys of other algorithms and curves', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const ed25519 = generateKeyPairSync('ed25519').publicKey;
    for (const key of [rsa, ed25519]) {
      const error = expectCryptoError(
        () => publicKeyFromPem(key.export({ type: 'spki', format: 'pem' }).toString()),
        CryptoErrorCode.UNSUPPORTED_KEY_TYPE,
      );
      expect(error.details.algorithm).toMatch(/^1\.|^2\.|^1\.3\.101\.112$/);
    }
    // P-384 makes the Go server panic; secp256k1 is the curve most often confused with P-256.
    const curves = { secp384r1: '1.3.132.0.34', secp256k1: '1.3.132.0.10', secp521r1: '1.3.132.0.35' };
    for (const [namedCurve, oid] of Object.entries(curves)) {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve });
      const error = expectCryptoError(
        () => publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
        CryptoErrorCode.UNSUPPORTED_CURVE,
      );
      expect(error.details).toEqual({ curve: oid });
    }
    // An EC key without a named curve (explicit parameters or none at all).
    const noCurve = Uint8Array.of(
      0x30,
      0x4f,
      0x30,
      0x09,
      ...der(goPem).subarray(4, 13),
      ...der(goPem).subarray(23),
    );
    expectCryptoError(() => publicKeyFromPem(armour(noCurve)), CryptoErrorCode.UNSUPPORTED_CURVE);
  });

  it('rejects compressed points and points off the curve', () => {
    const compressed = p256.Point.fromBytes(point).toBytes(true);
    const compressedSpki = Uint8Array.of(
      0x30,
      0x39,
      ...der(goPem).subarray(2, 23),
      0x03,
      0x22,
      0x00,
      ...compressed,
    );
    expectCryptoError(() => publicKeyFromPem(armour(compressedSpki)), CryptoErrorCode.BAD_POINT);
    const offCurve = der(goPem).slice();
    offCurve[offCurve.length - 1]! ^= 1;
    expectCryptoError(() => publicKeyFromPem(armour(offCurve)), CryptoErrorCode.BAD_POINT);
    const zero = der(goPem).slice();
    zero.fill(0, 27);
    expectCryptoError(() => publicKeyFromPem(armour(zero)), CryptoErrorCode.BAD_POINT);
  });

  it('never quotes the key in its messages', () => {
    const offCurve = der(goPem).slice();
    offCurve[offCurve.length - 1]! ^= 1;
    const error = expectCryptoError(() => publicKeyFromPem(armour(offCurve)), CryptoErrorCode.BAD_POINT);
    expect(error.message).not.toContain(body(goPem).slice(30, 50));
    expect(JSON.stringify(error.details)).not.toMatch(/[0-9a-f]{16}/);
  });
});
