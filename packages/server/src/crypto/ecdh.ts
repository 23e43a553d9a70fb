import { createECDH } from 'node:crypto';
import type { Random } from '@birdtalk/runtime';

const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
/** DER of `SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING (65-byte point) }` before the point. */
const P256_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');

const OID_EC = '2a8648ce3d0201';
const CURVES: Record<string, { name: string; coordinateBytes: number }> = {
  '2a8648ce3d030107': { name: 'prime256v1', coordinateBytes: 32 },
  '2b81040021': { name: 'secp224r1', coordinateBytes: 28 },
  '2b81040022': { name: 'secp384r1', coordinateBytes: 48 },
  '2b81040023': { name: 'secp521r1', coordinateBytes: 66 },
};
/** Key algorithms Go's x509 parses but that are not ECDSA (RSA, DSA, Ed25519, X25519). */
const OTHER_KNOWN_ALGORITHMS = new Set(['2a864886f70d010101', '2a8648ce380401', '2b6570', '2b656e']);

/** The server's ephemeral ECDH key pair for one key exchange. */
export interface ServerKeyPair {
  /** The PEM "PUBLIC KEY" block, laid out as Go's `pem.EncodeToMemory` writes it. */
  readonly publicKeyPem: string;
  /** The X coordinate of the shared point, 32 bytes with leading zeros kept. */
  sharedSecret(peerPoint: Uint8Array): Uint8Array;
}

/** Generates a P-256 key pair whose private scalar comes from `random`. */
export function generateServerKeyPair(random: Random): ServerKeyPair {
  const ecdh = createECDH('prime256v1');
  for (;;) {
    const candidate = random.bytes(32);
    const scalar = BigInt(`0x${Buffer.from(candidate).toString('hex')}`);
    if (scalar === 0n || scalar >= P256_ORDER) continue;
    ecdh.setPrivateKey(candidate);
    break;
  }
  const point = ecdh.getPublicKey();
  const der = Buffer.concat([P256_SPKI_PREFIX, point]);
  return {
    publicKeyPem: toPem(der),
    sharedSecret: (peerPoint) => new Uint8Array(ecdh.computeSecret(peerPoint)),
  };
}

function toPem(der: Buffer): string {
  const body = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN PUBLIC KEY-----\n${body}${body.endsWith('\n') ? '' : '\n'}-----END PUBLIC KEY-----\n`;
}

/** What a client's stage-1 public key turned out to be. */
export type PeerKey =
  | { kind: 'p256'; point: Uint8Array }
  | { kind: 'other-curve'; curve: string }
  | { kind: 'error'; error: string };

/**
 * Parses a client public key as the server's `parsePublicKey` does (PEM block of any type, then Go's
 * `x509.ParsePKIXPublicKey`, then a check for ECDSA), with Go's error texts where they are reproducible.
 *
 * A valid key on P-224, P-384 or P-521 comes back as `other-curve`: the real server then calls P-256
 * `ScalarMult` with it and panics.
 */
export function parsePeerPublicKey(pemBytes: Uint8Array): PeerKey {
  const der = pemBlockBody(Buffer.from(pemBytes).toString('latin1'));
  if (der === undefined) return { kind: 'error', error: 'failed to decode PEM block containing public key' };
  const parsed = parseSpki(der);
  if (typeof parsed === 'string') return { kind: 'error', error: `failed to parse public key: ${parsed}` };
  if (parsed.algorithm !== OID_EC) {
    if (OTHER_KNOWN_ALGORITHMS.has(parsed.algorithm)) {
      return { kind: 'error', error: 'failed to convert to ECDSA public key' };
    }
    return { kind: 'error', error: 'failed to parse public key: x509: unknown public key algorithm' };
  }
  if (parsed.curve === undefined) {
    return { kind: 'error', error: 'failed to parse public key: x509: invalid ECDSA parameters' };
  }
  const curve = CURVES[parsed.curve];
  if (curve === undefined)
    return { kind: 'error', error: 'failed to parse public key: x509: unsupported elliptic curve' };
  const point = parsed.key;
  if (point.length !== 1 + 2 * curve.coordinateBytes || point[0] !== 4 || !isOnCurve(curve.name, point)) {
    return {
      kind: 'error',
      error: 'failed to parse public key: x509: failed to unmarshal elliptic curve point',
    };
  }
  if (curve.name !== 'prime256v1') return { kind: 'other-curve', curve: curve.name };
  return { kind: 'p256', point };
}

function isOnCurve(curve: string, point: Uint8Array): boolean {
  try {
    const probe = createECDH(curve);
    probe.generateKeys();
    probe.computeSecret(point);
    return true;
  } catch {
    return false;
  }
}

/** Go's `pem.Decode`: the first `-----BEGIN X-----` … `-----END X-----` block whose body is valid base64. */
function pemBlockBody(text: string): Buffer | undefined {
  const match = /-----BEGIN ([^\n\r]*?)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (match === null) return undefined;
  let body = match[2] ?? '';
  // Optional RFC 1421 headers end at the first blank line.
  if (/^[^\n]*:/.test(body)) {
    const blank = body.search(/\r?\n\r?\n/);
    if (blank < 0) return undefined;
    body = body.slice(blank).trimStart();
  }
  const compact = body.replace(/[\s]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return Buffer.from(compact, 'base64');
}

interface Spki {
  algorithm: string;
  curve: string | undefined;
  key: Uint8Array;
}

/** A minimal DER reader for SubjectPublicKeyInfo; returns Go-like error text on failure. */
function parseSpki(der: Buffer): Spki | string {
  const outer = readTlv(der, 0);
  if (outer === undefined || outer.tag !== 0x30) return "asn1: structure error: tags don't match";
  if (outer.end !== der.length) return 'x509: trailing data after ASN.1 of public-key';
  const algorithmSeq = readTlv(der, outer.start);
  if (algorithmSeq === undefined || algorithmSeq.tag !== 0x30)
    return "asn1: structure error: tags don't match";
  const oid = readTlv(der, algorithmSeq.start);
  if (oid === undefined || oid.tag !== 0x06) return "asn1: structure error: tags don't match";
  let curve: string | undefined;
  if (oid.end < algorithmSeq.end) {
    const params = readTlv(der, oid.end);
    if (params === undefined) return 'asn1: syntax error: data truncated';
    if (params.tag === 0x06) curve = der.subarray(params.start, params.end).toString('hex');
  }
  const bits = readTlv(der, algorithmSeq.end);
  if (bits === undefined || bits.tag !== 0x03 || bits.end - bits.start < 1) {
    return "asn1: structure error: tags don't match";
  }
  return {
    algorithm: der.subarray(oid.start, oid.end).toString('hex'),
    curve,
    key: new Uint8Array(der.subarray(bits.start + 1, bits.end)),
  };
}

function readTlv(buf: Buffer, offset: number): { tag: number; start: number; end: number } | undefined {
  if (offset + 2 > buf.length) return undefined;
  const tag = buf[offset]!;
  let length = buf[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > buf.length) return undefined;
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + buf[start + i]!;
    start += count;
  }
  const end = start + length;
  if (end > buf.length) return undefined;
  return { tag, start, end };
}
