import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatOrder } from './chat-order.js';

describe('the chat order', () => {
  it('tells a late message of a remembered chat, forgetting the least recently active chats first (property)', () => {
    const step = fc.record({
      chat: fc.constantFrom('a', 'b', 'c', 'd'),
      id: fc.bigInt({ min: 1n, max: 50n }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(step, { maxLength: 150 }), (limit, steps) => {
        const order = new ChatOrder(limit);
        // The model: the highest id per chat, least recently active first.
        const model: Array<{ chat: string; highest: bigint }> = [];
        for (const { chat, id } of steps) {
          const at = model.findIndex((entry) => entry.chat === chat);
          const highest = at < 0 ? undefined : model[at]!.highest;
          const late = highest !== undefined && highest > id;
          if (at >= 0) model.splice(at, 1);
          model.push({ chat, highest: late ? highest : id });
          if (model.length > limit) model.shift();
          expect(order.next(chat, id)).toBe(late);
          expect(order.size).toBe(model.length);
        }
      }),
    );
  });
});
