import { WebSocket as WsWebSocket } from 'ws';
import { createWebSocketConnector } from '../src/index.js';
import { createNodeConnector } from '../src/node.js';
import { createMemoryConnector, createMemoryTransportPair } from '../src/testing.js';
import type { Connector, Transport } from '../src/transport.js';
import { startSilentServer, startWsServer, type TestWsServerOptions } from './servers.js';
import { createTestCertificate } from './tls-fixture.js';
import { type ContractEnvironment, transportContract } from './transport-contract.js';

/** A socket adapter against a local ws server whose accepted sockets are wrapped by wrapNodeWebSocket. */
async function socketEnvironment(
  connector: Connector,
  serverOptions: TestWsServerOptions,
  capabilities: Pick<ContractEnvironment, 'supportsPing' | 'peerSeesDrop'>,
): Promise<ContractEnvironment> {
  const server = await startWsServer(serverOptions);
  const silent = await startSilentServer();
  return {
    ...capabilities,
    open: async () => {
      const accepted = server.accepted();
      const client = await connector(server.url);
      return { client, server: (await accepted).transport };
    },
    openPending: async (signal) => {
      const attempt = connector(silent.url, { signal });
      // Under way once the TCP connection is in (or the attempt already failed, for a pre-aborted signal).
      await Promise.race([silent.connected(), attempt.catch(() => {})]);
      return { attempt };
    },
    teardown: async () => {
      await server.close();
      await silent.close();
    },
  };
}

transportContract('Node ws adapter, plain', () =>
  socketEnvironment(createNodeConnector(), {}, { supportsPing: true, peerSeesDrop: true }),
);

transportContract('Node ws adapter, TLS', async () => {
  const certificate = await createTestCertificate();
  return socketEnvironment(
    createNodeConnector({ ca: certificate.cert }),
    { tls: certificate },
    { supportsPing: true, peerSeesDrop: true },
  );
});

// Node 20 has no global WebSocket; the ws package's class stands in for the browser's.
transportContract('WHATWG adapter (ws as the WebSocket constructor)', () =>
  socketEnvironment(
    createWebSocketConnector({ WebSocket: WsWebSocket }),
    {},
    { supportsPing: false, peerSeesDrop: false },
  ),
);

transportContract('memory pair', async () => {
  const servers: Transport[] = [];
  const connect = createMemoryConnector((server) => {
    servers.push(server);
  });
  const never = createMemoryConnector(() => new Promise<void>(() => {}));
  return {
    supportsPing: true,
    peerSeesDrop: true,
    open: async () => {
      const client = await connect('memory://test/ws');
      return { client, server: servers.shift()! };
    },
    openPending: async (signal) => ({ attempt: never('memory://test/ws', { signal }) }),
    teardown: async () => {},
  };
});

transportContract('memory pair without ping support', async () => ({
  supportsPing: false,
  peerSeesDrop: true,
  open: async () => {
    const [client, server] = createMemoryTransportPair({ supportsPing: false });
    return { client, server };
  },
  openPending: async (signal) => ({
    attempt: createMemoryConnector(() => new Promise<void>(() => {}))('memory://test/ws', { signal }),
  }),
  teardown: async () => {},
}));
