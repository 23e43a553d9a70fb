import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDigest, contentDigestInJs, nativeContentDigest } from './content-digest.js';

/** The definition: the first 8 bytes of SHA-256 over msgType (big-endian) and data, as a general hash gives them. */
function reference(msgType: number, data: Uint8Array): string {
  const input = new Uint8Array(4 + data.byteLength);
  new DataView(input.buffer).setUint32(0, msgType >>> 0);
  input.set(data, 4);
  return Buffer.from(sha256(input).subarray(0, 8)).toString('hex');
}

const native = nativeContentDigest();

describe.each([
  ['in JavaScript', contentDigestInJs],
  ['native', native ?? contentDigestInJs],
])('the content digest %s', (_, contentDigest) => {
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

describe('the content digest in use', () => {
  it('is the native one where Node offers a one-shot hash', () => {
    // Node 20.16 and later have both process.getBuiltinModule and crypto.hash: the fast path must be taken here.
    expect(native).toBeTypeOf('function');
    expect(contentDigest).not.toBe(contentDigestInJs);
  });

  it('falls back to JavaScript where the host has no process.getBuiltinModule', () => {
    const original = process.getBuiltinModule;
    try {
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
      expect(nativeContentDigest()).toBeUndefined();
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = () => ({});
      expect(nativeContentDigest()).toBeUndefined();
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = () => {
        throw new Error('no such module');
      };
      expect(nativeContentDigest()).toBeUndefined();
    } finally {
      process.getBuiltinModule = original;
    }
  });
});
