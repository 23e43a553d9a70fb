import { type Random, systemRandom } from '@birdtalk/runtime';
import { ctr } from '@noble/ciphers/aes.js';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { type EncType, isEncType } from './enc-type.js';
import { CryptoErrorCode, cryptoError } from './errors.js';

/** Length of the symmetric key for both algorithms: the raw P-256 shared secret. */
export const symmetricKeyLength = 32;

/**
 * Length of the IV or nonce that prefixes a ciphertext: 16 bytes for AES-CTR (the whole initial counter block),
 * 12 bytes for ChaCha20 (the IETF nonce).
 */
export function ivLengthOf(encType: EncType): 16 | 12 {
  return encType === 'chacha20' ? 12 : 16;
}

/** @throws CryptoError `CRYPTO_BAD_KEY` unless `key` is 32 bytes. */
export function assertSymmetricKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== symmetricKeyLength) {
    throw cryptoError(CryptoErrorCode.BAD_KEY, `A symmetric key must be ${symmetricKeyLength} bytes`, {
      details: { length: key instanceof Uint8Array ? key.length : undefined },
    });
  }
}

function assertEncType(encType: EncType): void {
  if (!isEncType(encType)) {
    throw cryptoError(
      CryptoErrorCode.UNSUPPORTED_ENC_TYPE,
      'Unsupported encType: only AES-CTR and chacha20 work',
    );
  }
}

/**
 * XORs `data` with the key stream. AES-CTR advances the whole 16-byte IV as one 128-bit big-endian counter,
 * as Go's `cipher.NewCTR` does; a 64-bit counter (what WebCrypto calls `length: 64`) would diverge once the low
 * half wraps. ChaCha20 is the IETF variant starting at block 0, with no MAC: the server adds none.
 */
function keyStream(encType: EncType, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  return encType === 'chacha20' ? chacha20(key, iv, data) : ctr(key, iv).encrypt(data);
}

/**
 * Encrypts `plaintext` with a caller-chosen IV (16 bytes for AES-CTR) or nonce (12 bytes for ChaCha20) and
 * returns `iv ‖ ciphertext`, the layout the server writes and expects.
 *
 * Reusing an IV with the same key reveals the XOR of the plaintexts; outside tests use {@link encrypt}.
 *
 * @throws CryptoError `CRYPTO_BAD_KEY` unless the key is 32 bytes; `CRYPTO_BAD_IV` on a wrong IV length.
 */
export function encryptWithIv(
  encType: EncType,
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  assertEncType(encType);
  assertSymmetricKey(key);
  const ivLength = ivLengthOf(encType);
  if (!(iv instanceof Uint8Array) || iv.length !== ivLength) {
    throw cryptoError(CryptoErrorCode.BAD_IV, `${encType} needs a ${ivLength}-byte IV`, {
      details: { length: iv instanceof Uint8Array ? iv.length : undefined },
    });
  }
  const out = new Uint8Array(ivLength + plaintext.length);
  out.set(iv, 0);
  out.set(keyStream(encType, key, iv, plaintext), ivLength);
  return out;
}

/**
 * Encrypts `plaintext` under a fresh IV or nonce drawn from `random` and returns `iv ‖ ciphertext`.
 *
 * @param random - the source of the IV; {@link systemRandom} unless a test injects a deterministic one.
 * @throws CryptoError `CRYPTO_BAD_KEY` unless the key is 32 bytes.
 */
export function encrypt(
  encType: EncType,
  key: Uint8Array,
  plaintext: Uint8Array,
  random: Random = systemRandom,
): Uint8Array {
  assertEncType(encType);
  assertSymmetricKey(key);
  return encryptWithIv(encType, key, random.bytes(ivLengthOf(encType)), plaintext);
}

/**
 * Splits `data` into its IV or nonce and ciphertext and decrypts it.
 *
 * Neither layout is authenticated, so a wrong key or altered data decrypts to garbage rather than failing;
 * callers compare the result with what they expect (the protocol always knows the plaintext).
 *
 * @throws CryptoError `CRYPTO_BAD_CIPHERTEXT` when `data` is shorter than the IV; `CRYPTO_BAD_KEY` unless the
 * key is 32 bytes.
 */
export function decrypt(encType: EncType, key: Uint8Array, data: Uint8Array): Uint8Array {
  assertEncType(encType);
  assertSymmetricKey(key);
  const ivLength = ivLengthOf(encType);
  if (!(data instanceof Uint8Array) || data.length < ivLength) {
    throw cryptoError(
      CryptoErrorCode.BAD_CIPHERTEXT,
      `A ${encType} ciphertext starts with a ${ivLength}-byte IV`,
      {
        details: { length: data instanceof Uint8Array ? data.length : undefined },
      },
    );
  }
  return keyStream(encType, key, data.subarray(0, ivLength), data.subarray(ivLength));
}
