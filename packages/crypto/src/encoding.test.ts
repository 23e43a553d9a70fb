import { seededRandom } from '@birdtalk/runtime';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64, hasLoneSurrogate, standardPadded, urlUnpadded } from './encoding.js';

const random = seededRandom(7);

describe('base64', () => {
  it('matches Node’s encoders for every length', () => {
    for (let length = 0; length < 70; length += 1) {
      const bytes = random.bytes(length);
      const standard = Buffer.from(bytes).toString('base64');
      const url = Buffer.from(bytes).toString('base64url');
      expect(encodeBase64(bytes, standardPadded)).toBe(standard);
      expect(encodeBase64(bytes, urlUnpadded)).toBe(url);
      expect(decodeBase64(standard, standardPadded)).toEqual(bytes);
      expect(decodeBase64(url, urlUnpadded)).toEqual(bytes);
      expect(
        decodeBase64(standard.replace(/=+$/, ''), { alphabet: 'standard', padding: 'optional' }),
      ).toEqual(bytes);
    }
  });

  it('enforces the padding rule of each format, as Go does', () => {
    expect(decodeBase64('YQ', standardPadded)).toBeUndefined();
    expect(decodeBase64('YQ==', urlUnpadded)).toBeUndefined();
    expect(decodeBase64('YQ=', standardPadded)).toBeUndefined();
    expect(decodeBase64('YQ===', standardPadded)).toBeUndefined();
    expect(decodeBase64('Y===', standardPadded)).toBeUndefined();
    expect(decodeBase64('YWJj=', { alphabet: 'standard', padding: 'optional' })).toBeUndefined();
    expect(decodeBase64('Y', urlUnpadded)).toBeUndefined();
  });

  it('refuses characters outside the alphabet, whitespace included', () => {
    expect(decodeBase64('+/+/', urlUnpadded)).toBeUndefined();
    expect(decodeBase64('-_-_', standardPadded)).toBeUndefined();
    expect(decodeBase64('YW Jj', standardPadded)).toBeUndefined();
    expect(decodeBase64('YWJj\n', standardPadded)).toBeUndefined();
    expect(decodeBase64('YWJé', standardPadded)).toBeUndefined();
    expect(decodeBase64('', standardPadded)).toEqual(new Uint8Array(0));
  });
});

describe('hasLoneSurrogate', () => {
  it('finds unpaired surrogates only', () => {
    expect(hasLoneSurrogate('中文名.png 😀')).toBe(false);
    expect(hasLoneSurrogate('a\ud800b')).toBe(true);
    expect(hasLoneSurrogate('\udc00')).toBe(true);
  });
});
