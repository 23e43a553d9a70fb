import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBirdTalkError } from '@birdtalk/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFilesApi } from '../../src/files/api.js';
import { nodeFilesDeps } from '../../src/files/node.js';
import { UPLOAD_CHUNK_BYTES, type UploadProgress } from '../../src/files/upload.js';
import { type Connected, type Harness, harness } from './harness.js';

let h: Harness;
let side: Connected;
beforeEach(async () => {
  h = await harness();
  side = await h.connect(await h.user('ada'));
});
afterEach(async () => {
  await h.finish();
});

function bytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('files against the reference server', () => {
  it('uploads a small file and downloads it by signed URL and by plain URL, byte-identical', async () => {
    const files = createFilesApi(side.ctx);
    const data = bytes(1234, 1);
    const done = await files.upload(data, { name: 'notes.txt', mime: 'text/plain' });
    expect(done).toMatchObject({ name: 'notes.txt', size: 1234, deduplicated: false });
    expect(done.md5).toBe(createHash('md5').update(data).digest('hex'));
    expect(files.isStoredName(done.storedName)).toBe(true);
    expect(files.url(done.storedName)).toContain('/filestore/download?u=');
    expect(same(await files.downloadBytes(done.storedName), data)).toBe(true);
    expect(same(await files.downloadBytes(done.storedName, { route: 'plain' }), data)).toBe(true);
    const record = h.server.listFiles().find((file) => file.storedName === done.storedName);
    expect(record).toMatchObject({ fileName: 'notes.txt', fileSize: '1234', hashCode: done.md5 });
  });

  it('uploads a large file in 1 MiB chunks, reporting progress', async () => {
    const files = createFilesApi(side.ctx);
    const data = bytes(2 * UPLOAD_CHUNK_BYTES + 4321, 2);
    const progress: UploadProgress[] = [];
    const done = await files.upload(new Blob([data]), {
      name: 'big.bin',
      onProgress: (p) => progress.push(p),
    });
    expect(progress.map((p) => [p.chunkIndex, p.sentBytes])).toEqual([
      [0, UPLOAD_CHUNK_BYTES],
      [1, 2 * UPLOAD_CHUNK_BYTES],
      [2, data.byteLength],
    ]);
    expect(same(await files.downloadBytes(done.storedName), data)).toBe(true);
  });

  it('stops at the first chunk when the server has the same file (sameok)', async () => {
    const files = createFilesApi(side.ctx);
    const data = bytes(UPLOAD_CHUNK_BYTES + 10, 3);
    const first = await files.upload(data, { name: 'one.bin' });
    const progress: UploadProgress[] = [];
    const second = await files.upload(data, { name: 'two.bin', onProgress: (p) => progress.push(p) });
    expect(second).toMatchObject({ storedName: first.storedName, deduplicated: true, name: 'two.bin' });
    expect(progress).toHaveLength(1);
    // A second client uploading the same file sees the same stored name.
    const other = createFilesApi((await h.connect(await h.user('bob'))).ctx);
    expect((await other.upload(data, { name: 'three.bin' })).storedName).toBe(first.storedName);
  });

  it('cancels an upload, then uploads the same file again on the same connection without losing it', async () => {
    const files = createFilesApi(side.ctx);
    const data = bytes(3 * UPLOAD_CHUNK_BYTES, 4);
    const controller = new AbortController();
    const cancelled = files.upload(data, {
      name: 'movie.mp4',
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    const done = await files.upload(data, { name: 'movie.mp4' });
    expect(done.deduplicated).toBe(false);
    // The abandoned upload is still pending on the server under its name: this one went out under another.
    expect(h.server.listFiles().find((f) => f.storedName === done.storedName)?.fileName).toBe('movie-2.mp4');
    expect(same(await files.downloadBytes(done.storedName), data)).toBe(true);
  });

  it('restarts from chunk 0 after losing the connection mid-upload', async () => {
    const files = createFilesApi(side.ctx);
    const data = bytes(3 * UPLOAD_CHUNK_BYTES + 1, 5);
    side.session.on('disconnected', () => h.server.faults.clear());
    const progress: UploadProgress[] = [];
    const done = await files.upload(data, {
      name: 'resume.bin',
      onProgress: (p) => {
        progress.push(p);
        if (p.chunkIndex === 1 && p.restarts === 0) h.server.faults.set({ dropProbability: 1 });
      },
    });
    expect(progress.at(-1)?.restarts).toBe(1);
    expect(progress.filter((p) => p.restarts === 1).map((p) => p.chunkIndex)).toEqual([0, 1, 2, 3]);
    expect(same(await files.downloadBytes(done.storedName), data)).toBe(true);
  });

  it('runs uploads of one name at the same time without mixing them up', async () => {
    const files = createFilesApi(side.ctx);
    const a = bytes(UPLOAD_CHUNK_BYTES + 7, 6);
    const b = bytes(UPLOAD_CHUNK_BYTES + 9, 7);
    const [first, second] = await Promise.all([
      files.upload(a, { name: 'x.dat' }),
      files.upload(b, { name: 'x.dat' }),
    ]);
    expect(same(await files.downloadBytes(first.storedName), a)).toBe(true);
    expect(same(await files.downloadBytes(second.storedName), b)).toBe(true);
  });

  it('reports missing files and refuses names the server never gave', async () => {
    const files = createFilesApi(side.ctx);
    const missing = await files.downloadBytes('20200101_nothing.bin').catch((e: unknown) => e);
    expect(isBirdTalkError(missing, 'FILE_NOT_FOUND')).toBe(true);
    await expect(files.download('../../etc/passwd')).rejects.toMatchObject({ code: 'INVALID_STORED_NAME' });
    await expect(files.downloadToFile('20200101_x.bin', '/tmp/x')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(files.upload('/etc/hostname')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('on Node: uploads from a path and downloads to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'birdtalk-features-'));
    try {
      const files = createFilesApi(side.ctx, nodeFilesDeps);
      const data = bytes(UPLOAD_CHUNK_BYTES + 99, 8);
      const source = join(dir, 'photo.jpg');
      await writeFile(source, data);
      const done = await files.upload(source);
      expect(done).toMatchObject({ name: 'photo.jpg', size: data.byteLength });
      expect(done.storedName.endsWith('.jpg')).toBe(true);
      const target = join(dir, 'copy.jpg');
      expect(await files.downloadToFile(done.storedName, target)).toBe(data.byteLength);
      expect(same(new Uint8Array(await readFile(target)), data)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
