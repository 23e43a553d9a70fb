import type { MsgChat } from '@birdtalk/proto';
import { describe, expect, it } from 'vitest';
import { DedupWindow, dedupKeys, messageKeys, splitKeys } from './dedup.js';

function chat(fields: Partial<MsgChat>): MsgChat {
  return {
    msgId: '1',
    userId: '0',
    fromId: '10',
    toId: '20',
    tm: '0',
    devId: '',
    sendId: '1000',
    msgType: 0,
    data: new TextEncoder().encode('hi'),
    priority: 0,
    refMessageId: '0',
    status: 0,
    sendReply: '0',
    recvReply: '0',
    readReply: '0',
    encType: 0,
    chatType: 1,
    subMsgType: 0,
    keyPrint: '0',
    params: {},
    ...fields,
  } as MsgChat;
}

describe('deduplication keys', () => {
  it('recognise a resend: same sender, chat, sendId and content under a new msgId', () => {
    const first = dedupKeys(chat({ msgId: '1' }));
    const resend = dedupKeys(chat({ msgId: '2' }));
    expect(first[0]).not.toBe(resend[0]);
    expect(first[1]).toBe(resend[1]);
  });

  it('tell apart two devices of one user that reuse a sendId for different content or chats', () => {
    const base = dedupKeys(chat({}))[1];
    expect(dedupKeys(chat({ msgId: '2', data: new TextEncoder().encode('other') }))[1]).not.toBe(base);
    expect(dedupKeys(chat({ msgId: '2', toId: '21' }))[1]).not.toBe(base);
    expect(dedupKeys(chat({ msgId: '2', msgType: 1 }))[1]).not.toBe(base);
    expect(dedupKeys(chat({ msgId: '2', fromId: '11' }))[1]).not.toBe(base);
  });

  it('give no content key without a sendId', () => {
    expect(dedupKeys(chat({ sendId: '0' }))).toEqual(['m:1']);
  });

  it('are split as the window splits stored keys, without parsing them back', () => {
    for (const fields of [{}, { tm: '1700000000123' }, { tm: 'soon' }, { sendId: '0' }, { sendId: '' }]) {
      const built = messageKeys(chat(fields));
      expect(built.split).toEqual(splitKeys(built.keys).split);
    }
  });
});

describe('resends in time', () => {
  const at = (msgId: string, tm: number) => messageKeys(chat({ msgId, tm: String(tm) }));

  it('count a copy as a resend only within resendWindowMs of the handled one, in server time', () => {
    const window = new DedupWindow(100, [], 60_000);
    window.finish(at('1', 1_000_000));
    expect(window.has(at('2', 1_000_000 + 60_000))).toBe(true);
    expect(window.has(at('3', 1_000_000 - 60_000))).toBe(true);
    // A client that reused the sendId for the same text later on (Android starts again at 1): a new message.
    expect(window.has(at('4', 1_000_000 + 60_001))).toBe(false);
    // The same id is the same message, whatever its time.
    expect(window.has(at('1', 9_000_000))).toBe(true);
  });

  it('applies the same bound to copies of a message still being handled, and to keys loaded from the store', () => {
    const window = new DedupWindow(100, [], 60_000);
    window.begin(at('1', 0));
    expect(window.has(at('2', 30_000))).toBe(true);
    expect(window.has(at('3', 600_000))).toBe(false);
    const loaded = new DedupWindow(100, [...at('1', 0).keys], 60_000);
    expect(loaded.has(at('2', 30_000))).toBe(true);
    expect(loaded.has(at('3', 600_000))).toBe(false);
  });
});

describe('the deduplication window', () => {
  it('knows messages being handled and handled ones, and forgets the oldest beyond its size', () => {
    const window = new DedupWindow(2);
    const a = splitKeys(['m:1', 'c:a']);
    const b = splitKeys(['m:2', 'c:b']);
    const c = splitKeys(['m:3', 'c:c']);
    window.begin(a);
    expect(window.has(splitKeys(['m:1']))).toBe(true);
    expect(window.handled(splitKeys(['m:1']))).toBe(false);
    window.finish(a);
    window.begin(b);
    window.finish(b);
    window.begin(c);
    window.finish(c);
    expect(window.has(splitKeys(['m:1']))).toBe(false);
    expect(window.has(splitKeys(['c:b']))).toBe(true);
    expect(window.has(splitKeys(['m:3']))).toBe(true);
  });

  it('keeps exactly the newest keys through many evictions, a key handled again counting as new', () => {
    const limit = 50;
    const window = new DedupWindow(limit);
    // The model: the newest 2 × limit keys, a key finished again moving to the newest end.
    const model: string[] = [];
    for (let n = 0; n < 2_000; n += 1) {
      // Every seventh message repeats a recent one (a redelivery handled again).
      const id = n % 7 === 6 ? n - 3 : n;
      const keys = splitKeys([`m:${id}`, `c:${id}`]);
      window.begin(keys);
      window.finish(keys);
      for (const key of keys.keys) {
        const at = model.indexOf(key);
        if (at >= 0) model.splice(at, 1);
        model.push(key);
      }
      model.splice(0, Math.max(0, model.length - 2 * limit));
    }
    for (let id = 0; id < 2_000; id += 1) {
      expect(window.handled(splitKeys([`m:${id}`])), `m:${id}`).toBe(model.includes(`m:${id}`));
    }
  });

  it('forgets an abandoned message, so it can be delivered later', () => {
    const window = new DedupWindow(10);
    window.begin(splitKeys(['m:1']));
    window.abandon(splitKeys(['m:1']));
    expect(window.has(splitKeys(['m:1']))).toBe(false);
  });

  it('starts from the newest stored keys', () => {
    const window = new DedupWindow(1, ['m:1', 'c:1', 'm:2', 'c:2']);
    expect(window.has(splitKeys(['m:1']))).toBe(false);
    expect(window.has(splitKeys(['m:2']))).toBe(true);
  });
});
