import { type Random, systemRandom } from '@birdtalk/runtime';
import { gcm } from '@noble/ciphers/aes.js';
import { assertSymmetricKey } from './cipher.js';
import {
  concatBytes,
  decodeBase64,
  encodeBase64,
  hasLoneSurrogate,
  urlUnpadded,
  utf8Bytes,
  utf8TextStrict,
} from './encoding.js';
import { CryptoErrorCode, cryptoError } from './errors.js';

const nonceLength = 12;
const tagLength = 16;
const expiresPattern = /^[+-]?[0-9]+$/;

/** What a signed download token grants: one stored file, until a moment in Unix seconds. */
export interface DownloadGrant {
  /** Unix time, in seconds, after which the server refuses the token ("sign is expired"). */
  readonly expiresSeconds: number;
  /** The stored file name as the server knows it; may contain `|` and non-ASCII characters. */
  readonly fileName: string;
}

/**
 * Builds the `sign` parameter of `GET /filestore/download?u=<keyPrint>&sign=<token>` under a fresh nonce.
 *
 * The client makes this token itself with the key-exchange secret; the server only opens it.
 *
 * @param expiresSeconds - Unix time in seconds (the Android client uses now + 300).
 * @param random - the nonce source; {@link systemRandom} unless a test injects one.
 * @throws CryptoError `CRYPTO_BAD_KEY`, or `CRYPTO_BAD_ARGUMENT` for a bad expiry or file name.
 */
export function makeDownloadToken(
  key: Uint8Array,
  fileName: string,
  expiresSeconds: number,
  random: Random = systemRandom,
): string {
  assertSymmetricKey(key);
  return makeDownloadTokenWithNonce(key, random.bytes(nonceLength), fileName, expiresSeconds);
}

/**
 * Builds a download token with a caller-chosen 12-byte nonce: base64url, without padding, of
 * `nonce ‖ AES-256-GCM(key, nonce, "<expiresSeconds>|<fileName>") ‖ tag`. A GCM nonce must never repeat under
 * one key; outside tests use {@link makeDownloadToken}.
 *
 * @throws CryptoError `CRYPTO_BAD_KEY`; `CRYPTO_BAD_IV` unless the nonce is 12 bytes; `CRYPTO_BAD_ARGUMENT`
 * when the expiry is not a non-negative safe integer or the file name is empty or not valid Unicode.
 */
export function makeDownloadTokenWithNonce(
  key: Uint8Array,
  nonce: Uint8Array,
  fileName: string,
  expiresSeconds: number,
): string {
  assertSymmetricKey(key);
  if (!(nonce instanceof Uint8Array) || nonce.length !== nonceLength) {
    throw cryptoError(CryptoErrorCode.BAD_IV, `A download token needs a ${nonceLength}-byte nonce`);
  }
  if (!Number.isSafeInteger(expiresSeconds) || expiresSeconds < 0) {
    throw cryptoError(CryptoErrorCode.BAD_ARGUMENT, 'expiresSeconds must be a non-negative integer', {
      details: { argument: 'expiresSeconds' },
    });
  }
  // An unpaired surrogate would be encoded as U+FFFD and the token would name another file.
  if (typeof fileName !== 'string' || fileName === '' || hasLoneSurrogate(fileName)) {
    throw cryptoError(CryptoErrorCode.BAD_ARGUMENT, 'fileName must be a non-empty, well-formed string', {
      details: { argument: 'fileName' },
    });
  }
  const sealed = gcm(key, nonce).encrypt(utf8Bytes(`${expiresSeconds}|${fileName}`));
  return encodeBase64(concatBytes(nonce, sealed), urlUnpadded);
}

/**
 * Verifies and opens a download token, as the server's download handler does. The payload is split at the
 * first `|`, so file names keep any `|` of their own. Checking the expiry against a clock is left to the
 * caller.
 *
 * @throws CryptoError `CRYPTO_BAD_TOKEN` when it is not unpadded base64url, too short, or its payload is not
 * `<integer>|<name>`; `CRYPTO_TOKEN_AUTH_FAILED` when it was altered or made under another key;
 * `CRYPTO_BAD_KEY`.
 */
export function openDownloadToken(key: Uint8Array, token: string): DownloadGrant {
  assertSymmetricKey(key);
  const bytes = typeof token === 'string' ? decodeBase64(token, urlUnpadded) : undefined;
  if (bytes === undefined) {
    throw cryptoError(CryptoErrorCode.BAD_TOKEN, 'The download token is not unpadded base64url');
  }
  if (bytes.length < nonceLength + tagLength) {
    throw cryptoError(CryptoErrorCode.BAD_TOKEN, 'The download token is too short', {
      details: { length: bytes.length },
    });
  }
  let plaintext: Uint8Array;
  try {
    plaintext = gcm(key, bytes.subarray(0, nonceLength)).decrypt(bytes.subarray(nonceLength));
  } catch (cause) {
    throw cryptoError(CryptoErrorCode.TOKEN_AUTH_FAILED, 'The download token failed authentication', {
      cause,
    });
  }
  const text = utf8TextStrict(plaintext);
  const bar = text === undefined ? -1 : text.indexOf('|');
  if (text === undefined || bar < 0) {
    throw cryptoError(CryptoErrorCode.BAD_TOKEN, 'The download token payload is not "<expires>|<fileName>"');
  }
  const expiresText = text.slice(0, bar);
  // `+ 0` turns a "-0" expiry into 0.
  const expiresSeconds = Number(expiresText) + 0;
  // Go parses the expiry with strconv.ParseInt, which takes a sign and leading zeros; accept the same.
  if (!expiresPattern.test(expiresText) || !Number.isSafeInteger(expiresSeconds)) {
    throw cryptoError(CryptoErrorCode.BAD_TOKEN, 'The download token expiry is not an integer');
  }
  return { expiresSeconds, fileName: text.slice(bar + 1) };
}
