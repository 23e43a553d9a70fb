import type { BirdTalkError } from '@birdtalk/errors';
import type { Int64 } from '@birdtalk/proto';
import type { ChatTarget } from '../chat-target.js';
import type { MessageState, MessageStateEvent } from '../events.js';
import { IdIndex } from './id-index.js';

const rank: Record<MessageState, number> = { sending: 0, failed: 1, sent: 1, delivered: 2, read: 3 };
/** States by their code in a slot's flags (the low three bits). */
const stateOf: readonly MessageState[] = ['sending', 'sent', 'delivered', 'read', 'failed'];
const stateCode: Record<MessageState, number> = { sending: 0, sent: 1, delivered: 2, read: 3, failed: 4 };
const STATE_MASK = 0b111;
/** A slot's chat kind (bits 3-4): unknown, a user, a group. */
const CHAT_P2P = 0b01_000;
const CHAT_GROUP = 0b10_000;

/**
 * The states of the messages this client sent (`sending → sent → delivered → read`, or `failed`), driven by
 * acknowledgements and by the receipts peers send. States only move forward: a late delivery receipt after a
 * read receipt changes nothing. The most recent `limit` messages are remembered.
 *
 * A busy sender keeps thousands of these, each outliving many garbage collections, so a message costs no
 * object of its own: it is a slot of a ring of parallel arrays (its send id, server id, the id of its chat and
 * a small integer of flags), found through two indexes from id to slot (see {@link IdIndex}), which replace
 * their oldest id with the newest without allocating. Each slot holds only strings the message had anyway; the
 * chat target of an event is rebuilt from the slot when an event is wanted.
 */
export class SentMessages {
  readonly #bySendId = new IdIndex();
  readonly #byId = new IdIndex();
  // The ring: slot i of each array belongs to one message. The arrays grow up to `limit`, then the next
  // message takes the oldest one's slot, so eviction is in order and costs the same for every message.
  readonly #sendIds: Int64[] = [];
  readonly #ids: Array<Int64 | undefined> = [];
  readonly #chatIds: Array<Int64 | undefined> = [];
  readonly #flags: number[] = [];
  /** The slot the next message takes once the ring is full. */
  #next = 0;
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
    let slot = this.#byId.get(id);
    if (slot < 0) slot = this.#bySendId.get(id);
    return slot < 0 ? undefined : stateOf[this.#flags[slot]! & STATE_MASK];
  }

  /** Whether this client sent the message with this server id. */
  isOwnSend(id: Int64): boolean {
    return this.#byId.has(id);
  }

  /** A message is about to be sent (or was queued by a previous run). */
  sending(sendId: Int64, chat: ChatTarget | undefined): void {
    if (this.#bySendId.has(sendId)) return;
    this.#remember(sendId, chat);
    if (this.#wanted())
      this.#emitEvent({ id: undefined, sendId, chat, state: 'sending', previous: undefined });
  }

  /** The server stored it under `id`. */
  acked(sendId: Int64, id: Int64): void {
    let slot = this.#bySendId.get(sendId);
    if (slot < 0) slot = this.#remember(sendId, undefined);
    if (this.#ids[slot] === undefined) {
      this.#ids[slot] = id;
      this.#byId.set(id, slot);
    }
    this.#move(slot, 'sent');
  }

  /** The chat a message being tracked was sent to, when known. */
  chatOf(sendId: Int64): ChatTarget | undefined {
    const slot = this.#bySendId.get(sendId);
    return slot < 0 ? undefined : this.#chatAt(slot);
  }

  /** It could not be sent. */
  failed(sendId: Int64, error: BirdTalkError): void {
    const slot = this.#bySendId.get(sendId);
    if (slot < 0 || this.#stateAt(slot) !== 'sending') return;
    this.#setState(slot, 'failed');
    if (this.#wanted()) {
      this.#emitEvent({
        id: this.#ids[slot],
        sendId,
        chat: this.#chatAt(slot),
        state: 'failed',
        previous: 'sending',
        error,
      });
    }
  }

  /** A peer's receipt for messages with these server ids. */
  receipt(ids: readonly Int64[], delivered: boolean, read: boolean): void {
    const to: MessageState | undefined = read ? 'read' : delivered ? 'delivered' : undefined;
    if (to === undefined) return;
    for (const id of ids) {
      const slot = this.#byId.get(id);
      if (slot >= 0) this.#move(slot, to);
    }
  }

  #move(slot: number, to: MessageState): void {
    const state = this.#stateAt(slot);
    if (state === 'failed' && to !== 'sent') return;
    if (rank[to] <= rank[state] && !(state === 'failed' && to === 'sent')) return;
    this.#setState(slot, to);
    if (this.#wanted()) {
      this.#emitEvent({
        id: this.#ids[slot],
        sendId: this.#sendIds[slot]!,
        chat: this.#chatAt(slot),
        state: to,
        previous: state,
      });
    }
  }

  #stateAt(slot: number): MessageState {
    return stateOf[this.#flags[slot]! & STATE_MASK]!;
  }

  #setState(slot: number, state: MessageState): void {
    this.#flags[slot] = (this.#flags[slot]! & ~STATE_MASK) | stateCode[state];
  }

  #chatAt(slot: number): ChatTarget | undefined {
    const chatId = this.#chatIds[slot];
    if (chatId === undefined) return undefined;
    return (this.#flags[slot]! & CHAT_GROUP) !== 0
      ? { type: 'group', groupId: chatId }
      : { type: 'p2p', userId: chatId };
  }

  /** Takes a slot for a new message in state `sending`, the oldest message's once `limit` are kept. */
  #remember(sendId: Int64, chat: ChatTarget | undefined): number {
    let slot: number;
    if (this.#sendIds.length < this.#limit) {
      slot = this.#sendIds.length;
      this.#sendIds.push(sendId);
      this.#ids.push(undefined);
      this.#chatIds.push(undefined);
      this.#flags.push(0);
    } else {
      slot = this.#next;
      this.#next = slot + 1 === this.#limit ? 0 : slot + 1;
      this.#bySendId.delete(this.#sendIds[slot]!);
      const evictedId = this.#ids[slot];
      if (evictedId !== undefined) this.#byId.delete(evictedId);
      this.#sendIds[slot] = sendId;
      this.#ids[slot] = undefined;
    }
    if (chat === undefined) {
      this.#chatIds[slot] = undefined;
      this.#flags[slot] = stateCode.sending;
    } else if (chat.type === 'p2p') {
      this.#chatIds[slot] = chat.userId;
      this.#flags[slot] = CHAT_P2P | stateCode.sending;
    } else {
      this.#chatIds[slot] = chat.groupId;
      this.#flags[slot] = CHAT_GROUP | stateCode.sending;
    }
    this.#bySendId.set(sendId, slot);
    return slot;
  }
}
