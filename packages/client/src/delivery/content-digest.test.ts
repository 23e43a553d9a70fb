import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDigest } from './content-digest.js';

/** The definition: the first 8 bytes of SHA-256 over msgType (big-endian) and data, as a general hash gives them. */
function reference(msgType: number, data: Uint8Array): string {
  const input = new Uint8Array(4 + data.byteLength);
  new DataView(input.buffer).setUint32(0, msgType >>> 0);
  input.set(data, 4);
  return Buffer.from(sha256(input).subarray(0, 8)).toString('hex');
}

describe('the content digest', () => {
  it('is the first 64 bits of SHA-256 over msgType and data, for every padding case', () => {
    // Lengths around each block boundary: the length field fits in the last block or needs one more.
    for (let size = 0; size <= 200; size += 1) {
      const data = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff);
      for (const msgType of [0, 1, 5, 0x7fffffff, -1]) {
        expect(contentDigest(msgType, data), `${size} bytes, type ${msgType}`).toBe(reference(msgType, data));
      }
    }
  });

  it('matches SHA-256 on any content, also after a larger input grew its buffer (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.uint8Array({ maxLength: 3000 }), (msgType, data) => {
        expect(contentDigest(msgType, data)).toBe(reference(msgType, data));
      }),
    );
  });

  it('reads a view at its offset in a larger buffer', () => {
    const buffer = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const view = buffer.subarray(17, 140);
    expect(contentDigest(3, view)).toBe(reference(3, view.slice()));
  });
});
