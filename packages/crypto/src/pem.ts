import type { CryptoError } from '@birdtalk/errors';
import { hexToBytes } from '@noble/curves/utils.js';
import { decodeBase64, encodeBase64, standardPadded, utf8TextStrict } from './encoding.js';
import { CryptoErrorCode, cryptoError } from './errors.js';
import { assertPublicKey, uncompressedPointLength } from './point.js';

const beginLine = '-----BEGIN PUBLIC KEY-----';
const endLine = '-----END PUBLIC KEY-----';

/**
 * The fixed DER prefix of a P-256 SubjectPublicKeyInfo, up to the point:
 * SEQUENCE(89) { SEQUENCE(19) { OID id-ecPublicKey, OID prime256v1 }, BIT STRING(66) { 0 unused bits, … } }.
 */
const spkiPrefix = hexToBytes('3059301306072a8648ce3d020106082a8648ce3d030107034200');
const oidEcPublicKey = '1.2.840.10045.2.1';
const oidPrime256v1 = '1.2.840.10045.3.1.7';

const tagSequence = 0x30;
const tagOid = 0x06;
const tagBitString = 0x03;

/**
 * Exports a public key as a PEM `PUBLIC KEY` block, byte for byte as Go's `pem.EncodeToMemory` writes it:
 * base64 in 64-column lines, `\n` line endings and a trailing newline.
 *
 * @param publicKey - a 65-byte uncompressed P-256 point.
 * @throws CryptoError `CRYPTO_BAD_POINT` unless it is a valid uncompressed P-256 point.
 */
export function publicKeyToPem(publicKey: Uint8Array): string {
  assertPublicKey(publicKey);
  const der = new Uint8Array(spkiPrefix.length + uncompressedPointLength);
  der.set(spkiPrefix, 0);
  der.set(publicKey, spkiPrefix.length);
  const body = encodeBase64(der, standardPadded);
  let out = `${beginLine}\n`;
  for (let i = 0; i < body.length; i += 64) out += `${body.slice(i, i + 64)}\n`;
  return `${out}${endLine}\n`;
}

/**
 * Imports a PEM `PUBLIC KEY` block holding a P-256 SubjectPublicKeyInfo and returns its 65-byte uncompressed
 * point.
 *
 * Clients disagree on the armour, so the import is lenient about layout: any line length (Go's 64 columns, or
 * the single unwrapped line Android and the web client send), CRLF endings, and blank lines or spaces around
 * the block. It is strict about content, because the server must never be handed a key it would choke on.
 *
 * @param pem - the PEM text, or its UTF-8 bytes as `MsgKeyExchange.pubKey` carries it.
 * @throws CryptoError `CRYPTO_BAD_PEM` (no `PUBLIC KEY` block, or a body that is not base64),
 * `CRYPTO_BAD_DER` (not a well-formed SubjectPublicKeyInfo), `CRYPTO_UNSUPPORTED_KEY_TYPE` (not an EC key),
 * `CRYPTO_UNSUPPORTED_CURVE` (EC, but not P-256) or `CRYPTO_BAD_POINT` (compressed, or not on the curve).
 */
export function publicKeyFromPem(pem: string | Uint8Array): Uint8Array {
  const der = pemBody(pem);
  return pointFromSpki(der);
}

function badPem(message: string, details?: Record<string, unknown>): CryptoError {
  return cryptoError(CryptoErrorCode.BAD_PEM, message, details === undefined ? undefined : { details });
}

function pemBody(pem: string | Uint8Array): Uint8Array {
  const text = typeof pem === 'string' ? pem : pem instanceof Uint8Array ? utf8TextStrict(pem) : undefined;
  if (text === undefined) throw badPem('A PEM public key must be text or UTF-8 bytes');
  const trimmed = text.trim();
  if (trimmed === '') throw badPem('The PEM public key is empty');
  if (!trimmed.startsWith(beginLine)) {
    const label = /^-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(trimmed)?.[1];
    throw label === undefined
      ? badPem('The text is not PEM: it does not start with a BEGIN line')
      : badPem('The PEM block is not a PUBLIC KEY', { label });
  }
  if (!trimmed.endsWith(endLine)) throw badPem('The PEM public key has no END PUBLIC KEY line');
  // Everything between the armour lines is base64 split into lines of any length.
  const base64 = trimmed.slice(beginLine.length, trimmed.length - endLine.length).replace(/[ \t\r\n]/g, '');
  if (base64 === '') throw badPem('The PEM public key has an empty body');
  const der = decodeBase64(base64, { alphabet: 'standard', padding: 'optional' });
  if (der === undefined) throw badPem('The PEM body is not base64');
  return der;
}

