import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { portableMd5, toHex } from './md5.js';
import { fileFromPath, nodeMd5, writeFileAtomic } from './node.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'birdtalk-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* parts(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

describe('the Node file helpers', () => {
  it('read a file by ranges under its base name', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'hello, world');
    const input = await fileFromPath(path);
    expect([input.name, input.size]).toEqual(['notes.txt', 12]);
    expect(new TextDecoder().decode(await input.read(7, 12))).toBe('world');
    await expect(fileFromPath(dir)).rejects.toMatchObject({ code: 'INVALID_FILE' });
    await expect(fileFromPath(join(dir, 'missing'))).rejects.toMatchObject({ code: 'INVALID_FILE' });
  });

  it('write downloads atomically, owner-only, leaving nothing behind on failure', async () => {
    const target = join(dir, 'out.bin');
    expect(await writeFileAtomic(target, parts(new Uint8Array([1, 2]), new Uint8Array([3])), {})).toBe(3);
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([1, 2, 3]));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    const failing = (async function* () {
      yield new Uint8Array([9]);
      throw new Error('broken');
    })();
    await expect(writeFileAtomic(target, failing, {})).rejects.toThrow('broken');
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it('hash like the portable MD5', () => {
    const data = new TextEncoder().encode('birdtalk');
    const node = nodeMd5();
    node.update(data);
    const portable = portableMd5();
    portable.update(data);
    expect(toHex(node.digest())).toBe(toHex(portable.digest()));
  });
});
