/**
 * Node.js file helpers shared by every package that keeps state on disk (key stores, delivery state, downloads,
 * a bot's registered account): atomic, private writes.
 *
 * @example
 * ```ts
 * import { writeFileAtomic } from '@birdtalk/runtime/node';
 *
 * await writeFileAtomic('/var/lib/bot/state.json', '{"position":"7"}\n'); // 0600, never half-written
 * ```
 *
 * @packageDocumentation
 */

import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export { type BatchSettlers, createGroupCommit, type GroupCommit } from './group-commit.js';

/** Whether the platform has POSIX permission bits worth setting explicitly. */
const posixModes = process.platform !== 'win32';

/** Options of {@link writeFileAtomic} and {@link writeTempFile}. */
export interface AtomicWriteOptions {
  /**
   * Permission bits of the new file. Set explicitly after creation, because `open` applies the process umask.
   * @defaultValue `0o600`
   */
  readonly mode?: number;
  /** Stops a streamed write; the temp file is removed and nothing replaces the target. */
  readonly signal?: AbortSignal;
}

/** Content to write: text, bytes, or a stream of chunks. */
export type FileContent = string | Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Writes `content` to a new, private temp file beside `path` (same directory, so a rename can replace `path`),
 * flushed to disk. Returns the temp file's path and the number of bytes written; on failure the temp file is
 * removed and the error rethrown.
 */
export async function writeTempFile(
  path: string,
  content: FileContent,
  options: AtomicWriteOptions = {},
): Promise<{ readonly temp: string; readonly bytes: number }> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = options.mode ?? 0o600;
  const handle = await open(temp, 'wx', mode);
  let bytes = 0;
  try {
    try {
      if (posixModes) await handle.chmod(mode);
      if (typeof content === 'string' || content instanceof Uint8Array) {
        const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        await handle.writeFile(data);
        bytes = data.byteLength;
      } else {
        for await (const chunk of content) {
          options.signal?.throwIfAborted();
          let offset = 0;
          while (offset < chunk.byteLength) {
            const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
            offset += bytesWritten;
          }
          bytes += chunk.byteLength;
        }
        options.signal?.throwIfAborted();
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { temp, bytes };
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Replaces `path` with `content` atomically: readers see the old file or the new one, never a partial one, and
 * after a crash the file is one or the other. Temp file, `fsync`, `rename`, then an `fsync` of the directory so
 * the rename itself survives a power loss. Returns the number of bytes written.
 */
export async function writeFileAtomic(
  path: string,
  content: FileContent,
  options: AtomicWriteOptions = {},
): Promise<number> {
  const { temp, bytes } = await writeTempFile(path, content, options);
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
  return bytes;
}

/**
 * Creates `path` with `content` only if it does not exist yet, atomically: of several writers racing, exactly
 * one wins and all see the same content afterwards. Returns whether this call created it.
 */
export async function writeFileIfAbsent(
  path: string,
  content: FileContent,
  options: AtomicWriteOptions = {},
): Promise<boolean> {
  const { temp } = await writeTempFile(path, content, options);
  try {
    await link(temp, path);
    await syncDirectory(dirname(path));
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Makes a rename or link in `directory` durable. Best effort: not every platform can fsync a directory. */
export async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the directory entry is best effort.
  }
}
