import { describe, expect, it } from 'vitest';
import { bytesInput } from '../files/source.js';
import { imageSize } from './image-size.js';
import { mimeFromName, sniffImageMime } from './mime.js';

function png(width: number, height: number): Uint8Array {
  const out = new Uint8Array(33);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, width);
  new DataView(out.buffer).setUint32(20, height);
  return out;
}
function gif(width: number, height: number): Uint8Array {
  const out = new Uint8Array(13);
  out.set(new TextEncoder().encode('GIF89a'));
  new DataView(out.buffer).setUint16(6, width, true);
  new DataView(out.buffer).setUint16(8, height, true);
  return out;
}
/** SOI, an APP1 segment of `appBytes`, optional fill bytes, SOF2 with the size, then SOS. */
function jpeg(width: number, height: number, appBytes = 100, fill = 0): Uint8Array {
  const parts: number[] = [0xff, 0xd8, 0xff, 0xe1, (appBytes + 2) >> 8, (appBytes + 2) & 0xff];
  for (let i = 0; i < appBytes; i += 1) parts.push(0xff);
  for (let i = 0; i < fill; i += 1) parts.push(0xff);
  parts.push(0xff, 0xc2, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3);
  for (let i = 0; i < 9; i += 1) parts.push(0);
  parts.push(0xff, 0xda, 0, 2);
  return new Uint8Array(parts);
}

describe('image headers', () => {
  it('reads PNG, GIF and JPEG sizes', async () => {
    expect(await imageSize(bytesInput(png(640, 480)))).toEqual({ width: 640, height: 480 });
    expect(await imageSize(bytesInput(gif(32, 16)))).toEqual({ width: 32, height: 16 });
    expect(await imageSize(bytesInput(jpeg(1920, 1080)))).toEqual({ width: 1920, height: 1080 });
  });

  it('walks large JPEG metadata segments by their lengths, reading only headers', async () => {
    const data = jpeg(300, 200, 60_000, 3);
    const reads: number[] = [];
    const input = bytesInput(data);
    const size = await imageSize({
      size: input.size,
      read: (start, end) => {
        reads.push(end - start);
        return input.read(start, end);
      },
    });
    expect(size).toEqual({ width: 300, height: 200 });
    expect(Math.max(...reads)).toBeLessThanOrEqual(26);
  });

  it('gives undefined for other or damaged data, never throwing', async () => {
    expect(
      await imageSize(bytesInput(new TextEncoder().encode('just some text, not an image'))),
    ).toBeUndefined();
    expect(await imageSize(bytesInput(png(640, 480).subarray(0, 20)))).toBeUndefined();
    expect(await imageSize(bytesInput(png(0, 480)))).toBeUndefined();
    expect(await imageSize(bytesInput(jpeg(10, 10).subarray(0, 40)))).toBeUndefined();
    expect(
      await imageSize(bytesInput(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 0, 0, 0, 0]))),
    ).toBeUndefined();
    expect(await imageSize(bytesInput(new Uint8Array(0)))).toBeUndefined();
    const failing = { size: 100, read: async () => Promise.reject(new Error('io')) };
    expect(await imageSize(failing)).toBeUndefined();
  });

  it('tells MIME types from headers and names', () => {
    expect(sniffImageMime(png(1, 1))).toBe('image/png');
    expect(sniffImageMime(gif(1, 1))).toBe('image/gif');
    expect(sniffImageMime(jpeg(1, 1))).toBe('image/jpeg');
    expect(sniffImageMime(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageMime(new Uint8Array(4))).toBeUndefined();
    expect(mimeFromName('Voice.AMR')).toBe('audio/amr');
    expect(mimeFromName('noext')).toBeUndefined();
  });
});
