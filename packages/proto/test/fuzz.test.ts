import { describe, expect, it } from 'vitest';
import { decodeMsg, encodeMsg } from '../src/index.js';
import { goldenFrames } from './golden.js';

/** A small seeded generator (mulberry32), so every run feeds the same frames. */
function seeded(seed: number): { float(): number; bytes(n: number): Uint8Array } {
  let state = seed >>> 0;
  const float = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { float, bytes: (n) => Uint8Array.from({ length: n }, () => Math.floor(float() * 256)) };
}

describe('decodeMsg under hostile input', () => {
  it('random, truncated and bit-flipped frames give a decoded Msg or a DecodeError, never anything else', () => {
    const random = seeded(0xb1bd);
    const seeds = goldenFrames.map((frame) => encodeMsg(frame.message));
    let decoded = 0;
    let refused = 0;
    for (let i = 0; i < 30_000; i += 1) {
      let frame: Uint8Array;
      const kind = i % 3;
      if (kind === 0) {
        frame = random.bytes(Math.floor(random.float() * 64));
      } else {
        const seed = seeds[i % seeds.length]!;
        frame = Uint8Array.from(seed);
        if (kind === 1) frame = frame.subarray(0, Math.floor(random.float() * frame.length));
        else {
          const flips = 1 + Math.floor(random.float() * 4);
          for (let f = 0; f < flips; f += 1) {
            const at = Math.floor(random.float() * frame.length);
            frame[at] = frame[at]! ^ (1 << Math.floor(random.float() * 8));
          }
        }
      }
      try {
        decodeMsg(frame);
        decoded += 1;
      } catch (error) {
        expect(error).toMatchObject({ name: 'DecodeError' });
        refused += 1;
      }
    }
    expect(decoded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
