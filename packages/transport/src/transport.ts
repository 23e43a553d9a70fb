import type { TransportError } from '@birdtalk/errors';

/** How a connection ended. */
export interface CloseInfo {
  /** The WebSocket close code; 1006 when the connection dropped without a close frame. */
  readonly code: number;
  /** The close reason sent by the peer, or a description of the failure. */
  readonly reason: string;
  /** Whether both sides completed the closing handshake. */
  readonly wasClean: boolean;
}

/** Where a {@link Transport} is in its life. Transports are handed out already open. */
export type TransportState = 'open' | 'closing' | 'closed';

/** Everything a {@link Transport} reports, by event name, with the listener's arguments. */
export interface TransportEvents {
  /** One binary frame arrived. */
  frame: [frame: Uint8Array];
  /** One text frame arrived. BirdTalk servers send a few before closing (`logout`, `unregok`, `stop`). */
  text: [text: string];
  /** The peer answered a ping. */
  pong: [data: Uint8Array];
  /** The connection is closed; emitted exactly once. */
  close: [info: CloseInfo];
  /** Something went wrong that did not (yet) close the connection, or explains the close that follows. */
  error: [error: TransportError];
}

/**
 * Receives every event of a {@link Transport} as a method of one object (see {@link Transport.attach}), by event:
 * `'frame'` → `onFrame`, `'text'` → `onText`, `'pong'` → `onPong`, `'close'` → `onClose`, `'error'` → `onError`.
 */
export interface TransportSink {
  onFrame(frame: Uint8Array): void;
  onText(text: string): void;
  onPong(data: Uint8Array): void;
  onClose(info: CloseInfo): void;
  onError(error: TransportError): void;
}

/** Options of {@link Transport.on}. */
export interface ListenerOptions {
  /** Removes the listener when this signal aborts. */
  signal?: AbortSignal;
}

/**
 * One open, bidirectional connection that moves whole binary frames (`Uint8Array`). It knows nothing of the
 * BirdTalk protocol: the session above it decides what the frames mean.
 */
export interface Transport {
  /** Where the connection is in its life. */
  readonly state: TransportState;
  /** Whether {@link Transport.ping} does anything (WebSocket ping frames are not available in browsers). */
  readonly supportsPing: boolean;
  /** Bytes queued but not yet handed to the network. */
  readonly bufferedAmount: number;
  /**
   * Sends one binary frame.
   * @throws TransportError `TRANSPORT_NOT_OPEN` when the connection is not open.
   */
  send(frame: Uint8Array): void;
  /**
   * Sends one text frame.
   * @throws TransportError `TRANSPORT_NOT_OPEN` when the connection is not open.
   */
  sendText(text: string): void;
  /**
   * Sends a ping frame; returns `false` when the transport cannot (see {@link Transport.supportsPing}) or is no
   * longer open.
   * @throws RangeError when `data` is longer than 125 bytes (the limit of a control frame).
   */
  ping(data?: Uint8Array): boolean;
  /**
   * Starts a clean close (code 1000 unless told otherwise). Idempotent: later calls do nothing.
   * @throws RangeError when the code cannot be sent (browsers accept 1000 and 3000–4999; Node sockets and the
   * memory pair also 1001–1003 and 1007–1014) or the reason exceeds 123 UTF-8 bytes.
   */
  close(code?: number, reason?: string): void;
  /** Drops the connection at once, without a closing handshake (what a crashed peer looks like). Idempotent. */
  terminate(): void;
  /**
   * Subscribes to an event; returns a function that unsubscribes. Events that arrive before the first listener
   * is attached are kept and delivered, in order, just after the turn in which it was attached; attach all
   * listeners in that same turn. A listener that throws is reported as an `'error'` event with code
   * `TRANSPORT_LISTENER_FAILED` and does not keep the other listeners from running.
   */
  on<K extends keyof TransportEvents>(
    event: K,
    listener: (...args: TransportEvents[K]) => void,
    options?: ListenerOptions,
  ): () => void;
  /**
   * Hands every event to the methods of `sink`, after the listeners added with {@link Transport.on}; events held
   * for the first listener, and throws, are handled as for those. One object for all five events, where `on()`
   * costs a listener, an entry and an unsubscribe function for each: what a long-lived owner of many idle
   * connections subscribes with. One sink at a time: attaching another replaces it. After `'close'` nothing is
   * kept, and attaching does nothing.
   *
   * Optional: owners fall back to `on()` where it is missing. A wrapper that forwards or intercepts `on()` must do
   * the same with `attach()` and `detach()`, or leave them out.
   */
  attach?(sink: TransportSink): void;
  /** Stops handing events to `sink`; does nothing when it is not the attached one. */
  detach?(sink: TransportSink): void;
}

/** Options of a {@link Connector} call. */
export interface ConnectOptions {
  /** Abandons the connection attempt. */
  signal?: AbortSignal;
  /**
   * A cheaper way to keep the means to abandon the attempt than `signal`: unless it fails at once, the connector
   * calls it once, before it returns, with a function that abandons the attempt as an aborting signal would (rejecting with an `AbortError`
   * whose cause is the reason given), and then does not read `signal`. A caller that opens thousands of
   * connections at once saves an `AbortSignal` and its listener per connection, which cost a fast re-login more
   * than the rest of its connection attempt. A connector without support ignores it and reads `signal`; the
   * connectors of this package support it.
   */
  cancelWith?: (abandon: (reason: unknown) => void) => void;
}

/**
 * Opens a connection to `url` and resolves with it once it is open.
 *
 * @throws TransportError when the connection cannot be opened (unreachable, refused, TLS verification or pin
 * failure, timeout); `AbortError` when `options.signal` aborts, or `options.cancelWith`'s function is called, first.
 */
export type Connector = (url: string, options?: ConnectOptions) => Promise<Transport>;
