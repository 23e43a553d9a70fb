import { TransportError } from '@birdtalk/errors';
import { systemTransportClock } from './clock.js';
import { TransportErrorCode } from './errors.js';
import { connectAborted, watchedSignal } from './internal/abort.js';
import { startConnectAttempt } from './internal/connect-attempt.js';
import { TransportBase } from './internal/transport-base.js';
import type { Connector, Transport } from './transport.js';

/** Options of {@link createMemoryTransportPair} and {@link createMemoryConnector}. */
export interface MemoryTransportOptions {
  /**
   * Whether the ends support pings, as Node sockets do; `false` behaves like a browser's WebSocket.
   * @defaultValue true
   */
  supportsPing?: boolean;
  /**
   * The largest frame either end accepts, in bytes. A larger one is refused as a Node socket refuses it: an
   * `'error'` with code `TRANSPORT_FRAME_TOO_LARGE`, then a close with code 1009 on both ends.
   * @defaultValue `Infinity`
   */
  maxFrameBytes?: number;
}

/** What travels between the two ends of a pair. */
type Message =
  | { readonly type: 'frame'; readonly data: Uint8Array }
  | { readonly type: 'text'; readonly data: string }
  | { readonly type: 'ping' | 'pong'; readonly data: Uint8Array }
  | { readonly type: 'close'; readonly code: number; readonly reason: string }
  | { readonly type: 'drop' };

const MESSAGE_TOO_BIG = 1009;

/**
 * One end of an in-memory pair. Everything either end sends is delivered to the other in a microtask, in the
 * order it was sent, like one WebSocket connection: a closing handshake that echoes the code and reason, a
 * drop that the other end sees as 1006, automatic pongs.
 */
class MemoryTransport extends TransportBase {
  readonly supportsPing: boolean;
  readonly #maxFrameBytes: number;
  #peer: MemoryTransport | undefined;
  #queuedBytes = 0;
  #closeSent = false;
  /** Set once this end was dropped, or refused an oversize frame: inbound messages no longer count. */
  #gone = false;

  constructor(options: MemoryTransportOptions) {
    super('wire');
    this.supportsPing = options.supportsPing ?? true;
    this.#maxFrameBytes = options.maxFrameBytes ?? Number.POSITIVE_INFINITY;
  }

  /** Connects two fresh ends to each other. */
  static link(a: MemoryTransport, b: MemoryTransport): void {
    a.#peer = b;
    b.#peer = a;
  }

  get bufferedAmount(): number {
    return this.#queuedBytes;
  }

  protected sendFrame(frame: Uint8Array): void {
    // A copy, as a socket would make: the sender may reuse its buffer as soon as send() returns.
    this.#post({ type: 'frame', data: frame.slice() });
  }

  protected sendString(text: string): void {
    this.#post({ type: 'text', data: text });
  }

  protected sendPing(data: Uint8Array): void {
    this.#post({ type: 'ping', data: data.slice() });
  }

  protected startClose(code: number, reason: string): void {
    this.#sendClose(code, reason);
  }

  protected drop(): void {
    this.#gone = true;
    this.#post({ type: 'drop' });
    queueMicrotask(() => this.finish({ code: 1006, reason: '', wasClean: false }));
  }

  #sendClose(code: number, reason: string): void {
    if (this.#closeSent) return;
    this.#closeSent = true;
    this.#post({ type: 'close', code, reason });
  }

