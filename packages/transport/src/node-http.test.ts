import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTlsSink, unusedPort } from '../test/servers.js';
import { createTestCertificate, type TestCertificate } from '../test/tls-fixture.js';
import { createNodeHttpGet } from './node.js';

const payload = Buffer.alloc(300_000, 7);

function handler(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/file') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    res.end(payload);
  } else if (req.url === '/slow') {
    res.writeHead(200);
    res.write('partial');
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('File not found');
  }
}

async function listen(server: Server): Promise<{ port: number; requests: () => number }> {
  let requests = 0;
  server.on('request', () => {
    requests += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, requests: () => requests };
}

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

const closing: Server[] = [];
afterAll(async () => {
  for (const server of closing) server.closeAllConnections();
  await Promise.all(closing.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('createNodeHttpGet over plain HTTP', () => {
  let base: string;
  beforeAll(async () => {
    const server = createHttpServer(handler);
    closing.push(server);
    base = `http://127.0.0.1:${(await listen(server)).port}`;
  });

  it('streams a body and reads error texts', async () => {
    const get = createNodeHttpGet();
    const ok = await get(`${base}/file`);
    expect(ok.status).toBe(200);
    expect((await bytesOf(ok.body)).equals(payload)).toBe(true);
    const missing = await get(`${base}/nothing`);
    expect([missing.status, await missing.text()]).toEqual([404, 'File not found']);
  });

  it('aborts, before and during a response', async () => {
    const get = createNodeHttpGet();
    const controller = new AbortController();
    controller.abort();
    await expect(get(`${base}/file`, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const during = new AbortController();
    const slow = await get(`${base}/slow`, { signal: during.signal });
    const reading = bytesOf(slow.body);
    during.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses other schemes and reports refused connections', async () => {
    const get = createNodeHttpGet();
    await expect(get('ftp://127.0.0.1/x')).rejects.toMatchObject({ code: 'TRANSPORT_INVALID_URL' });
    await expect(get('not a url')).rejects.toMatchObject({ code: 'TRANSPORT_INVALID_URL' });
    await expect(get(`http://127.0.0.1:${await unusedPort()}/x`)).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_CONNECT_FAILED',
      details: { nodeCode: 'ECONNREFUSED' },
    });
  });
});

describe('createNodeHttpGet over TLS', () => {
  let valid: TestCertificate;
  let expired: TestCertificate;
  let stranger: TestCertificate;
  let validUrl: string;
  let expiredUrl: string;
  let expiredRequests: () => number;

  beforeAll(async () => {
    [valid, expired, stranger] = await Promise.all([
      createTestCertificate(),
      createTestCertificate({ expired: true }),
      createTestCertificate({ dnsNames: ['stranger.test'] }),
    ]);
    const validServer = createHttpsServer({ cert: valid.cert, key: valid.key }, handler);
    const expiredServer = createHttpsServer({ cert: expired.cert, key: expired.key }, handler);
    closing.push(validServer, expiredServer);
    validUrl = `https://127.0.0.1:${(await listen(validServer)).port}/file`;
    const listening = await listen(expiredServer);
    expiredUrl = `https://127.0.0.1:${listening.port}/file`;
    expiredRequests = listening.requests;
  });

  it('verifies certificates by default', async () => {
    await expect(createNodeHttpGet()(validUrl)).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_TLS_UNTRUSTED',
      details: { nodeCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    });
  });

  it('trusts a certificate given as ca', async () => {
    const response = await createNodeHttpGet({ ca: valid.cert })(validUrl);
    expect((await bytesOf(response.body)).equals(payload)).toBe(true);
    await expect(createNodeHttpGet({ ca: [stranger.cert] })(validUrl)).rejects.toMatchObject({
      code: 'TRANSPORT_TLS_UNTRUSTED',
    });
  });

  it('trusts a pinned certificate even when it is expired, as the real server ships it', async () => {
    const response = await createNodeHttpGet({ pinSha256: expired.sha256 })(expiredUrl);
    expect(response.status).toBe(200);
    expect((await bytesOf(response.body)).equals(payload)).toBe(true);
  });

  it('refuses a certificate that matches no pin before sending the request', async () => {
    const before = expiredRequests();
    await expect(createNodeHttpGet({ pinSha256: [stranger.sha256] })(expiredUrl)).rejects.toMatchObject({
      name: 'TransportError',
      code: 'TRANSPORT_TLS_PIN_MISMATCH',
    });
    // Even with verification disabled, a pin is enforced.
    await expect(
      createNodeHttpGet({ pinSha256: stranger.sha256, dangerouslyDisableTlsVerification: true })(expiredUrl),
    ).rejects.toMatchObject({ code: 'TRANSPORT_TLS_PIN_MISMATCH' });
    expect(expiredRequests()).toBe(before);
    const sink = await startTlsSink(valid);
    const url = sink.url.replace('wss:', 'https:');
    await expect(createNodeHttpGet({ pinSha256: stranger.sha256 })(url)).rejects.toMatchObject({
      code: 'TRANSPORT_TLS_PIN_MISMATCH',
    });
    await sink.settled();
    expect(sink.bytesReceived).toBe(0);
    await sink.close();
  });

  it('accepts anything when verification is disabled', async () => {
    const response = await createNodeHttpGet({ dangerouslyDisableTlsVerification: true })(expiredUrl);
    expect(response.status).toBe(200);
    await response.text();
  });

  it('refuses malformed pins at creation', () => {
    expect(() => createNodeHttpGet({ pinSha256: 'abc' })).toThrow(TypeError);
  });
});
