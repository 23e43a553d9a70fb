import type { TransportError } from '@birdtalk/errors';

/**
 * The stable `code` of every {@link TransportError} this package raises. Programs compare codes, never
 * messages, which may change between versions.
 */
export const TransportErrorCode = {
  /** The URL could not be parsed or does not use `ws:` / `wss:`. */
  InvalidUrl: 'TRANSPORT_INVALID_URL',
  /** No WebSocket implementation was given and the runtime has none. */
  Unsupported: 'TRANSPORT_UNSUPPORTED',
  /** The connection could not be opened: refused, unreachable, or the HTTP upgrade was declined. */
  ConnectFailed: 'TRANSPORT_CONNECT_FAILED',
  /** The connection was not open within `connectTimeoutMs`. */
  Timeout: 'TRANSPORT_TIMEOUT',
  /** A frame was sent on a transport that is closing or closed. */
  NotOpen: 'TRANSPORT_NOT_OPEN',
  /** The server's certificate did not verify against the trusted roots (or `ca`), or did not match the host. */
  TlsUntrusted: 'TRANSPORT_TLS_UNTRUSTED',
  /** The server's certificate did not match any configured SHA-256 pin. */
  TlsPinMismatch: 'TRANSPORT_TLS_PIN_MISMATCH',
  /** The peer sent a frame larger than the configured limit; the connection is closed with code 1009. */
  FrameTooLarge: 'TRANSPORT_FRAME_TOO_LARGE',
  /** The peer broke the WebSocket protocol (bad opcode, invalid UTF-8 in a text frame, …). */
  ProtocolViolation: 'TRANSPORT_PROTOCOL_VIOLATION',
  /** The underlying socket reported an error after the connection was open. */
  SocketError: 'TRANSPORT_SOCKET_ERROR',
  /** A listener of this transport threw; the error is the `cause`. Delivery to other listeners went on. */
  ListenerFailed: 'TRANSPORT_LISTENER_FAILED',
} as const;

/** One of the values of {@link TransportErrorCode}. */
export type TransportErrorCode = (typeof TransportErrorCode)[keyof typeof TransportErrorCode];