  #post(message: Message): void {
    const size = message.type === 'frame' || message.type === 'ping' ? message.data.byteLength : 0;
    this.#queuedBytes += size;
    const peer = this.#peer;
    queueMicrotask(() => {
      this.#queuedBytes -= size;
      if (peer !== undefined) peer.#receive(message);
    });
  }

  #receive(message: Message): void {
    if (this.#gone || this.state === 'closed') return;
    switch (message.type) {
      case 'frame':
        if (message.data.byteLength > this.#maxFrameBytes) {
          this.#refuseOversize(message.data.byteLength);
          return;
        }
        this.deliver('frame', message.data);
        return;
      case 'text':
        this.deliver('text', message.data);
        return;
      case 'ping':
        // Answered automatically, as browsers and ws do, even while closing.
        if (!this.#closeSent) this.#post({ type: 'pong', data: message.data });
        return;
      case 'pong':
        this.deliver('pong', message.data);
        return;
      case 'close':
        // Echo the close (unless ours is already under way), then the connection is over for this end.
        this.#sendClose(message.code, message.reason);
        this.finish({ code: message.code, reason: message.reason, wasClean: true });
        return;
      case 'drop':
        this.finish({ code: 1006, reason: '', wasClean: false });
        return;
    }
  }

  #refuseOversize(byteLength: number): void {
    this.#gone = true;
    this.deliver(
      'error',
      new TransportError(TransportErrorCode.FrameTooLarge, 'The peer sent a frame larger than allowed', {
        details: { byteLength, maxFrameBytes: this.#maxFrameBytes },
      }),
    );
    this.#sendClose(MESSAGE_TOO_BIG, 'Frame too large');
    this.finish({ code: MESSAGE_TOO_BIG, reason: 'Frame too large', wasClean: false });
  }
}

/**
 * Creates two connected in-memory transports: what one sends, the other receives. For tests of sessions,
 * clients and servers that should not open sockets.
 *
 * Delivery is asynchronous (a microtask per message) and keeps order. Frames are copied on send. Closing one end
 * closes the other with the same code and reason; `terminate()` makes the other end see code 1006. Pings are
 * answered with pongs unless `supportsPing` is `false`.
 *
 * @example
 * ```ts
 * import { createMemoryTransportPair } from '@birdtalk/transport/testing';
 *
 * const [client, server] = createMemoryTransportPair();
 * server.on('frame', (frame) => server.send(frame)); // echo
 * client.on('frame', (frame) => console.log(frame)); // Uint8Array [1, 2, 3]
 * client.send(new Uint8Array([1, 2, 3]));
 * ```
 */
export function createMemoryTransportPair(options: MemoryTransportOptions = {}): [Transport, Transport] {
  const a = new MemoryTransport(options);
  const b = new MemoryTransport(options);
  MemoryTransport.link(a, b);
  return [a, b];
}

/**
 * Decides what happens to one connection attempt of a {@link createMemoryConnector | memory connector}: it
 * receives the server's end and the URL the client asked for. Throwing (or rejecting) fails the attempt with
 * `TRANSPORT_CONNECT_FAILED`; returning a promise that never settles leaves it pending, as an unresponsive
 * server would.
 */
export type MemoryAcceptor = (serverSide: Transport, url: string) => void | Promise<void>;

/**
 * Creates a {@link Connector} that opens in-memory connections: each attempt creates a pair, hands the server
 * end to `accept`, and resolves with the client end once `accept` has returned (or its promise resolved).
 *
 * @example
 * ```ts
 * import { createMemoryConnector } from '@birdtalk/transport/testing';
 *
 * const connect = createMemoryConnector((server) => {
 *   server.on('frame', (frame) => server.send(frame));
 * });
 * const transport = await connect('wss://test.invalid/ws');
 * ```
 */
export function createMemoryConnector(
  accept: MemoryAcceptor,
  options: MemoryTransportOptions = {},
): Connector {
  return async (url, connectOptions = {}) => {
    const { cancelWith } = connectOptions;
    const signal = watchedSignal(connectOptions);
    if (signal?.aborted) throw connectAborted(signal);
    const [client, server] = createMemoryTransportPair(options);
    const attempt = startConnectAttempt<Transport>({
      url,
      signal,
      cancelWith,
      timeoutMs: Number.POSITIVE_INFINITY,
      clock: systemTransportClock,
      abandon: () => client.terminate(),
    });
    const fail = (cause: unknown): void => {
      if (
        attempt.reject(
          new TransportError(
            TransportErrorCode.ConnectFailed,
            'The in-memory server refused the connection',
            {
              cause,
            },
          ),
        )
      ) {
        client.terminate();
      }
    };
    try {
      // Should the attempt have been aborted meanwhile, abandon() has already terminated the client end.
      Promise.resolve(accept(server, url)).then(() => {
        attempt.resolve(client);
      }, fail);
    } catch (cause) {
      fail(cause);
    }
    return attempt.promise;
  };
}