interface Tlv {
  readonly tag: number;
  /** Offset of the first content byte. */
  readonly start: number;
  /** Offset just past the last content byte. */
  readonly end: number;
}

function badDer(message: string): CryptoError {
  return cryptoError(
    CryptoErrorCode.BAD_DER,
    `The public key is not a valid SubjectPublicKeyInfo: ${message}`,
  );
}

/** Reads one DER tag-length-value at `offset`, insisting on definite, minimally encoded lengths within `limit`. */
function readTlv(der: Uint8Array, offset: number, limit: number): Tlv {
  if (offset + 2 > limit) throw badDer('truncated');
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length >= 0x80) {
    const count = length & 0x7f;
    // 0x80 is BER's indefinite length; more than 2 length bytes is far beyond any public key.
    if (count === 0 || count > 2) throw badDer('unsupported length encoding');
    if (start + count > limit) throw badDer('truncated');
    length = 0;
    for (let i = 0; i < count; i += 1) length = (length << 8) | der[start + i]!;
    if (length < 0x80 || (count === 2 && length < 0x100)) throw badDer('non-minimal length');
    start += count;
  }
  if (start + length > limit) throw badDer('truncated');
  return { tag, start, end: start + length };
}

function expectTag(tlv: Tlv, tag: number, what: string): void {
  if (tlv.tag !== tag) throw badDer(`expected ${what}`);
}

/** The dotted text of a DER object identifier's content bytes. */
function oidText(der: Uint8Array, tlv: Tlv): string {
  if (tlv.end === tlv.start || (der[tlv.end - 1]! & 0x80) !== 0) throw badDer('malformed object identifier');
  const arcs: number[] = [];
  let value = 0;
  for (let i = tlv.start; i < tlv.end; i += 1) {
    const byte = der[i]!;
    if (value === 0 && byte === 0x80) throw badDer('malformed object identifier');
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER / 128) throw badDer('object identifier arc too large');
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0)
        arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/**
 * The point inside a SubjectPublicKeyInfo, checked the way Go's `x509.ParsePKIXPublicKey` plus the server's
 * `elliptic.P256()` use would need it: an EC key, on the named curve P-256, uncompressed and on the curve.
 */
function pointFromSpki(der: Uint8Array): Uint8Array {
  const outer = readTlv(der, 0, der.length);
  expectTag(outer, tagSequence, 'a SEQUENCE');
  if (outer.end !== der.length) throw badDer('trailing bytes');

  const algorithm = readTlv(der, outer.start, outer.end);
  expectTag(algorithm, tagSequence, 'an AlgorithmIdentifier');
  const algorithmOid = readTlv(der, algorithm.start, algorithm.end);
  expectTag(algorithmOid, tagOid, 'an algorithm OID');
  const algorithmName = oidText(der, algorithmOid);
  if (algorithmName !== oidEcPublicKey) {
    throw cryptoError(CryptoErrorCode.UNSUPPORTED_KEY_TYPE, 'The public key is not an elliptic-curve key', {
      details: { algorithm: algorithmName },
    });
  }
  // EC keys name their curve with an OID; explicit curve parameters are refused, as Go refuses them.
  const curve = algorithmOid.end < algorithm.end ? readTlv(der, algorithmOid.end, algorithm.end) : undefined;
  if (curve === undefined || curve.tag !== tagOid || curve.end !== algorithm.end) {
    throw cryptoError(CryptoErrorCode.UNSUPPORTED_CURVE, 'The EC public key does not name its curve');
  }
  const curveName = oidText(der, curve);
  if (curveName !== oidPrime256v1) {
    throw cryptoError(CryptoErrorCode.UNSUPPORTED_CURVE, 'The EC public key is not on P-256', {
      details: { curve: curveName },
    });
  }

  const bits = readTlv(der, algorithm.end, outer.end);
  expectTag(bits, tagBitString, 'a BIT STRING');
  if (bits.end !== outer.end) throw badDer('trailing bytes');
  if (bits.end === bits.start || der[bits.start] !== 0) throw badDer('malformed BIT STRING');
  const point = der.slice(bits.start + 1, bits.end);
  assertPublicKey(point);
  return point;
}
