import { ComMsgType, type MsgUploadReqInit } from '@birdtalk/proto';
import { FakeClock } from '@birdtalk/runtime/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type BirdTalkServer, createServer } from '../src/index.js';
import { connectMemory, pick, type TestClient } from './helpers/client.js';
import { downloadToken, md5Hex } from './helpers/crypto.js';
import { keyExchange, msg, nextError } from './helpers/protocol.js';

let server: BirdTalkServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

async function start(options: Parameters<typeof createServer>[0] = {}) {
  server = await createServer({ clock: new FakeClock(NOW), ...options });
  return server;
}

function day(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** The stored name the protocol defines: date, base36 of the first 8 hash bytes (LE), extension. */
function expectedName(hash: string, ext: string): string {
  return `${day(NOW)}_${Buffer.from(hash, 'hex').readBigUInt64LE(0).toString(36)}${ext}`;
}

function upload(fields: MsgUploadReqInit) {
  return msg(ComMsgType.MsgTUpload, { uploadReq: { hashType: 'md5', sendId: 3, ...fields } });
}

async function uploadReply(client: TestClient) {
  const reply = await client.waitFor('uploadReply');
  expect(reply.msgType).toBe(ComMsgType.MsgTUploadReply);
  return reply.plainMsg!.uploadReply!;
}

/** Uploads `data` in `chunkSize` pieces; returns the replies. */
async function uploadAll(
  client: TestClient,
  name: string,
  data: Buffer,
  chunkSize: number,
  declared = data.length,
) {
  const hashCode = md5Hex(data);
  const count = Math.max(1, Math.ceil(data.length / chunkSize));
  const replies = [];
  for (let i = 0; i < count; i += 1) {
    client.send(
      upload({
        fileName: name,
        fileSize: declared,
        fileData: data.subarray(i * chunkSize, (i + 1) * chunkSize),
        hashCode,
        chunkIndex: i,
        chunkCount: count,
        chunkSize,
      }),
    );
    const reply = await uploadReply(client);
    replies.push(reply);
    if (reply.result === 'sameok') break;
  }
  return replies;
}

describe('in-band upload', () => {
  it('stores a one-chunk file under YYYYMMDD_<base36>.<ext>, without login', async () => {
    const s = await start({ listen: false });
    const client = await connectMemory(s);
    const data = Buffer.from('hello world');
    const [reply] = await uploadAll(client, 'dir/photo.tar.gz', data, 1024);
    expect(pick(reply, ['result', 'detail', 'fileName', 'sendId', 'chunkIndex', 'uuidName'])).toEqual({
      result: 'fileok',
      detail: 'finish',
      fileName: 'dir/photo.tar.gz',
      sendId: '3',
      chunkIndex: 0,
      uuidName: expectedName(md5Hex(data), '.gz'),
    });
    expect(s.listFiles()[0]).toMatchObject({
      userId: '0',
      fileSize: String(data.length),
      fileName: 'dir/photo.tar.gz',
    });
    expect(Buffer.from(s.listFiles()[0]!.content!)).toEqual(data);
  });

  it('acknowledges chunks ("wait next truck", "wait next") and checks the MD5 at the end', async () => {
    const s = await start({ listen: false });
    const client = await connectMemory(s);
    const data = Buffer.from('0123456789abcdef');
    const replies = await uploadAll(client, 'a.txt', data, 6);
    expect(replies.map((r) => [r.result, r.detail, r.uuidName === '' ? '' : 'name'])).toEqual([
      ['chunkok', 'wait next truck', ''],
      ['chunkok', 'wait next', ''],
      ['fileok', 'finish', 'name'],
    ]);
    client.send(
      upload({
        fileName: 'b.txt',
        fileData: Buffer.from('x'),
        hashCode: md5Hex(Buffer.from('y')),
        chunkCount: 1,
      }),
    );
    expect(pick(await uploadReply(client), ['result', 'detail'])).toEqual({
      result: 'fail',
      detail: 'md5 hash code is not same',
    });
    client.send(
      upload({
        fileName: 'c.txt',
        fileData: Buffer.from('x'),
        hashCode: md5Hex(Buffer.from('x')),
        chunkIndex: 1,
        chunkCount: 2,
      }),
    );
    expect(pick(await uploadReply(client), ['result', 'detail'])).toEqual({
      result: 'fail',
      detail: 'should send truck 0 first',
    });
  });

  it('answers an already stored hash with sameok on chunk 0', async () => {
    const s = await start({ listen: false });
    const client = await connectMemory(s);
    const data = Buffer.from('same bytes');
    const [first] = await uploadAll(client, 'one.bin', data, 100);
    const [second] = await uploadAll(client, 'two.bin', data, 100);
    expect(pick(second, ['result', 'detail', 'uuidName'])).toEqual({
      result: 'sameok',
      detail: 'find same one',
      uuidName: first!.uuidName,
    });
    expect(s.listFiles()).toHaveLength(2);
  });

  it('validates hash type, hash code and data (error 14); sha1 passes but fails the MD5 check', async () => {
    const client = await connectMemory(await start({ listen: false }));
    client.send(upload({ hashType: 'crc', fileData: Buffer.from('x'), hashCode: 'a'.repeat(32) }));
    expect((await nextError(client)).detail).toBe('hash type is not accepted');
    client.send(upload({ hashCode: 'abc', fileData: Buffer.from('x') }));
    expect((await nextError(client)).detail).toBe('hash code can not be nil');
    client.send(upload({ hashCode: 'a'.repeat(32) }));
    expect((await nextError(client)).detail).toBe('data can not be nil');
    client.send(
      upload({ hashType: 'SHA1', hashCode: 'a'.repeat(40), fileData: Buffer.from('x'), chunkCount: 1 }),
    );
    expect((await uploadReply(client)).detail).toBe('md5 hash code is not same');
  });

  it('resending chunk 0 of a pending upload ends in fileok with the file missing (as on the real server)', async () => {
    const s = await start({ listen: false });
    const client = await connectMemory(s);
    const data = Buffer.from('abcdefgh');
    const hashCode = md5Hex(data);
    const chunk0 = upload({
      fileName: 'f.txt',
      fileData: data.subarray(0, 4),
      hashCode,
      chunkIndex: 0,
      chunkCount: 2,
    });
    client.send(chunk0);
    await uploadReply(client);
    client.send(
      upload({ fileName: 'f.txt', fileData: data.subarray(0, 4), hashCode, chunkIndex: 0, chunkCount: 2 }),
    );
    await uploadReply(client);
    client.send(
      upload({ fileName: 'f.txt', fileData: data.subarray(4), hashCode, chunkIndex: 1, chunkCount: 2 }),
    );
    expect((await uploadReply(client)).result).toBe('fileok');
    expect(s.listFiles()[0]?.content).toBeUndefined();
  });
});

describe('in-band download', () => {
  it('sends 1 MiB chunks ("trunk") and "finish", each carrying the whole buffer', async () => {
    const s = await start({ listen: false });
    const client = await connectMemory(s);
    const data = Buffer.alloc((1 << 20) + 10, 7);
    const replies = await uploadAll(client, 'big.bin', data, 4 << 20);
    client.send(
      msg(ComMsgType.MsgTDownload, { downloadReq: { fileName: replies[0]!.uuidName, sendId: 'x' } }),
    );
    const chunks = [];
    for (let i = 0; i < 3; i += 1)
      chunks.push((await client.waitFor('downloadReply')).plainMsg!.downloadReply!);
    expect(chunks.map((c) => [c.result, c.chunkIndex, c.chunkCount, c.size, c.data.length])).toEqual([
      ['trunk', 0, 2, String(data.length), 1 << 20],
      ['trunk', 1, 2, String(data.length), 1 << 20],
      ['finish', 1, 2, String(data.length), 1 << 20],
    ]);
    expect(pick(chunks[0], ['hashType', 'chunkSize', 'fileName', 'sendId'])).toEqual({
      hashType: 'md5',
      chunkSize: 1 << 20,
      fileName: replies[0]!.uuidName,
      sendId: '',
    });
    // The last chunk's buffer holds 10 new bytes, then stale bytes of the chunk before.
    expect(chunks[1]!.data[10]).toBe(7);
  });

  it('a file of exactly 1 MiB ends with "fail"; an unknown name is "not exist"', async () => {
    const s = await start({ listen: false });
    const client = await connectMemory(s);
    const [reply] = await uploadAll(client, 'm.bin', Buffer.alloc(1 << 20, 1), 4 << 20);
    client.send(msg(ComMsgType.MsgTDownload, { downloadReq: { fileName: reply!.uuidName } }));
    expect((await client.waitFor('downloadReply')).plainMsg?.downloadReply?.result).toBe('trunk');
    expect(
      pick((await client.waitFor('downloadReply')).plainMsg?.downloadReply, ['result', 'detail']),
    ).toEqual({
      result: 'fail',
      detail: 'open file error',
    });
    client.send(msg(ComMsgType.MsgTDownload, { downloadReq: { fileName: '20990101_zzzz.png' } }));
    expect(
      pick((await client.waitFor('downloadReply')).plainMsg?.downloadReply, ['result', 'detail', 'size']),
    ).toEqual({
      result: 'fail',
      detail: 'not exist',
      size: '0',
    });
    client.send(msg(ComMsgType.MsgTDownload, { heartBeat: {} }));
    expect((await nextError(client)).detail).toBe('download request is null');
  });
});

describe('HTTP downloads', () => {
  it('GET /filestore/<name> serves the bytes (with ranges) or 404 "File not found"', async () => {
    const s = await start();
    const client = await connectMemory(s);
    const data = Buffer.from('http body');
    const [reply] = await uploadAll(client, 'x.txt', data, 100);
    const ok = await fetch(`${s.httpUrl}/filestore/${reply!.uuidName}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(data);
    const part = await fetch(`${s.httpUrl}/filestore/${reply!.uuidName}`, { headers: { range: 'bytes=5-' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('body');
    const missing = await fetch(`${s.httpUrl}/filestore/20990101_abcd.txt`);
    expect([missing.status, await missing.text()]).toEqual([404, 'File not found']);
    const other = await fetch(`${s.httpUrl}/elsewhere`);
    expect([other.status, await other.text()]).toEqual([404, '404 page not found']);
  });

  it('GET /filestore/download?u=&sign= checks the key print, the token, its expiry and the name', async () => {
    const s = await start();
    const client = await connectMemory(s);
    const token = await keyExchange(client);
    const [reply] = await uploadAll(client, 'signed.txt', Buffer.from('secret file'), 100);
    const name = reply!.uuidName;
    const nowSeconds = Math.floor(NOW / 1000);
    const get = async (u: string, sign: string) => {
      const res = await fetch(`${s.httpUrl}/filestore/download?u=${encodeURIComponent(u)}&sign=${sign}`);
      return [res.status, await res.text()];
    };
    expect(await get(token.keyPrint, downloadToken(token.key, name, nowSeconds + 300))).toEqual([
      200,
      'secret file',
    ]);
    expect(await get(token.keyPrint, downloadToken(token.key, name, nowSeconds - 1))).toEqual([
      404,
      'sign is expired',
    ]);
    expect(await get(token.keyPrint, 'AAAA')).toEqual([404, 'decrypt file token failed']);
    expect(await get(token.keyPrint, downloadToken(Buffer.alloc(32, 1), name, nowSeconds + 300))).toEqual([
      404,
      'decrypt file token failed',
    ]);
    expect(await get('12', downloadToken(token.key, name, nowSeconds + 300))).toEqual([
      404,
      'user key print error',
    ]);
    expect(await get('x', 'y')).toEqual([404, 'user key print error']);
    expect(await get(token.keyPrint, downloadToken(token.key, '', nowSeconds + 300))).toEqual([
      404,
      'filename not found',
    ]);
    expect(
      await get(token.keyPrint, downloadToken(token.key, '20990101_qqqq.txt', nowSeconds + 300)),
    ).toEqual([404, 'File not found']);
  });
});

describe('file hazards', () => {
  it('an upload frame without its payload', async () => {
    const s = await start({ listen: false, expectedHazards: ['upload-missing-payload'] });
    const client = await connectMemory(s);
    client.send(msg(ComMsgType.MsgTUpload, { downloadReq: {} }));
    expect((await client.closed()).code).toBe(1006);
    expect(s.hazards().map((h) => h.name)).toEqual(['upload-missing-payload']);
  });

  it('a same-hash upload after a wrong declared size', async () => {
    const s = await start({ listen: false, expectedHazards: ['upload-size-mismatch-dedupe'] });
    const client = await connectMemory(s);
    const data = Buffer.from('sized');
    await uploadAll(client, 'a.bin', data, 100, 999);
    client.send(
      upload({ fileName: 'b.bin', fileSize: 5, fileData: data, hashCode: md5Hex(data), chunkCount: 1 }),
    );
    expect((await client.closed()).code).toBe(1006);
    expect(s.hazards().map((h) => h.name)).toEqual(['upload-size-mismatch-dedupe']);
  });

  it('an in-band download of a name the file system refuses', async () => {
    const s = await start({ listen: false, strict: false, expectedHazards: ['download-bad-name'] });
    const client = await connectMemory(s);
    await uploadAll(client, 'seed.txt', Buffer.from('x'), 10);
    client.send(
      msg(ComMsgType.MsgTDownload, { downloadReq: { fileName: `${day(NOW)}_${'a'.repeat(300)}.txt` } }),
    );
    expect(await nextError(client)).toMatchObject({ code: 9, params: { hazard: 'download-bad-name' } });
    client.send(msg(ComMsgType.MsgTDownload, { downloadReq: { fileName: 'nul\u0000.txt' } }));
    expect(await nextError(client)).toMatchObject({ code: 9, params: { hazard: 'download-bad-name' } });
    expect(s.hazards().map((h) => h.name)).toEqual(['download-bad-name', 'download-bad-name']);
  });
});
