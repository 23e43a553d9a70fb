import { ChatMsgType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { fakeContext, fakeSession, type SentContent } from '../test/support/fake-context.js';
import { group, p2p } from './chat-target.js';
import { readContent } from './content.js';
import { createFilesApi } from './files/api.js';
import { createMediaApi, INLINE_VOICE_MAX_BYTES } from './media.js';

function pngBytes(width: number, height: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(40);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, width);
  new DataView(out.buffer).setUint32(20, height);
  return out;
}

function setup() {
  const fake = fakeSession({
    upload: (chunk) => ({
      fileName: chunk.fileName,
      sendId: '1',
      chunkIndex: chunk.chunkIndex,
      uuidName: chunk.chunkIndex === chunk.chunkCount - 1 ? '20250101_up.bin' : '',
      result: chunk.chunkIndex === chunk.chunkCount - 1 ? 'fileok' : 'chunkok',
      detail: '',
    }),
  });
  fake.reconnect(1);
  const sent: SentContent[] = [];
  const ctx = fakeContext(fake.session, { sent });
  return { ...fake, sent, media: createMediaApi(ctx, createFilesApi(ctx)) };
}

describe('media', () => {
  it('uploads an image, then sends it with its size from the header', async () => {
    const { media, sent, calls } = setup();
    const result = await media.sendImage(p2p('10002'), new File([pngBytes(64, 48)], 'cat.png'), {
      quote: '77',
    });
    expect(result.upload?.storedName).toBe('20250101_up.bin');
    expect(calls[0]?.request).toMatchObject({ fileName: 'cat.png', groupId: '10002', fileType: 'image/png' });
    const [target, content, options] = sent[0]!;
    expect(target).toEqual(p2p('10002'));
    expect(options).toEqual({ quote: '77' });
    expect(content.type).toBe(ChatMsgType.IMAGE);
    expect(readContent(content.type, content.data).attachment).toEqual({
      kind: 'image',
      ref: '20250101_up.bin',
      inline: undefined,
      name: 'cat.png',
      mime: 'image/png',
      size: 40,
      width: 64,
      height: 48,
    });
  });

  it('sends 0 × 0 for images it cannot measure, and given sizes as given', async () => {
    const { media, sent } = setup();
    await media.sendImage(group('20001'), new Uint8Array([1, 2, 3]), { name: 'x.webp' });
    await media.sendImage(group('20001'), pngBytes(5, 5), { width: 10, height: 20, mime: 'image/x-test' });
    const [first, second] = sent.map(([, c]) => readContent(c.type, c.data).attachment);
    expect(first).toMatchObject({ width: 0, height: 0, mime: 'image/webp' });
    expect(second).toMatchObject({ width: 10, height: 20, mime: 'image/x-test' });
  });

  it('sends files as attachments', async () => {
    const { media, sent } = setup();
    await media.sendFile(p2p('10002'), new TextEncoder().encode('%PDF-1.7'), { name: 'report.pdf' });
    const content = sent[0]![1];
    expect(content.type).toBe(ChatMsgType.FILE);
    expect(readContent(content.type, content.data).attachment).toMatchObject({
      kind: 'file',
      ref: '20250101_up.bin',
      name: 'report.pdf',
      mime: 'application/pdf',
      size: 8,
    });
  });

  it('puts voice clips up to 10 KB inline and uploads larger ones', async () => {
    const { media, sent, calls } = setup();
    const small = new Uint8Array(INLINE_VOICE_MAX_BYTES).fill(3);
    const inline = await media.sendVoice(p2p('10002'), small, { durationMs: 1500, name: 'v.amr' });
    expect(inline.upload).toBeUndefined();
    expect(calls).toEqual([]);
    const first = readContent(sent[0]![1].type, sent[0]![1].data).attachment;
    expect(first).toMatchObject({
      kind: 'voice',
      ref: undefined,
      inline: small,
      durationMs: 1500,
      mime: 'audio/amr',
    });

    const uploaded = await media.sendVoice(p2p('10002'), new Uint8Array(INLINE_VOICE_MAX_BYTES + 1), {
      durationMs: 9000,
      name: 'v.amr',
    });
    expect(uploaded.upload?.storedName).toBe('20250101_up.bin');
    expect(readContent(sent[1]![1].type, sent[1]![1].data).attachment).toMatchObject({
      kind: 'voice',
      ref: '20250101_up.bin',
      inline: undefined,
      durationMs: 9000,
    });
    await expect(media.sendVoice(p2p('10002'), small, { durationMs: -1 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('refuses a missing target before uploading', async () => {
    const { media, calls } = setup();
    await expect(media.sendFile({} as never, new Uint8Array(1))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(calls).toEqual([]);
  });
});
