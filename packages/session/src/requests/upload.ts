import { type MsgUploadReply, type MsgUploadReqInit, toInt64 } from '@birdtalk/proto';
import { type RequestCore, type RequestOptions, request } from './core.js';

/** One chunk of an in-band upload, matched by `sendId` and `fileName`. */
export function upload(
  core: RequestCore,
  chunk: MsgUploadReqInit,
  options: RequestOptions = {},
): Promise<MsgUploadReply> {
  const sendId = chunk?.sendId === undefined ? core.sendIds.next() : toInt64(chunk.sendId);
  return request<MsgUploadReply>(
    core,
    { kind: 'upload', upload: { ...chunk, sendId } },
    {
      label: `upload ${chunk?.fileName}#${chunk?.chunkIndex ?? 0}`,
      match: (inbound) =>
        inbound.kind === 'upload-reply' &&
        inbound.reply.sendId === sendId &&
        inbound.reply.fileName === chunk.fileName
          ? { value: inbound.reply }
          : undefined,
      whenSilent: 'reject',
    },
    options,
    false,
  );
}
