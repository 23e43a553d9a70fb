import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { BirdTalkError } from '@birdtalk/errors';
import { WebSocketServer } from 'ws';
import { serveConnection } from '../connection.js';
import type { ServerContext } from '../context.js';
import { WsServerTransport } from '../transport/ws-transport.js';
import { handleHttp } from './file-routes.js';
import type { TlsMaterial } from './tls.js';

/** A listening HTTP(S) server with the WebSocket endpoint at `/ws`. */
export interface Listener {
  readonly port: number;
  close(): Promise<void>;
}

/** The platform the real server sniffs from the User-Agent. */
function platformOf(req: IncomingMessage): string {
  const agent = req.headers['user-agent'] ?? '';
  if (agent.includes('Windows')) return 'Windows';
  if (agent.includes('Android')) return 'Android';
  return 'Unknown';
}

/** Starts listening on `host:port`, plain or with TLS. */
export async function listen(ctx: ServerContext, tls: TlsMaterial | undefined): Promise<Listener> {
  const onRequest = handleHttp.bind(undefined, ctx);
  const server: Server = tls === undefined ? createHttpServer(onRequest) : createHttpsServer(tls, onRequest);
  // No subprotocol is ever echoed (the real upgrader declares none), no compression, the 10 MiB read limit,
  // and pings answered by the connection itself so that a fault can suppress the pongs.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: ctx.config.maxFrameBytes,
    autoPong: false,
    perMessageDeflate: false,
    handleProtocols: () => false,
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const transport = new WsServerTransport(ws);
      serveConnection(ctx, transport, {
        pingControl: transport,
        platform: platformOf(req),
        enforcesFrameLimit: true,
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(listenError(error, ctx.config));
    server.once('error', onError);
    server.listen(ctx.config.port, ctx.config.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        for (const socket of sockets) socket.destroy();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

/**
 * A failed `listen` as a typed error that names the address, since Node's own (`EADDRINUSE`) does not say which
 * port was wanted or what to do about it.
 */
function listenError(error: NodeJS.ErrnoException, config: { host: string; port: number }): BirdTalkError {
  const address = `${config.host}:${config.port}`;
  if (error.code === 'EADDRINUSE') {
    return new BirdTalkError(
      'SERVER_PORT_IN_USE',
      `port ${config.port} is already in use on ${config.host}`,
      {
        cause: error,
        details: { host: config.host, port: config.port },
      },
    );
  }
  if (error.code === 'EACCES') {
    return new BirdTalkError('SERVER_PORT_DENIED', `not allowed to listen on ${address}`, {
      cause: error,
      details: { host: config.host, port: config.port },
    });
  }
  return new BirdTalkError('SERVER_LISTEN_FAILED', `cannot listen on ${address}: ${error.message}`, {
    cause: error,
    details: { host: config.host, port: config.port },
  });
}
