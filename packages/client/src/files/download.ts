import { makeDownloadToken } from '@birdtalk/crypto';
import { InvalidArgumentError, isBirdTalkError, TransportError } from '@birdtalk/errors';
import type { ClientContext } from '../context.js';
import { FeatureErrorCode, serverAnswer } from '../feature-errors.js';

/**
 * A name the server gives stored files: `YYYYMMDD_` + base36 (or decimal) + an optional extension of 1–16
 * characters with its dot. Only such names are requested: any other could make the
 * server's file lookup fail in a way it does not survive.
 */
export const STORED_NAME_PATTERN: RegExp = /^[0-9]{8}_[0-9a-z]{1,20}(?:\.[^\s/\\.?#%]{1,16})?$/;

/** How long a signed download URL stays valid: the Android client's 300 seconds. */
export const SIGNED_URL_LIFETIME_SECONDS = 300;

/** Whether `name` is a stored file name the server could have returned. */
export function isStoredName(name: unknown): name is string {
  return typeof name === 'string' && STORED_NAME_PATTERN.test(name);
}

/** @throws InvalidArgumentError `INVALID_STORED_NAME` unless {@link isStoredName}. */
export function checkStoredName(name: unknown): string {
  if (!isStoredName(name)) {
    throw new InvalidArgumentError(
      FeatureErrorCode.INVALID_STORED_NAME,
      'only stored names the server returned (YYYYMMDD_<id>.<ext>) can be downloaded',
      { details: { length: typeof name === 'string' ? name.length : null } },
    );
  }
  return name;
}

/** Which download route a URL uses. */
export type DownloadRoute = 'signed' | 'plain';

/**
 * The URL of a stored file: signed with the current key-exchange key
 * (`/filestore/download?u=<keyPrint>&sign=<token>`, valid for 300 s), or, without a key or
 * with `route: 'plain'`, the unauthenticated `/filestore/<name>`.
 */
export function downloadUrl(
  ctx: Pick<ClientContext, 'httpBaseUrl' | 'currentKey' | 'clock' | 'random'>,
  name: string,
  route?: DownloadRoute,
): { readonly url: string; readonly route: DownloadRoute } {
  const stored = checkStoredName(name);
  const base = ctx.httpBaseUrl.replace(/\/+$/, '');
  const key = route === 'plain' ? undefined : ctx.currentKey();
  if (key === undefined) {
    return { url: `${base}/filestore/${encodeURIComponent(stored)}`, route: 'plain' };
  }
  const expires = Math.floor(ctx.clock.now() / 1000) + SIGNED_URL_LIFETIME_SECONDS;
  const sign = makeDownloadToken(key.sharedKey, stored, expires, ctx.random);
  return {
    url: `${base}/filestore/download?u=${encodeURIComponent(key.keyPrint)}&sign=${sign}`,
    route: 'signed',
  };
}

/** The real server's 404 texts. */
const missing: ReadonlySet<string> = new Set(['File not found', 'filename not found']);

/**
 * GETs a stored file and resolves once the server answered 200, with the body as chunks.
 *
 * @throws ProtocolError `FILE_NOT_FOUND`, `DOWNLOAD_REFUSED` (signed URL refused: expired, unknown key print,
 * undecryptable token) or `DOWNLOAD_FAILED` (another status); TransportError from the HTTP client.
 */
export async function fetchStored(
  ctx: Pick<ClientContext, 'httpBaseUrl' | 'currentKey' | 'clock' | 'random' | 'httpGet'>,
  name: string,
  options: { readonly signal?: AbortSignal; readonly route?: DownloadRoute } = {},
): Promise<AsyncIterable<Uint8Array>> {
  const { url, route } = downloadUrl(ctx, name, options.route);
  const response = await ctx.httpGet(url, options.signal === undefined ? {} : { signal: options.signal });
  if (response.status === 200) return guardBody(response.body);
  const text = (await response.text().catch(() => '')).trim().slice(0, 200);
  const details = { status: response.status, route };
  if (response.status === 404 && missing.has(text)) {
    throw serverAnswer(FeatureErrorCode.FILE_NOT_FOUND, `no stored file ${name}`, 'download', text, details);
  }
  if (response.status === 404 && route === 'signed') {
    throw serverAnswer(
      FeatureErrorCode.DOWNLOAD_REFUSED,
      `the server refused the signed URL: "${text}"`,
      'download',
      text,
      details,
    );
  }
  throw serverAnswer(
    FeatureErrorCode.DOWNLOAD_FAILED,
    `the download answered HTTP ${response.status}`,
    'download',
    text,
    details,
  );
}

/** Makes sure a failing body stream rejects with a typed error, never a bare one. */
async function* guardBody(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body) yield chunk;
  } catch (error) {
    if (isBirdTalkError(error)) throw error;
    throw new TransportError('TRANSPORT_SOCKET_ERROR', 'the download broke off', { cause: error });
  }
}

/** Collects a body into one array, refusing more than `maxBytes`. */
export async function collect(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of body) {
    size += part.byteLength;
    if (size > maxBytes) {
      throw new InvalidArgumentError(
        FeatureErrorCode.DOWNLOAD_TOO_LARGE,
        `the file is larger than ${maxBytes} bytes`,
        {
          details: { maxBytes },
        },
      );
    }
    parts.push(part);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
