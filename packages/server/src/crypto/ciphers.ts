import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import type { Random } from '@birdtalk/runtime';

/** A result that carries the real server's error text on failure. */
export type CryptResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

const UNSUPPORTED = 'not supported encrypt algorithm';

function aesAlgorithm(keyLength: number): string | undefined {
  if (keyLength === 16) return 'aes-128-ctr';
  if (keyLength === 24) return 'aes-192-ctr';
  if (keyLength === 32) return 'aes-256-ctr';
  return undefined;
}

/**
 * Encrypts a handshake proof as the server does: `IV(16) || AES-CTR` or `nonce(12) || ChaCha20` (IETF, block
 * counter 0, no tag). `encType` is matched case-insensitively; anything else fails like the server's
 * `encryptDataAuto`, which also covers the broken `twofish128` (the server only knows `"twofish"`).
 */
export function encryptProof(
  encType: string,
  key: Uint8Array,
  plaintext: Uint8Array,
  random: Random,
): CryptResult {
  const kind = encType.toLowerCase();
  if (kind === 'aes-ctr') {
    const algorithm = aesAlgorithm(key.length);
    if (algorithm === undefined) return { ok: false, error: `crypto/aes: invalid key size ${key.length}` };
    const iv = random.bytes(16);
    const cipher = createCipheriv(algorithm, key, iv);
    return { ok: true, bytes: concat(iv, cipher.update(plaintext), cipher.final()) };
  }
  if (kind === 'chacha20') {
    if (key.length !== 32) return { ok: false, error: 'chacha20: wrong key size' };
    const nonce = random.bytes(12);
    const cipher = createCipheriv('chacha20', key, chachaIv(nonce));
    return { ok: true, bytes: concat(nonce, cipher.update(plaintext), cipher.final()) };
  }
  return { ok: false, error: UNSUPPORTED };
}

/** Decrypts what {@link encryptProof} produces, failing with the real server's error texts. */
export function decryptProof(encType: string, key: Uint8Array, data: Uint8Array): CryptResult {
  const kind = encType.toLowerCase();
  if (kind === 'aes-ctr') {
    const algorithm = aesAlgorithm(key.length);
    if (algorithm === undefined) return { ok: false, error: `crypto/aes: invalid key size ${key.length}` };
    if (data.length < 16) return { ok: false, error: 'ciphertext too short' };
    const decipher = createDecipheriv(algorithm, key, data.subarray(0, 16));
    return { ok: true, bytes: concat(decipher.update(data.subarray(16)), decipher.final()) };
  }
  if (kind === 'chacha20') {
    if (data.length < 13) return { ok: false, error: 'too short, at least 13 bytes' };
    if (key.length !== 32) return { ok: false, error: 'chacha20: wrong key size' };
    const decipher = createDecipheriv('chacha20', key, chachaIv(data.subarray(0, 12)));
    return { ok: true, bytes: concat(decipher.update(data.subarray(12)), decipher.final()) };
  }
  return { ok: false, error: UNSUPPORTED };
}

/** OpenSSL's chacha20 takes a 16-byte IV: a 32-bit little-endian block counter (0 here), then the nonce. */
function chachaIv(nonce: Uint8Array): Uint8Array {
  const iv = new Uint8Array(16);
  iv.set(nonce, 4);
  return iv;
}

/**
 * Opens a signed-download token: `nonce(12) || AES-GCM(key, "expires|name")` with a 16-byte tag, already
 * base64-decoded. Returns `undefined` for every failure, which the server reports uniformly.
 */
export function openGcm(key: Uint8Array, raw: Uint8Array): Uint8Array | undefined {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) return undefined;
  if (raw.length < 12 + 16) return undefined;
  try {
    const algorithm = `aes-${key.length * 8}-gcm` as 'aes-256-gcm';
    const decipher = createDecipheriv(algorithm, key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return concat(decipher.update(raw.subarray(12, raw.length - 16)), decipher.final());
  } catch {
    return undefined;
  }
}

/** Lower-case hex MD5. */
export function md5Hex(data: Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

/** MD5 digest bytes. */
export function md5(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('md5').update(data).digest());
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
