import {
  type ClientRequest,
  request as httpRequest,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ConnectionOptions } from 'node:tls';
import { AbortError, isBirdTalkError, TransportError } from '@birdtalk/errors';
import { TransportErrorCode } from './errors.js';
import { describeUrl } from './internal/url.js';
import { createPinnedConnect, normalizePins, untrustedCertificateError } from './node-tls.js';

/** The TLS options of {@link createNodeHttpGet}: the same as the WebSocket connector's, and checked the same way. */
export interface NodeHttpGetOptions {
  /** Certificate authorities to trust instead of Node's built-in roots, in PEM. */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  /**
   * SHA-256 fingerprints of the server's leaf certificate (hex, colons and case as you like). With a pin, the
   * request goes out iff the server presents a matching certificate; chain, expiry and host name are not
   * checked. A mismatch fails with `TRANSPORT_TLS_PIN_MISMATCH` before a byte of the request is sent.
   */
  pinSha256?: string | readonly string[];
  /** Accepts any certificate from anyone. For local experiments only; pins, when given, are still enforced. */
  dangerouslyDisableTlsVerification?: boolean;
}

/** An HTTP response: its status and its body, as a stream of chunks or as text. */
export interface NodeHttpResponse {
  readonly status: number;
  /** The body; iterate it once. A broken connection rejects with a `TransportError`, an abort with an `AbortError`. */
  readonly body: AsyncIterable<Uint8Array>;
  /** The body as UTF-8 text (for error pages: at most 1 MiB is read). */
  text(): Promise<string>;
}

/** A minimal HTTP GET (the shape `@birdtalk/client` takes for downloads). */
export type NodeHttpGet = (
  url: string,
  options?: { readonly signal?: AbortSignal },
) => Promise<NodeHttpResponse>;

const maxTextBytes = 1 << 20;

function parseHttpUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new TransportError(TransportErrorCode.InvalidUrl, 'Expected an absolute http: or https: URL', {
      details: { url: describeUrl(url) },
    });
  }
  return parsed;
}

function aborted(signal: AbortSignal | undefined): AbortError {
  return new AbortError('The HTTP request was aborted', { cause: signal?.reason });
}

/** Explains a failed request the way the WebSocket connector explains a failed connection. */
function mapRequestError(error: unknown, url: string, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return aborted(signal);
  // A pin mismatch, raised by our own TLS connect function.
  if (isBirdTalkError(error)) return error as unknown as Error;
  const untrusted = untrustedCertificateError(error, url);
  if (untrusted !== undefined) return untrusted;
  const code = (error as { code?: unknown } | null)?.code;
  return new TransportError(TransportErrorCode.ConnectFailed, `The HTTP request to ${url} failed`, {
    cause: error,
    details: { url, ...(typeof code === 'string' ? { nodeCode: code } : {}) },
  });
}

async function* bodyOf(
  response: IncomingMessage,
  url: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of response) yield chunk as Uint8Array;
  } catch (error) {
    if (signal?.aborted) throw aborted(signal);
    throw new TransportError(TransportErrorCode.SocketError, `The response from ${url} broke off`, {
      cause: error,
      details: { url },
    });
  }
}

/**
 * Creates an HTTP GET for Node with the TLS verification and pinning of {@link createNodeConnector}: the same
 * options, the same checks, the same errors. The client uses it for downloads, so the files of a self-signed
 * server are fetched with exactly the trust its WebSocket connection has.
 *
 * Redirects are not followed. Failures reject with a `TransportError`: `TRANSPORT_INVALID_URL`,
 * `TRANSPORT_CONNECT_FAILED`, `TRANSPORT_TLS_UNTRUSTED` or `TRANSPORT_TLS_PIN_MISMATCH`; an aborted signal
 * rejects with an `AbortError`.
 *
 * @example
 * ```ts
 * import { createNodeHttpGet } from '@birdtalk/transport/node';
 *
 * const get = createNodeHttpGet({ pinSha256: 'AB:CD:…' });
 * const response = await get('https://192.168.1.2:7817/filestore/20250101_3k9x.jpg');
 * for await (const chunk of response.body) console.log(chunk.byteLength);
 * ```
 *
 * @throws TypeError when a pin is not a SHA-256 fingerprint.
 */
export function createNodeHttpGet(options: NodeHttpGetOptions = {}): NodeHttpGet {
  const pins = normalizePins(options.pinSha256);
  const verify = options.dangerouslyDisableTlsVerification !== true;
  const ca =
    options.ca === undefined
      ? undefined
      : typeof options.ca === 'string' || Buffer.isBuffer(options.ca)
        ? options.ca
        : [...options.ca];

  return async (url, { signal } = {}) => {
    if (signal?.aborted) throw aborted(signal);
    const parsed = parseHttpUrl(url);
    const safeUrl = describeUrl(url);
    const secure = parsed.protocol === 'https:';
    const requestOptions: RequestOptions & ConnectionOptions = {
      method: 'GET',
      // Without an explicit port, a request with its own connect function would default to 80.
      defaultPort: secure ? 443 : 80,
      ...(signal === undefined ? {} : { signal }),
    };
    if (secure) {
      requestOptions.rejectUnauthorized = verify;
      if (ca !== undefined) requestOptions.ca = ca as ConnectionOptions['ca'];
    }
    if (secure && pins.size > 0) {
      // No agent: the pinned connect function makes the socket, and checks the pin before anything is sent.
      requestOptions.createConnection = createPinnedConnect(
        pins,
        safeUrl,
      ) as unknown as RequestOptions['createConnection'];
    } else {
      // A fresh agent per request: no pooled socket made under other TLS settings is ever reused.
      requestOptions.agent = false;
    }

    return new Promise<NodeHttpResponse>((resolve, reject) => {
      let request: ClientRequest;
      const onResponse = (response: IncomingMessage): void => {
        const body = bodyOf(response, safeUrl, signal);
        resolve({
          status: response.statusCode ?? 0,
          body,
          async text() {
            const parts: Uint8Array[] = [];
            let size = 0;
            for await (const part of body) {
              parts.push(part);
              size += part.byteLength;
              if (size >= maxTextBytes) {
                response.destroy();
                break;
              }
            }
            return Buffer.concat(parts).subarray(0, maxTextBytes).toString('utf8');
          },
        });
      };
      try {
        request = (secure ? httpsRequest : httpRequest)(parsed, requestOptions, onResponse);
      } catch (error) {
        reject(mapRequestError(error, safeUrl, signal));
        return;
      }
      request.on('error', (error) => reject(mapRequestError(error, safeUrl, signal)));
      request.end();
    });
  };
}
