import { TransportError } from '@birdtalk/errors';
import type {
  CloseInfo,
  ListenerOptions,
  Transport,
  TransportEvents,
  TransportState,
} from '@birdtalk/transport';
import { TransportEventHub } from './events.js';

/** One end of an in-memory connection. Frames are copied and delivered asynchronously, in order. */
export class MemoryTransport implements Transport {
  state: TransportState = 'open';
  readonly supportsPing = true;
  readonly bufferedAmount = 0;
  peer: MemoryTransport | undefined;
  readonly #events = new TransportEventHub();
  #pingHandler: ((data: Uint8Array) => void) | undefined;

  send(frame: Uint8Array): void {
    this.#requireOpen();
    const copy = frame.slice();
    this.#deliver((peer) => peer.#events.emit('frame', copy));
  }

  sendText(text: string): void {
    this.#requireOpen();
    this.#deliver((peer) => peer.#events.emit('text', text));
  }

  ping(data: Uint8Array = new Uint8Array(0)): boolean {
    if (this.state !== 'open') return false;
    const copy = data.slice();
    this.#deliver((peer) => peer.#receivePing(copy));
    return true;
  }

  /** Sends a pong frame (used when this end answers pings itself). */
  pong(data: Uint8Array): void {
    if (this.state !== 'open') return;
    const copy = data.slice();
    this.#deliver((peer) => peer.#events.emit('pong', copy));
  }

  /** Takes over answering pings: without a handler this end answers them automatically. */
  handlePings(handler: (data: Uint8Array) => void): void {
    this.#pingHandler = handler;
  }

  close(code = 1000, reason = ''): void {
    if (this.state !== 'open') return;
    this.state = 'closing';
    const info: CloseInfo = { code, reason, wasClean: true };
    this.#deliver((peer) => peer.#closed(info));
    queueMicrotask(() => this.#closed(info));
  }

  terminate(): void {
    if (this.state === 'closed') return;
    this.state = 'closing';
    const info: CloseInfo = { code: 1006, reason: '', wasClean: false };
    this.#deliver((peer) => peer.#closed(info));
    queueMicrotask(() => this.#closed(info));
  }

  on<K extends keyof TransportEvents>(
    event: K,
    listener: (...args: TransportEvents[K]) => void,
    options?: ListenerOptions,
  ): () => void {
    return this.#events.on(event, listener, options);
  }

  #receivePing(data: Uint8Array): void {
    if (this.state !== 'open') return;
    if (this.#pingHandler !== undefined) this.#pingHandler(data);
    else this.pong(data);
  }

  #closed(info: CloseInfo): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.#events.emit('close', info);
  }

  #deliver(action: (peer: MemoryTransport) => void): void {
    const peer = this.peer;
    if (peer === undefined) return;
    queueMicrotask(() => {
      if (peer.state !== 'closed') action(peer);
    });
  }

  #requireOpen(): void {
    if (this.state !== 'open') {
      throw new TransportError('TRANSPORT_NOT_OPEN', `cannot send on a ${this.state} connection`);
    }
  }
}

/** Two connected in-memory transports. */
export function createMemoryPair(): { client: MemoryTransport; server: MemoryTransport } {
  const client = new MemoryTransport();
  const server = new MemoryTransport();
  client.peer = server;
  server.peer = client;
  return { client, server };
}
