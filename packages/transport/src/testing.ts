/**
 * In-memory transports for tests: a connected pair, and a connector that hands the server end to a callback.
 * Sessions, clients and servers can then be tested without sockets, deterministically.
 *
 * @example
 * ```ts
 * import { createMemoryConnector } from '@birdtalk/transport/testing';
 *
 * const connect = createMemoryConnector((server) => {
 *   server.on('frame', (frame) => server.send(frame)); // an echo server
 * });
 * const client = await connect('wss://test.invalid/ws');
 * client.on('frame', (frame) => console.log(frame)); // Uint8Array [1, 2, 3]
 * client.send(new Uint8Array([1, 2, 3]));
 * ```
 *
 * @packageDocumentation
 */

export {
  createMemoryConnector,
  createMemoryTransportPair,
  type MemoryAcceptor,
  type MemoryTransportOptions,
} from './memory.js';
