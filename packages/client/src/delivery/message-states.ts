import type { BirdTalkError } from '@birdtalk/errors';
import type { Int64 } from '@birdtalk/proto';
import type { ChatTarget } from '../chat-target.js';
import type { MessageState, MessageStateEvent } from '../events.js';

const rank: Record<MessageState, number> = { sending: 0, failed: 1, sent: 1, delivered: 2, read: 3 };

interface Tracked {
  readonly sendId: Int64;
  id: Int64 | undefined;
  chat: ChatTarget | undefined;
  state: MessageState;
}

/**
 * The states of the messages this client sent (`sending → sent → delivered → read`, or `failed`), driven by
 * acknowledgements and by the receipts peers send. States only move forward: a late delivery receipt after a
 * read receipt changes nothing. The most recent `limit` messages are remembered.
 */
export class SentMessages {
  readonly #bySendId = new Map<Int64, Tracked>();
  readonly #byId = new Map<Int64, Tracked>();
  /**
   * Insertion order, oldest first from `#head`. Kept apart from the map because finding a Map's oldest entry
   * after many deletions walks over every deleted slot in V8, which made eviction linear per message.
   */
  #order: Tracked[] = [];
  #head = 0;
  readonly #limit: number;
  readonly #emitEvent: (event: MessageStateEvent) => void;
  readonly #wanted: () => boolean;

  /**
   * @param limit - how many of the most recent messages to remember.
   * @param emit - receives every state change.
   * @param wanted - whether anyone listens; events are only built when it says so.
   */
  constructor(limit: number, emit: (event: MessageStateEvent) => void, wanted: () => boolean = () => true) {
    this.#limit = Math.max(1, limit);
    this.#emitEvent = emit;
    this.#wanted = wanted;
  }

  /** The state of a message by its server id or its `sendId`. */
  state(id: Int64): MessageState | undefined {
    return (this.#byId.get(id) ?? this.#bySendId.get(id))?.state;
  }

  /** Whether this client sent the message with this server id. */
  isOwnSend(id: Int64): boolean {
    return this.#byId.has(id);
  }

  /** A message is about to be sent (or was queued by a previous run). */
  sending(sendId: Int64, chat: ChatTarget | undefined): void {
    if (this.#bySendId.has(sendId)) return;
    const tracked: Tracked = { sendId, id: undefined, chat, state: 'sending' };
    this.#remember(tracked);
    if (this.#wanted())
      this.#emitEvent({ id: undefined, sendId, chat, state: 'sending', previous: undefined });
  }

  /** The server stored it under `id`. */
  acked(sendId: Int64, id: Int64): void {
    let tracked = this.#bySendId.get(sendId);
    if (tracked === undefined) {
      tracked = { sendId, id: undefined, chat: undefined, state: 'sending' };
      this.#remember(tracked);
    }
    if (tracked.id === undefined) {
      tracked.id = id;
      this.#byId.set(id, tracked);
    }
    this.#move(tracked, 'sent');
  }

  /** It could not be sent. */
  failed(sendId: Int64, error: BirdTalkError): void {
    const tracked = this.#bySendId.get(sendId);
    if (tracked === undefined || tracked.state !== 'sending') return;
    const previous = tracked.state;
    tracked.state = 'failed';
    if (this.#wanted())
      this.#emitEvent({ id: tracked.id, sendId, chat: tracked.chat, state: 'failed', previous, error });
  }

  /** A peer's receipt for messages with these server ids. */
  receipt(ids: readonly Int64[], delivered: boolean, read: boolean): void {
    const to: MessageState | undefined = read ? 'read' : delivered ? 'delivered' : undefined;
    if (to === undefined) return;
    for (const id of ids) {
      const tracked = this.#byId.get(id);
      if (tracked !== undefined) this.#move(tracked, to);
    }
  }

  #move(tracked: Tracked, to: MessageState): void {
    if (tracked.state === 'failed' && to !== 'sent') return;
    if (rank[to] <= rank[tracked.state] && !(tracked.state === 'failed' && to === 'sent')) return;
    const previous = tracked.state;
    tracked.state = to;
    if (this.#wanted())
      this.#emitEvent({ id: tracked.id, sendId: tracked.sendId, chat: tracked.chat, state: to, previous });
  }

  #remember(tracked: Tracked): void {
    this.#bySendId.set(tracked.sendId, tracked);
    this.#order.push(tracked);
    while (this.#order.length - this.#head > this.#limit) {
      const oldest = this.#order[this.#head]!;
      this.#head += 1;
      this.#bySendId.delete(oldest.sendId);
      if (oldest.id !== undefined) this.#byId.delete(oldest.id);
    }
    // Drop the evicted prefix now and then, so the array does not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#order.length) {
      this.#order = this.#order.slice(this.#head);
      this.#head = 0;
    }
  }
}
