import WebSocket from 'ws';
import type { RoundTrip } from './load.js';

/** A raw `ws` client against the peer's echo server: each round trip is one frame out and its echo back. */
export interface RawEchoClient {
  readonly roundTrip: RoundTrip;
  close(): void;
}

/** Connects to the echo server; every round trip sends `frameBytes` bytes. */
export async function connectRawEcho(url: string, frameBytes: number): Promise<RawEchoClient> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waiting: Array<() => void> = [];
  socket.on('message', () => waiting.shift()?.());
  const frame = new Uint8Array(frameBytes).fill(7);
  return {
    roundTrip: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        socket.send(frame);
      }),
    close: () => socket.close(),
  };
}
