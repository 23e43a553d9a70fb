import { createHash } from 'node:crypto';
import { isBirdTalkError } from '@birdtalk/errors';
import { silentLogger } from '@birdtalk/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeSession, type Req } from '../../test/support/fake-context.js';
import { portableMd5, toHex } from './md5.js';
import { bytesInput } from './source.js';
import { hashInput, UPLOAD_CHUNK_BYTES, type UploadProgress, uploadInput, wireFileName } from './upload.js';
import { UploadRegistry } from './upload-registry.js';

const MiB = UPLOAD_CHUNK_BYTES;
const md5Hex = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
function bytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) out[i] = (i * 31 + seed) & 0xff;
  return out;
}

type Chunk = Req;
/** A session answering uploads like the server: chunkok until the last, then fileok (or a scripted reply). */
function uploadServer(script: (chunk: Chunk, n: number) => unknown = () => undefined) {
  let n = 0;
  const fake = fakeSession({
    upload: async (chunk: Chunk) => {
      n += 1;
      const scripted = await script(chunk, n);
      if (scripted !== undefined) return scripted;
      const last = chunk.chunkIndex === chunk.chunkCount - 1;
      return {
        fileName: chunk.fileName,
        sendId: '1',
        chunkIndex: chunk.chunkIndex,
        uuidName: last ? `20250101_abc${chunk.fileName.slice(chunk.fileName.lastIndexOf('.'))}` : '',
        result: last ? 'fileok' : 'chunkok',
        detail: last ? 'finish' : 'wait next',
      };
    },
  });
  const registry = new UploadRegistry(fake.session);
  fake.reconnect(1);
  const deps = { session: fake.session, registry, logger: silentLogger, md5: portableMd5 };
  return { ...fake, deps, registry };
}

describe('hashing', () => {
  it('is the lower-case hex MD5 of the whole file, read in chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (data) => {
        expect(await hashInput(bytesInput(data), portableMd5)).toBe(md5Hex(data));
        expect(toHex(portableMd5().digest())).toBe('d41d8cd98f00b204e9800998ecf8427e');
      }),
      { numRuns: 50 },
    );
    const big = bytes(2 * MiB + 17);
    expect(await hashInput(bytesInput(big), portableMd5)).toBe(md5Hex(big));
  });
});

