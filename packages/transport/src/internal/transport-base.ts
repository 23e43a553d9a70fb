import { TransportError } from '@birdtalk/errors';
import { TransportErrorCode } from '../errors.js';
import type {
  CloseInfo,
  ListenerOptions,
  Transport,
  TransportEvents,
  TransportSink,
  TransportState,
} from '../transport.js';
import { assertCloseArgs, type CloseCodeRange, MAX_PING_BYTES } from './close-args.js';
import { Emitter } from './emitter.js';

type EventName = keyof TransportEvents;
interface HeldEvent {
  readonly event: EventName;
  readonly args: TransportEvents[EventName];
}

const emptyPayload = new Uint8Array(0);

/**
 * What every adapter shares: the typed events, the state machine, argument checks, and the two delivery
 * guarantees of the {@link Transport} contract.
 *
 * 1. `'close'` is emitted exactly once, and nothing is emitted after it.
 * 2. Nothing the peer sends is lost between the moment the connection opens and the moment its owner
 *    subscribes. A connector resolves with the transport, and the caller's `await` continues a few microtasks
 *    later — but Node may deliver a frame that arrived with the handshake response (from `process.nextTick`)
 *    before that. So events are held until the first `on()` call and delivered, in order, one microtask after
 *    it: every listener attached in the same synchronous turn sees them.
 *
 * A listener that throws does not stop delivery to the others; the throw is reported at once as an `'error'`
 * event with code `TRANSPORT_LISTENER_FAILED`. A throw from an `'error'` listener itself is dropped: reporting
 * it again could loop, and rethrowing it would crash the process from inside a socket callback.
 */
export abstract class TransportBase implements Transport {
  /** Made by the first on(): an owner that attaches a sink never needs one. */
  #emitter: Emitter<TransportEvents> | undefined;
  #sink: TransportSink | undefined;
  readonly #closeRange: CloseCodeRange;
  /** Events waiting for the first listener; `undefined` once they have been flushed. */
  #held: HeldEvent[] | undefined = [];
  #flushScheduled = false;
  #closing = false;
  #closeInfo: CloseInfo | undefined;
  /** Set once `'close'` has been dispatched: from then on nothing is emitted. */
  #done = false;

  abstract readonly supportsPing: boolean;
  abstract readonly bufferedAmount: number;

  constructor(closeRange: CloseCodeRange) {
    this.#closeRange = closeRange;
  }

