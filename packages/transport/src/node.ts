/**
 * The Node transport of BirdTalk, built on the `ws` package: TLS verification on by default, certificate
 * pinning for self-signed servers, a frame-size limit, WebSocket pings, and a wrapper for sockets a `ws` server
 * has accepted; plus an HTTP GET with the same TLS trust, for file downloads.
 *
 * @example
 * ```ts
 * import { createNodeConnector } from '@birdtalk/transport/node';
 *
 * // The real BirdTalk server uses a self-signed certificate: pin it.
 * const connect = createNodeConnector({ pinSha256: '3F:A1:…:9C' });
 * const transport = await connect('wss://192.168.1.2:7817/ws');
 * transport.on('frame', (frame) => console.log('received', frame.byteLength, 'bytes'));
 * transport.send(new Uint8Array([8, 1]));
 * ```
 *
 * @packageDocumentation
 */

export {
  createNodeConnector,
  DEFAULT_NODE_CONNECTOR_OPTIONS,
  type NodeConnectorDeps,
  type NodeConnectorOptions,
} from './node-connector.js';
export {
  createNodeHttpGet,
  type NodeHttpGet,
  type NodeHttpGetOptions,
  type NodeHttpResponse,
} from './node-http.js';
export { wrapNodeWebSocket } from './node-transport.js';
export type { NodeWebSocket, NodeWebSocketData } from './node-websocket.js';
export { createWriteBatcher, type WriteBatcher } from './write-batcher.js';
