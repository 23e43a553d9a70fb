import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './frame-checks.js';

describe('decodeBase64', () => {
  it('decodes standard padded base64 to its bytes', () => {
    expect(decodeBase64('AAEC/w==')).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(decodeBase64('+/+/')).toEqual(new Uint8Array([251, 255, 191]));
    expect(decodeBase64('')).toEqual(new Uint8Array([]));
  });

  it.each(['AAE', 'A===', 'AA=A', 'AA A', 'AA-_', 'AAECAw'])('refuses %j', (text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });
});