describe('uploading', () => {
  it('sends 1 MiB chunks one after the other with the exact size and hash, reporting progress', async () => {
    const data = bytes(2 * MiB + 5);
    const { deps, calls } = uploadServer();
    const progress: UploadProgress[] = [];
    const done = await uploadInput(deps, bytesInput(data, 'clip.mp4', 'video/mp4'), {
      groupId: '20001',
      onProgress: (p) => progress.push(p),
    });
    expect(done).toEqual({
      storedName: '20250101_abc.mp4',
      name: 'clip.mp4',
      size: data.byteLength,
      mime: 'video/mp4',
      md5: md5Hex(data),
      deduplicated: false,
    });
    const sent = calls.map((c) => c.request as Chunk);
    expect(sent.map((c) => [c.chunkIndex, c.chunkCount, c.fileData.byteLength])).toEqual([
      [0, 3, MiB],
      [1, 3, MiB],
      [2, 3, 5],
    ]);
    for (const chunk of sent) {
      expect(chunk).toMatchObject({
        fileName: 'clip.mp4',
        fileSize: data.byteLength,
        hashType: 'md5',
        hashCode: md5Hex(data),
        fileType: 'video/mp4',
        groupId: '20001',
        chunkSize: MiB,
      });
    }
    expect(Buffer.compare(Buffer.concat(sent.map((c) => c.fileData)), data)).toBe(0);
    expect(progress.map((p) => p.sentBytes)).toEqual([MiB, 2 * MiB, data.byteLength]);
  });

  it('waits for each reply before sending the next chunk', async () => {
    let inFlight = 0;
    let most = 0;
    const { deps } = uploadServer(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      return undefined;
    });
    await uploadInput(deps, bytesInput(bytes(3 * MiB), 'a.bin'));
    expect(most).toBe(1);
  });

  it('stops at sameok and uses the stored name of the identical file', async () => {
    const { deps, calls } = uploadServer((chunk) => ({
      ...chunk,
      uuidName: '20240101_same.png',
      result: 'sameok',
      detail: 'find same one',
    }));
    const done = await uploadInput(deps, bytesInput(bytes(3 * MiB), 'a.png'));
    expect(done).toMatchObject({ storedName: '20240101_same.png', deduplicated: true });
    expect(calls).toHaveLength(1);
  });

  it('turns fail into a typed error', async () => {
    const { deps } = uploadServer((chunk) => ({
      ...chunk,
      uuidName: '',
      result: 'fail',
      detail: 'md5 hash code is not same',
    }));
    const error = await uploadInput(deps, bytesInput(bytes(10), 'a.txt')).catch((e: unknown) => e);
    expect(isBirdTalkError(error, 'UPLOAD_FAILED')).toBe(true);
    expect(error).toMatchObject({ name: 'ProtocolError', serverDetail: 'md5 hash code is not same' });
  });

  it('refuses empty files without sending anything', async () => {
    const { deps, calls } = uploadServer();
    await expect(uploadInput(deps, bytesInput(new Uint8Array(0)))).rejects.toMatchObject({
      code: 'INVALID_FILE',
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['lost', 'SESSION_CONNECTION_LOST'],
    ['ended because the server went silent', 'SESSION_PEER_SILENT'],
  ])('restarts from chunk 0 when the connection is %s', async (_how, code) => {
    const { deps, calls, reconnect } = uploadServer((_chunk, n) => {
      if (n === 2) {
        reconnect(2);
        throw Object.assign(new Error('lost'), { name: 'TransportError', code });
      }
      return undefined;
    });
    const restarts: number[] = [];
    await uploadInput(deps, bytesInput(bytes(2 * MiB + 1), 'a.bin'), {
      onProgress: (p) => restarts.push(p.restarts),
    });
    expect(calls.map((c) => (c.request as Chunk).chunkIndex)).toEqual([0, 1, 0, 1, 2]);
    expect(restarts).toEqual([0, 1, 1, 1]);
  });

  it('restarts when the connection changed between chunks, or the server forgot chunk 0', async () => {
    const changed = uploadServer();
    let once = true;
    const reconnectOnce = () => {
      if (once) changed.reconnect(2);
      once = false;
    };
    await uploadInput(changed.deps, bytesInput(bytes(MiB + 1), 'a.bin'), { onProgress: reconnectOnce });
    expect(changed.calls.map((c) => (c.request as Chunk).chunkIndex)).toEqual([0, 0, 1]);

    const forgot = uploadServer((chunk, n) =>
      n === 2 ? { ...chunk, uuidName: '', result: 'fail', detail: 'should send truck 0 first' } : undefined,
    );
    await uploadInput(forgot.deps, bytesInput(bytes(MiB + 1), 'a.bin'));
    expect(forgot.calls.map((c) => (c.request as Chunk).chunkIndex)).toEqual([0, 1, 0, 1]);
  });

  it('gives up after maxRestarts', async () => {
    const { deps, calls } = uploadServer((chunk) =>
      chunk.chunkIndex === 1
        ? { ...chunk, uuidName: '', result: 'fail', detail: 'should send truck 0 first' }
        : undefined,
    );
    await expect(
      uploadInput(deps, bytesInput(bytes(MiB + 1), 'a.bin'), { maxRestarts: 2 }),
    ).rejects.toMatchObject({
      code: 'UPLOAD_RESTARTS_EXHAUSTED',
    });
    expect(calls).toHaveLength(6);
  });

  it('cancels between chunks and keeps the abandoned name away from the next upload on that connection', async () => {
    const controller = new AbortController();
    const { deps, calls, reconnect } = uploadServer();
    const cancelled = uploadInput(deps, bytesInput(bytes(3 * MiB), 'same.bin'), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
    await uploadInput(deps, bytesInput(bytes(10, 7), 'same.bin'));
    expect((calls.at(-1)!.request as Chunk).fileName).toBe('same-2.bin');
    reconnect(3);
    await uploadInput(deps, bytesInput(bytes(10, 8), 'same.bin'));
    expect((calls.at(-1)!.request as Chunk).fileName).toBe('same.bin');
  });

  it('passes the signal to each chunk request', async () => {
    const controller = new AbortController();
    const { deps, calls } = uploadServer();
    await uploadInput(deps, bytesInput(bytes(5), 'a.bin'), { signal: controller.signal, timeoutMs: 500 });
    expect(calls[0]?.options).toEqual({ signal: controller.signal, timeoutMs: 500 });
    controller.abort();
    await expect(
      uploadInput(deps, bytesInput(bytes(5), 'a.bin'), { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(calls).toHaveLength(1);
  });

  it('gives concurrent uploads of one name different wire names, and runs identical content one at a time', async () => {
    const active = new Map<string, number>();
    let overlapSameHash = false;
    const { deps, calls } = uploadServer(async (chunk) => {
      const count = (active.get(chunk.hashCode) ?? 0) + 1;
      active.set(chunk.hashCode, count);
      if (count > 1) overlapSameHash = true;
      await new Promise((resolve) => setTimeout(resolve, 1));
      active.set(chunk.hashCode, (active.get(chunk.hashCode) ?? 1) - 1);
      return undefined;
    });
    await Promise.all([
      uploadInput(deps, bytesInput(bytes(MiB + 3, 1), 'photo.jpg')),
      uploadInput(deps, bytesInput(bytes(MiB + 3, 2), 'photo.jpg')),
      uploadInput(deps, bytesInput(bytes(MiB + 3, 1), 'other.jpg')),
    ]);
    expect(overlapSameHash).toBe(false);
    const names = new Set(calls.map((c) => (c.request as Chunk).fileName));
    expect(names).toEqual(new Set(['photo.jpg', 'photo-2.jpg', 'other.jpg']));
  });

  it('neutralises path separators and unusable extensions in the wire name', () => {
    expect(wireFileName('a/b\\c.png')).toBe('a_b_c.png');
    expect(wireFileName('archive.tar.gz')).toBe('archive.tar.gz');
    expect(wireFileName('notes.')).toBe('notes_');
    expect(wireFileName('x.this is not an ext')).toBe('x_this is not an ext');
    expect(wireFileName('x.abcdefghijklmnopq')).toBe('x_abcdefghijklmnopq');
    expect(wireFileName('README')).toBe('README');
  });
});
