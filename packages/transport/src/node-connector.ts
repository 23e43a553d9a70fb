import type { ClientRequest, IncomingMessage } from 'node:http';
import { TransportError } from '@birdtalk/errors';
import { type ClientOptions, WebSocket } from 'ws';
import { systemTransportClock, type TransportClock } from './clock.js';
import { TransportErrorCode } from './errors.js';
import { connectAborted, watchedSignal } from './internal/abort.js';
import { assertTimeout, startConnectAttempt } from './internal/connect-attempt.js';
import { describeParsedUrl, describeUrl } from './internal/url.js';
import { createPinnedConnect, normalizePins, untrustedCertificateError } from './node-tls.js';
import { wrapNodeWebSocket } from './node-transport.js';
import type { Connector, Transport } from './transport.js';

/** Options of {@link createNodeConnector}. */
export interface NodeConnectorOptions {
  /**
   * How long a connection attempt (DNS, TCP, TLS and the HTTP upgrade together) may take before it fails with
   * `TRANSPORT_TIMEOUT`. `Infinity` disables the timeout.
   * @defaultValue 15000
   */
  connectTimeoutMs?: number;
  /**
   * The largest incoming frame, in bytes. A larger one is refused before it is buffered: the connection closes
   * with code 1009 and an `'error'` event with code `TRANSPORT_FRAME_TOO_LARGE`. The default matches the
   * BirdTalk server's own read limit.
   * @defaultValue 10485760 (10 MiB)
   */
  maxFrameBytes?: number;
  /**
   * Extra HTTP headers for the upgrade request (say, `User-Agent`, which the BirdTalk server reads to guess
   * the platform). Headers starting with `Sec-WebSocket-` are refused: they belong to the handshake.
   * @defaultValue none
   */
  headers?: Readonly<Record<string, string>>;
  /**
   * Certificate authorities to trust instead of Node's built-in roots, in PEM. A self-signed server's own
   * certificate works here, as long as it is valid for the host name and not expired.
   * @defaultValue Node's built-in roots
   */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  /**
   * SHA-256 fingerprints of the server's leaf certificate, as hex with or without colons, in any case. With a
   * pin, the connection succeeds iff the server presents a matching certificate: chain, expiry and host name
   * are not checked (pinning the exact certificate is stronger), which is how to trust the real BirdTalk
   * server's expired self-signed certificate. Give two pins to rotate a certificate without downtime. A
   * mismatch fails with `TRANSPORT_TLS_PIN_MISMATCH` before the HTTP upgrade request is sent.
   * @defaultValue none
   */
  pinSha256?: string | readonly string[];
  /**
   * Accepts any certificate from anyone, so the connection can be read and altered by whoever sits in
   * between. For local experiments only; prefer `pinSha256`. Pins, when given, are still enforced.
   * @defaultValue false
   */
  dangerouslyDisableTlsVerification?: boolean;
}

/** The collaborators of {@link createNodeConnector}. */
export interface NodeConnectorDeps {
  /**
   * Timers for the connect timeout; tests pass a fake clock.
   * @defaultValue the runtime's `setTimeout`
   */
  clock?: TransportClock;
}

/** The defaults of {@link NodeConnectorOptions}. */
export const DEFAULT_NODE_CONNECTOR_OPTIONS: {
  readonly connectTimeoutMs: number;
  readonly maxFrameBytes: number;
} = {
  connectTimeoutMs: 15_000,
  maxFrameBytes: 10 * 1024 * 1024,
};

function assertHeaders(headers: Readonly<Record<string, string>>): void {
  for (const name of Object.keys(headers)) {
    // A Sec-WebSocket-Protocol header would request a subprotocol the server never echoes (the handshake then
    // fails); Sec-WebSocket-Extensions would re-enable compression. Both are the connector's business.
    if (name.toLowerCase().startsWith('sec-websocket-')) {
      throw new TypeError(`The header ${name} belongs to the WebSocket handshake and cannot be set`);
    }
  }
}

function parseUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (
    parsed === undefined ||
    (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') ||
    parsed.hash !== ''
  ) {
    throw new TransportError(
      TransportErrorCode.InvalidUrl,
      'Expected an absolute ws: or wss: URL without a fragment',
      {
        details: { url: describeUrl(url) },
      },
    );
  }
  return parsed;
}

/**
 * Creates a {@link Connector} for Node, built on the `ws` package.
 *
 * - TLS certificates are verified by default; `ca`, `pinSha256` and, for experiments only,
 *   `dangerouslyDisableTlsVerification` change what is trusted (see {@link NodeConnectorOptions}).
 * - No subprotocol is requested and permessage-deflate is off: the BirdTalk server supports neither.
 * - Transports support WebSocket pings (`supportsPing` is `true`) and report pongs as `'pong'` events; the
 *   server's pings are answered automatically.
 *
 * Failures reject with a `TransportError`: `TRANSPORT_INVALID_URL`, `TRANSPORT_CONNECT_FAILED` (refused,
 * unreachable, HTTP status other than 101), `TRANSPORT_TIMEOUT`, `TRANSPORT_TLS_UNTRUSTED` (with the Node
 * error code in `details.nodeCode`) or `TRANSPORT_TLS_PIN_MISMATCH`; an aborted signal rejects with an
 * `AbortError`.
 *
 * @example
 * ```ts
 * import { createNodeConnector } from '@birdtalk/transport/node';
 *
 * const connect = createNodeConnector({ pinSha256: 'AB:CD:…' });
 * const transport = await connect('wss://192.168.1.2:7817/ws');
 * ```
 *
 * @throws TypeError when a pin is not a SHA-256 fingerprint or a header belongs to the handshake.
 * @throws RangeError when `connectTimeoutMs` or `maxFrameBytes` is not a positive number.
 */
