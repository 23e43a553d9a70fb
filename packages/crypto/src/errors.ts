import { type BirdTalkErrorOptions, CryptoError } from '@birdtalk/errors';

/**
 * The stable `code` of every {@link CryptoError} this package raises or reports.
 *
 * Messages that accompany these codes describe what was wrong (a length, a label, an algorithm) and never quote
 * key material, plaintext or tokens, so they are safe to log.
 */
export const CryptoErrorCode = {
  /** The text is not a PEM `PUBLIC KEY` block: empty, another label, no armour, or a body that is not base64. */
  BAD_PEM: 'CRYPTO_BAD_PEM',
  /** The PEM body is not a well-formed DER SubjectPublicKeyInfo (truncated, wrong tags, trailing bytes). */
  BAD_DER: 'CRYPTO_BAD_DER',
  /** The SubjectPublicKeyInfo holds a key that is not an elliptic-curve key (RSA, Ed25519, …). */
  UNSUPPORTED_KEY_TYPE: 'CRYPTO_UNSUPPORTED_KEY_TYPE',
  /** The elliptic-curve key is not on P-256. The Go server crashes on such keys, so they are never accepted. */
  UNSUPPORTED_CURVE: 'CRYPTO_UNSUPPORTED_CURVE',
  /** A public key is not a 65-byte uncompressed point on P-256. */
  BAD_POINT: 'CRYPTO_BAD_POINT',
  /** A private key is not a valid P-256 scalar, or a symmetric key is not 32 bytes. */
  BAD_KEY: 'CRYPTO_BAD_KEY',
  /** An IV or nonce passed in has the wrong length for the cipher. */
  BAD_IV: 'CRYPTO_BAD_IV',
  /** A ciphertext is too short to hold its IV or nonce. */
  BAD_CIPHERTEXT: 'CRYPTO_BAD_CIPHERTEXT',
  /** A check token or download token is malformed: bad base64, too short, or an unreadable payload. */
  BAD_TOKEN: 'CRYPTO_BAD_TOKEN',
  /** A download token failed its AES-GCM authentication: it was altered or made with another key. */
  TOKEN_AUTH_FAILED: 'CRYPTO_TOKEN_AUTH_FAILED',
  /** An `encType` other than AES-CTR or chacha20 (the server's twofish128 cannot work, see the README). */
  UNSUPPORTED_ENC_TYPE: 'CRYPTO_UNSUPPORTED_ENC_TYPE',
  /** A non-key argument is invalid: a timestamp that is not a 64-bit integer, a bad expiry or file name. */
  BAD_ARGUMENT: 'CRYPTO_BAD_ARGUMENT',
  /** The platform's WebCrypto refused an ECDH operation. */
  ECDH_FAILED: 'CRYPTO_ECDH_FAILED',
  /** A stored key is invalid: saved with inconsistent fields, or read back from a damaged file. */
  BAD_STORED_KEY: 'CRYPTO_BAD_STORED_KEY',
  /** A key file could not be read (permissions, a directory in its place, an I/O error). */
  KEYSTORE_UNREADABLE: 'CRYPTO_KEYSTORE_UNREADABLE',
  /** A key file or the key directory was open to others; `details.fixed` says whether its mode was tightened. */
  KEYSTORE_LOOSE_PERMISSIONS: 'CRYPTO_KEYSTORE_LOOSE_PERMISSIONS',
  /** A key file could not be written or removed. */
  KEYSTORE_WRITE_FAILED: 'CRYPTO_KEYSTORE_WRITE_FAILED',
} as const;

/** One of the values of {@link CryptoErrorCode}. */
export type CryptoErrorCode = (typeof CryptoErrorCode)[keyof typeof CryptoErrorCode];

/** Builds a {@link CryptoError} whose code is one of this package's {@link CryptoErrorCode}s. */
export function cryptoError(
  code: CryptoErrorCode,
  message: string,
  options?: BirdTalkErrorOptions,
): CryptoError {
  return new CryptoError(code, message, options);
}
