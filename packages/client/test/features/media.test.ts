import type { IncomingChat } from '@birdtalk/session';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { group, p2p } from '../../src/chat-target.js';
import { readContent } from '../../src/content.js';
import { createFilesApi } from '../../src/files/api.js';
import { createGroupsApi } from '../../src/groups.js';
import { createMediaApi, INLINE_VOICE_MAX_BYTES } from '../../src/media.js';
import { type Connected, type Harness, harness, until } from './harness.js';

let h: Harness;
let ada: string;
let bob: string;
let adaSide: Connected;
let bobSide: Connected;
let inbox: IncomingChat[];
beforeEach(async () => {
  h = await harness();
  ada = await h.user('ada');
  bob = await h.user('bob');
  // A P2P message needs the recipient to follow the sender.
  await h.server.follow(bob, ada);
  adaSide = await h.connect(ada);
  bobSide = await h.connect(bob);
  inbox = bobSide.record('chat');
});
afterEach(async () => {
  await h.finish();
});

function png(width: number, height: number, extra: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(33 + extra);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, width);
  new DataView(out.buffer).setUint32(20, height);
  for (let i = 33; i < out.length; i += 1) out[i] = i & 0xff;
  return out;
}

/** Resolves with the next message bob receives after this call. */
function nextMessage(): Promise<IncomingChat> {
  const before = inbox.length;
  return until(() => inbox.length > before, 'the message').then(() => inbox[before]!);
}

describe('media against the reference server', () => {
  it('sends an image that the receiver reads and downloads byte-identical', async () => {
    const media = createMediaApi(adaSide.ctx, createFilesApi(adaSide.ctx));
    const image = png(320, 200, 5000);
    const arriving = nextMessage();
    const sent = await media.sendImage(p2p(bob), new File([image], 'sunset.png', { type: 'image/png' }));
    const chat = (await arriving).chat;
    expect(chat.msgId).toBe(sent.message.id);
    const content = readContent(chat.msgType, chat.data);
    expect(content.kind).toBe('image');
    expect(content.attachment).toMatchObject({
      ref: sent.upload?.storedName,
      name: 'sunset.png',
      mime: 'image/png',
      size: image.byteLength,
      width: 320,
      height: 200,
    });
    const downloaded = await createFilesApi(bobSide.ctx).downloadBytes(content.attachment!.ref!);
    expect(Buffer.compare(Buffer.from(downloaded), Buffer.from(image))).toBe(0);
  });

  it('sends a file attachment and voice clips, inline and uploaded', async () => {
    const media = createMediaApi(adaSide.ctx, createFilesApi(adaSide.ctx));
    let arriving = nextMessage();
    await media.sendFile(p2p(bob), new TextEncoder().encode('a,b\n1,2\n'), { name: 'table.csv' });
    let chat = (await arriving).chat;
    expect(readContent(chat.msgType, chat.data)).toMatchObject({
      kind: 'file',
      attachment: { name: 'table.csv', mime: 'text/csv', size: 8 },
    });

    const clip = new Uint8Array(4000).fill(9);
    arriving = nextMessage();
    await media.sendVoice(p2p(bob), clip, { durationMs: 2500, name: 'clip.amr' });
    chat = (await arriving).chat;
    expect(readContent(chat.msgType, chat.data).attachment).toMatchObject({
      kind: 'voice',
      ref: undefined,
      inline: clip,
      durationMs: 2500,
    });

    const long = new Uint8Array(INLINE_VOICE_MAX_BYTES + 500).fill(4);
    arriving = nextMessage();
    const uploaded = await media.sendVoice(p2p(bob), long, { durationMs: 30_000, name: 'long.amr' });
    chat = (await arriving).chat;
    const voice = readContent(chat.msgType, chat.data);
    expect(voice.attachment).toMatchObject({
      kind: 'voice',
      ref: uploaded.upload?.storedName,
      durationMs: 30_000,
    });
    const bytes = await createFilesApi(bobSide.ctx).downloadBytes(voice.attachment!.ref!);
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(long))).toBe(0);
  });

  it('sends media to a group, quoting a message', async () => {
    const gid = (await createGroupsApi(adaSide.ctx).create({ name: 'photos', members: [bob] })).groupId;
    const media = createMediaApi(adaSide.ctx, createFilesApi(adaSide.ctx));
    let arriving = nextMessage();
    const first = await media.sendFile(group(gid), new Uint8Array([1, 2, 3]), { name: 'a.bin' });
    await arriving;
    arriving = nextMessage();
    await media.sendImage(group(gid), png(10, 20, 0), { name: 'tiny.png', quote: first.message.id });
    const chat = (await arriving).chat;
    expect(chat.refMessageId).toBe(first.message.id);
    expect(readContent(chat.msgType, chat.data).attachment).toMatchObject({ width: 10, height: 20 });
    expect(h.server.listFiles().map((f) => f.fileName)).toEqual(['a.bin', 'tiny.png']);
  });
});
