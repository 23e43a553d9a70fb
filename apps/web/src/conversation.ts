// One conversation as the chat view shows it: messages in id order without duplicates (history pages and live
// deliveries overlap), our messages' states, and paging into older history.
import type { ChatMessage, ChatTarget, MessageState } from '@birdtalk/client';

/** A message as the view shows it. */
export interface ShownMessage {
  readonly id: string;
  readonly from: string;
  readonly own: boolean;
  readonly text: string;
  readonly time: number;
  readonly attachment: ChatMessage['attachment'];
  /** Our messages' delivery state, as far as known. */
  state: MessageState | undefined;
  /** Whether we told the sender we read it. */
  readSent: boolean;
  /** The message itself, for read receipts; absent for the messages we sent from this page. */
  readonly source: ChatMessage | undefined;
}

/** How many older messages one "load older" adds. */
export const HISTORY_STEP = 30;

/** A conversation's messages and its way into older history. */
export class Conversation {
  readonly target: ChatTarget;
  readonly #messages = new Map<string, ShownMessage>();
  #older: AsyncIterator<ChatMessage> | undefined;
  #loading: Promise<number> | undefined;
  /** Whether older history may still exist. */
  hasOlder = true;

  constructor(target: ChatTarget, older: () => AsyncIterator<ChatMessage>) {
    this.target = target;
    this.#olderFactory = older;
  }

  readonly #olderFactory: () => AsyncIterator<ChatMessage>;

  /** The messages, oldest first (ids are time-ordered snowflakes). */
  messages(): ShownMessage[] {
    return [...this.#messages.values()].sort((a, b) => compareIds(a.id, b.id));
  }

  /** Adds a received or fetched message; a message already shown is left alone. Returns whether it was new. */
  add(message: ChatMessage, state?: MessageState): boolean {
    if (this.#messages.has(message.id)) return false;
    this.#messages.set(message.id, {
      id: message.id,
      from: message.from,
      own: message.own,
      text: message.text,
      time: message.time,
      attachment: message.attachment,
      state,
      readSent: false,
      source: message,
    });
    return true;
  }

  /** Adds a message this page sent. */
  addSent(sent: {
    readonly id: string;
    readonly from: string;
    readonly text: string;
    readonly time: number;
    readonly attachment?: ChatMessage['attachment'];
    readonly state: MessageState | undefined;
  }): void {
    const known = this.#messages.get(sent.id);
    if (known !== undefined) {
      known.state = sent.state ?? known.state;
      return;
    }
    this.#messages.set(sent.id, {
      ...sent,
      attachment: sent.attachment,
      own: true,
      readSent: true,
      source: undefined,
    });
  }

  /** Records a state of one of our messages; returns whether the message is shown here. */
  setState(id: string, state: MessageState): boolean {
    const message = this.#messages.get(id);
    if (message === undefined) return false;
    // States only move forward; a late `delivered` after `read` changes nothing.
    if (rank(state) > rank(message.state)) message.state = state;
    return true;
  }

  /** Fetches up to `count` older messages; resolves with how many were new. One fetch at a time. */
  loadOlder(count = HISTORY_STEP): Promise<number> {
    this.#loading ??= this.#fetchOlder(count).finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #fetchOlder(count: number): Promise<number> {
    if (!this.hasOlder) return 0;
    this.#older ??= this.#olderFactory();
    let added = 0;
    for (let taken = 0; taken < count; taken += 1) {
      const next = await this.#older.next();
      if (next.done === true) {
        this.hasOlder = false;
        break;
      }
      if (this.add(next.value, next.value.own ? 'sent' : undefined)) added += 1;
    }
    return added;
  }
}

const order: readonly (MessageState | undefined)[] = [
  undefined,
  'sending',
  'failed',
  'sent',
  'delivered',
  'read',
];

function rank(state: MessageState | undefined): number {
  return order.indexOf(state);
}

/** Compares decimal ids without losing digits above 2^53. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
