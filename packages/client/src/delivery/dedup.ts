import type { MsgChat } from '@birdtalk/proto';
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The keys that identify one message for deduplication.
 *
 * 1. `m:<msgId>` — the server's id. Re-pushes (a sender's receipt query makes the server send undelivered
 *    messages again), reconnects and overlapping sync pages repeat a message with the same id.
 *
 * 2. `c:<sender>:<chatType>:<to>:<sendId>:<digest>` — for resends. The server does not deduplicate by
 *    `sendId`: a sender that lost an acknowledgement resends with the same `sendId` and the server
 *    stores a second copy under a new `msgId`. Sender and `sendId` alone would not do as a key: history rows
 *    carry no `devId`, and Android devices of one user allocate `sendId`s from per-device counters that
 *    all start at 1000, so two devices of one user reuse `sendId`s for different messages. The conversation
 *    (`chatType` and recipient) and a digest of `msgType` and `data` narrow the key to "the same sender sent the
 *    same content to the same chat under the same client id", which is a resend in practice. The price: a user
 *    sending exactly the same content to the same chat from two devices whose counters happen to agree gets one
 *    of the two dropped.
 *
 * A `sendId` of 0 (a client that never set it) gives no second key.
 */
export function dedupKeys(raw: MsgChat): string[] {
  const keys = [`m:${raw.msgId}`];
  if (raw.sendId !== '0' && raw.sendId !== '') {
    keys.push(`c:${raw.fromId}:${raw.chatType}:${raw.toId}:${raw.sendId}:${contentDigest(raw)}`);
  }
  return keys;
}

/** 64 bits of SHA-256 over `msgType` (4 bytes, big-endian) and `data`: a digest, not a security measure. */
function contentDigest(raw: MsgChat): string {
  const input = new Uint8Array(4 + raw.data.byteLength);
  new DataView(input.buffer).setUint32(0, raw.msgType >>> 0);
  input.set(raw.data, 4);
  const digest = sha256(input);
  let hex = '';
  for (let i = 0; i < 8; i += 1) hex += digest[i]!.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The deduplication window: keys of messages handled recently (bounded, oldest forgotten first) and of
 * messages being handled now. A message is a duplicate when any of its keys is in either.
 */
export class DedupWindow {
  readonly #seen: Set<string>;
  readonly #inflight = new Map<string, number>();
  readonly #limit: number;

  /**
   * @param limitMessages - how many handled messages to remember (each has up to two keys).
   * @param initial - keys loaded from the store, oldest first.
   */
  constructor(limitMessages: number, initial: readonly string[] = []) {
    this.#limit = Math.max(0, Math.floor(limitMessages)) * 2;
    this.#seen = new Set();
    for (const key of initial.slice(-this.#limit)) this.#seen.add(key);
  }

  /** How many keys the window holds at most. */
  get keyLimit(): number {
    return this.#limit;
  }

  /** Whether any of `keys` belongs to a message handled recently or being handled. */
  has(keys: readonly string[]): boolean {
    return keys.some((key) => this.#seen.has(key) || this.#inflight.has(key));
  }

  /** Whether any of `keys` belongs to a message handled recently (not counting those being handled). */
  handled(keys: readonly string[]): boolean {
    return keys.some((key) => this.#seen.has(key));
  }

  /** Marks a message as being handled. */
  begin(keys: readonly string[]): void {
    for (const key of keys) this.#inflight.set(key, (this.#inflight.get(key) ?? 0) + 1);
  }

  /** Marks a message as handled; returns its keys, to be persisted. */
  finish(keys: readonly string[]): readonly string[] {
    this.#release(keys);
    for (const key of keys) {
      this.#seen.delete(key);
      this.#seen.add(key);
    }
    while (this.#seen.size > this.#limit) {
      const oldest = this.#seen.values().next().value as string;
      this.#seen.delete(oldest);
    }
    return keys;
  }

  /** Forgets a message that was being handled but was not (the client stopped first). */
  abandon(keys: readonly string[]): void {
    this.#release(keys);
  }

  #release(keys: readonly string[]): void {
    for (const key of keys) {
      const count = (this.#inflight.get(key) ?? 0) - 1;
      if (count > 0) this.#inflight.set(key, count);
      else this.#inflight.delete(key);
    }
  }
}
