import { TransportError } from '@birdtalk/errors';
import { systemTransportClock, type TransportClock } from './clock.js';
import { TransportErrorCode } from './errors.js';
import { connectAborted, watchedSignal } from './internal/abort.js';
import { assertTimeout, startConnectAttempt } from './internal/connect-attempt.js';
import { TransportBase } from './internal/transport-base.js';
import { describeUrl } from './internal/url.js';
import type { Connector } from './transport.js';

/**
 * The part of a WHATWG `WebSocket` this package uses. The browser's, Deno's and Bun's `WebSocket` fit, and so
 * does the `WebSocket` class of the `ws` package for Node.
 */
export interface WebSocketLike {
  /** Set to `'arraybuffer'` so that binary frames arrive as `ArrayBuffer`s, synchronously and in order. */
  binaryType: string;
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Bytes queued but not yet sent. */
  readonly bufferedAmount: number;
  /** Sends one frame: binary for bytes, text for a string. (The WHATWG API refuses shared memory.) */
  send(data: Uint8Array<ArrayBuffer> | string): void;
  /** Starts the closing handshake, or abandons a connection that is not open yet. */
  close(code?: number, reason?: string): void;
  /** Subscribes to `open`, `message`, `error` and `close`. */
  // biome-ignore lint/suspicious/noExplicitAny: each runtime types its event objects differently; they are read defensively below.
  addEventListener(type: string, listener: (event: any) => void): void;
}

/** A WHATWG `WebSocket` constructor (see {@link WebSocketLike}). Only the URL is ever passed: no subprotocols. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Options of {@link createWebSocketConnector}. */
export interface WebSocketConnectorOptions {
  /**
   * The WebSocket implementation. Browsers, Deno, Bun and Node 22+ have one; on Node 20 pass the `ws` package's
   * `WebSocket` (or use `createNodeConnector` from `@birdtalk/transport/node`).
   * @defaultValue `globalThis.WebSocket`, looked up at each connection attempt
   */
  WebSocket?: WebSocketConstructor;
  /**
   * How long a connection attempt may take before it fails with `TRANSPORT_TIMEOUT`. `Infinity` waits as long
   * as the runtime does.
   * @defaultValue 15000
   */
  connectTimeoutMs?: number;
}

/** The collaborators of {@link createWebSocketConnector}. */
export interface WebSocketConnectorDeps {
  /**
   * Timers for the connect timeout; tests pass a fake clock.
   * @defaultValue the runtime's `setTimeout`
   */
  clock?: TransportClock;
}

/** The defaults of {@link WebSocketConnectorOptions}. */
export const DEFAULT_WEBSOCKET_CONNECTOR_OPTIONS: { readonly connectTimeoutMs: number } = {
  connectTimeoutMs: 15_000,
};

const OPEN = 1;
const CLOSING = 2;

/** A {@link Transport} over a WHATWG `WebSocket`. */
class WebSocketTransport extends TransportBase {
  readonly supportsPing = false;
  readonly #socket: WebSocketLike;
  /** Set by terminate(): the socket's own events no longer count. */
  #dropped = false;

