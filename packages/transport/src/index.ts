/**
 * Binary-frame transports for BirdTalk: the {@link Transport} contract the session layer talks to, and a
 * {@link createWebSocketConnector | connector} for runtimes with a WHATWG `WebSocket` (browsers, Deno, Bun,
 * Node 22+). A transport moves whole frames as `Uint8Array`s and knows nothing of the protocol inside them.
 *
 * Node programs usually want `createNodeConnector` from `@birdtalk/transport/node` (certificate pinning, frame
 * limits, pings); tests want the in-memory pair from `@birdtalk/transport/testing`.
 *
 * @example
 * ```ts
 * import { createWebSocketConnector } from '@birdtalk/transport';
 *
 * const connect = createWebSocketConnector({ connectTimeoutMs: 10_000 });
 * const transport = await connect('wss://chat.example.com:7817/ws');
 * transport.on('frame', (frame) => console.log('received', frame.byteLength, 'bytes'));
 * transport.on('close', ({ code, reason }) => console.log('closed', code, reason));
 * transport.send(new Uint8Array([8, 1]));
 * ```
 *
 * @packageDocumentation
 */

export type { TransportClock } from './clock.js';
export { TransportErrorCode } from './errors.js';
export type {
  CloseInfo,
  ConnectOptions,
  Connector,
  ListenerOptions,
  Transport,
  TransportEvents,
  TransportSink,
  TransportState,
} from './transport.js';
export {
  createWebSocketConnector,
  DEFAULT_WEBSOCKET_CONNECTOR_OPTIONS,
  type WebSocketConnectorDeps,
  type WebSocketConnectorOptions,
  type WebSocketConstructor,
  type WebSocketLike,
} from './websocket.js';
