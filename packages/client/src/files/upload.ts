import { AbortError, InvalidArgumentError, isBirdTalkError } from '@birdtalk/errors';
import { type Int64, type Int64Input, toInt64 } from '@birdtalk/proto';
import type { Logger } from '@birdtalk/runtime';
import { type Session, SessionErrorCode } from '@birdtalk/session';
import { FeatureErrorCode, serverAnswer } from '../feature-errors.js';
import { type Md5Factory, toHex } from './md5.js';
import type { FileInput, SourceOptions } from './source.js';
import type { UploadRegistry } from './upload-registry.js';

/** The chunk size the server's own clients use; frames may not exceed 10 MiB. */
export const UPLOAD_CHUNK_BYTES = 1 << 20;

/** How far an upload got. */
export interface UploadProgress {
  /** Bytes the server acknowledged so far (back to 0 when the upload restarts). */
  readonly sentBytes: number;
  readonly totalBytes: number;
  /** The chunk just acknowledged. */
  readonly chunkIndex: number;
  readonly chunkCount: number;
  /** How many times the upload restarted from chunk 0 after losing its connection. */
  readonly restarts: number;
}

/** Options of an upload. */
export interface UploadOptions extends SourceOptions {
  /** Stored in the server's record of the file: 0 (default) for general files, else a chat or group id. */
  readonly groupId?: Int64Input;
  /** Called after every acknowledged chunk (and once for a deduplicated file). Exceptions are logged. */
  readonly onProgress?: (progress: UploadProgress) => void;
  /** Cancels the upload; it rejects with an `AbortError`. */
  readonly signal?: AbortSignal;
  /** Timeout of each chunk's request. @defaultValue the session's `requestTimeoutMs` */
  readonly timeoutMs?: number;
  /**
   * Restarts from chunk 0 after a lost connection (the server forgets an upload with its connection).
   * @defaultValue 3
   */
  readonly maxRestarts?: number;
}

/** A finished upload. */
export interface UploadResult {
  /** The server's name of the stored file: put it in messages and icons, download with it. */
  readonly storedName: string;
  /** The file name (the source's, or the one given). */
  readonly name: string;
  readonly size: number;
  /** The MIME type, when known. */
  readonly mime: string | undefined;
  /** Lower-case hex MD5 of the file. */
  readonly md5: string;
  /** The server had the same file already (`sameok`) and nothing but the first chunk was sent. */
  readonly deduplicated: boolean;
}

/** What the uploader works with. */
export interface UploaderDeps {
  readonly session: Session;
  readonly registry: UploadRegistry;
  readonly logger: Logger;
  readonly md5: Md5Factory;
}

/** The server's detail when a chunk after 0 arrives for an upload it does not know (a new connection). */
const noFirstChunk = 'should send truck 0 first';

class Restart extends Error {}

function aborted(signal: AbortSignal): AbortError {
  return new AbortError('the upload was aborted', { cause: signal.reason });
}

/** Reads exactly `[start, end)` of the input. */
async function readRange(input: FileInput, start: number, end: number): Promise<Uint8Array> {
  const bytes = await input.read(start, end);
  if (!(bytes instanceof Uint8Array) || bytes.byteLength !== end - start) {
    throw new InvalidArgumentError(FeatureErrorCode.INVALID_FILE, 'the file changed size while it was read', {
      details: { name: input.name, start, end },
    });
  }
  return bytes;
}

/** The lower-case hex MD5 of the whole input, read a chunk at a time. */
export async function hashInput(input: FileInput, md5: Md5Factory, signal?: AbortSignal): Promise<string> {
  const hash = md5();
  for (let start = 0; start < input.size; start += UPLOAD_CHUNK_BYTES) {
    if (signal?.aborted) throw aborted(signal);
    hash.update(await readRange(input, start, Math.min(input.size, start + UPLOAD_CHUNK_BYTES)));
  }
  return toHex(hash.digest());
}

/**
 * The name to send: the server derives the stored name's extension from it with Go's `filepath.Ext`, and only
 * stored names of the form `YYYYMMDD_<id>.<ext>` (1–16 characters, no dot, slash or space) can be downloaded
 * safely. Path separators and unusable extensions are therefore neutralised.
 */
export function wireFileName(name: string): string {
  const flat = name.replace(/[/\\]/g, '_');
  const dot = flat.lastIndexOf('.');
  if (dot < 0 || /^\.[^\s/\\.]{1,16}$/.test(flat.slice(dot))) return flat;
  return `${flat.slice(0, dot)}_${flat.slice(dot + 1)}`;
}

/**
 * Uploads a file in band: MD5 first, then 1 MiB chunks sent one at a time, each after the
 * previous one's reply. `sameok` ends it early with the stored name of an identical file. A lost connection
 * restarts it from chunk 0 on the next one. The exact size is always declared: a wrong one would poison the
 * server's dedupe record.
 *
 * @throws InvalidArgumentError `INVALID_FILE` for an empty file (the server refuses empty chunks).
 * @throws ProtocolError `UPLOAD_FAILED` when the server answers `fail`; `UPLOAD_RESTARTS_EXHAUSTED`.
 * @throws AbortError when `signal` aborts; TimeoutError when a chunk gets no answer in time.
 */
