import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { type WebSocket, WebSocketServer } from 'ws';
import { wrapNodeWebSocket } from '../src/node.js';
import type { Transport } from '../src/transport.js';

/** One connection a {@link TestWsServer} accepted. */
export interface Accepted {
  /** The ws socket, for what a Transport cannot do (say, drop the TCP connection after a final frame). */
  readonly socket: WebSocket;
  /** The same socket wrapped by {@link wrapNodeWebSocket}, in the turn it was accepted. */
  readonly transport: Transport;
  /** The HTTP upgrade request. */
  readonly request: IncomingMessage;
}

/** A `ws` server on 127.0.0.1 whose connections arrive as transports. */
export interface TestWsServer {
  /** `ws://127.0.0.1:<port>/ws` or `wss://…`. */
  readonly url: string;
  readonly port: number;
  /** How many HTTP upgrade requests reached the server. */
  readonly upgrades: number;
  /** Resolves with the next accepted connection. */
  accepted(): Promise<Accepted>;
  close(): Promise<void>;
}

/** Options of {@link startWsServer}. */
export interface TestWsServerOptions {
  /** Serve TLS with this certificate. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** The server's own frame limit (ws `maxPayload`). */
  readonly maxPayload?: number;
}

function listen(server: Server | ReturnType<typeof createNetServer>): Promise<number> {
  // (tls.Server is a net.Server.)
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts a WebSocket server like the BirdTalk one: path /ws, no subprotocols, no compression. */
export async function startWsServer(options: TestWsServerOptions = {}): Promise<TestWsServer> {
  const http =
    options.tls === undefined
      ? createHttpServer()
      : createHttpsServer({ cert: options.tls.cert, key: options.tls.key });
  const wss = new WebSocketServer({
    server: http,
    path: '/ws',
    perMessageDeflate: false,
    ...(options.maxPayload === undefined ? {} : { maxPayload: options.maxPayload }),
  });
  let upgrades = 0;
  http.on('upgrade', () => {
    upgrades += 1;
  });
  const ready: Accepted[] = [];
  const waiting: Array<(accepted: Accepted) => void> = [];
  wss.on('connection', (socket, request) => {
    const accepted = { socket, transport: wrapNodeWebSocket(socket), request };
    const waiter = waiting.shift();
    if (waiter === undefined) ready.push(accepted);
    else waiter(accepted);
  });
  const port = await listen(http);
  return {
    url: `${options.tls === undefined ? 'ws' : 'wss'}://127.0.0.1:${port}/ws`,
    port,
    get upgrades() {
      return upgrades;
    },
    accepted: () => {
      const next = ready.shift();
      return next === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(next);
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/** A TCP server that accepts connections and never answers: connection attempts to it stay pending. */
export interface SilentServer {
  readonly url: string;
  /** Resolves once a client's TCP connection has arrived. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a {@link SilentServer} on 127.0.0.1. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  let onConnection: (() => void) | undefined;
  let connections = 0;
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    connections += 1;
    onConnection?.();
  });
  const port = await listen(server);
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    connected: () =>
      connections > 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            onConnection = resolve;
          }),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function unusedPort(): Promise<number> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TLS server that completes handshakes and counts the application bytes clients send, answering nothing. */
export interface TlsSink {
  readonly url: string;
  /** Application (decrypted) bytes received so far, over all connections. */
  readonly bytesReceived: number;
  /** Resolves once every connection so far has closed. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a {@link TlsSink} on 127.0.0.1 with the given certificate. */
export async function startTlsSink(tls: { readonly cert: string; readonly key: string }): Promise<TlsSink> {
  let bytesReceived = 0;
  const closed: Array<Promise<void>> = [];
  const server = createTlsServer({ cert: tls.cert, key: tls.key }, (socket) => {
    closed.push(new Promise((resolve) => socket.on('close', () => resolve())));
    socket.on('data', (chunk: Buffer) => {
      bytesReceived += chunk.byteLength;
    });
    socket.on('error', () => {});
  });
  const port = await listen(server);
  return {
    url: `wss://127.0.0.1:${port}/ws`,
    get bytesReceived() {
      return bytesReceived;
    },
    settled: async () => {
      await Promise.all(closed);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