  get state(): TransportState {
    if (this.#closeInfo !== undefined) return 'closed';
    return this.#closing || this.isSocketClosing() ? 'closing' : 'open';
  }

  send(frame: Uint8Array): void {
    this.#assertOpen();
    this.sendFrame(frame);
  }

  sendText(text: string): void {
    this.#assertOpen();
    this.sendString(text);
  }

  ping(data: Uint8Array = emptyPayload): boolean {
    if (data.byteLength > MAX_PING_BYTES) {
      throw new RangeError(`A ping payload must not exceed ${MAX_PING_BYTES} bytes`);
    }
    if (!this.supportsPing || this.state !== 'open') return false;
    this.sendPing(data);
    return true;
  }

  close(code = 1000, reason = ''): void {
    assertCloseArgs(code, reason, this.#closeRange);
    if (this.state !== 'open') return;
    this.#closing = true;
    this.startClose(code, reason);
  }

  terminate(): void {
    if (this.#closeInfo !== undefined) return;
    this.#closing = true;
    this.drop();
  }

  on<K extends keyof TransportEvents>(
    event: K,
    listener: (...args: TransportEvents[K]) => void,
    options: ListenerOptions = {},
  ): () => void {
    if (this.#done) return () => {};
    this.#emitter ??= new Emitter((error, failed) => this.#onListenerError(error, failed));
    const off = this.#emitter.on(event, listener, options);
    this.#scheduleFlush();
    return off;
  }

  attach(sink: TransportSink): void {
    if (this.#done) return;
    this.#sink = sink;
    this.#scheduleFlush();
  }

  detach(sink: TransportSink): void {
    if (this.#sink === sink) this.#sink = undefined;
  }

  /** Whether the socket underneath is already closing although this side did not ask it to. */
  protected isSocketClosing(): boolean {
    return false;
  }

  /** Puts one binary frame on the wire; the state has been checked. */
  protected abstract sendFrame(frame: Uint8Array): void;
  /** Puts one text frame on the wire; the state has been checked. */
  protected abstract sendString(text: string): void;
  /** Sends a ping; only called when {@link TransportBase.supportsPing} is true and the state is open. */
  protected abstract sendPing(data: Uint8Array): void;
  /** Starts the closing handshake; called once, with checked arguments. */
  protected abstract startClose(code: number, reason: string): void;
  /** Drops the connection without a handshake; must lead to {@link TransportBase.finish} soon after. */
  protected abstract drop(): void;

  /** Reports an event from the socket. Ignored once the connection has closed. */
  protected deliver<K extends EventName>(event: K, ...args: TransportEvents[K]): void {
    if (this.#closeInfo !== undefined) return;
    this.#enqueue(event, args);
  }

  /** Records how the connection ended and emits `'close'`; only the first call counts. */
  protected finish(info: CloseInfo): void {
    if (this.#closeInfo !== undefined) return;
    this.#closeInfo = info;
    this.#enqueue('close', [info]);
  }

  #assertOpen(): void {
    const state = this.state;
    if (state !== 'open') {
      throw new TransportError(TransportErrorCode.NotOpen, `The transport is ${state}; nothing was sent`, {
        details: { state },
      });
    }
  }

  #enqueue(event: EventName, args: TransportEvents[EventName]): void {
    if (this.#done) return;
    if (this.#held !== undefined) {
      this.#held.push({ event, args });
      return;
    }
    this.#dispatch(event, args);
  }

  #dispatch(event: EventName, args: TransportEvents[EventName]): void {
    const emitter = this.#emitter;
    if (emitter !== undefined) {
      (emitter.emit as (event: EventName, ...args: TransportEvents[EventName]) => void)(event, ...args);
    }
    const sink = this.#sink;
    if (sink !== undefined) {
      try {
        toSink(sink, event, args);
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
    if (event === 'close') {
      this.#done = true;
      this.#sink = undefined;
      emitter?.clear();
    }
  }

  /** Delivers what arrived before the first listener one microtask from now (see the class comment). */
  #scheduleFlush(): void {
    if (this.#held !== undefined && !this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(() => this.#flush());
    }
  }

  #flush(): void {
    const held = this.#held ?? [];
    // Events the socket reports while the backlog drains (say, a listener called close() on a transport whose
    // peer answers synchronously) join its end, so the order stays the order of arrival.
    for (let next = held.shift(); next !== undefined && !this.#done; next = held.shift()) {
      this.#dispatch(next.event, next.args);
    }
    this.#held = undefined;
  }

  #onListenerError(error: unknown, event: EventName): void {
    if (event === 'error' || this.#done) return;
    // Reported at once, nested in the emit that failed, as a synchronous emitter would: holding it back could
    // lose it behind the 'close' of the same turn.
    this.#dispatch('error', [
      new TransportError(TransportErrorCode.ListenerFailed, `A '${event}' listener threw`, {
        cause: error,
        details: { event },
      }),
    ]);
  }
}

/** Calls the method of `sink` that handles `event`. */
function toSink(sink: TransportSink, event: EventName, args: TransportEvents[EventName]): void {
  switch (event) {
    case 'frame':
      sink.onFrame(args[0] as Uint8Array);
      return;
    case 'text':
      sink.onText(args[0] as string);
      return;
    case 'pong':
      sink.onPong(args[0] as Uint8Array);
      return;
    case 'close':
      sink.onClose(args[0] as CloseInfo);
      return;
    case 'error':
      sink.onError(args[0] as TransportError);
      return;
  }
}
