import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileIfAbsent } from './node.js';

async function dir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'runtime-node-'));
}

async function* chunks(parts: readonly string[], failAfter?: number): AsyncIterable<Uint8Array> {
  for (const [index, part] of parts.entries()) {
    if (index === failAfter) throw new Error('the source broke');
    yield new TextEncoder().encode(part);
  }
}

describe('writeFileAtomic', () => {
  it('replaces the file with private permissions whatever the umask, text, bytes or a stream', async () => {
    const root = await dir();
    const path = join(root, 'state.json');
    const previous = process.umask(0);
    try {
      expect(await writeFileAtomic(path, 'one')).toBe(3);
    } finally {
      process.umask(previous);
    }
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(path, Uint8Array.of(0x74, 0x77, 0x6f));
    expect(await readFile(path, 'utf8')).toBe('two');
    expect(await writeFileAtomic(path, chunks(['thr', 'ee']))).toBe(5);
    expect(await readFile(path, 'utf8')).toBe('three');
    expect(await readdir(root)).toEqual(['state.json']);
  });

  it('leaves the old file and no temp file behind when the content fails or is aborted', async () => {
    const root = await dir();
    const path = join(root, 'keep.txt');
    await writeFile(path, 'old');
    await expect(writeFileAtomic(path, chunks(['new', 'er'], 1))).rejects.toThrow('the source broke');
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(writeFileAtomic(path, chunks(['x']), { signal: controller.signal })).rejects.toThrow('stop');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(root)).toEqual(['keep.txt']);
  });
});

describe('writeFileIfAbsent', () => {
  it('lets exactly one of several racing writers create the file', async () => {
    const root = await dir();
    const path = join(root, 'device-id');
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((id) => writeFileIfAbsent(path, id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ['a', 'b', 'c', 'd'][results.indexOf(true)];
    expect(await readFile(path, 'utf8')).toBe(winner);
    expect(await writeFileIfAbsent(path, 'late')).toBe(false);
    expect(await readdir(root)).toEqual(['device-id']);
  });
});
