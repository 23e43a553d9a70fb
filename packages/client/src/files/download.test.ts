import { openDownloadToken, type StoredKey } from '@birdtalk/crypto';
import { isBirdTalkError } from '@birdtalk/errors';
import { FakeClock } from '@birdtalk/runtime/testing';
import { describe, expect, it } from 'vitest';
import { fakeContext, fakeSession } from '../../test/support/fake-context.js';
import type { HttpGet } from '../context.js';
import { checkStoredName, collect, downloadUrl, fetchStored, isStoredName } from './download.js';

const key: StoredKey = {
  serverUrl: 'ws://x',
  account: '10001',
  keyPrint: '-1234567',
  sharedKey: new Uint8Array(32).fill(7),
  encType: 'AES-CTR',
  createdAt: 0,
};
const clock = new FakeClock(1_750_000_000_500);
const context = (withKey: boolean, httpGet?: HttpGet) =>
  fakeContext(fakeSession().session, {
    clock,
    currentKey: () => (withKey ? key : undefined),
    httpBaseUrl: 'https://chat.example:7817/',
    ...(httpGet === undefined ? {} : { httpGet }),
  });

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}
const respond =
  (status: number, body: string, seen: string[] = []): HttpGet =>
  async (url) => {
    seen.push(url);
    return { status, body: chunks(body), text: async () => body };
  };

describe('stored names', () => {
  it('accepts only names of the form the server gives', () => {
    for (const name of ['20250101_3k9x.jpg', '20250101_abc', '20241231_0123456789.tar', '20250101_x.ünï']) {
      expect(isStoredName(name)).toBe(true);
    }
    for (const name of [
      '',
      'a.jpg',
      '2025011_x.jpg',
      '20250101_X.jpg',
      '20250101_x.a.b',
      '20250101_x/../y',
      `20250101_${'a'.repeat(300)}`,
      '20250101_x.a b',
      '20250101_x.a?b',
    ]) {
      expect(isStoredName(name)).toBe(false);
    }
    expect(() => checkStoredName('../etc/passwd')).toThrow(
      expect.objectContaining({ code: 'INVALID_STORED_NAME' }),
    );
  });
});

describe('download URLs', () => {
  it('signs with the current key: keyPrint, and a token for "<now + 300 s>|<name>"', () => {
    const { url, route } = downloadUrl(context(true), '20250101_abc.png');
    expect(route).toBe('signed');
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname).toBe('https://chat.example:7817/filestore/download');
    expect(parsed.searchParams.get('u')).toBe('-1234567');
    const sign = parsed.searchParams.get('sign')!;
    expect(sign).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(openDownloadToken(key.sharedKey, sign)).toEqual({
      expiresSeconds: 1_750_000_000 + 300,
      fileName: '20250101_abc.png',
    });
  });

  it('falls back to the plain route without a key, or when asked', () => {
    expect(downloadUrl(context(false), '20250101_abc.png')).toEqual({
      url: 'https://chat.example:7817/filestore/20250101_abc.png',
      route: 'plain',
    });
    expect(downloadUrl(context(true), '20250101_abc.png', 'plain').route).toBe('plain');
  });
});

describe('fetching', () => {
  it('streams a 200 body', async () => {
    const seen: string[] = [];
    const body = await fetchStored(context(false, respond(200, 'hello', seen)), '20250101_abc.txt');
    expect(new TextDecoder().decode(await collect(body, 100))).toBe('hello');
    expect(seen).toEqual(['https://chat.example:7817/filestore/20250101_abc.txt']);
  });

  it.each([
    [false, 404, 'File not found', 'FILE_NOT_FOUND'],
    [true, 404, 'filename not found', 'FILE_NOT_FOUND'],
    [true, 404, 'sign is expired', 'DOWNLOAD_REFUSED'],
    [true, 404, 'user key print error', 'DOWNLOAD_REFUSED'],
    [false, 500, 'Internal Server Error', 'DOWNLOAD_FAILED'],
  ])('maps (signed %s) HTTP %i "%s" to %s', async (signed, status, text, code) => {
    const error = await fetchStored(context(signed, respond(status, text)), '20250101_abc.txt').catch(
      (e: unknown) => e,
    );
    expect(isBirdTalkError(error, code)).toBe(true);
    expect(error).toMatchObject({ name: 'ProtocolError', serverDetail: text, details: { status } });
  });

  it('refuses bad names before any request', async () => {
    const seen: string[] = [];
    await expect(fetchStored(context(true, respond(200, '', seen)), 'x.txt')).rejects.toMatchObject({
      code: 'INVALID_STORED_NAME',
    });
    expect(seen).toEqual([]);
  });

  it('wraps a broken body in a typed error and limits collected sizes', async () => {
    const broken: HttpGet = async () => ({
      status: 200,
      body: (async function* () {
        yield new Uint8Array(1);
        throw new Error('socket hang up');
      })(),
      text: async () => '',
    });
    const body = await fetchStored(context(false, broken), '20250101_abc.txt');
    await expect(collect(body, 10)).rejects.toMatchObject({ name: 'TransportError' });
    await expect(collect(chunks('12345'), 4)).rejects.toMatchObject({ code: 'DOWNLOAD_TOO_LARGE' });
  });
});
