import { InvalidArgumentError, TransportError } from '@birdtalk/errors';
import type { HttpGet } from './context.js';

/**
 * The server's HTTP(S) origin for a WebSocket URL: `wss://host:port/ws` → `https://host:port`, `ws://` →
 * `http://`. Downloads (`/filestore/…`) live there.
 *
 * @throws InvalidArgumentError `INVALID_URL` for anything but a `ws:`, `wss:`, `http:` or `https:` URL.
 */
export function httpBaseUrlOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new InvalidArgumentError('INVALID_URL', 'the server URL is not a URL', { cause });
  }
  const protocol = { 'ws:': 'http:', 'wss:': 'https:', 'http:': 'http:', 'https:': 'https:' }[
    parsed.protocol
  ];
  if (protocol === undefined) {
    throw new InvalidArgumentError(
      'INVALID_URL',
      'the server URL must be ws://, wss://, http:// or https://',
      {
        details: { protocol: parsed.protocol },
      },
    );
  }
  return `${protocol}//${parsed.host}`;
}

/**
 * An {@link HttpGet} on the runtime's `fetch`, for browsers, Deno, Bun and Node servers with publicly trusted
 * certificates. (Node bots that pin a self-signed certificate use `@birdtalk/client/node`.)
 */
export function createFetchHttpGet(fetchImpl: typeof fetch = globalThis.fetch): HttpGet {
  return async (url, options) => {
    let response: Response;
    try {
      response = await fetchImpl(url, options.signal === undefined ? {} : { signal: options.signal });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new TransportError('HTTP_FAILED', 'the HTTP request failed', {
        cause,
        details: { url: redact(url) },
      });
    }
    const body = response.body;
    return {
      status: response.status,
      body: {
        async *[Symbol.asyncIterator]() {
          if (body === null) return;
          const reader = body.getReader();
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) return;
              yield value;
            }
          } finally {
            reader.releaseLock();
          }
        },
      },
      text: () => response.text(),
    };
  };
}

/** A URL for a log line or error: signed download URLs carry a token in the query. */
function redact(url: string): string {
  const index = url.indexOf('?');
  return index < 0 ? url : `${url.slice(0, index)}?…`;
}
