import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from './utf8-slab.js';

const reference = new TextEncoder();

describe('UTF-8 encoding into a shared slab', () => {
  it('gives TextEncoder bytes, and earlier texts keep theirs while later ones are written (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.string({ unit: 'binary', maxLength: 60 }),
            fc.constantFrom('', '\ud800', 'a\udc00b', '\ud83d\ude00', 'é'.repeat(1500), 'x'.repeat(5000)),
          ),
          { maxLength: 300 },
        ),
        (texts) => {
          const encoded = texts.map(encodeUtf8);
          for (const [index, text] of texts.entries()) {
            expect(encoded[index], JSON.stringify(text).slice(0, 40)).toEqual(reference.encode(text));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
