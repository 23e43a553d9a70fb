import { describe, expect, it } from 'vitest';
import { decodeByGoRules, decodeGoBase64 } from './go-base64.js';

/** A small deterministic generator, so a failure names an input that can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

describe('decodeGoBase64', () => {
  it('decodes what Go encodes exactly as the general decoder does, for every length and padding', () => {
    const next = generator(7);
    for (let length = 0; length < 70; length += 1) {
      for (let round = 0; round < 5; round += 1) {
        const bytes = Uint8Array.from({ length }, () => Math.floor(next() * 256));
        const text = Buffer.from(bytes).toString('base64');
        const decoded = decodeGoBase64(text, 'std');
        expect(decoded).toEqual(decodeByGoRules(text, 'std'));
        expect(decoded).toEqual({ ok: true, bytes });
      }
    }
  });

  it('gives malformed input the general decoder’s answer, error position included', () => {
    const next = generator(11);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \r\n*';
    const samples = ['QQ=', 'QQ===', '=QQQ', 'QQ=Q', 'QUJD\nRA==', 'QUJDRA==QQ==', 'Q', 'QUJDR', ''];
    for (let i = 0; i < 2000; i += 1) {
      const length = Math.floor(next() * 14);
      samples.push(Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    }
    for (const text of samples) expect(decodeGoBase64(text, 'std')).toEqual(decodeByGoRules(text, 'std'));
  });
});
