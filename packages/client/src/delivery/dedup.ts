import type { MsgChat } from '@birdtalk/proto';
import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The keys that identify one message for deduplication.
 *
 * 1. `m:<msgId>` — the server's id. Re-pushes (a sender's receipt query makes the server send undelivered
 *    messages again), reconnects and overlapping sync pages repeat a message with the same id.
 *
 * 2. `c:<sender>:<chatType>:<to>:<sendId>:<digest>@<time>` — for resends. The server does not deduplicate by
 *    `sendId`: a sender that lost an acknowledgement resends with the same `sendId` and the server stores a
 *    second copy under a new `msgId`. Sender and `sendId` alone would not do as a key: history rows carry no
 *    `devId`, and clients allocate `sendId`s from counters that restart (Android devices start at 1 before
 *    their database opens, several devices of one user count independently), so `sendId`s are reused for
 *    different messages. The conversation (`chatType` and recipient) and a digest of `msgType` and `data`
 *    narrow the key to "the same sender sent the same content to the same chat under the same client id", and
 *    the message's time (`tm`, after `@`) bounds it: only a copy within the window's `resendWindowMs` of the
 *    first counts as a resend, so a user who sends "/start" again later, under a reused `sendId`, is heard.
 *
 * A `sendId` of 0 (a client that never set it) gives no second key.
 */
export function dedupKeys(raw: MsgChat): string[] {
  const keys = [`m:${raw.msgId}`];
  if (raw.sendId !== '0' && raw.sendId !== '') {
    const time = /^[0-9]{1,16}$/.test(raw.tm) ? raw.tm : '0';
    keys.push(`c:${raw.fromId}:${raw.chatType}:${raw.toId}:${raw.sendId}:${contentDigest(raw)}@${time}`);
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

/** How far apart in server time two copies may be for the second to count as a resend of the first. */
export const DEFAULT_RESEND_WINDOW_MS = 600_000;

/** A key split into what it identifies and, for content keys, the message time (undefined: any time). */
function splitKey(key: string): { readonly id: string; readonly time: number | undefined } {
  const at = key.startsWith('c:') ? key.lastIndexOf('@') : -1;
  if (at < 0) return { id: key, time: undefined };
  const time = Number(key.slice(at + 1));
  return { id: key.slice(0, at), time: Number.isFinite(time) ? time : undefined };
}

/**
 * The deduplication window: keys of messages handled recently (bounded, oldest forgotten first) and of
 * messages being handled now. A message is a duplicate when its `m:` key is in either, or its content key is
 * there with a time within `resendWindowMs` of its own (a stored key without a time matches any time).
 */
export class DedupWindow {
  /** Handled keys by identity, oldest first, with the persisted key and the message time. */
  readonly #seen = new Map<string, { readonly key: string; readonly time: number | undefined }>();
  /**
   * Walks `#seen` from its oldest end, and stays where it stopped: a fresh `keys().next()` for each eviction
   * steps over every slot deleted since V8 last rehashed the map, which made a full window cost thousands of
   * steps per message. Everything before the cursor is deleted, so the oldest live key is always next.
   */
  #oldest: Iterator<string> | undefined;
  readonly #inflight = new Map<string, { count: number; readonly time: number | undefined }>();
  readonly #limit: number;
  readonly #resendWindowMs: number;

  /**
   * @param limitMessages - how many handled messages to remember (each has up to two keys).
   * @param initial - keys loaded from the store, oldest first.
   * @param resendWindowMs - see {@link DEFAULT_RESEND_WINDOW_MS}.
   */
  constructor(
    limitMessages: number,
    initial: readonly string[] = [],
    resendWindowMs = DEFAULT_RESEND_WINDOW_MS,
  ) {
    this.#limit = Math.max(0, Math.floor(limitMessages)) * 2;
    this.#resendWindowMs = resendWindowMs;
    for (const key of initial.slice(-this.#limit)) this.#remember(key);
  }

  /** How many keys the window holds at most. */
  get keyLimit(): number {
    return this.#limit;
  }

  /** Whether any of `keys` belongs to a message handled recently or being handled. */
  has(keys: readonly string[]): boolean {
    return keys.some((key) => {
      const { id, time } = splitKey(key);
      return (
        this.#near(this.#seen.get(id)?.time, time, this.#seen.has(id)) ||
        this.#near(this.#inflight.get(id)?.time, time, this.#inflight.has(id))
      );
    });
  }

  /** Whether any of `keys` belongs to a message handled recently (not counting those being handled). */
  handled(keys: readonly string[]): boolean {
    return keys.some((key) => {
      const { id, time } = splitKey(key);
      return this.#near(this.#seen.get(id)?.time, time, this.#seen.has(id));
    });
  }

  /** Marks a message as being handled. */
  begin(keys: readonly string[]): void {
    for (const key of keys) {
      const { id, time } = splitKey(key);
      const entry = this.#inflight.get(id);
      if (entry === undefined) this.#inflight.set(id, { count: 1, time });
      else entry.count += 1;
    }
  }

  /** Marks a message as handled; returns its keys, to be persisted. */
  finish(keys: readonly string[]): readonly string[] {
    this.#release(keys);
    for (const key of keys) this.#remember(key);
    while (this.#seen.size > this.#limit) this.#seen.delete(this.#nextOldest());
    return keys;
  }

  /** Forgets a message that was being handled but was not (the client stopped first). */
  abandon(keys: readonly string[]): void {
    this.#release(keys);
  }

  #nextOldest(): string {
    let next = this.#oldest?.next();
    if (next === undefined || next.done === true) {
      // An iterator that reported its end stays ended, even when keys were added since.
      this.#oldest = this.#seen.keys();
      next = this.#oldest.next();
    }
    return next.value as string;
  }

  #remember(key: string): void {
    const { id, time } = splitKey(key);
    this.#seen.delete(id);
    this.#seen.set(id, { key, time });
  }

  #near(stored: number | undefined, time: number | undefined, present: boolean): boolean {
    if (!present) return false;
    if (stored === undefined || time === undefined) return true;
    return Math.abs(time - stored) <= this.#resendWindowMs;
  }

  #release(keys: readonly string[]): void {
    for (const key of keys) {
      const { id } = splitKey(key);
      const entry = this.#inflight.get(id);
      if (entry === undefined) continue;
      entry.count -= 1;
      if (entry.count <= 0) this.#inflight.delete(id);
    }
  }
}
