import { StateError } from '@birdtalk/errors';
import { describe, expect, it } from 'vitest';
import type { MessageStateEvent } from '../events.js';
import { SentMessages } from './message-states.js';

describe('states of sent messages', () => {
  it('move forward only: sending, sent, delivered, read', () => {
    const events: MessageStateEvent[] = [];
    const states = new SentMessages(10, (event) => events.push(event));
    states.sending('s1', { type: 'p2p', userId: '10' });
    states.acked('s1', 'm1');
    states.receipt(['m1'], true, true);
    states.receipt(['m1'], true, false);
    expect(events.map((e) => [e.state, e.previous])).toEqual([
      ['sending', undefined],
      ['sent', 'sending'],
      ['read', 'sent'],
    ]);
    expect(states.state('m1')).toBe('read');
    expect(states.state('s1')).toBe('read');
    expect(states.isOwnSend('m1')).toBe(true);
  });

  it('fail only from sending, and forget the oldest beyond the limit', () => {
    const events: MessageStateEvent[] = [];
    const states = new SentMessages(2, (event) => events.push(event));
    states.sending('s1', undefined);
    states.failed('s1', new StateError('X', 'x'));
    states.failed('s1', new StateError('X', 'x'));
    expect(events.map((e) => e.state)).toEqual(['sending', 'failed']);
    states.sending('s2', undefined);
    states.sending('s3', undefined);
    expect(states.state('s1')).toBeUndefined();
    expect(states.state('s3')).toBe('sending');
  });

  it('keep exactly the newest `limit` messages across many evictions, by send id and by server id', () => {
    const states = new SentMessages(3, () => {});
    for (let i = 1; i <= 5000; i += 1) {
      states.sending(String(i), undefined);
      states.acked(String(i), String(100_000 + i));
    }
    for (const kept of ['4998', '4999', '5000']) {
      expect(states.state(kept)).toBe('sent');
      expect(states.isOwnSend(String(100_000 + Number(kept)))).toBe(true);
    }
    expect(states.state('4997')).toBeUndefined();
    expect(states.isOwnSend('104997')).toBe(false);
    expect(states.state('1')).toBeUndefined();
  });

  it('track states without building events while nobody listens', () => {
    const events: MessageStateEvent[] = [];
    let listening = false;
    const states = new SentMessages(
      10,
      (event) => events.push(event),
      () => listening,
    );
    states.sending('s1', undefined);
    states.acked('s1', 'm1');
    expect(events).toEqual([]);
    expect(states.state('m1')).toBe('sent');
    listening = true;
    states.receipt(['m1'], true, false);
    expect(events.map((e) => e.state)).toEqual(['delivered']);
  });

  it('track acknowledgements of chats queued by an earlier run', () => {
    const states = new SentMessages(10, () => {});
    states.acked('s9', 'm9');
    expect(states.state('m9')).toBe('sent');
  });

  it('give each event the chat, ids and state of its own message after the oldest slots were reused', () => {
    const events: MessageStateEvent[] = [];
    const states = new SentMessages(2, (event) => events.push(event));
    states.sending('s1', { type: 'p2p', userId: '11' });
    states.sending('s2', { type: 'group', groupId: '22' });
    states.acked('s1', 'm1');
    // s3 and s4 take the slots of s1 and s2.
    states.sending('s3', { type: 'group', groupId: '33' });
    states.sending('s4', undefined);
    states.acked('s3', 'm3');
    states.acked('s4', 'm4');
    events.length = 0;
    states.receipt(['m1', 'm3', 'm4'], true, false);
    states.failed('s3', new StateError('X', 'x'));
    expect(events).toEqual([
      {
        id: 'm3',
        sendId: 's3',
        chat: { type: 'group', groupId: '33' },
        state: 'delivered',
        previous: 'sent',
      },
      { id: 'm4', sendId: 's4', chat: undefined, state: 'delivered', previous: 'sent' },
    ]);
    expect(states.isOwnSend('m1')).toBe(false);
    expect(states.state('s1')).toBeUndefined();
    expect(states.state('s2')).toBeUndefined();
    expect(states.state('m3')).toBe('delivered');
    states.sending('s5', { type: 'p2p', userId: '55' });
    states.failed('s5', new StateError('X', 'x'));
    states.acked('s5', 'm5');
    expect(events.slice(2).map((e) => [e.sendId, e.id, e.chat, e.state, e.previous])).toEqual([
      ['s5', undefined, { type: 'p2p', userId: '55' }, 'sending', undefined],
      ['s5', undefined, { type: 'p2p', userId: '55' }, 'failed', 'sending'],
      ['s5', 'm5', { type: 'p2p', userId: '55' }, 'sent', 'failed'],
    ]);
    expect(states.state('s3')).toBeUndefined();
  });
});
