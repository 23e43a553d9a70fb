/**
 * A source of randomness, injected so tests and fault injection can be reproducible.
 */
export interface Random {
  /** `length` random bytes. Must be cryptographically strong in production: IVs and nonces come from here. */
  bytes(length: number): Uint8Array;
  /** A float in [0, 1), for jitter and sampling. */
  float(): number;
}

/**
 * The runtime's cryptographically strong generator (`crypto.getRandomValues`).
 *
 * Small requests (IVs, nonces, jitter) are served from a block of 4 KiB drawn from the
 * platform's generator at once, as Node's own `randomUUID` does: on Node 20 each `getRandomValues` call costs
 * about 2 µs whatever its size, and a burst of thousands of re-logins asks for a few small values per session.
 * Every byte is handed out once and wiped from the block as it goes; requests larger than a block are filled
 * directly.
 */
export const systemRandom: Random = {
  bytes(length) {
    if (length <= MAX_POOLED_REQUEST) return pooled(length);
    const out = new Uint8Array(length);
    // getRandomValues fills at most 65536 bytes per call.
    for (let offset = 0; offset < length; offset += 65_536) {
      globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
    }
    return out;
  },
  float() {
    const word = pooled(4);
    return (((word[0]! << 24) | (word[1]! << 16) | (word[2]! << 8) | word[3]!) >>> 0) / 4_294_967_296;
  },
};

/** Bytes drawn from the platform's generator at once for small requests. */
const POOL_BYTES = 4096;
/** The largest request served from the pool. */
const MAX_POOLED_REQUEST = 256;
let pool: Uint8Array<ArrayBuffer> | undefined;
/** How much of the pool has been handed out (and wiped). */
let poolUsed = POOL_BYTES;

/** `length` (at most {@link MAX_POOLED_REQUEST}) bytes from the pool, refilled when it runs short. */
function pooled(length: number): Uint8Array {
  if (poolUsed + length > POOL_BYTES) {
    pool ??= new Uint8Array(POOL_BYTES);
    globalThis.crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  const start = poolUsed;
  poolUsed += length;
  const out = pool!.slice(start, poolUsed);
  pool!.fill(0, start, poolUsed);
  return out;
}

/**
 * A deterministic generator (mulberry32) for tests, soak runs and seeded fault injection. Never use it for keys,
 * IVs or nonces outside tests.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    bytes(length) {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i += 1) out[i] = Math.floor(next() * 256);
      return out;
    },
    float: next,
  };
}
