import { describe, expect, it } from 'vitest';
import { lines } from './lines.js';
import { cut } from './notifier.js';

async function collect(chunks: Array<string | Uint8Array>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of lines(
    (async function* () {
      yield* chunks;
    })(),
  ))
    all.push(line);
  return all;
}

describe('lines', () => {
  it('splits at \\n and \\r\\n, across chunks, keeping a last line without a line end', async () => {
    expect(await collect(['one\ntw', 'o\r\nthree\n\nfour'])).toEqual(['one', 'two', 'three', '', 'four']);
  });

  it('decodes UTF-8 split inside a character', async () => {
    const bytes = new TextEncoder().encode('grüße\n');
    expect(await collect([bytes.subarray(0, 3), bytes.subarray(3)])).toEqual(['grüße']);
  });

  it('reads no further than the consumer asks', async () => {
    let pulled = 0;
    const input = (async function* () {
      for (const chunk of ['a\n', 'b\n', 'c\n']) {
        pulled += 1;
        yield chunk;
      }
    })();
    const iterator = lines(input);
    expect((await iterator.next()).value).toBe('a');
    expect(pulled).toBe(1);
    expect((await iterator.next()).value).toBe('b');
    expect(pulled).toBe(2);
  });
});

describe('cut', () => {
  it('keeps short lines and cuts long ones at a character boundary', () => {
    expect(cut('short', 10)).toBe('short');
    expect(cut('abcdefghijk', 10)).toBe('abcdefg…');
    expect(new TextEncoder().encode(cut('ééééééé', 10)).byteLength).toBeLessThanOrEqual(10);
    expect(cut('ééééééé', 10)).toBe('ééé…');
  });
});
