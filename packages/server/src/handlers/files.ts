import { createHash } from 'node:crypto';
import { ComMsgType, ErrorMsgType, type Msg, type MsgDownloadReq, type MsgUploadReq } from '@birdtalk/proto';
import type { ServerContext } from '../context.js';
import { HazardSignal } from '../hazards.js';
import { big } from '../ids.js';
import type { PendingUpload, Session } from '../session.js';
import { storagePath } from '../state/files.js';
import { envelope, send, sendError } from '../wire.js';

/** In-band downloads read and send 1 MiB at a time. */
const CHUNK = 1 << 20;

function uploadReply(
  ctx: ServerContext,
  session: Session,
  req: MsgUploadReq,
  uuidName: string,
  result: string,
  detail: string,
): void {
  send(
    ctx,
    session,
    envelope(ctx, ComMsgType.MsgTUploadReply, {
      uploadReply: {
        result,
        fileName: req.fileName,
        sendId: req.sendId,
        uuidName,
        chunkIndex: req.chunkIndex,
        detail,
      },
    }),
  );
}

/** Go's `filepath.Ext`: from the last dot of the last path element, dot included. */
function goExt(name: string): string {
  for (let i = name.length - 1; i >= 0 && name[i] !== '/'; i -= 1) {
    if (name[i] === '.') return name.slice(i);
  }
  return '';
}

/**
 * The stored name (`getUUIDFileName`): the server's local date, `_`, the base-36 of the first 8 bytes of the
 * hex-decoded hash read as a little-endian uint64 (a snowflake when the hash is not hex), and the extension.
 */
export function storedFileName(ctx: ServerContext, fileName: string, hashCode: string): string {
  let id: bigint;
  if (/^(?:[0-9a-fA-F]{2})+$/.test(hashCode)) id = Buffer.from(hashCode, 'hex').readBigUInt64LE(0);
  else id = BigInt.asUintN(64, ctx.ids.next());
  const date = new Date(ctx.clock.now());
  const day = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  return `${day}_${id.toString(36)}${goExt(fileName)}`;
}

/** Upload (21): chunked, appended in arrival order, checked against the MD5 at the end. No login needed. */
export function handleUpload(ctx: ServerContext, session: Session, msg: Msg): void {
  const req = msg.plainMsg?.uploadReq;
  if (req === undefined) throw new HazardSignal('upload-missing-payload');
  const hashType = req.hashType.toLowerCase();
  if (hashType !== 'md5' && hashType !== 'sha1') {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'hash type is not accepted');
    return;
  }
  if (req.hashCode.length < 16) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'hash code can not be nil');
    return;
  }
  if (req.fileData.length === 0) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'data can not be nil');
    return;
  }
  if (req.chunkIndex === 0) firstChunk(ctx, session, req);
  else nextChunk(ctx, session, req);
}

function firstChunk(ctx: ServerContext, session: Session, req: MsgUploadReq): void {
  const files = ctx.store.files;
  const same = files.newestByHash(req.hashCode);
  if (same !== undefined) {
    const path = storagePath(same.uniqName) ?? [];
    files.mkdirAll(path);
    const stat = files.stat(path);
    if (stat.kind === 'file' || stat.kind === 'dir') {
      const size = stat.kind === 'file' ? stat.size : 4096;
      if (BigInt(size) !== same.fileSize) {
        throw new HazardSignal(
          'upload-size-mismatch-dedupe',
          `${same.uniqName} is ${size} bytes, recorded ${same.fileSize}`,
        );
      }
      // Instant upload: a new record (with this request's declared size), the existing stored name.
      files.records.push({
        hashCode: req.hashCode,
        fileName: req.fileName,
        uniqName: same.uniqName,
        gid: big(req.groupId),
        tm: ctx.clock.now(),
        fileSize: big(req.fileSize),
        userId: session.userId,
      });
      uploadReply(ctx, session, req, same.uniqName, 'sameok', 'find same one');
      return;
    }
  }
  const uniqName = storedFileName(ctx, req.fileName, req.hashCode);
  const path = storagePath(uniqName);
  if (path === undefined || !files.mkdirAll(path)) {
    uploadReply(ctx, session, req, '', 'fail', 'save file info err');
    return;
  }
  const handle = files.create(path);
  if (handle === undefined) {
    uploadReply(ctx, session, req, '', 'fail', 'create file  err');
    return;
  }
  const upload: PendingUpload = {
    fileName: req.fileName,
    uniqName,
    hashCode: req.hashCode,
    gid: big(req.groupId),
    fileSize: big(req.fileSize),
    handle,
    md5: createHash('md5'),
  };
  write(ctx, upload, req.fileData);
  if (req.chunkCount === 1) {
    finish(ctx, session, req, upload);
    return;
  }
  // A pending upload of the same name is closed and its file removed: when both map to the same stored
  // path, that removes the new file too, and the upload later "succeeds" without a file.
  const previous = session.uploads.get(req.fileName);
  if (previous !== undefined) files.remove(previous.handle.path);
  session.uploads.set(req.fileName, upload);
  uploadReply(ctx, session, req, '', 'chunkok', 'wait next truck');
}

