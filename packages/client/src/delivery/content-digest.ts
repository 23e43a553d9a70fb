/**
 * The digest of a message's content for its resend key (see `dedupKeys`): the first 64 bits, in hex, of SHA-256
 * over `msgType` (4 bytes, big-endian) and `data`. A digest, not a security measure.
 *
 * Every handled message needs one. Where the host has Node's one-shot `crypto.hash` (found through
 * `process.getBuiltinModule`, so that no bundle ever sees an import of `node:crypto`) it computes the hash
 * natively, about four times as fast as the code below (0.3 against 1.2 µs for a 100-byte text); elsewhere
 * (browsers, hosts without it) {@link contentDigestInJs} does. Both give the same keys, so stored windows stay
 * valid; a test holds both to a general SHA-256 implementation.
 */
export const contentDigest: (msgType: number, data: Uint8Array) => string =
  nativeContentDigest() ?? contentDigestInJs;

/** Node's one-shot hash function, when the host offers it. */
type OneShotHash = (algorithm: string, data: Uint8Array, outputEncoding: 'hex') => string;

/** {@link contentDigest} on Node's native SHA-256; undefined where the host has none. */
export function nativeContentDigest(): ((msgType: number, data: Uint8Array) => string) | undefined {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  let hash: OneShotHash | undefined;
  try {
    hash = (host?.getBuiltinModule?.('node:crypto') as { hash?: OneShotHash } | undefined)?.hash;
  } catch {
    return undefined;
  }
  if (typeof hash !== 'function') return undefined;
  const oneShot = hash;
  let input = new Uint8Array(256);
  return (msgType, data) => {
    const length = 4 + data.byteLength;
    if (input.length < length) input = new Uint8Array(Math.max(length, 2 * input.length));
    putInput(input, msgType, data);
    return oneShot('sha256', input.subarray(0, length), 'hex').slice(0, 16);
  };
}

/** Writes the digest's input at the start of `bytes`: `msgType` as 4 bytes, big-endian, then `data`. */
function putInput(bytes: Uint8Array, msgType: number, data: Uint8Array): void {
  const type = msgType >>> 0;
  bytes[0] = type >>> 24;
  bytes[1] = (type >>> 16) & 0xff;
  bytes[2] = (type >>> 8) & 0xff;
  bytes[3] = type & 0xff;
  bytes.set(data, 4);
}

/**
 * {@link contentDigest} in plain JavaScript: SHA-256 written for this one use. The input is padded in a buffer
 * kept between calls, the message schedule and the state live in preallocated arrays, and only two state words
 * are turned into text. A general-purpose hash object per message (what `@noble/hashes` makes) cost several
 * times as much, mostly in allocations.
 */
export function contentDigestInJs(msgType: number, data: Uint8Array): string {
  const length = 4 + data.byteLength;
  // The message, a 0x80 byte, zeros, and the length in bits (8 bytes, big-endian), in whole 64-byte blocks.
  const padded = (length + 9 + 63) & ~63;
  if (scratch.length < padded) scratch = new Uint8Array(Math.max(padded, 2 * scratch.length));
  const bytes = scratch;
  putInput(bytes, msgType, data);
  bytes[length] = 0x80;
  bytes.fill(0, length + 1, padded - 4);
  const bits = length * 8;
  // Inputs stay far below 2^32 bits (a frame is at most 10 MiB), but the high word is written all the same.
  bytes[padded - 5] = Math.floor(bits / 0x1_0000_0000) & 0xff;
  bytes[padded - 4] = bits >>> 24;
  bytes[padded - 3] = (bits >>> 16) & 0xff;
  bytes[padded - 2] = (bits >>> 8) & 0xff;
  bytes[padded - 1] = bits & 0xff;
  state.set(INITIAL);
  for (let offset = 0; offset < padded; offset += 64) compress(bytes, offset);
  return hex32(state[0]!) + hex32(state[1]!);
}

/** The SHA-256 round constants. */
// biome-ignore format: a table of constants, eight a line
const K = Uint32Array.of(
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
);

/** The SHA-256 initial state. */
// biome-ignore format: a table of constants
const INITIAL = Uint32Array.of(
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
);

const state = new Uint32Array(8);
const schedule = new Uint32Array(64);
let scratch = new Uint8Array(256);

/** One SHA-256 compression of the 64 bytes at `offset` into `state`. */
function compress(bytes: Uint8Array, offset: number): void {
  const w = schedule;
  for (let i = 0; i < 16; i += 1) {
    const at = offset + 4 * i;
    w[i] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  }
  for (let i = 16; i < 64; i += 1) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i += 1) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = state[0]! + a;
  state[1] = state[1]! + b;
  state[2] = state[2]! + c;
  state[3] = state[3]! + d;
  state[4] = state[4]! + e;
  state[5] = state[5]! + f;
  state[6] = state[6]! + g;
  state[7] = state[7]! + h;
}

function rotr(word: number, by: number): number {
  return (word >>> by) | (word << (32 - by));
}

function hex32(word: number): string {
  return word.toString(16).padStart(8, '0');
}
