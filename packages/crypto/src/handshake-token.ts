import { type Random, systemRandom } from '@birdtalk/runtime';
import { decrypt, encrypt } from './cipher.js';
import type { EncType } from './enc-type.js';
import { decodeBase64, encodeBase64, standardPadded, utf8Bytes, utf8TextLenient } from './encoding.js';
import { CryptoErrorCode, cryptoError } from './errors.js';

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const decimalPattern = /^(?:0|-?[1-9][0-9]*)$/;

/**
 * The decimal text the server compares against: Go's `strconv.FormatInt(Msg.tm, 10)`. The token must carry
 * exactly this string, so a `tm` that is not an int64 (or a number past 2^53, whose digits are already lost)
 * is refused rather than formatted approximately.
 */
export function timestampText(tm: string | number | bigint): string {
  if (typeof tm === 'number') {
    if (Number.isSafeInteger(tm)) return String(tm);
  } else if (typeof tm === 'bigint') {
    if (tm >= int64Min && tm <= int64Max) return tm.toString();
  } else if (typeof tm === 'string' && decimalPattern.test(tm)) {
    const value = BigInt(tm);
    if (value >= int64Min && value <= int64Max) return tm;
  }
  throw cryptoError(
    CryptoErrorCode.BAD_ARGUMENT,
    'tm must be a 64-bit integer (decimal text, bigint or safe number)',
    {
      details: { argument: 'tm' },
    },
  );
}

/**
 * The `tempKey` of a key-exchange stage 3 (and of the server's stage 2): `Enc(key, decimal tm)` as raw bytes,
 * IV or nonce first. `tm` must be the `Msg.tm` of the message that carries it — the server compares the two as
 * strings, with no tolerance and in whatever unit the client uses (milliseconds, like the server).
 *
 * @throws CryptoError `CRYPTO_BAD_ARGUMENT` for a `tm` that is not a 64-bit integer; `CRYPTO_BAD_KEY`.
 */
export function makeTempKey(
  encType: EncType,
  key: Uint8Array,
  tm: string | number | bigint,
  random: Random = systemRandom,
): Uint8Array {
  return encrypt(encType, key, utf8Bytes(timestampText(tm)), random);
}

/**
 * Decrypts a `tempKey` and returns its text, which the caller compares with `String(Msg.tm)`. The ciphertext is
 * not authenticated: under a wrong key the result is garbage that will not match.
 *
 * @throws CryptoError `CRYPTO_BAD_CIPHERTEXT` when it is shorter than its IV; `CRYPTO_BAD_KEY`.
 */
export function openTempKey(encType: EncType, key: Uint8Array, tempKey: Uint8Array): string {
  return utf8TextLenient(decrypt(encType, key, tempKey));
}

/**
 * The Hello `params.checkTokenData` of a reconnect with a stored keyPrint: the {@link makeTempKey} bytes in
 * standard, padded base64 (Go's `base64.StdEncoding`). The server offers no replay protection, so a fresh
 * `tm` per Hello is the client's only defence.
 *
 * @throws CryptoError `CRYPTO_BAD_ARGUMENT` for a `tm` that is not a 64-bit integer; `CRYPTO_BAD_KEY`.
 */
export function makeCheckToken(
  encType: EncType,
  key: Uint8Array,
  tm: string | number | bigint,
  random: Random = systemRandom,
): string {
  return encodeBase64(makeTempKey(encType, key, tm, random), standardPadded);
}

/**
 * Decodes and decrypts a check token and returns its text (the decimal `tm` it was made for, under the right
 * key). Like Go's decoder, line breaks inside the base64 are ignored.
 *
 * @throws CryptoError `CRYPTO_BAD_TOKEN` when it is not padded standard base64 or too short; `CRYPTO_BAD_KEY`.
 */
export function openCheckToken(encType: EncType, key: Uint8Array, token: string): string {
  const bytes =
    typeof token === 'string' ? decodeBase64(token.replace(/[\r\n]/g, ''), standardPadded) : undefined;
  if (bytes === undefined) {
    throw cryptoError(CryptoErrorCode.BAD_TOKEN, 'The check token is not padded standard base64');
  }
  try {
    return openTempKey(encType, key, bytes);
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === CryptoErrorCode.BAD_CIPHERTEXT) {
      throw cryptoError(CryptoErrorCode.BAD_TOKEN, 'The check token is too short to hold an IV', {
        cause: error,
        details: { length: bytes.length },
      });
    }
    throw error;
  }
}
