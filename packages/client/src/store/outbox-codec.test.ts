import type { OutboxEntry } from '@birdtalk/session';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserializeOutboxEntry, serializeOutboxEntry } from './outbox-codec.js';

const id = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String);

describe('outbox entries as JSON', () => {
  it('round-trip exactly, through JSON text', () => {
    fc.assert(
      fc.property(
        id,
        id,
        fc.uint8Array({ maxLength: 64 }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
        fc.option(id, { nil: undefined }),
        (sendId, toId, data, params, ref) => {
          const entry: OutboxEntry = {
            sendId,
            createdAt: 1_750_000_000_000,
            chat: {
              sendId,
              msgId: sendId,
              toId: BigInt(toId),
              chatType: 2,
              msgType: 4,
              data,
              params,
              devId: 'dev',
              ...(ref === undefined ? {} : { refMessageId: ref }),
            },
          };
          const back = deserializeOutboxEntry(JSON.parse(JSON.stringify(serializeOutboxEntry(entry))));
          expect(back.sendId).toBe(sendId);
          expect(back.chat.toId).toBe(toId);
          expect(back.chat.refMessageId).toBe(ref);
          expect(back.chat.params).toEqual(params);
          expect(back.chat.devId).toBe('dev');
          expect([...(back.chat.data ?? [])]).toEqual([...data]);
        },
      ),
    );
  });

  it.each([
    ['null', null],
    ['a bad sendId', { sendId: '1.5', createdAt: 1, chat: {} }],
    ['a lossy number id', { sendId: '1', createdAt: 1, chat: { toId: 12 } }],
    ['bad base64', { sendId: '1', createdAt: 1, chat: { data: '%%%' } }],
    ['a mismatched sendId', { sendId: '1', createdAt: 1, chat: { sendId: '2' } }],
    ['non-string params', { sendId: '1', createdAt: 1, chat: { params: { a: 1 } } }],
  ])('refuses %s with STORE_CORRUPT', (_, value) => {
    expect(() => deserializeOutboxEntry(value)).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });
});
