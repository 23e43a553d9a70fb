import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AbortError, InvalidArgumentError } from '@birdtalk/errors';
import { writeFileAtomic as writeFileAtomically } from '@birdtalk/runtime/node';
import { FeatureErrorCode } from '../feature-errors.js';
import type { FilesDeps, WriteFile } from './api.js';
import type { Md5Factory } from './md5.js';
import type { FileInput, SourceOptions } from './source.js';

/** Node's own MD5 (`node:crypto`), faster than the portable one. */
export const nodeMd5: Md5Factory = () => createHash('md5');

/**
 * A file on disk as an upload source. The size is taken now; each read opens the file, so nothing stays open
 * between chunks.
 *
 * @throws InvalidArgumentError `INVALID_FILE` when the path is not a readable regular file.
 */
export async function fileFromPath(path: string, options: SourceOptions = {}): Promise<FileInput> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (error) {
    throw new InvalidArgumentError(FeatureErrorCode.INVALID_FILE, `cannot read ${basename(path)}`, {
      cause: error,
      details: { name: basename(path) },
    });
  }
  return {
    name: options.name ?? basename(path),
    size,
    mime: options.mime,
    async read(start, end) {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(end - start);
        let offset = 0;
        while (offset < buffer.byteLength) {
          const { bytesRead } = await handle.read(buffer, offset, buffer.byteLength - offset, start + offset);
          if (bytesRead === 0) break;
          offset += bytesRead;
        }
        return offset === buffer.byteLength ? buffer : buffer.subarray(0, offset);
      } finally {
        await handle.close();
      }
    },
  };
}

/**
 * Writes a stream to `path` atomically: into a private temporary file next to it, flushed to disk, then renamed
 * over the target, so readers never see a partial file. The temporary file is removed on failure or abort.
 */
export const writeFileAtomic: WriteFile = async (path, body, options) => {
  try {
    return await writeFileAtomically(
      path,
      body,
      options.signal === undefined ? {} : { signal: options.signal },
    );
  } catch (error) {
    if (options.signal?.aborted) {
      throw new AbortError('the download was aborted', { cause: options.signal.reason });
    }
    throw error;
  }
};

/** Everything the files API needs on Node: `node:crypto` MD5, file paths as sources, downloads to files. */
export const nodeFilesDeps: FilesDeps = { md5: nodeMd5, openPath: fileFromPath, writeFile: writeFileAtomic };
