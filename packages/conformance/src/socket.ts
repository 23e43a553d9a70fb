import WebSocket from 'ws';

/** The part of a WebSocket the runner uses: whole frames in both directions, and how the connection ended. */
export interface RawSocket {
  /** Sends a binary frame (bytes) or a text frame (string). Rejects when the socket is closed. */
  send(frame: Uint8Array | string): Promise<void>;
  /** Starts the closing handshake and resolves when the socket has closed (or after `timeoutMs`). */
  close(timeoutMs: number): Promise<void>;
  /** Called for every frame received: bytes for binary frames, a string for text frames. */
  onFrame(listener: (frame: Uint8Array | string) => void): void;
  /** Called once when the connection has ended, with the close code the client saw (1006 without a close frame). */
  onClose(listener: (code: number | null) => void): void;
}

/** Opens a {@link RawSocket} to a `ws://` or `wss://` URL. */
export type OpenSocket = (url: string) => Promise<RawSocket>;

/** Frames up to 16 MiB are read, so that a server answering with an oversize frame shows in the transcript. */
const maxPayload = 16 << 20;

/**
 * Opens sockets with `ws`: no compression, no client pings (they would not be part of a transcript) and, on
 * `wss://`, no certificate verification — the runner compares protocol behaviour; trusting a server is the
 * SDK's business, and the stock server's certificate is self-signed and expired.
 */
export function createWsOpener(connectTimeoutMs = 10_000): OpenSocket {
  return (url) =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        perMessageDeflate: false,
        maxPayload,
        handshakeTimeout: connectTimeoutMs,
        rejectUnauthorized: false,
      });
      socket.binaryType = 'nodebuffer';
      const frameListeners: Array<(frame: Uint8Array | string) => void> = [];
      const closeListeners: Array<(code: number | null) => void> = [];
      let closed = false;
      socket.on('message', (data, isBinary) => {
        const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
        const frame = isBinary ? new Uint8Array(buffer) : buffer.toString('utf8');
        for (const listener of frameListeners) listener(frame);
      });
      socket.on('error', (error) => {
        if (socket.readyState === WebSocket.CONNECTING) reject(error);
      });
      socket.on('close', (code) => {
        closed = true;
        for (const listener of closeListeners) listener(code);
      });
      socket.once('open', () =>
        resolve({
          send: (frame) =>
            new Promise<void>((done, fail) => {
              if (socket.readyState !== WebSocket.OPEN) {
                fail(new Error('socket closed'));
                return;
              }
              socket.send(frame, { binary: typeof frame !== 'string' }, (error) =>
                error ? fail(error) : done(),
              );
            }),
          close: (timeoutMs) =>
            new Promise<void>((done) => {
              if (closed) {
                done();
                return;
              }
              const timer = setTimeout(() => {
                socket.terminate();
                done();
              }, timeoutMs);
              socket.once('close', () => {
                clearTimeout(timer);
                done();
              });
              socket.close();
            }),
          onFrame: (listener) => frameListeners.push(listener),
          onClose: (listener) => closeListeners.push(listener),
        }),
      );
    });
}
