import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../context.js';
import { openGcm } from '../crypto/ciphers.js';
import { decodeGoBase64 } from '../crypto/go-base64.js';
import { parseGoInt } from '../ids.js';
import { storagePath } from '../state/files.js';

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.zip': 'application/zip',
};

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * The real server's HTTP routes besides `/ws`: `GET /filestore/<name>` (no authentication) and
 * `GET /filestore/download?u=<keyPrint>&sign=<token>`, both answering 404 with the real texts. Every other
 * request gets gin's "404 page not found".
 */
export function handleHttp(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/');
    if (req.method === 'GET' && parts.length === 3 && parts[1] === 'filestore' && parts[2] !== '') {
      let name: string;
      try {
        name = decodeURIComponent(parts[2]!);
      } catch {
        name = parts[2]!;
      }
      if (name === 'download') signedDownload(ctx, req, res, url);
      else serveStored(ctx, req, res, name);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/ws') {
      text(res, 400, 'Bad Request');
      return;
    }
    text(res, 404, '404 page not found');
  } catch (error) {
    ctx.logger.error('http request failed', { error: String(error) });
    if (!res.headersSent) text(res, 500, 'Internal Server Error');
    else res.destroy();
  }
}

function signedDownload(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const keyPrint = parseGoInt(url.searchParams.get('u') ?? '');
  const token = keyPrint === undefined ? undefined : ctx.store.tokens.load(keyPrint);
  if (token === undefined) {
    text(res, 404, 'user key print error');
    return;
  }
  const raw = decodeGoBase64(url.searchParams.get('sign') ?? '', 'rawurl');
  const plain = raw.ok ? openGcm(token.key, raw.bytes) : undefined;
  const decoded = plain === undefined ? undefined : Buffer.from(plain).toString('utf8');
  const bar = decoded?.indexOf('|') ?? -1;
  const expires = decoded === undefined || bar < 0 ? undefined : parseGoInt(decoded.slice(0, bar));
  if (decoded === undefined || expires === undefined) {
    text(res, 404, 'decrypt file token failed');
    return;
  }
  if (BigInt(Math.floor(ctx.clock.now() / 1000)) > expires) {
    text(res, 404, 'sign is expired');
    return;
  }
  const fileName = decoded.slice(bar + 1);
  if (fileName === '') {
    text(res, 404, 'filename not found');
    return;
  }
  serveStored(ctx, req, res, fileName);
}

/** `c.File`: the bytes, with a content type by extension and single-range support. */
function serveStored(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, name: string): void {
  const path = storagePath(name);
  const stat = ctx.store.files.stat(path);
  if (stat.kind === 'missing' || path === undefined) {
    text(res, 404, 'File not found');
    return;
  }
  const content = stat.kind === 'file' ? ctx.store.files.read(path) : undefined;
  if (content === undefined) {
    text(
      res,
      stat.kind === 'dir' ? 404 : 500,
      stat.kind === 'dir' ? 'File not found' : 'Internal Server Error',
    );
    return;
  }
  const dot = name.lastIndexOf('.');
  const type = (dot >= 0 ? MIME[name.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range !== null && (range[1] !== '' || range[2] !== '')) {
    const size = content.length;
    let start: number;
    let end: number;
    if (range[1] === '') {
      start = Math.max(0, size - Number(range[2]));
      end = size - 1;
    } else {
      start = Number(range[1]);
      end = range[2] === '' ? size - 1 : Math.min(size - 1, Number(range[2]));
    }
    if (start >= size || start > end) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      res.end();
      return;
    }
    res.writeHead(206, {
      'Content-Type': type,
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Accept-Ranges': 'bytes',
    });
    res.end(content.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': content.length, 'Accept-Ranges': 'bytes' });
  res.end(content);
}
