import { describe, expect, it } from 'vitest';
import { bytesInput, toFileInput } from './source.js';

describe('file sources', () => {
  it('reads bytes, array buffers and blobs by range', async () => {
    const data = new Uint8Array([1, 2, 3, 4, 5]);
    const fromBytes = await toFileInput(data, { name: 'a.bin' });
    expect([fromBytes.name, fromBytes.size, await fromBytes.read(1, 3)]).toEqual([
      'a.bin',
      5,
      new Uint8Array([2, 3]),
    ]);
    const fromBuffer = await toFileInput(data.buffer);
    expect([fromBuffer.name, fromBuffer.size]).toEqual(['file', 5]);
    const file = new File([data], 'pic.png', { type: 'image/png' });
    const fromFile = await toFileInput(file);
    expect([fromFile.name, fromFile.mime, await fromFile.read(3, 5)]).toEqual([
      'pic.png',
      'image/png',
      new Uint8Array([4, 5]),
    ]);
    const blob = await toFileInput(new Blob([data]), { mime: 'x/y' });
    expect([blob.name, blob.mime]).toEqual(['file', 'x/y']);
  });

  it('keeps a FileInput, renaming it without losing its reader', async () => {
    const input = bytesInput(new Uint8Array([9]), 'one');
    expect(await toFileInput(input)).toBe(input);
    const renamed = await toFileInput(input, { name: 'two' });
    expect([renamed.name, await renamed.read(0, 1)]).toEqual(['two', new Uint8Array([9])]);
  });

  it('opens paths only with an opener, and refuses other values', async () => {
    await expect(toFileInput('/tmp/x')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const opened = await toFileInput('/tmp/x', {}, async (path) => bytesInput(new Uint8Array(2), path));
    expect(opened.name).toBe('/tmp/x');
    await expect(toFileInput(42 as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(toFileInput(bytesInput(new Uint8Array(1)), { name: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});
