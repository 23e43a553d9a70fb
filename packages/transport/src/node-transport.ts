import { TransportError } from '@birdtalk/errors';
import { TransportErrorCode } from './errors.js';
import { TransportBase } from './internal/transport-base.js';
import { type NodeWebSocket, type NodeWebSocketData, WEBSOCKET_OPEN } from './node-websocket.js';
import type { CloseInfo, Transport } from './transport.js';
import { createWriteBatcher, type WriteBatcher } from './write-batcher.js';

/**
 * The close code ws sends when it fails a connection because of what the peer sent, by ws error code
 * (RFC 6455 §7.4.1: 1002 protocol error, 1007 invalid data, 1008 policy, 1009 message too big).
 */
const failureCloseCodes: Readonly<Record<string, number>> = {
  WS_ERR_INVALID_UTF8: 1007,
  WS_ERR_TOO_MANY_BUFFERED_PARTS: 1008,
  WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH: 1009,
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 1009,
};
const PROTOCOL_ERROR = 1002;
const MESSAGE_TOO_BIG = 1009;

/**
 * A view of what `ws` delivered, without copying. The bytes are the message's own once handed over (Node never
 * recycles memory a Buffer still references), though the underlying ArrayBuffer may also hold neighbouring
 * bytes: read through the view, as with any Uint8Array.
 */
function toBytes(data: NodeWebSocketData): Uint8Array {
  if (Array.isArray(data)) return toBytes(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  // Re-typed as a plain Uint8Array: Buffer's slice() shares memory, which callers would not expect.
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function toText(data: NodeWebSocketData): string {
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(toBytes(data)).toString('utf8');
}

/** The close code ws sent when `wsCode` made it fail the connection; `undefined` for other errors. */
function failureCloseCode(wsCode: unknown): number | undefined {
  if (typeof wsCode !== 'string' || !wsCode.startsWith('WS_ERR_')) return undefined;
  return failureCloseCodes[wsCode] ?? PROTOCOL_ERROR;
}

/** Maps an error `ws` reports on an open connection to a {@link TransportError}. */
function mapSocketError(error: Error): TransportError {
  const code = (error as { code?: unknown }).code;
  if (failureCloseCode(code) === MESSAGE_TOO_BIG) {
    return new TransportError(TransportErrorCode.FrameTooLarge, 'The peer sent a frame larger than allowed', {
      cause: error,
      details: { wsCode: code },
    });
  }
  if (typeof code === 'string' && code.startsWith('WS_ERR_')) {
    return new TransportError(TransportErrorCode.ProtocolViolation, 'The peer broke the WebSocket protocol', {
      cause: error,
      details: { wsCode: code },
    });
  }
  return new TransportError(TransportErrorCode.SocketError, 'The connection failed', {
    cause: error,
    details: typeof code === 'string' ? { nodeCode: code } : {},
  });
}

/**
 * Where a socket's events go: the socket keeps its transport under this key, and four functions shared by every
 * socket forward to it (ws calls a listener with the socket as `this`). Four closures and their scope per
 * connection cost an idle connection more than the key.
 */
const owner = Symbol('birdtalk.transport');

interface OwnedSocket extends NodeWebSocket {
  [owner]: NodeTransport;
}

function onMessage(this: NodeWebSocket, data: NodeWebSocketData, isBinary: boolean): void {
  (this as OwnedSocket)[owner].received(data, isBinary);
}

function onPong(this: NodeWebSocket, data: Uint8Array): void {
  (this as OwnedSocket)[owner].ponged(data);
}

function onError(this: NodeWebSocket, error: Error): void {
  (this as OwnedSocket)[owner].failed(error);
}

function onClose(this: NodeWebSocket, code: number, reason: Uint8Array): void {
  (this as OwnedSocket)[owner].closed(code, reason);
}

/** A {@link Transport} over an open socket of the `ws` package. */
class NodeTransport extends TransportBase {
  readonly supportsPing = true;
  readonly #socket: NodeWebSocket;
  readonly #writes: WriteBatcher;
  /**
   * Set when ws failed the connection because of what the peer sent (an oversize frame, invalid UTF-8, …). ws
   * then sends a close frame and stops reading, so it reports 1006 locally; what ended the connection was the
   * code it sent, so that is what 'close' reports.
   */
  #failure: CloseInfo | undefined;

  constructor(socket: NodeWebSocket) {
    super('wire');
    this.#socket = socket;
    this.#writes = createWriteBatcher(socket);
    (socket as OwnedSocket)[owner] = this;
    socket.on('message', onMessage);
    socket.on('pong', onPong);
    socket.on('error', onError);
    socket.on('close', onClose);
  }

  /** A data frame arrived. */
  received(data: NodeWebSocketData, isBinary: boolean): void {
    if (isBinary) this.deliver('frame', toBytes(data));
    else this.deliver('text', toText(data));
  }

  /** A pong arrived. */
  ponged(data: Uint8Array): void {
    this.deliver('pong', toBytes(data));
  }

  /** The socket failed; ws closes it next. */
  failed(error: Error): void {
    const failureCode = failureCloseCode((error as { code?: unknown }).code);
    if (failureCode !== undefined && this.#failure === undefined) {
      this.#failure = { code: failureCode, reason: error.message, wasClean: false };
    }
    this.deliver('error', mapSocketError(error));
  }

  /** The socket closed. */
  closed(code: number, reason: Uint8Array): void {
    if (this.#failure !== undefined) {
      this.finish(this.#failure);
      return;
    }
    // ws reports 1006 exactly when no close frame arrived (the peer vanished or the socket was terminated).
    this.finish({ code, reason: Buffer.from(reason).toString('utf8'), wasClean: code !== 1006 });
  }

  get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  protected override isSocketClosing(): boolean {
    return this.#socket.readyState !== WEBSOCKET_OPEN;
  }

  protected sendFrame(frame: Uint8Array): void {
    this.#writes.batch();
    this.#socket.send(frame, { binary: true, compress: false });
  }

  protected sendString(text: string): void {
    this.#writes.batch();
    this.#socket.send(text, { binary: false, compress: false });
  }

  protected sendPing(data: Uint8Array): void {
    this.#socket.ping(data);
  }

  protected startClose(code: number, reason: string): void {
    this.#writes.flush();
    this.#socket.close(code, reason);
  }

  protected drop(): void {
    // ws destroys the TCP socket and then emits 'close' with 1006; what was sent before goes out first.
    this.#writes.flush();
    this.#socket.terminate();
  }
}

/**
 * Wraps an open socket of the `ws` package (client or server side) as a {@link Transport}.
 *
 * Servers use it for accepted connections: `wss.on('connection', (socket) => handle(wrapNodeWebSocket(socket)))`.
 * Wrap in the same turn the socket is handed over; the transport keeps whatever arrives until its first
 * listener is attached. Limits such as `maxPayload` are the socket's own: a frame over it is reported as
 * `TRANSPORT_FRAME_TOO_LARGE` and closes the connection with code 1009.
 *
 * @throws TransportError `TRANSPORT_NOT_OPEN` when the socket is not open.
 */
export function wrapNodeWebSocket(socket: NodeWebSocket): Transport {
  if (socket.readyState !== WEBSOCKET_OPEN) {
    throw new TransportError(TransportErrorCode.NotOpen, 'Only an open WebSocket can be wrapped', {
      details: { readyState: socket.readyState },
    });
  }
  return new NodeTransport(socket);
}
