import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FakeClock } from '@birdtalk/runtime/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { collect, nextEvent, patternBytes, recordUntilClose } from '../test/events.js';
import {
  startSilentServer,
  startTlsSink,
  startWsServer,
  type TestWsServer,
  unusedPort,
} from '../test/servers.js';
import { createTestCertificate, type TestCertificate } from '../test/tls-fixture.js';
import { createNodeConnector, DEFAULT_NODE_CONNECTOR_OPTIONS, wrapNodeWebSocket } from './node.js';
import type { Transport } from './transport.js';

const opened: Transport[] = [];
afterEach(() => {
  for (const transport of opened.splice(0)) transport.terminate();
});

/** Connects, remembers the transport for clean-up, and checks that a frame makes the round trip. */
async function connectAndEcho(
  connect: ReturnType<typeof createNodeConnector>,
  server: TestWsServer,
): Promise<Transport> {
  const client = await connect(server.url);
  opened.push(client);
  // Asked for only now: a failed attempt must not leave a waiter behind that takes the next connection.
  const { transport } = await server.accepted();
  opened.push(transport);
  transport.on('frame', (frame) => transport.send(frame));
  const echoed = nextEvent(client, 'frame');
  client.send(new Uint8Array([1, 2, 3]));
  expect([...(await echoed)[0]]).toEqual([1, 2, 3]);
  return client;
}

function lowerHexWithoutColons(fingerprint: string): string {
  return fingerprint.replaceAll(':', '').toLowerCase();
}

