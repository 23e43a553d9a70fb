/**
 * The part of a `ws` WebSocket that {@link wrapNodeWebSocket} and {@link createWriteBatcher} use, declared here
 * so that the published types stand on their own: a program that type-checks against `@birdtalk/transport/node`
 * (even with `skipLibCheck: false`) needs neither `ws`'s types nor `@types/ws`. A socket of the `ws` package, client
 * or server side, satisfies it.
 */
export interface NodeWebSocket {
  /** `1` (`WebSocket.OPEN`) while open. */
  readonly readyState: number;
  /** Bytes queued but not yet handed to the operating system. */
  readonly bufferedAmount: number;
  /** Sends a frame. */
  send(data: Uint8Array | string, options: { binary: boolean; compress: boolean }): void;
  /** Sends a ping. */
  ping(data?: Uint8Array): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Destroys the connection at once. */
  terminate(): void;
  /** A data frame: bytes (one buffer, an array of fragments or an ArrayBuffer) and whether it was binary. */
  on(event: 'message', listener: (data: NodeWebSocketData, isBinary: boolean) => void): this;
  /** A pong and its payload. */
  on(event: 'pong', listener: (data: Uint8Array) => void): this;
  /** A failed connection; ws errors carry a `code` such as `WS_ERR_INVALID_UTF8`. */
  on(event: 'error', listener: (error: Error) => void): this;
  /** The end of the connection, with the close code and reason bytes. */
  on(event: 'close', listener: (code: number, reason: Uint8Array) => void): this;
}

/** What a `ws` socket hands to a `'message'` listener. */
export type NodeWebSocketData = Uint8Array | ArrayBuffer | Uint8Array[];

/** `WebSocket.OPEN`, without importing `ws` for one constant. */
export const WEBSOCKET_OPEN = 1;