  constructor(socket: WebSocketLike) {
    super('application');
    this.#socket = socket;
    socket.addEventListener('message', (event: { data?: unknown }) => {
      if (!this.#dropped) this.#onMessage(event.data);
    });
    socket.addEventListener('error', (event: { error?: unknown }) => {
      if (this.#dropped) return;
      // Browsers say nothing about the failure (on purpose); `ws` and Deno attach the underlying error.
      this.deliver(
        'error',
        new TransportError(TransportErrorCode.SocketError, 'The WebSocket reported an error', {
          cause: event.error,
        }),
      );
    });
    socket.addEventListener('close', (event: { code?: number; reason?: string; wasClean?: boolean }) => {
      if (this.#dropped) return;
      this.finish({
        code: event.code ?? 1006,
        reason: event.reason ?? '',
        wasClean: event.wasClean ?? false,
      });
    });
  }

  get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  protected override isSocketClosing(): boolean {
    return this.#socket.readyState !== OPEN;
  }

  protected sendFrame(frame: Uint8Array): void {
    // Frames are ordinary Uint8Arrays in practice; a browser would throw a TypeError for shared memory.
    this.#socket.send(frame as Uint8Array<ArrayBuffer>);
  }

  protected sendString(text: string): void {
    this.#socket.send(text);
  }

  protected sendPing(): void {
    // Never called: supportsPing is false. Browsers answer the server's pings on their own.
  }

  protected startClose(code: number, reason: string): void {
    this.#socket.close(code, reason);
  }

  protected drop(): void {
    // The WHATWG API cannot drop a connection without a closing handshake. Closing it is the nearest thing; from
    // here on this side acts as if the connection vanished, whatever the socket reports later.
    this.#dropped = true;
    if (this.#socket.readyState < CLOSING) this.#socket.close();
    queueMicrotask(() => this.finish({ code: 1006, reason: 'Terminated', wasClean: false }));
  }

  #onMessage(data: unknown): void {
    if (typeof data === 'string') {
      this.deliver('text', data);
    } else if (data instanceof ArrayBuffer) {
      this.deliver('frame', new Uint8Array(data));
    } else if (ArrayBuffer.isView(data)) {
      this.deliver('frame', new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } else {
      this.deliver(
        'error',
        new TransportError(TransportErrorCode.SocketError, 'A frame arrived in an unsupported form', {
          details: { binaryType: this.#socket.binaryType },
        }),
      );
    }
  }
}

/**
 * Creates a {@link Connector} for runtimes with a WHATWG `WebSocket`: browsers, Deno, Bun, Node 22+.
 *
 * Connections request no subprotocol (the BirdTalk server offers none, and browsers fail a handshake whose
 * requested subprotocol is not echoed). Binary frames arrive as `Uint8Array`s, text frames as `'text'` events.
 * WebSocket pings cannot be sent from this API, so `supportsPing` is `false`; the runtime still answers the
 * server's pings. `terminate()` closes the socket and reports code 1006 locally at once, but the peer sees an
 * ordinary close, since the API has no way to drop a connection.
 *
 * @example
 * ```ts
 * import { createWebSocketConnector } from '@birdtalk/transport';
 *
 * const connect = createWebSocketConnector();
 * const transport = await connect('wss://chat.example.com:7817/ws');
 * transport.on('frame', (frame) => console.log(frame.byteLength));
 * ```
 *
 * @throws RangeError when `connectTimeoutMs` is not a positive number.
 */
export function createWebSocketConnector(
  options: WebSocketConnectorOptions = {},
  deps: WebSocketConnectorDeps = {},
): Connector {
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_WEBSOCKET_CONNECTOR_OPTIONS.connectTimeoutMs;
  assertTimeout(timeoutMs);
  const clock = deps.clock ?? systemTransportClock;

  return async (url, connectOptions = {}) => {
    const { cancelWith } = connectOptions;
    const signal = watchedSignal(connectOptions);
    if (signal?.aborted) throw connectAborted(signal);
    const WebSocketImpl = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (WebSocketImpl === undefined) {
      throw new TransportError(
        TransportErrorCode.Unsupported,
        'This runtime has no WebSocket: pass options.WebSocket, or use createNodeConnector from @birdtalk/transport/node',
      );
    }

    let socket: WebSocketLike;
    try {
      socket = new WebSocketImpl(url);
    } catch (cause) {
      // The constructor throws a SyntaxError for anything but an absolute ws:, wss: (or http:, https:) URL.
      throw new TransportError(TransportErrorCode.InvalidUrl, 'Not a valid WebSocket URL', {
        cause,
        details: { url: describeUrl(url) },
      });
    }
    socket.binaryType = 'arraybuffer';

    const attempt = startConnectAttempt<WebSocketTransport>({
      url,
      signal,
      cancelWith,
      timeoutMs,
      clock,
      abandon: () => socket.close(),
    });
    // These listeners stay attached for the socket's life (the WHATWG API needs no removal), and are inert
    // once the attempt has settled. With the `ws` package, removing the last 'error' listener would even turn
    // a later socket error into an uncaught exception.
    let lastError: unknown;
    socket.addEventListener('open', () => {
      if (attempt.settled) {
        socket.close();
        return;
      }
      attempt.resolve(new WebSocketTransport(socket));
    });
    socket.addEventListener('error', (event: { error?: unknown }) => {
      lastError = event.error;
    });
    socket.addEventListener('close', (event: { code?: number; reason?: string }) => {
      attempt.reject(
        new TransportError(TransportErrorCode.ConnectFailed, `Could not connect to ${describeUrl(url)}`, {
          cause: lastError,
          details: { url: describeUrl(url), closeCode: event.code ?? 1006 },
        }),
      );
    });
    return attempt.promise;
  };
}
