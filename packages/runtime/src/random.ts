/**
 * A source of randomness, injected so tests and fault injection can be reproducible.
 */
export interface Random {
  /** `length` random bytes. Must be cryptographically strong in production: IVs and nonces come from here. */
  bytes(length: number): Uint8Array;
  /** A float in [0, 1), for jitter and sampling. */
  float(): number;
}

/** The runtime's cryptographically strong generator (`crypto.getRandomValues`). */
export const systemRandom: Random = {
  bytes(length) {
    const out = new Uint8Array(length);
    // getRandomValues fills at most 65536 bytes per call.
    for (let offset = 0; offset < length; offset += 65_536) {
      globalThis.crypto.getRandomValues(out.subarray(offset, Math.min(length, offset + 65_536)));
    }
    return out;
  },
  float() {
    const word = new Uint32Array(1);
    globalThis.crypto.getRandomValues(word);
    return word[0]! / 4_294_967_296;
  },
};

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
