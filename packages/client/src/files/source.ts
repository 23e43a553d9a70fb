import { invalidArgument } from '../feature-errors.js';

/**
 * A file to upload, read by ranges: the uploader reads it twice (once for the MD5 every chunk carries, once
 * to send it), 1 MiB at a time, so large files are never held in memory whole.
 */
export interface FileInput {
  /** The file name to suggest to receivers; its extension becomes the stored name's. */
  readonly name: string;
  /** The exact size in bytes (the server keeps it as the dedupe reference). */
  readonly size: number;
  /** The MIME type, when known. */
  readonly mime: string | undefined;
  /** Bytes `[start, end)`; must return exactly `end - start` bytes. */
  read(start: number, end: number): Promise<Uint8Array>;
}

/**
 * What can be uploaded: bytes, a `Blob` (or `File`), a {@link FileInput}, or — with the Node entry's
 * `openPath` — a file path.
 */
export type FileSource = Uint8Array | ArrayBuffer | Blob | FileInput | string;

/** How a source is named and typed when it does not say itself. */
export interface SourceOptions {
  /** Overrides the source's own name. @defaultValue the `File`'s or path's name, else `"file"` */
  readonly name?: string;
  /** Overrides the source's own type. */
  readonly mime?: string;
}

/** Opens a file path (supplied by the Node entry; absent in browsers). */
export type OpenPath = (path: string, options?: SourceOptions) => Promise<FileInput>;

/** Wraps bytes as a {@link FileInput}. */
export function bytesInput(bytes: Uint8Array, name = 'file', mime?: string): FileInput {
  return {
    name,
    size: bytes.byteLength,
    mime,
    read: async (start, end) => bytes.subarray(start, end),
  };
}

function isBlob(value: unknown): value is Blob {
  if (typeof Blob !== 'undefined' && value instanceof Blob) return true;
  const candidate = value as { slice?: unknown; arrayBuffer?: unknown; size?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.slice === 'function' &&
    typeof candidate.arrayBuffer === 'function' &&
    typeof candidate.size === 'number'
  );
}

function isFileInput(value: unknown): value is FileInput {
  const candidate = value as Partial<FileInput> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.read === 'function' &&
    typeof candidate.name === 'string' &&
    typeof candidate.size === 'number'
  );
}

/**
 * Turns any {@link FileSource} into a {@link FileInput}.
 *
 * @throws InvalidArgumentError for anything else, for a path without `openPath`, or a size that is not a
 * whole number of bytes.
 */
export async function toFileInput(
  source: FileSource,
  options: SourceOptions = {},
  openPath?: OpenPath,
): Promise<FileInput> {
  let input: FileInput;
  if (typeof source === 'string') {
    if (openPath === undefined) {
      throw invalidArgument('source', 'file paths can only be uploaded by a client made by the Node entry');
    }
    input = await openPath(source, options);
  } else if (source instanceof Uint8Array) {
    input = bytesInput(source);
  } else if (source instanceof ArrayBuffer) {
    input = bytesInput(new Uint8Array(source));
  } else if (isBlob(source)) {
    const blob = source;
    const name = (blob as { name?: unknown }).name;
    input = {
      name: typeof name === 'string' && name !== '' ? name : 'file',
      size: blob.size,
      mime: blob.type === '' ? undefined : blob.type,
      read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
    };
  } else if (isFileInput(source)) {
    input = source;
  } else {
    throw invalidArgument('source', 'a file source is bytes, a Blob, a FileInput or (on Node) a path');
  }
  if (!Number.isSafeInteger(input.size) || input.size < 0) {
    throw invalidArgument('source', 'the file size must be a whole number of bytes');
  }
  const name = options.name ?? input.name;
  if (typeof name !== 'string' || name === '') throw invalidArgument('name', 'a file name must not be empty');
  const mime = options.mime ?? input.mime;
  if (name === input.name && mime === input.mime) return input;
  const original = input;
  return { name, size: original.size, mime, read: (start, end) => original.read(start, end) };
}
