import type { MsgChat } from '@birdtalk/proto';
import { TransientMap } from '@birdtalk/runtime';
import { contentDigest } from './content-digest.js';

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
  return [...messageKeys(raw).keys];
}

/** One deduplication key, split once into what it identifies and, for content keys, the message time. */
export interface DedupKey {
  /** The key as stored. */
  readonly key: string;
  /** What it identifies: the key without its time. */
  readonly id: string;
  /** The message time of a content key; undefined for `m:` keys and stored keys without a time (any time). */
  readonly time: number | undefined;
}

/** The deduplication keys of one message (see {@link dedupKeys}), split once for the window. */
export interface MessageKeys {
  /** The keys as stored, `m:<msgId>` first. */
  readonly keys: readonly string[];
  /** The same keys, split. */
  readonly split: readonly DedupKey[];
}

/**
 * The keys of {@link dedupKeys}, each built from its parts rather than parsed back out of the string, since
 * every message of a catch-up passes here.
 */
export function messageKeys(raw: MsgChat): MessageKeys {
  const messageKey = `m:${raw.msgId}`;
  const byId: DedupKey = { key: messageKey, id: messageKey, time: undefined };
  if (raw.sendId === '0' || raw.sendId === '') return { keys: [messageKey], split: [byId] };
  const time = /^[0-9]{1,16}$/.test(raw.tm) ? raw.tm : '0';
  const id = `c:${raw.fromId}:${raw.chatType}:${raw.toId}:${raw.sendId}:${contentDigest(raw.msgType, raw.data)}`;
  const key = `${id}@${time}`;
  return { keys: [messageKey, key], split: [byId, { key, id, time: Number(time) }] };
}

/** Splits stored keys (or keys built elsewhere) for the window. */
export function splitKeys(keys: readonly string[]): MessageKeys {
  return { keys, split: keys.map(splitKey) };
}

/** How far apart in server time two copies may be for the second to count as a resend of the first. */
export const DEFAULT_RESEND_WINDOW_MS = 600_000;

/** A key split into what it identifies and, for content keys, the message time (undefined: any time). */
function splitKey(key: string): DedupKey {
  const at = key.startsWith('c:') ? key.lastIndexOf('@') : -1;
  if (at < 0) return { key, id: key, time: undefined };
  const time = Number(key.slice(at + 1));
  return { key, id: key.slice(0, at), time: Number.isFinite(time) ? time : undefined };
}

/**
 * The deduplication window: keys of messages handled recently (bounded, oldest forgotten first) and of
 * messages being handled now. A message is a duplicate when its `m:` key is in either, or its content key is
 * there with a time within `resendWindowMs` of its own (a stored key without a time matches any time).
 */
export class DedupWindow {
  /** Handled keys by identity, oldest first. */
  readonly #seen = new Map<string, DedupKey>();
  /**
   * Walks `#seen` from its oldest end, and stays where it stopped: a fresh `keys().next()` for each eviction
   * steps over every slot deleted since V8 last rehashed the map, which made a full window cost thousands of
   * steps per message. Everything before the cursor is deleted, so the oldest live key is always next.
   */
  #oldest: Iterator<string> | undefined;
  /** Keys of messages being handled, by identity (the first such message's key). */
  readonly #inflight = new TransientMap<string, DedupKey>();
  /** How many more messages than one are being handled under an identity, when more are. */
  readonly #inflightExtra = new TransientMap<string, number>();
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
    for (const key of initial.slice(-this.#limit)) this.#remember(splitKey(key));
  }

  /** How many keys the window holds at most. */
  get keyLimit(): number {
    return this.#limit;
  }

  /** Whether any of `keys` belongs to a message handled recently or being handled. */
  has(keys: MessageKeys): boolean {
    for (const key of keys.split) {
      if (this.#near(this.#seen.get(key.id), key) || this.#near(this.#inflight.get(key.id), key)) return true;
    }
    return false;
  }

  /** Whether any of `keys` belongs to a message handled recently (not counting those being handled). */
  handled(keys: MessageKeys): boolean {
    for (const key of keys.split) if (this.#near(this.#seen.get(key.id), key)) return true;
    return false;
  }

  /** Marks a message as being handled. */
  begin(keys: MessageKeys): void {
    for (const key of keys.split) {
      if (!this.#inflight.has(key.id)) this.#inflight.set(key.id, key);
      else this.#inflightExtra.set(key.id, (this.#inflightExtra.get(key.id) ?? 0) + 1);
    }
  }

  /** Marks a message as handled; returns its keys, to be persisted. */
  finish(keys: MessageKeys): readonly string[] {
    this.#release(keys);
    for (const key of keys.split) this.#remember(key);
    while (this.#seen.size > this.#limit) this.#seen.delete(this.#nextOldest());
    return keys.keys;
  }

  /** Forgets a message that was being handled but was not (the client stopped first). */
  abandon(keys: MessageKeys): void {
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

  #remember(key: DedupKey): void {
    this.#seen.delete(key.id);
    this.#seen.set(key.id, key);
  }

  /** Whether `stored` (a key of the window, if any) matches `key` in time. */
  #near(stored: DedupKey | undefined, key: DedupKey): boolean {
    if (stored === undefined) return false;
    if (stored.time === undefined || key.time === undefined) return true;
    return Math.abs(key.time - stored.time) <= this.#resendWindowMs;
  }

  #release(keys: MessageKeys): void {
    for (const { id } of keys.split) {
      const extra = this.#inflightExtra.get(id);
      if (extra === undefined) this.#inflight.delete(id);
      else if (extra > 1) this.#inflightExtra.set(id, extra - 1);
      else this.#inflightExtra.delete(id);
    }
  }
}
