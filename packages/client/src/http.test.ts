import { describe, expect, it } from 'vitest';
import { createFetchHttpGet, httpBaseUrlOf } from './http.js';

describe('the HTTP origin of a server', () => {
  it.each([
    ['wss://chat.example.com:7817/ws', 'https://chat.example.com:7817'],
    ['ws://127.0.0.1:5000/ws', 'http://127.0.0.1:5000'],
    ['wss://[::1]:7817/ws', 'https://[::1]:7817'],
    ['https://host/ws', 'https://host'],
  ])('%s → %s', (url, origin) => {
    expect(httpBaseUrlOf(url)).toBe(origin);
  });

  it.each(['not a url', 'ftp://host/ws'])('refuses %s', (url) => {
    expect(() => httpBaseUrlOf(url)).toThrow(expect.objectContaining({ code: 'INVALID_URL' }));
  });
});

describe('HTTP GET on fetch', () => {
  it('streams the body and reads text', async () => {
    const get = createFetchHttpGet(async () => new Response(new Uint8Array([1, 2, 3]), { status: 200 }));
    const response = await get('https://host/filestore/x', {});
    const chunks: number[] = [];
    for await (const chunk of response.body) chunks.push(...chunk);
    expect(response.status).toBe(200);
    expect(chunks).toEqual([1, 2, 3]);
    const text = await (
      await createFetchHttpGet(async () => new Response('missing', { status: 404 }))('u', {})
    ).text();
    expect(text).toBe('missing');
  });

  it('turns a network failure into a TransportError without the signed query in it', async () => {
    const get = createFetchHttpGet(async () => {
      throw new TypeError('fetch failed');
    });
    const failure = await get('https://host/filestore/download?u=1&sign=secret', {}).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'TransportError', code: 'HTTP_FAILED' });
    expect(JSON.stringify((failure as { details: unknown }).details)).not.toContain('secret');
  });
});