export async function uploadInput(
  deps: UploaderDeps,
  input: FileInput,
  options: UploadOptions = {},
): Promise<UploadResult> {
  const { session, registry } = deps;
  const { signal } = options;
  if (input.size === 0) {
    throw new InvalidArgumentError(FeatureErrorCode.INVALID_FILE, 'an empty file cannot be uploaded', {
      details: { name: input.name },
    });
  }
  const groupId: Int64 = options.groupId === undefined ? '0' : toInt64(options.groupId);
  const maxRestarts = options.maxRestarts ?? 3;
  if (signal?.aborted) throw aborted(signal);
  const md5 = await hashInput(input, deps.md5, signal);
  const total = input.size;
  const chunkCount = Math.ceil(total / UPLOAD_CHUNK_BYTES);
  const result = (storedName: string, deduplicated: boolean): UploadResult => ({
    storedName,
    name: input.name,
    size: total,
    mime: input.mime,
    md5,
    deduplicated,
  });
  const progress = (sentBytes: number, chunkIndex: number, restarts: number): void => {
    try {
      options.onProgress?.({ sentBytes, totalBytes: total, chunkIndex, chunkCount, restarts });
    } catch (error) {
      deps.logger.warn('an upload progress callback threw', { error: String(error) });
    }
  };

  const attempt = async (fileName: string, restarts: number): Promise<UploadResult> => {
    let connection = -1;
    for (let index = 0; index < chunkCount; index += 1) {
      // A chunk after 0 on another connection than chunk 0's is unknown there; start over.
      if (index > 0 && registry.connection !== connection) throw new Restart();
      if (signal?.aborted) throw aborted(signal);
      const start = index * UPLOAD_CHUNK_BYTES;
      const end = Math.min(total, start + UPLOAD_CHUNK_BYTES);
      const fileData = await readRange(input, start, end);
      let reply: Awaited<ReturnType<Session['upload']>>;
      try {
        reply = await session.upload(
          {
            fileName,
            fileSize: total,
            fileData,
            hashType: 'md5',
            hashCode: md5,
            fileType: input.mime ?? '',
            chunkIndex: index,
            chunkCount,
            chunkSize: UPLOAD_CHUNK_BYTES,
            groupId,
          },
          {
            ...(signal === undefined ? {} : { signal }),
            ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
          },
        );
      } catch (error) {
        // Either way the connection is gone, and the server forgot the upload with it.
        if (
          isBirdTalkError(error, SessionErrorCode.CONNECTION_LOST) ||
          isBirdTalkError(error, SessionErrorCode.PEER_SILENT)
        )
          throw new Restart();
        throw error;
      }
      // The reply came on the connection the chunk went out on.
      if (index === 0) connection = registry.connection;
      switch (reply.result) {
        case 'sameok':
          if (index === 0 && reply.uuidName !== '') {
            progress(total, index, restarts);
            return result(reply.uuidName, true);
          }
          break;
        case 'fileok':
          if (reply.uuidName !== '') {
            progress(total, index, restarts);
            return result(reply.uuidName, false);
          }
          break;
        case 'chunkok':
          if (index < chunkCount - 1) {
            progress(end, index, restarts);
            continue;
          }
          break;
        case 'fail':
          if (reply.detail === noFirstChunk) throw new Restart();
          throw serverAnswer(
            FeatureErrorCode.UPLOAD_FAILED,
            `the server refused the upload of ${input.name}: "${reply.detail}"`,
            'upload',
            reply.detail,
            { chunkIndex: index },
          );
        default:
          break;
      }
      throw serverAnswer(
        FeatureErrorCode.UPLOAD_FAILED,
        `unexpected answer "${reply.result}" to chunk ${index} of ${chunkCount}`,
        'upload',
        reply.detail,
        { chunkIndex: index, result: reply.result },
      );
    }
    throw serverAnswer(FeatureErrorCode.UPLOAD_FAILED, 'the upload ended without a stored name', 'upload');
  };

  // Identical content maps to the same stored path, so such uploads must not overlap.
  return registry.serialize(md5, async () => {
    const fileName = registry.reserve(wireFileName(input.name));
    let abandoned = false;
    try {
      for (let restarts = 0; ; restarts += 1) {
        try {
          return await attempt(fileName, restarts);
        } catch (error) {
          if (!(error instanceof Restart)) throw error;
          if (restarts >= maxRestarts) {
            throw serverAnswer(
              FeatureErrorCode.UPLOAD_RESTARTS_EXHAUSTED,
              `the upload of ${input.name} lost its connection ${restarts + 1} times`,
              'upload',
            );
          }
          deps.logger.info('restarting an upload from chunk 0', { restarts: restarts + 1 });
        }
      }
    } catch (error) {
      // A refused upload is gone from the server; anything else may still be pending on this connection.
      abandoned = !isBirdTalkError(error, FeatureErrorCode.UPLOAD_FAILED);
      throw error;
    } finally {
      registry.release(fileName, abandoned);
    }
  });
}