export function createNodeConnector(
  options: NodeConnectorOptions = {},
  deps: NodeConnectorDeps = {},
): Connector {
  // A connector holds nothing but its settings: every call without any shares one, so a program that makes one
  // per session does not keep a closure and its scope per session for nothing.
  if (isEmpty(options) && isEmpty(deps)) {
    defaultConnector ??= nodeConnector({}, {});
    return defaultConnector;
  }
  return nodeConnector(options, deps);
}

/** The connector of {@link createNodeConnector} without options, made at its first call. */
let defaultConnector: Connector | undefined;

function isEmpty(object: object): boolean {
  for (const _ in object) return false;
  return true;
}

function nodeConnector(options: NodeConnectorOptions, deps: NodeConnectorDeps): Connector {
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_NODE_CONNECTOR_OPTIONS.connectTimeoutMs;
  assertTimeout(timeoutMs);
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_NODE_CONNECTOR_OPTIONS.maxFrameBytes;
  if (!Number.isSafeInteger(maxFrameBytes) || maxFrameBytes <= 0) {
    throw new RangeError(`maxFrameBytes must be a positive integer, got ${maxFrameBytes}`);
  }
  const headers = { ...options.headers };
  assertHeaders(headers);
  // Kept only when there are pins: a connector without any holds no empty set for its lifetime.
  const normalized = normalizePins(options.pinSha256);
  const pins = normalized.size > 0 ? normalized : undefined;
  const verify = options.dangerouslyDisableTlsVerification !== true;
  const ca =
    options.ca === undefined
      ? undefined
      : typeof options.ca === 'string' || Buffer.isBuffer(options.ca)
        ? options.ca
        : [...options.ca];
  const clock = deps.clock ?? systemTransportClock;

  return async (url, connectOptions = {}) => {
    const { cancelWith } = connectOptions;
    const signal = watchedSignal(connectOptions);
    if (signal?.aborted) throw connectAborted(signal);
    const parsed = parseUrl(url);
    const safeUrl = describeParsedUrl(parsed);

    const clientOptions: ClientOptions = {
      perMessageDeflate: false,
      maxPayload: maxFrameBytes,
      followRedirects: false,
      headers,
      rejectUnauthorized: verify,
      ...(ca === undefined ? {} : { ca }),
    };
    if (parsed.protocol === 'wss:' && pins !== undefined) {
      clientOptions.createConnection = createPinnedConnect(
        pins,
        safeUrl,
      ) as unknown as ClientOptions['createConnection'];
    }
    // The options object form: passing no protocols array means no Sec-WebSocket-Protocol header at all.
    const socket = new WebSocket(parsed, clientOptions);

    const attempt = startConnectAttempt<Transport>({
      url,
      signal,
      cancelWith,
      timeoutMs,
      clock,
      abandon: () => socket.terminate(),
    });
    // Until 'open' these explain a failure. Without an 'error' listener a late error would be thrown by ws's
    // EventEmitter as an uncaught exception, so they are removed only once the transport has its own.
    const onError = (error: Error): void => {
      attempt.reject(mapConnectError(error, safeUrl));
    };
    const onUnexpectedResponse = (request: ClientRequest, response: IncomingMessage): void => {
      attempt.reject(
        new TransportError(
          TransportErrorCode.ConnectFailed,
          `The server answered the upgrade request with HTTP ${response.statusCode}`,
          { details: { url: safeUrl, status: response.statusCode } },
        ),
      );
      request.destroy();
      socket.terminate();
    };
    const onClose = (code: number): void => {
      attempt.reject(
        new TransportError(TransportErrorCode.ConnectFailed, `Could not connect to ${safeUrl}`, {
          details: { url: safeUrl, closeCode: code },
        }),
      );
    };
    socket.on('error', onError);
    socket.on('unexpected-response', onUnexpectedResponse);
    socket.on('close', onClose);
    socket.once('open', () => {
      // Wrapping in the same turn as 'open' means no frame can slip by before the transport listens.
      const transport = wrapNodeWebSocket(socket);
      // The transport now reports errors and the close; dropping the attempt's listeners lets the attempt (its
      // closures, the caller's abort signal) go, which thousands of idle connections would otherwise each keep.
      socket.off('error', onError);
      socket.off('unexpected-response', onUnexpectedResponse);
      socket.off('close', onClose);
      if (!attempt.resolve(transport)) transport.terminate();
    });
    return attempt.promise;
  };
}

/** Explains why a connection attempt failed. */
function mapConnectError(error: unknown, url: string): TransportError {
  // A pin mismatch, raised by our own TLS connect function and passed through ws unchanged.
  if (error instanceof TransportError) return error;
  const untrusted = untrustedCertificateError(error, url);
  if (untrusted !== undefined) return untrusted;
  const code = (error as { code?: unknown } | null)?.code;
  return new TransportError(TransportErrorCode.ConnectFailed, `Could not connect to ${url}`, {
    cause: error,
    details: { url, ...(typeof code === 'string' ? { nodeCode: code } : {}) },
  });
}
