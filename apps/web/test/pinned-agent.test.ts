import { request } from 'node:https';
import { createServer } from '@birdtalk/server';
import { describe, expect, it } from 'vitest';
import { normalizePin, pinnedAgent } from '../dev/pinned-agent.js';
import { birdtalkProxy, originOf } from '../dev/serve.js';

function get(url: string, agent: ReturnType<typeof pinnedAgent>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the forwarding to a real server', () => {
  it('trusts exactly the pinned self-signed certificate', async () => {
    const server = await createServer({ port: 0, host: '127.0.0.1', strict: true, tls: 'self-signed' });
    try {
      const pin = server.certificate!.sha256;
      const colons = pin.toUpperCase().match(/../g)!.join(':');
      const answer = await get(`${server.httpUrl}/filestore/missing.txt`, pinnedAgent(colons));
      expect(answer.status).toBe(404);
      await expect(
        get(`${server.httpUrl}/filestore/missing.txt`, pinnedAgent('0'.repeat(64))),
      ).rejects.toThrow(/not the pinned one/);
    } finally {
      await server.close();
    }
  });

  it('refuses a pin that is not a SHA-256', () => {
    expect(() => normalizePin('abc')).toThrow(/64 hex digits/);
  });

  it('forwards /ws as a WebSocket and /filestore to the server, verifying its certificate unless told not to', () => {
    expect(originOf('wss://chat.example.com:7817/ws')).toBe('https://chat.example.com:7817');
    expect(originOf('ws://127.0.0.1:9/ws')).toBe('http://127.0.0.1:9');
    expect(() => originOf('ftp://x/')).toThrow();
    const proxy = birdtalkProxy('wss://chat.example.com:7817/ws');
    expect(proxy['/ws']).toMatchObject({ target: 'https://chat.example.com:7817', ws: true, secure: true });
    expect(proxy['/filestore']).toMatchObject({ target: 'https://chat.example.com:7817', secure: true });
    expect(birdtalkProxy('wss://h/ws', { insecure: true })['/ws']).toMatchObject({ secure: false });
  });
});
