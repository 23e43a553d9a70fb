import { CryptoErrorCode, cryptoError } from './errors.js';

/**
 * The symmetric algorithms a key exchange can settle on. Both use the raw 32-byte ECDH secret as the key.
 *
 * The server also lists `twofish128`, but its own dispatcher only recognises `"twofish"`, so a twofish exchange
 * never completes; this package leaves it out on purpose.
 */
export type EncType = 'AES-CTR' | 'chacha20';

/**
 * Maps an `encType` string, as the protocol carries it, to an {@link EncType}.
 *
 * Matching is case-insensitive, as on the server, and an empty string means `AES-CTR`, the server's default.
 *
 * @throws CryptoError `CRYPTO_UNSUPPORTED_ENC_TYPE` for anything else.
 */
export function normalizeEncType(value: string): EncType {
  const lower = value.toLowerCase();
  if (lower === '' || lower === 'aes-ctr') return 'AES-CTR';
  if (lower === 'chacha20') return 'chacha20';
  throw cryptoError(
    CryptoErrorCode.UNSUPPORTED_ENC_TYPE,
    'Unsupported encType: only AES-CTR and chacha20 work',
    {
      details: { encType: value.slice(0, 32) },
    },
  );
}

/** Whether `value` is exactly one of the two {@link EncType} spellings. */
export function isEncType(value: unknown): value is EncType {
  return value === 'AES-CTR' || value === 'chacha20';
}
