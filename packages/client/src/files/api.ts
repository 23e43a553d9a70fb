import { InvalidArgumentError } from '@birdtalk/errors';
import type { ClientContext } from '../context.js';
import { FeatureErrorCode, invalidArgument } from '../feature-errors.js';
import { collect, type DownloadRoute, downloadUrl, fetchStored, isStoredName } from './download.js';
import { type Md5Factory, portableMd5 } from './md5.js';
import { type FileInput, type FileSource, type OpenPath, type SourceOptions, toFileInput } from './source.js';
import { type UploadOptions, type UploadResult, uploadInput } from './upload.js';
import { uploadRegistryOf } from './upload-registry.js';

export type { UploadOptions, UploadResult } from './upload.js';

/** Writes a download to a file (supplied by the Node entry): atomically, resolving with the bytes written. */
export type WriteFile = (
  path: string,
  body: AsyncIterable<Uint8Array>,
  options: { readonly signal?: AbortSignal },
) => Promise<number>;

/** Platform pieces of the files API; the Node entry supplies all three. */
export interface FilesDeps {
  /** MD5 for uploads. @defaultValue the portable `@noble/hashes` one */
  readonly md5?: Md5Factory;
  /** Opens file paths given as upload sources. @defaultValue none: paths are refused */
  readonly openPath?: OpenPath;
  /** Writes downloads to files. @defaultValue none: `downloadToFile` is refused */
  readonly writeFile?: WriteFile;
}

/** Options of a download. */
export interface DownloadOptions {
  readonly signal?: AbortSignal;
  /**
   * `signed` (the default when a key exchange happened) or `plain` (`/filestore/<name>`, unauthenticated; the
   * default without a key).
   */
  readonly route?: DownloadRoute;
}

/** Uploads (in band) and downloads (HTTP). */
export interface FilesApi {
  /** Turns a source into a {@link FileInput} (name, size, MIME type, ranged reads). */
  source(source: FileSource, options?: SourceOptions): Promise<FileInput>;
  /**
   * Uploads a file; resolves with its stored name. See {@link UploadOptions} for progress, cancelling and
   * restarts; uploads of the same file name or the same content never collide on the server.
   */
  upload(source: FileSource, options?: UploadOptions): Promise<UploadResult>;
  /** The download URL of a stored file (signed ones expire after 300 s). */
  url(storedName: string, route?: DownloadRoute): string;
  /** Downloads a stored file as a stream of chunks, once the server answered. */
  download(storedName: string, options?: DownloadOptions): Promise<AsyncIterable<Uint8Array>>;
  /** Downloads a stored file into memory. @param options.maxBytes refuses larger files (default 64 MiB). */
  downloadBytes(
    storedName: string,
    options?: DownloadOptions & { readonly maxBytes?: number },
  ): Promise<Uint8Array>;
  /**
   * Downloads a stored file to a path (written to a temporary file first, then renamed). Only for clients made
   * by the Node entry; resolves with the size.
   */
  downloadToFile(storedName: string, path: string, options?: DownloadOptions): Promise<number>;
  /** Whether `name` has the form of a stored file name (the only names downloads accept). */
  isStoredName(name: string): boolean;
}

/** The default `maxBytes` of {@link FilesApi.downloadBytes}. */
export const DEFAULT_DOWNLOAD_MAX_BYTES = 64 * 1024 * 1024;

/** The default largest upload (the client option `maxUploadBytes`). */
export const DEFAULT_MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Creates the files API over a client context. */
export function createFilesApi(ctx: ClientContext, deps: FilesDeps = {}): FilesApi {
  const uploader = {
    session: ctx.session,
    registry: uploadRegistryOf(ctx.session),
    logger: ctx.logger,
    md5: deps.md5 ?? portableMd5,
  };
  const download = (name: string, options: DownloadOptions = {}) => fetchStored(ctx, name, options);
  return {
    source: (source, options) => toFileInput(source, options, deps.openPath),
    async upload(source, options = {}) {
      const input = await toFileInput(source, options, deps.openPath);
      const maxBytes = ctx.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
      if (input.size > maxBytes) {
        throw new InvalidArgumentError(
          FeatureErrorCode.FILE_TOO_LARGE,
          `${input.name} is ${input.size} bytes, over the upload limit of ${maxBytes}`,
          { details: { name: input.name, size: input.size, maxBytes } },
        );
      }
      return uploadInput(uploader, input, options);
    },
    url: (storedName, route) => downloadUrl(ctx, storedName, route).url,
    download,
    async downloadBytes(storedName, options = {}) {
      return collect(await download(storedName, options), options.maxBytes ?? DEFAULT_DOWNLOAD_MAX_BYTES);
    },
    async downloadToFile(storedName, path, options = {}) {
      if (deps.writeFile === undefined) {
        throw invalidArgument('path', 'downloads to files need a client made by the Node entry');
      }
      if (typeof path !== 'string' || path === '') throw invalidArgument('path', 'a path is required');
      const body = await download(storedName, options);
      return deps.writeFile(path, body, options.signal === undefined ? {} : { signal: options.signal });
    },
    isStoredName,
  };
}
