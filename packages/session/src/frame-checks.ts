import { EncodeError, InvalidArgumentError, RefusedError } from '@birdtalk/errors';
import { type Int64, type Int64Input, toInt64 } from '@birdtalk/proto';

/**
 * Small validators shared by the frame builder. Each throws the typed error the builder promises
 * (`InvalidArgumentError` for a bad value, `RefusedError` for a request the real server must never see).
 */

/**
 * An `InvalidArgumentError` with a code. `section` (kept in `details.section`) locates the rule in the protocol
 * notes the SDK's tests are written against; the message itself states the rule.
 */
export function invalid(code: string, message: string, section: string): InvalidArgumentError {
  return new InvalidArgumentError(code, message, { details: { section } });
}

/** A `RefusedError` with a code; `section` as for {@link invalid}. */
export function refused(code: string, message: string, section: string): RefusedError {
  return new RefusedError(code, message, { details: { section } });
}

/** The exact decimal text of a caller's id, or `InvalidArgumentError INVALID_ID` naming the field. */
export function int64(value: Int64Input | undefined, field: string, fallback?: Int64): Int64 {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw invalid('INVALID_ID', `${field} is required`, '§3.2');
  }
  try {
    return toInt64(value);
  } catch (error) {
    if (error instanceof EncodeError) {
      throw new InvalidArgumentError('INVALID_ID', `${field} is not an exact 64-bit integer`, {
        cause: error,
        details: { field },
      });
    }
    throw error;
  }
}

/** Like {@link int64}, and the id must not be 0 (the server treats 0 as "absent"). */
export function nonZeroId(value: Int64Input | undefined, field: string): Int64 {
  const id = int64(value, field);
  if (id === '0') throw invalid('INVALID_ID', `${field} must not be 0`, '§3.2');
  return id;
}

/** A non-empty string, or `InvalidArgumentError`. */
export function nonEmpty(value: string | undefined, field: string, section: string): string {
  if (typeof value !== 'string' || value === '')
    throw invalid('INVALID_ARGUMENT', `${field} is required`, section);
  return value;
}

/** The DER prefix of an X.509 SubjectPublicKeyInfo for an uncompressed P-256 (prime256v1) point. */
const p256SpkiPrefix = Uint8Array.from([
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48,
  0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
]);
/** A whole SPKI: the prefix and the 64 bytes of X and Y. */
const p256SpkiLength = p256SpkiPrefix.length + 64;

/**
 * Whether `pem` is one PEM "PUBLIC KEY" block holding exactly an uncompressed P-256 SPKI. The server computes
 * on whatever curve the key names with P-256 arithmetic and panics on any other.
 */
export function isP256SpkiPem(pem: string): boolean {
  const match = /^\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----\s*$/.exec(pem);
  if (match === null) return false;
  const der = decodeBase64(match[1]!.replace(/\s+/g, ''));
  if (der === undefined || der.length !== p256SpkiLength) return false;
  return p256SpkiPrefix.every((byte, index) => der[index] === byte);
}

/** Standard, padded base64 (what the server's `base64.StdEncoding` accepts), or `undefined`. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  // A plain loop: Uint8Array.from() with a mapping function walks the string through an iterator and a call per
  // character, ten times slower, and every fast re-login checks its token through here.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A name the server gave a stored file: `YYYYMMDD_` + base36 (or decimal) + an optional extension with its dot
 *. Anything else could make the server's `os.Stat` fail in a way it does not handle
 *: a 300-byte name crashes it.
 */
export const storedFileNamePattern: RegExp = /^[0-9]{8}_[0-9a-z]{1,20}(?:\.[^\s/\\.]{1,16})?$/;