describe('createNodeConnector: TLS', () => {
  let valid: TestCertificate;
  let expired: TestCertificate;
  let otherHost: TestCertificate;
  let stranger: TestCertificate;
  let validServer: TestWsServer;
  let expiredServer: TestWsServer;
  let otherHostServer: TestWsServer;

  beforeAll(async () => {
    [valid, expired, otherHost, stranger] = await Promise.all([
      createTestCertificate(),
      createTestCertificate({ expired: true }),
      createTestCertificate({ dnsNames: ['chat.example.com'], ips: [] }),
      // A different subject: OpenSSL finds issuers by subject name, so a namesake would shadow `valid` in a list.
      createTestCertificate({ dnsNames: ['stranger.test'] }),
    ]);
    [validServer, expiredServer, otherHostServer] = await Promise.all([
      startWsServer({ tls: valid }),
      startWsServer({ tls: expired }),
      startWsServer({ tls: otherHost }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([validServer.close(), expiredServer.close(), otherHostServer.close()]);
  });

  it('verifies certificates by default and refuses a self-signed one before any HTTP is exchanged', async () => {
    const upgradesBefore = validServer.upgrades;
    await expect(createNodeConnector()(validServer.url)).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_TLS_UNTRUSTED',
      details: { nodeCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
    expect(validServer.upgrades).toBe(upgradesBefore);
  });

  it('trusts a certificate given as ca (alone or in a list)', async () => {
    await connectAndEcho(createNodeConnector({ ca: valid.cert }), validServer);
    await connectAndEcho(createNodeConnector({ ca: [stranger.cert, Buffer.from(valid.cert)] }), validServer);
  });

  it('still checks the host name and expiry of a certificate trusted through ca', async () => {
    await expect(createNodeConnector({ ca: otherHost.cert })(otherHostServer.url)).rejects.toMatchObject({
      code: 'TRANSPORT_TLS_UNTRUSTED',
      details: { nodeCode: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    });
    await expect(createNodeConnector({ ca: expired.cert })(expiredServer.url)).rejects.toMatchObject({
      code: 'TRANSPORT_TLS_UNTRUSTED',
      details: { nodeCode: 'CERT_HAS_EXPIRED' },
    });
  });

  it('accepts the pinned certificate, written with or without colons, in any case', async () => {
    await connectAndEcho(createNodeConnector({ pinSha256: valid.sha256 }), validServer);
    await connectAndEcho(
      createNodeConnector({ pinSha256: lowerHexWithoutColons(valid.sha256) }),
      validServer,
    );
    await connectAndEcho(createNodeConnector({ pinSha256: [stranger.sha256, valid.sha256] }), validServer);
  });

  it('accepts a pinned certificate whatever its expiry and host name, as the real server needs', async () => {
    await connectAndEcho(createNodeConnector({ pinSha256: expired.sha256 }), expiredServer);
    await connectAndEcho(createNodeConnector({ pinSha256: otherHost.sha256 }), otherHostServer);
  });

  it('refuses a certificate that does not match the pin before sending a single byte', async () => {
    const sink = await startTlsSink(valid);
    await expect(createNodeConnector({ pinSha256: stranger.sha256 })(sink.url)).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_TLS_PIN_MISMATCH',
      details: { presentedSha256: lowerHexWithoutColons(valid.sha256) },
    });
    await sink.settled();
    // Not even the HTTP upgrade request (with its headers) reached the impostor.
    expect(sink.bytesReceived).toBe(0);
    await sink.close();
  });

  it('enforces pins even when verification is disabled', async () => {
    await expect(
      createNodeConnector({ pinSha256: stranger.sha256, dangerouslyDisableTlsVerification: true })(
        validServer.url,
      ),
    ).rejects.toMatchObject({ code: 'TRANSPORT_TLS_PIN_MISMATCH' });
  });

  it('accepts any certificate with dangerouslyDisableTlsVerification', async () => {
    await connectAndEcho(createNodeConnector({ dangerouslyDisableTlsVerification: true }), expiredServer);
  });

  it('refuses pins that are not SHA-256 fingerprints', () => {
    expect(() => createNodeConnector({ pinSha256: 'abcd' })).toThrow(TypeError);
    expect(() => createNodeConnector({ pinSha256: [valid.sha256, `${valid.sha256}00`] })).toThrow(TypeError);
    expect(() => createNodeConnector({ pinSha256: 'zz'.repeat(32) })).toThrow(TypeError);
  });
});

describe('createNodeConnector: connection', () => {
  let server: TestWsServer;
  beforeAll(async () => {
    server = await startWsServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('requests no subprotocol and no compression, and sends the extra headers', async () => {
    const accepted = server.accepted();
    const client = await createNodeConnector({ headers: { 'User-Agent': 'birdtalk-test (Windows)' } })(
      server.url,
    );
    opened.push(client);
    const { request, transport } = await accepted;
    opened.push(transport);
    expect(request.headers['sec-websocket-protocol']).toBeUndefined();
    expect(request.headers['sec-websocket-extensions']).toBeUndefined();
    expect(request.headers['user-agent']).toBe('birdtalk-test (Windows)');
  });

  it('hands every call without options the same connector, and one with options its own', async () => {
    const shared = createNodeConnector();
    expect(createNodeConnector({}, {})).toBe(shared);
    expect(createNodeConnector({ connectTimeoutMs: 5_000 })).not.toBe(shared);
    expect(createNodeConnector({}, { clock: new FakeClock(0) })).not.toBe(shared);
    await connectAndEcho(shared, server);
  });

  it('refuses headers that belong to the handshake', () => {
    expect(() => createNodeConnector({ headers: { 'Sec-WebSocket-Protocol': 'json' } })).toThrow(TypeError);
    expect(() => createNodeConnector({ headers: { 'sec-websocket-extensions': 'x' } })).toThrow(TypeError);
  });

  it('refuses options out of range', () => {
    expect(() => createNodeConnector({ connectTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => createNodeConnector({ maxFrameBytes: -1 })).toThrow(RangeError);
  });

  it('fails with TRANSPORT_CONNECT_FAILED when nothing listens', async () => {
    const port = await unusedPort();
    await expect(createNodeConnector()(`ws://127.0.0.1:${port}/ws`)).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_CONNECT_FAILED',
      details: { nodeCode: 'ECONNREFUSED', url: `ws://127.0.0.1:${port}/ws` },
    });
  });

  it('fails with TRANSPORT_CONNECT_FAILED and the status when the server declines the upgrade', async () => {
    await expect(createNodeConnector()(server.url.replace('/ws', '/elsewhere'))).rejects.toMatchObject({
      code: 'TRANSPORT_CONNECT_FAILED',
      details: { status: 400 },
    });
  });

  it('fails with TRANSPORT_INVALID_URL for anything but a ws: or wss: URL', async () => {
    for (const url of ['not a url', 'https://127.0.0.1/ws', 'ws://127.0.0.1/ws#x']) {
      await expect(createNodeConnector()(url)).rejects.toMatchObject({ code: 'TRANSPORT_INVALID_URL' });
    }
  });

  it('leaves credentials and the query string out of error details', async () => {
    const port = await unusedPort();
    const error: unknown = await createNodeConnector()(
      `ws://user:secret@127.0.0.1:${port}/ws?token=secret`,
    ).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'TRANSPORT_CONNECT_FAILED' });
    const { details, message } = error as { details: unknown; message: string };
    expect(JSON.stringify(details)).not.toContain('secret');
    expect(message).not.toContain('secret');
  });

  it('fails with TRANSPORT_TIMEOUT once connectTimeoutMs has passed on the injected clock', async () => {
    const silent = await startSilentServer();
    const clock = new FakeClock(0);
    const attempt = createNodeConnector({}, { clock })(silent.url);
    let outcome: unknown;
    attempt.catch((error: unknown) => {
      outcome = error;
    });
    await silent.connected();
    await clock.advance(DEFAULT_NODE_CONNECTOR_OPTIONS.connectTimeoutMs - 1);
    expect(outcome).toBeUndefined();
    await clock.advance(1);
    expect(outcome).toMatchObject({ code: 'TRANSPORT_TIMEOUT', details: { timeoutMs: 15_000 } });
    expect(clock.pendingTimers).toBe(0);
    await silent.close();
  });

  it('abandons the attempt through cancelWith without reading signal, rejecting with the reason as cause', async () => {
    const silent = await startSilentServer();
    const clock = new FakeClock(0);
    let abandon: ((reason: unknown) => void) | undefined;
    let signalReads = 0;
    const options = {
      cancelWith: (given: (reason: unknown) => void) => {
        abandon = given;
      },
      get signal(): AbortSignal {
        signalReads += 1;
        return new AbortController().signal;
      },
    };
    const attempt = createNodeConnector({}, { clock })(silent.url, options);
    expect(abandon).toBeTypeOf('function');
    await silent.connected();
    const reason = new Error('closing');
    abandon?.(reason);
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError', cause: reason });
    expect(signalReads).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    await silent.close();
  });

  it('clears its timer once connected', async () => {
    const clock = new FakeClock(0);
    await connectAndEcho(createNodeConnector({ connectTimeoutMs: 1000 }, { clock }), server);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps nothing of the connection attempt once open, not even the caller’s abort signal', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let collected = false;
    const registry = new FinalizationRegistry(() => {
      collected = true;
    });
    const connect = createNodeConnector();
    const transport = await (async () => {
      const attempt = new AbortController();
      registry.register(attempt.signal, undefined);
      return connect(server.url, { signal: attempt.signal });
    })();
    opened.push(transport, (await server.accepted()).transport);
    for (let i = 0; i < 10 && !collected; i += 1) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(collected).toBe(true);
    // The transport alone reports what the socket does from now on.
    expect(transport.state).toBe('open');
  });

  it('delivers the final text frame of a server that then drops the connection, and reports 1006', async () => {
    const accepted = server.accepted();
    const client = await createNodeConnector()(server.url);
    opened.push(client);
    const { socket } = await accepted;
    const log = recordUntilClose(client);
    // What the BirdTalk server does: a text frame, then the TCP connection closes without a close frame.
    socket.send('logout', () => socket.terminate());
    expect(await log).toEqual([
      ['text', 'logout'],
      ['close', { code: 1006, reason: '', wasClean: false }],
    ]);
  });

  it('answers the server’s pings, and the server end reports the pong', async () => {
    const accepted = server.accepted();
    const client = await createNodeConnector()(server.url);
    opened.push(client);
    const { transport } = await accepted;
    opened.push(transport);
    const pong = nextEvent(transport, 'pong');
    expect(transport.ping(new Uint8Array([4, 2]))).toBe(true);
    expect([...(await pong)[0]]).toEqual([4, 2]);
  });
});

describe('frame size limits', () => {
  it('refuses an incoming frame over maxFrameBytes: an error, then close 1009 on both ends', async () => {
    const server = await startWsServer();
    const accepted = server.accepted();
    const client = await createNodeConnector({ maxFrameBytes: 1024 })(server.url);
    const { transport } = await accepted;
    const atClient = recordUntilClose(client);
    const atServer = nextEvent(transport, 'close');
    transport.send(patternBytes(1024));
    transport.send(patternBytes(1025));
    const log = await atClient;
    expect(log.map(([event]) => event)).toEqual(['frame', 'error', 'close']);
    expect(log[1]?.[1]).toMatchObject({ name: 'TransportError', code: 'TRANSPORT_FRAME_TOO_LARGE' });
    expect(log[2]?.[1]).toMatchObject({ code: 1009, wasClean: false });
    expect((await atServer)[0].code).toBe(1009);
    await server.close();
  });

  it('accepts frames up to 10 MiB by default and refuses larger ones', async () => {
    const server = await startWsServer();
    const accepted = server.accepted();
    const client = await createNodeConnector()(server.url);
    const { transport } = await accepted;
    const frames = collect(client, 'frame', 1);
    const closed = nextEvent(client, 'close');
    const errors = collect(client, 'error', 1);
    transport.send(new Uint8Array(DEFAULT_NODE_CONNECTOR_OPTIONS.maxFrameBytes));
    transport.send(new Uint8Array(DEFAULT_NODE_CONNECTOR_OPTIONS.maxFrameBytes + 1));
    expect((await frames)[0]?.byteLength).toBe(10 * 1024 * 1024);
    expect((await errors)[0]?.code).toBe('TRANSPORT_FRAME_TOO_LARGE');
    expect((await closed)[0].code).toBe(1009);
    await server.close();
  });

  it('reports an oversize frame on a wrapped server socket from the server’s own maxPayload', async () => {
    const server = await startWsServer({ maxPayload: 100 });
    const accepted = server.accepted();
    const client = await createNodeConnector()(server.url);
    const { transport } = await accepted;
    const atServer = recordUntilClose(transport);
    const atClient = nextEvent(client, 'close');
    client.send(new Uint8Array(101));
    const log = await atServer;
    expect(log.map(([event]) => event)).toEqual(['error', 'close']);
    expect(log[0]?.[1]).toMatchObject({ code: 'TRANSPORT_FRAME_TOO_LARGE' });
    expect((await atClient)[0].code).toBe(1009);
    await server.close();
  });

  it('reports a peer that breaks the protocol, and the close code this side sent', async () => {
    const server = await startWsServer();
    const accepted = server.accepted();
    const client = await createNodeConnector()(server.url);
    const { socket } = await accepted;
    const atClient = recordUntilClose(client);
    const atServer = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    // A text frame that is not UTF-8.
    socket.send(Buffer.from([0xff, 0xfe]), { binary: false });
    const log = await atClient;
    expect(log[0]?.[1]).toMatchObject({
      code: 'TRANSPORT_PROTOCOL_VIOLATION',
      details: { wsCode: 'WS_ERR_INVALID_UTF8' },
    });
    expect(log[1]?.[1]).toMatchObject({ code: 1007, wasClean: false });
    expect(await atServer).toBe(1007);
    await server.close();
  });
});

describe('wrapNodeWebSocket', () => {
  it('refuses a socket that is not open', async () => {
    const port = await unusedPort();
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    socket.on('error', () => {});
    expect(() => wrapNodeWebSocket(socket)).toThrow(
      expect.objectContaining({ name: 'TransportError', code: 'TRANSPORT_NOT_OPEN' }),
    );
    socket.terminate();
  });

  it('listens to every socket through the same four functions, not four closures per connection', async () => {
    const server = await startWsServer();
    try {
      const sockets = [];
      for (let i = 0; i < 2; i += 1) {
        const accepted = server.accepted();
        opened.push(await createNodeConnector()(server.url));
        const { socket, transport } = await accepted;
        opened.push(transport);
        sockets.push(socket);
      }
      for (const event of ['message', 'pong', 'error', 'close'] as const) {
        // The transport's is the last listener: ws's server adds its own first.
        const [first, second] = sockets.map((socket) => socket.listeners(event).at(-1));
        expect(typeof first).toBe('function');
        expect(second).toBe(first);
      }
    } finally {
      await server.close();
    }
  });
});