function nextChunk(ctx: ServerContext, session: Session, req: MsgUploadReq): void {
  const upload = session.uploads.get(req.fileName);
  if (upload === undefined) {
    uploadReply(ctx, session, req, '', 'fail', 'should send truck 0 first');
    return;
  }
  write(ctx, upload, req.fileData);
  if (req.chunkIndex === req.chunkCount - 1) finish(ctx, session, req, upload);
  else uploadReply(ctx, session, req, '', 'chunkok', 'wait next');
}

function write(ctx: ServerContext, upload: PendingUpload, data: Uint8Array): void {
  ctx.store.files.write(upload.handle, data);
  upload.md5.update(data);
}

function finish(ctx: ServerContext, session: Session, req: MsgUploadReq, upload: PendingUpload): void {
  const files = ctx.store.files;
  if (upload.md5.copy().digest('hex') !== upload.hashCode) {
    // cleanSFile: remove the file; when that fails the pending entry is (like on the real server) kept.
    if (files.files.has(upload.handle.path)) {
      files.remove(upload.handle.path);
      session.uploads.delete(upload.fileName);
    }
    uploadReply(ctx, session, req, '', 'fail', 'md5 hash code is not same');
    return;
  }
  files.records.push({
    hashCode: upload.hashCode,
    fileName: upload.fileName,
    uniqName: upload.uniqName,
    gid: upload.gid,
    tm: ctx.clock.now(),
    fileSize: upload.fileSize,
    userId: session.userId,
  });
  session.uploads.delete(upload.fileName);
  uploadReply(ctx, session, req, upload.uniqName, 'fileok', 'finish');
}

function downloadReply(
  ctx: ServerContext,
  session: Session,
  req: MsgDownloadReq,
  result: string,
  detail: string,
  fields: {
    size?: number;
    chunkIndex?: number;
    chunkCount?: number;
    chunkSize?: number;
    data?: Uint8Array;
  } = {},
): void {
  send(
    ctx,
    session,
    envelope(ctx, ComMsgType.MsgTDownloadReply, {
      downloadReply: {
        result,
        detail,
        fileName: req.fileName,
        realName: '',
        offset: 0,
        size: fields.size ?? 0,
        chunkIndex: fields.chunkIndex ?? 0,
        chunkCount: fields.chunkCount ?? 0,
        chunkSize: fields.chunkSize ?? 0,
        data: fields.data,
        hashCode: '',
        hashType: 'md5',
      },
    }),
  );
}

/**
 * Download (22), in band, faithful to the real server's quirks: every chunk carries the whole 1 MiB buffer
 * (stale bytes after the end included), `chunkCount` is `(size + 1 MiB) / 1 MiB`, and a file whose size is a
 * multiple of 1 MiB (or empty) ends with "fail" instead of "finish".
 */
export function handleDownload(ctx: ServerContext, session: Session, msg: Msg): void {
  const req = msg.plainMsg?.downloadReq;
  if (req === undefined) {
    sendError(ctx, session, ErrorMsgType.ErrTMsgContent, 'download request is null');
    return;
  }
  const path = storagePath(req.fileName);
  const stat = ctx.store.files.stat(path);
  if (stat.kind === 'error') throw new HazardSignal('download-bad-name', `stat failed: ${stat.reason}`);
  if (stat.kind === 'missing' || path === undefined) {
    downloadReply(ctx, session, req, 'fail', 'not exist');
    return;
  }
  const content = stat.kind === 'file' ? ctx.store.files.read(path) : undefined;
  if (content === undefined) {
    downloadReply(ctx, session, req, 'fail', 'open file error');
    return;
  }
  const size = content.length;
  const chunkCount = Math.floor((size + CHUNK) / CHUNK);
  const buffer = Buffer.alloc(CHUNK);
  let index = 0;
  let offset = 0;
  for (;;) {
    const n = Math.min(CHUNK, size - offset);
    if (n <= 0) {
      downloadReply(ctx, session, req, 'fail', 'open file error');
      return;
    }
    content.copy(buffer, 0, offset, offset + n);
    offset += n;
    downloadReply(ctx, session, req, 'trunk', '', {
      size,
      chunkIndex: index,
      chunkCount,
      chunkSize: CHUNK,
      data: Buffer.from(buffer),
    });
    if (n < CHUNK) break;
    index += 1;
  }
  downloadReply(ctx, session, req, 'finish', '', {
    size,
    chunkIndex: index,
    chunkCount,
    chunkSize: CHUNK,
    data: Buffer.from(buffer),
  });
}
