import { p256 } from '@noble/curves/nist.js';
import { CryptoErrorCode, cryptoError } from './errors.js';
import { assertPrivateKey, assertPublicKey } from './point.js';

/** Length of the shared secret: the X coordinate of the shared point, as WebCrypto's `deriveBits(…, 256)` gives. */
export const sharedSecretLength = 32;

/**
 * The ECDH shared secret of a P-256 private key and a peer's public key: the X coordinate of the shared point,
 * 32 bytes big-endian, leading zero bytes kept. It is used as is (no KDF) as the AES-CTR or ChaCha20 key.
 *
 * @param privateKey - a 32-byte scalar.
 * @param peerPublicKey - the peer's 65-byte uncompressed point, e.g. from {@link publicKeyFromPem}.
 * @throws CryptoError `CRYPTO_BAD_KEY` for an invalid private key, `CRYPTO_BAD_POINT` for an invalid point.
 */
export function computeSharedSecret(privateKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array {
  assertPrivateKey(privateKey);
  assertPublicKey(peerPublicKey);
  // noble returns the compressed shared point (parity byte ‖ X); the protocol only uses X.
  return p256.getSharedSecret(privateKey, peerPublicKey, true).slice(1);
}

/**
 * The secret the Go server keeps for this exchange: the X coordinate through `big.Int.Bytes()`, which drops
 * leading zero bytes. It is shorter than 32 bytes for about 1 exchange in 256.
 */
export function serverSecretOf(secret: Uint8Array): Uint8Array {
  let start = 0;
  while (start < secret.length && secret[start] === 0) start += 1;
  return secret.slice(start);
}

/**
 * Whether the Go server accepts this shared secret. It refuses one whose first byte is zero (its copy is then
 * shorter than 32 bytes) with error 11 "share key less than 32 bytes"; a client that sees `false` should start
 * again with a new key pair instead of sending stage 1 and waiting for the refusal.
 */
export function serverAcceptsSecret(secret: Uint8Array): boolean {
  return secret.length === sharedSecretLength && serverSecretOf(secret).length === sharedSecretLength;
}

/**
 * The keyPrint that names a shared key on both sides: its first 8 bytes read as a little-endian **signed**
 * 64-bit integer, as decimal text (negative half of the time; a JS number would lose digits).
 *
 * @throws CryptoError `CRYPTO_BAD_KEY` unless `secret` is 32 bytes.
 */
export function keyPrintOf(secret: Uint8Array): string {
  if (!(secret instanceof Uint8Array) || secret.length !== sharedSecretLength) {
    throw cryptoError(CryptoErrorCode.BAD_KEY, `A shared secret must be ${sharedSecretLength} bytes`, {
      details: { length: secret instanceof Uint8Array ? secret.length : undefined },
    });
  }
  return new DataView(secret.buffer, secret.byteOffset, 8).getBigInt64(0, true).toString();
}
