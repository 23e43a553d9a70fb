import { ChatMsgType } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { fileContent, imageContent, parseDrafty, readContent, textContent, voiceContent } from './content.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (content: { data: Uint8Array }) => JSON.parse(new TextDecoder().decode(content.data)) as unknown;

describe('content', () => {
  it('reads plain text and recalls', () => {
    expect(readContent(ChatMsgType.TEXT, utf8('héllo'))).toMatchObject({ kind: 'text', text: 'héllo' });
    expect(readContent(ChatMsgType.DELETE, new Uint8Array())).toMatchObject({ kind: 'recall' });
  });

  it('writes images, files and voice exactly as the Android client does', () => {
    const image = imageContent({
      ref: '20260101_abc.jpg',
      name: 'cat.jpg',
      mime: 'image/jpeg',
      size: 1234,
      width: 640,
      height: 480,
    });
    expect(image.type).toBe(ChatMsgType.IMAGE);
    expect(json(image)).toEqual({
      txt: ' ',
      fmt: [{ at: 0, len: 1, key: 0 }],
      ent: [
        {
          tp: 'IM',
          data: {
            mime: 'image/jpeg',
            width: 640,
            height: 480,
            name: 'cat.jpg',
            ref: '20260101_abc.jpg',
            size: 1234,
          },
        },
      ],
    });
    const file = fileContent({ ref: '20260101_def.pdf', name: 'a.pdf', mime: 'application/pdf', size: 99 });
    expect(file.type).toBe(ChatMsgType.FILE);
    expect(json(file)).toEqual({
      txt: '',
      fmt: [{ at: -1, len: 1, key: 0 }],
      ent: [
        {
          tp: 'EX',
          data: { mime: 'application/pdf', name: 'a.pdf', ref: '20260101_def.pdf', cur: 0, size: 99 },
        },
      ],
    });
    const voice = voiceContent({
      bytes: Uint8Array.of(1, 2, 3),
      name: 'v.m4a',
      mime: 'audio/mp4',
      size: 3,
      durationMs: 4861.4,
    });
    expect(json(voice)).toEqual({
      txt: ' ',
      fmt: [{ at: 0, len: 1, key: 0 }],
      ent: [{ tp: 'AU', data: { mime: 'audio/mp4', duration: 4861, val: 'AQID', name: 'v.m4a', size: 3 } }],
    });
  });

  it('reads back what it writes', () => {
    const image = imageContent({
      ref: 'r.jpg',
      name: 'n.jpg',
      mime: 'image/jpeg',
      size: 5,
      width: 2,
      height: 3,
    });
    expect(readContent(image.type, image.data)).toMatchObject({
      kind: 'image',
      attachment: {
        kind: 'image',
        ref: 'r.jpg',
        name: 'n.jpg',
        mime: 'image/jpeg',
        size: 5,
        width: 2,
        height: 3,
      },
    });
    const voice = voiceContent({
      bytes: Uint8Array.of(9, 8),
      name: 'v',
      mime: 'audio/aac',
      size: 0,
      durationMs: 10,
    });
    const read = readContent(voice.type, voice.data);
    expect(read.attachment?.inline).toEqual(Uint8Array.of(9, 8));
    expect(read.attachment?.size).toBe(2);
    expect(read.attachment?.durationMs).toBe(10);
  });

  it('reads what the Android client sends, extra span fields included', () => {
    const android =
      '{"ent":[{"data":{"duration":4861,"preview":"","ref":"20260129_1gu8z6g5ax4n9","size":12833,"mime":"audio/mp4","name":"20260129_1gu8z6g5ax4n9"},"tp":"AU"}],"fmt":[{"at":0,"key":0,"len":1,"tp":null,"length":1,"start":0,"type":null}],"txt":" "}';
    expect(readContent(ChatMsgType.VOICE, utf8(android))).toMatchObject({
      kind: 'voice',
      attachment: {
        kind: 'voice',
        ref: '20260129_1gu8z6g5ax4n9',
        mime: 'audio/mp4',
        size: 12833,
        durationMs: 4861,
      },
    });
  });

  it('never throws on malformed content from a peer', () => {
    for (const raw of ['not json', '[]', '{"txt":5}', '{"ent":[{"tp":"IM"}]}', '{"ent":"x"}', '']) {
      const content = readContent(ChatMsgType.IMAGE, utf8(raw));
      expect(content.kind).toBe('other');
    }
    expect(readContent(ChatMsgType.FILE, Uint8Array.of(0xff, 0xfe)).kind).toBe('other');
    expect(parseDrafty('{"txt":"a","fmt":[1,{"at":"x","len":2}],"ent":[{"tp":7},{"tp":"LN"}]}')).toEqual({
      txt: 'a',
      fmt: [{ len: 2 }],
      ent: [{ tp: 'LN' }],
    });
  });

  it('refuses content it cannot describe', () => {
    expect(() => imageContent({ ref: '', name: 'x', mime: 'image/png', size: 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONTENT' }),
    );
    expect(() => voiceContent({ name: 'v', mime: 'audio/aac', size: 1, durationMs: 1 })).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError' }),
    );
    expect(textContent('hi').type).toBe(ChatMsgType.TEXT);
  });
});
