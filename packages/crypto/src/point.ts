import { p256 } from '@noble/curves/nist.js';
import { CryptoErrorCode, cryptoError } from './errors.js';

/** Length of an uncompressed SEC 1 P-256 point: `0x04 ‖ X(32) ‖ Y(32)`. */
export const uncompressedPointLength = 65;

/**
 * @throws CryptoError `CRYPTO_BAD_POINT` unless `point` is a 65-byte uncompressed encoding of a point on P-256
 * other than infinity. Compressed points are refused because Go's `x509.ParsePKIXPublicKey`, which reads the
 * server's peer keys, refuses them too.
 */
export function assertPublicKey(point: Uint8Array): void {
  if (!(point instanceof Uint8Array) || point.length !== uncompressedPointLength || point[0] !== 0x04) {
    throw cryptoError(CryptoErrorCode.BAD_POINT, 'A public key must be a 65-byte uncompressed P-256 point', {
      details: { length: point instanceof Uint8Array ? point.length : undefined },
    });
  }
  try {
    p256.Point.fromBytes(point).assertValidity();
  } catch (cause) {
    throw cryptoError(CryptoErrorCode.BAD_POINT, 'The public key is not a point on P-256', { cause });
  }
}

/** @throws CryptoError `CRYPTO_BAD_KEY` unless `privateKey` is a 32-byte scalar in [1, n). */
export function assertPrivateKey(privateKey: Uint8Array): void {
  if (
    !(privateKey instanceof Uint8Array) ||
    privateKey.length !== 32 ||
    !p256.utils.isValidSecretKey(privateKey)
  ) {
    throw cryptoError(
      CryptoErrorCode.BAD_KEY,
      'A P-256 private key must be a 32-byte scalar between 1 and n-1',
    );
  }
}
