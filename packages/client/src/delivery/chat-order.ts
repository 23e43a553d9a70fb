import type { Int64 } from '@birdtalk/proto';

/** How many chats {@link ChatOrder} remembers by default. */
export const DEFAULT_ORDERED_CHATS = 10_000;

/**
 * Remembers, per chat, the highest message id handed to the application, to tell which message comes *late*:
 * after a message of its chat with a higher id. Live messages of a chat arrive in id order, and a catch-up
 * after a login is fed in before the live messages held meanwhile; a message comes late only when the server
 * dropped its push (an overflowing send queue) and a later catch-up fetched it after its successors had been
 * delivered live. The least recently active chats are forgotten beyond `limit`; a late message of a forgotten
 * chat is not recognised as late.
 */
export class ChatOrder {
  readonly #highest = new Map<string, bigint>();
  readonly #limit: number;
  /** The chat of the latest call: already the most recently active, so it need not be moved. */
  #latest: string | undefined;

  constructor(limit = DEFAULT_ORDERED_CHATS) {
    this.#limit = Math.max(1, Math.floor(limit));
  }

  /**
   * A message of `chat` goes to the application: returns whether a message of the chat with a higher id went
   * before it.
   */
  next(chat: string, id: Int64 | bigint): boolean {
    const key = BigInt(id);
    const highest = this.#highest.get(chat);
    const late = highest !== undefined && highest > key;
    if (chat === this.#latest) {
      // A run of messages of one chat (a catch-up page): it is at the newest end already.
      if (!late) this.#highest.set(chat, key);
      return late;
    }
    this.#latest = chat;
    // Map order is insertion order: re-inserting keeps the most recently active chats at the end.
    this.#highest.delete(chat);
    this.#highest.set(chat, late ? highest : key);
    if (this.#highest.size > this.#limit) {
      const oldest = this.#highest.keys().next().value as string;
      this.#highest.delete(oldest);
    }
    return late;
  }

  /** How many chats are remembered. */
  get size(): number {
    return this.#highest.size;
  }
}
