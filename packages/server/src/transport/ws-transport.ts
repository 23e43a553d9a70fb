import { TransportError } from '@birdtalk/errors';
import type { ListenerOptions, Transport, TransportEvents, TransportState } from '@birdtalk/transport';
import { createWriteBatcher, type WriteBatcher } from '@birdtalk/transport/node';
import type { RawData, WebSocket } from 'ws';
import type { PingControl } from '../connection.js';
import { TransportEventHub } from './events.js';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** The server side of a `ws` connection as a {@link Transport}, with the pings left to the server. */
export class WsServerTransport implements Transport, PingControl {
  readonly supportsPing = true;
  readonly #ws: WebSocket;
  readonly #events = new TransportEventHub();
  /** Replies to a pipelined window of requests leave in one system call (see createWriteBatcher). */
  readonly #writes: WriteBatcher;

  constructor(ws: WebSocket) {
    this.#ws = ws;
    this.#writes = createWriteBatcher(ws);
    ws.on('message', (data, isBinary) => {
      if (isBinary) this.#events.emit('frame', toBytes(data));
      else this.#events.emit('text', Buffer.from(toBytes(data)).toString('utf8'));
    });
    ws.on('pong', (data) => this.#events.emit('pong', new Uint8Array(data)));
    ws.on('close', (code, reason) =>
      this.#events.emit('close', { code, reason: reason.toString('utf8'), wasClean: code !== 1006 }),
    );
    ws.on('error', (error) =>
      this.#events.emit('error', new TransportError('TRANSPORT_FAILED', error.message, { cause: error })),
    );
  }

  get state(): TransportState {
    const ready = this.#ws.readyState;
    return ready === 1 ? 'open' : ready === 2 ? 'closing' : ready === 3 ? 'closed' : 'closing';
  }

  get bufferedAmount(): number {
    return this.#ws.bufferedAmount;
  }

  send(frame: Uint8Array): void {
    this.#requireOpen();
    this.#writes.batch();
    this.#ws.send(frame, { binary: true });
  }

  sendText(text: string): void {
    this.#requireOpen();
    this.#writes.batch();
    this.#ws.send(text, { binary: false });
  }

  ping(data?: Uint8Array): boolean {
    if (this.state !== 'open') return false;
    this.#ws.ping(data);
    return true;
  }

  onPing(listener: (data: Uint8Array) => void): void {
    this.#ws.on('ping', (data) => listener(new Uint8Array(data)));
  }

  pong(data: Uint8Array): void {
    if (this.state === 'open') this.#ws.pong(data);
  }

  close(code?: number, reason?: string): void {
    this.#writes.flush();
    this.#ws.close(code, reason);
  }

  terminate(): void {
    // What was sent before (the text frame the server writes before hanging up) leaves first.
    this.#writes.flush();
    this.#ws.terminate();
  }

  on<K extends keyof TransportEvents>(
    event: K,
    listener: (...args: TransportEvents[K]) => void,
    options?: ListenerOptions,
  ): () => void {
    return this.#events.on(event, listener, options);
  }

  #requireOpen(): void {
    if (this.state !== 'open') throw new TransportError('TRANSPORT_NOT_OPEN', 'the connection is not open');
  }
}
