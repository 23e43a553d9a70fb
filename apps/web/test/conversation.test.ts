import type { ChatMessage } from '@birdtalk/client';
import { p2p } from '@birdtalk/client';
import { describe, expect, it } from 'vitest';
import { Conversation, compareIds } from '../src/conversation.js';

function message(id: string, text = `m${id}`, own = false): ChatMessage {
  return {
    id,
    from: own ? '1' : '2',
    own,
    text,
    time: Number(id),
    attachment: undefined,
  } as unknown as ChatMessage;
}

/** A history iterator over ids, newest first, counting how many messages were pulled. */
function history(ids: readonly string[]): {
  readonly iterator: () => AsyncIterator<ChatMessage>;
  pulled: number;
} {
  const state = {
    pulled: 0,
    iterator: () => {
      const queue = [...ids];
      return {
        next: async (): Promise<IteratorResult<ChatMessage>> => {
          const id = queue.shift();
          if (id === undefined) return { done: true, value: undefined };
          state.pulled += 1;
          return { done: false, value: message(id, `m${id}`, Number(id) % 2 === 0) };
        },
      };
    },
  };
  return state;
}

describe('a conversation', () => {
  it('shows messages in id order, once each, whatever order they came in', () => {
    const conversation = new Conversation(p2p('2'), history([]).iterator);
    expect(conversation.add(message('30'))).toBe(true);
    expect(conversation.add(message('10'))).toBe(true);
    expect(conversation.add(message('30', 'again'))).toBe(false);
    expect(conversation.messages().map((m) => [m.id, m.text])).toEqual([
      ['10', 'm10'],
      ['30', 'm30'],
    ]);
  });

  it('orders ids above 2^53 exactly', () => {
    expect(compareIds('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(compareIds('999', '1000')).toBeLessThan(0);
    expect(compareIds('42', '42')).toBe(0);
  });

  it('pages into older history a step at a time, and knows when it reached the start', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => String(100 - i));
    const source = history(ids);
    const conversation = new Conversation(p2p('2'), source.iterator);
    expect(await conversation.loadOlder(30)).toBe(30);
    expect(source.pulled).toBe(30);
    expect(conversation.hasOlder).toBe(true);
    expect(conversation.messages()[0]!.id).toBe('71');
    expect(await conversation.loadOlder(30)).toBe(15);
    expect(conversation.hasOlder).toBe(false);
    expect(conversation.messages()).toHaveLength(45);
    expect(await conversation.loadOlder(30)).toBe(0);
    // Our own messages from history count as sent.
    expect(conversation.messages().find((m) => m.id === '100')!.state).toBe('sent');
  });

  it('runs one history fetch at a time', async () => {
    const source = history(Array.from({ length: 10 }, (_, i) => String(50 - i)));
    const conversation = new Conversation(p2p('2'), source.iterator);
    const [a, b] = await Promise.all([conversation.loadOlder(5), conversation.loadOlder(5)]);
    expect([a, b]).toEqual([5, 5]);
    expect(source.pulled).toBe(5);
  });

  it("moves our messages' states forward only", () => {
    const conversation = new Conversation(p2p('2'), history([]).iterator);
    conversation.addSent({ id: '5', from: '1', text: 'hi', time: 5, state: 'sent' });
    expect(conversation.setState('5', 'read')).toBe(true);
    conversation.setState('5', 'delivered');
    expect(conversation.messages()[0]!.state).toBe('read');
    expect(conversation.setState('6', 'read')).toBe(false);
    conversation.addSent({ id: '5', from: '1', text: 'hi', time: 5, state: undefined });
    expect(conversation.messages()[0]!.state).toBe('read');
  });
});
