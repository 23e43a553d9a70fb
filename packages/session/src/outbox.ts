import {
  AbortError,
  type BirdTalkError,
  hasErrorName,
  isBirdTalkError,
  StateError,
  TimeoutError,
} from '@birdtalk/errors';
import { ChatType, type Int64, type MsgChatInit } from '@birdtalk/proto';
import { type Clock, type Logger, type TimerHandle, TransientMap } from '@birdtalk/runtime';
import { SessionErrorCode } from './errors.js';
import { describeError } from './events.js';
import type { StoredFinder, StoredLookup } from './stored-check.js';

/** One chat waiting for the server's acknowledgement. */
export interface OutboxEntry {
  /** The client id of the message; resends keep it (and `msgId = sendId`). */
  readonly sendId: Int64;
  /** The message as it will be sent, `sendId` included. */
  readonly chat: MsgChatInit;
  /** When it was queued, in milliseconds since the Unix epoch; the delivery deadline counts from here. */
  readonly createdAt: number;
}

/**
 * Where unacknowledged chats are kept. A persistent implementation lets a restarted client resend what the
 * previous run queued: the session loads the entries at start and resends them after login.
 */
export interface OutboxStore {
  /** Every entry, in any order. */
  load(): Promise<readonly OutboxEntry[]>;
  /** Adds or replaces the entry with this `sendId`. */
  put(entry: OutboxEntry): Promise<void>;
  /** Forgets the entry with this `sendId`; forgetting an absent one is not an error. */
  remove(sendId: Int64): Promise<void>;
}

/** An {@link OutboxStore} in memory: the outbox survives reconnects, not restarts. */
export function createMemoryOutboxStore(): OutboxStore {
  return new MemoryOutboxStore();
}

/** Methods on the prototype and entries in a {@link TransientMap}: an idle session's store costs two small objects. */
class MemoryOutboxStore implements OutboxStore {
  readonly #entries = new TransientMap<Int64, OutboxEntry>();

  async load(): Promise<readonly OutboxEntry[]> {
    return [...this.#entries.values()];
  }

  async put(entry: OutboxEntry): Promise<void> {
    this.#entries.set(entry.sendId, entry);
  }

  async remove(sendId: Int64): Promise<void> {
    this.#entries.delete(sendId);
  }
}

/** The server's acknowledgement of a chat. */
export interface ChatAck {
  /** The client id that was acknowledged. */
  readonly sendId: Int64;
  /** The id the server gave the message (a snowflake). */
  readonly msgId: Int64;
  /** The server's time of storing it, in milliseconds. */
  readonly serverTime: Int64;
  /** The server's detail, e.g. `"save data ok"`. */
  readonly detail: string;
}

/**
 * Decides whether a chat the server refused goes once more: asked at most once per chat, while the chat still
 * holds its conversation (nothing later of it is sent meanwhile). Resolving `true` sends it again; `false` or a
 * rejection fails it with the refusal.
 */
export type RetryRefused = (error: BirdTalkError) => Promise<boolean>;

/**
 * How one attempt of a chat ends: settled once, with the acknowledgement or the error. The connection settles it
 * directly (see `Correlator.registerWith`), which spares each attempt a promise and the two reactions on it.
 */
export interface AttemptOutcome {
  resolve(ack: ChatAck): void;
  reject(error: unknown): void;
}

/**
 * Sends one attempt of an entry on the current connection and settles `outcome` with its acknowledgement or its
 * failure, possibly before it returns. `prepared` is what {@link Outbox.submit} was given to make the first
 * attempt with (a frame built ahead), handed to that attempt only; later attempts get `undefined`.
 */
export type OutboxSender = (entry: OutboxEntry, outcome: AttemptOutcome, prepared: unknown) => void;

/** Timing, storage and reporting of an {@link Outbox}. */
export interface OutboxOptions {
  readonly clock: Clock;
  readonly store: OutboxStore;
  readonly logger: Logger;
  readonly deadlineMs: number;
  readonly resendUnacknowledged: boolean;
  readonly resendDelayMs: number;
  /**
   * Whether a conversation's chats go out one at a time, in order (see {@link Outbox}); `false` sends every
   * waiting chat at once. @defaultValue true
   */
  readonly inOrder?: boolean;
  /** Reports every acknowledgement, also of entries nobody awaits (restored from the store). */
  readonly onAcked: (ack: ChatAck) => void;
  /** Reports every final failure. */
  readonly onFailed: (sendId: Int64, error: BirdTalkError) => void;
  /**
   * Looks in the server's history for chats whose earlier attempt may have been stored without an
   * acknowledgement reaching us; those found count as acknowledged and are not sent again. Without it, every
   * such chat is simply resent (and the server may store it twice).
   */
  readonly findStored?: StoredFinder;
}

/** One caller waiting for a chat's outcome. */
interface Waiter {
  resolve(ack: ChatAck): void;
  reject(error: unknown): void;
}

export interface Tracked {
  readonly entry: OutboxEntry;
  /** Its conversation (chat type and recipient): one chat of a conversation is on its way at a time. */
  readonly conversation: string;
  /** Asked once whether a refused attempt goes again; `undefined` when absent or already asked. */
  retryRefused: RetryRefused | undefined;
  /** What the first attempt is made with (see {@link OutboxSender}); `undefined` once it was made. */
  prepared: unknown;
  /**
   * Who waits for it: nearly always one caller, kept as is; an array only once a second one comes (the same
   * `sendId` submitted again). An array and a record per chat were a tenth of what a send allocated.
   */
  waiters: Waiter | Waiter[] | undefined;
  inFlight: boolean;
  /** An attempt may have reached the server (or, restored from the store, an earlier run may have sent it). */
  sent: boolean;
  /** Its history lookup, or the question whether a refusal is retried, is under way: no attempt until it ends. */
  checking: boolean;
  /**
   * Lookups since its last attempt that could not read its conversation; after a few, it is sent again without
   * knowing.
   */
  lookupFailures: number;
  /** When it fails unless acknowledged: `createdAt + deadlineMs`. */
  readonly deadlineAt: number;
  resend: TimerHandle | undefined;
}

/**
 * Chats on their way: each is kept (in memory and in the {@link OutboxStore}) from submission until the server
 * acknowledges it, refuses it, or its deadline passes. While a connection is ready every entry is sent; after a
 * reconnect every entry still waiting is sent again with the same `sendId`.
 *
 * Per conversation (chat type and recipient) the outbox is first in, first out: a chat is sent only once every
 * chat submitted before it to the same conversation was acknowledged or failed for good. So the server stores a
 * conversation's chats in the order they were submitted, even when one is resent after a lost connection, a
 * lost acknowledgement (looked up first) or a refusal retried through {@link RetryRefused}: with several on
 * the wire at once, the ones behind a chat that the server refused or never read would be stored before its
 * resend. Different conversations go out concurrently. With `inOrder: false`, every waiting chat is sent at once.
 *
 * The server does not deduplicate by `sendId`, so a resend after a lost acknowledgement can
 * store the message twice; receivers deduplicate by sender and `sendId`.
 */
export class Outbox {
  readonly #options: OutboxOptions;
  /**
   * Chats come and go all the time, and an idle session's outbox holds none: transient maps (see
   * {@link TransientMap}), which hold no `Map` while empty.
   */
  readonly #entries = new TransientMap<Int64, Tracked>();
  /**
   * The entries of each conversation, oldest first; only the first is ever on its way. A conversation with one
   * chat waiting (the usual case) holds it as it is: an array per chat was most of what queueing one made.
   */
  readonly #conversations = new TransientMap<string, Tracked | Tracked[]>();
  #sender: OutboxSender | undefined;
  #closed = false;
  /**
   * History lookups under way. While one runs, nothing is sent: a chat that turns out not to be stored must go
   * out again before anything queued after it, or its conversation would be stored out of order.
   */
  #lookups = 0;
  /**
   * One timer for every deadline, armed for `#deadlineAt` (at or before the earliest deadline): a timer per
   * chat costs more than the rest of queueing it.
   */
  #deadlineTimer: TimerHandle | undefined;
  #deadlineAt = Number.POSITIVE_INFINITY;

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** How many chats are waiting for an acknowledgement. */
  get size(): number {
    return this.#entries.size;
  }

  /** The `sendId`s waiting, oldest first. */
  get pendingIds(): Int64[] {
    return [...this.#entries.keys()];
  }

  /** Loads what an earlier run left in the store; those entries are sent once a connection is ready. */
  async restore(): Promise<void> {
    const entries = await this.#options.store.load();
    for (const entry of [...entries].sort((a, b) => compareIds(a.sendId, b.sendId))) {
      if (!this.#entries.has(entry.sendId)) this.#track(entry).sent = true;
    }
  }

  /**
   * Queues a chat; resolves with its acknowledgement, rejects with its final failure. `retryRefused` is asked
   * whether a refusal by the server is worth one more attempt; `prepared` goes to the sender with the first
   * attempt (see {@link OutboxSender}).
   */
  submit(
    entry: OutboxEntry,
    signal?: AbortSignal,
    retryRefused?: RetryRefused,
    prepared?: unknown,
  ): Promise<ChatAck> {
    if (this.#closed) return Promise.reject(closedError());
    if (signal?.aborted) return Promise.reject(new AbortError('the chat was aborted before it was queued'));
    // Not an async function: its result would settle turns of the microtask queue after the acknowledgement,
    // and every chat comes through here.
    return new Promise<ChatAck>((resolve, reject) => {
      this.#options.store.put(entry).then(() => {
        if (this.#closed) {
          reject(closedError());
          return;
        }
        let tracked = this.#entries.get(entry.sendId);
        if (tracked === undefined) {
          tracked = this.#track(entry);
          tracked.prepared = prepared;
        }
        tracked.retryRefused ??= retryRefused;
        if (signal === undefined) addWaiter(tracked, { resolve, reject });
        else this.#abortWith(tracked, signal, resolve, reject);
        this.#attempt(tracked);
      }, reject);
    });
  }

  /** Waits for `tracked` until `signal` aborts, which takes it out of the outbox. */
  #abortWith(
    tracked: Tracked,
    signal: AbortSignal,
    resolve: (ack: ChatAck) => void,
    reject: (error: unknown) => void,
  ): void {
    const onAbort = (): void => {
      this.#finish(
        tracked,
        undefined,
        new AbortError(`chat ${tracked.entry.sendId} was aborted`, { cause: signal.reason }),
      );
    };
    signal.addEventListener('abort', onAbort, { once: true });
    addWaiter(tracked, {
      resolve: (ack) => {
        signal.removeEventListener('abort', onAbort);
        resolve(ack);
      },
      reject: (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    });
  }

  /**
   * Takes a chat out: its waiters reject with `error` and it is not sent again (an attempt already sent may
   * still be stored). Returns whether it was waiting. What an abort signal does, without a signal per chat.
   */
  abort(sendId: Int64, error: BirdTalkError): boolean {
    const tracked = this.#entries.get(sendId);
    if (tracked === undefined) return false;
    this.#finish(tracked, undefined, error);
    return true;
  }

  /**
   * A connection became ready: send everything waiting through `sender`, oldest first — except chats an
   * earlier attempt may have stored, which are first looked up in the history and sent again only if absent.
   */
  connected(sender: OutboxSender): void {
    this.#sender = sender;
    const toCheck: Tracked[] = [];
    for (const tracked of this.#entries.values()) {
      tracked.inFlight = false;
      this.#options.clock.clearTimeout(tracked.resend);
      if (tracked.sent && this.#options.findStored !== undefined) toCheck.push(tracked);
    }
    // With a lookup to make, everything waits for it (the lookup sends the rest, in order, when it ends).
    if (toCheck.length > 0) void this.#check(toCheck);
    else for (const tracked of this.#entries.values()) this.#attempt(tracked);
  }

  /** The connection is gone: entries wait for the next {@link Outbox.connected}. */
  disconnected(): void {
    this.#sender = undefined;
    for (const tracked of this.#entries.values()) this.#options.clock.clearTimeout(tracked.resend);
  }

  /**
   * Stops: every waiter is rejected with `error`, timers stop, entries stay in the store (a persistent store
   * hands them to the next session).
   */
  close(error: BirdTalkError): void {
    this.#closed = true;
    this.#sender = undefined;
    this.#stopDeadlines();
    for (const tracked of this.#entries.values()) {
      this.#options.clock.clearTimeout(tracked.resend);
      settleWaiters(tracked, undefined, error);
    }
    this.#entries.clear();
    this.#conversations.clear();
  }

  #track(entry: OutboxEntry): Tracked {
    const tracked: Tracked = {
      entry,
      conversation: conversationOf(entry.chat),
      retryRefused: undefined,
      prepared: undefined,
      waiters: undefined,
      inFlight: false,
      sent: false,
      checking: false,
      lookupFailures: 0,
      deadlineAt: entry.createdAt + this.#options.deadlineMs,
      resend: undefined,
    };
    this.#entries.set(entry.sendId, tracked);
    const queue = this.#conversations.get(tracked.conversation);
    if (queue === undefined) this.#conversations.set(tracked.conversation, tracked);
    else if (Array.isArray(queue)) queue.push(tracked);
    else this.#conversations.set(tracked.conversation, [queue, tracked]);
    if (tracked.deadlineAt < this.#deadlineAt) this.#armDeadlines(tracked.deadlineAt);
    return tracked;
  }

  #armDeadlines(at: number): void {
    const { clock } = this.#options;
    clock.clearTimeout(this.#deadlineTimer);
    this.#deadlineAt = at;
    this.#deadlineTimer = clock.setTimeout(() => this.#expire(), Math.max(0, at - clock.now()));
  }

  #stopDeadlines(): void {
    this.#options.clock.clearTimeout(this.#deadlineTimer);
    this.#deadlineTimer = undefined;
    this.#deadlineAt = Number.POSITIVE_INFINITY;
  }

  /** Fails every entry past its deadline, and arms the timer for the earliest deadline left. */
  #expire(): void {
    this.#deadlineTimer = undefined;
    this.#deadlineAt = Number.POSITIVE_INFINITY;
    const now = this.#options.clock.now();
    const expired: Tracked[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const tracked of this.#entries.values()) {
      if (tracked.deadlineAt <= now) expired.push(tracked);
      else if (tracked.deadlineAt < next) next = tracked.deadlineAt;
    }
    if (next < this.#deadlineAt) this.#armDeadlines(next);
    const { deadlineMs } = this.#options;
    // Every expired chat is out of its conversation before the next ones are sent, so none of them goes out.
    for (const tracked of expired) {
      const { sendId } = tracked.entry;
      this.#finish(
        tracked,
        undefined,
        new TimeoutError(`chat ${sendId} was not acknowledged within ${deadlineMs} ms`, {
          details: { sendId, deadlineMs, kind: 'chat' },
        }),
        false,
      );
    }
    for (const tracked of expired) this.#sendNext(tracked.conversation);
  }

  #attempt(tracked: Tracked): void {
    const sender = this.#sender;
    if (
      sender === undefined ||
      tracked.inFlight ||
      tracked.checking ||
      this.#lookups > 0 ||
      this.#entries.get(tracked.entry.sendId) !== tracked ||
      (this.#options.inOrder !== false && this.#firstOf(tracked.conversation) !== tracked)
    )
      return;
    tracked.inFlight = true;
    tracked.sent = true;
    // A new attempt is a new uncertainty: only lookups failed since it count towards sending it blind again.
    tracked.lookupFailures = 0;
    const { prepared } = tracked;
    tracked.prepared = undefined;
    const attempt = new Attempt(this, tracked, sender);
    try {
      sender(tracked.entry, attempt, prepared);
    } catch (error) {
      attempt.reject(error);
    }
  }

  /** An attempt of `tracked` was acknowledged (see {@link Attempt}); not for other callers. */
  attemptAcked(tracked: Tracked, ack: ChatAck): void {
    this.#finish(tracked, ack, undefined);
  }

  /** An attempt of `tracked` through `sender` failed (see {@link Attempt}); not for other callers. */
  attemptFailed(tracked: Tracked, sender: OutboxSender, error: unknown): void {
    if (this.#entries.get(tracked.entry.sendId) !== tracked) return;
    tracked.inFlight = false;
    if (isFinalFailure(error)) {
      const retry = isRefusal(error) ? tracked.retryRefused : undefined;
      if (retry === undefined) this.#finish(tracked, undefined, error as BirdTalkError);
      else void this.#retryRefused(tracked, retry, error as BirdTalkError);
    } else if (isUnanswered(error) && this.#options.resendUnacknowledged && this.#sender === sender) {
      this.#options.logger.debug('resending an unacknowledged chat', { sendId: tracked.entry.sendId });
      // The server may have stored it and only the acknowledgement went missing: look before resending.
      tracked.resend = this.#options.clock.setTimeout(
        () => (this.#options.findStored === undefined ? this.#attempt(tracked) : void this.#check([tracked])),
        this.#options.resendDelayMs,
      );
    } else {
      // Connection lost or closed: the next connection resends it.
      this.#options.logger.debug('chat waits for the next connection', {
        sendId: tracked.entry.sendId,
        error: describeError(error),
      });
    }
  }

  /**
   * Asks whether a refused chat goes again, holding its conversation meanwhile. The refused attempt was not
   * stored, so the next one needs no lookup.
   */
  async #retryRefused(tracked: Tracked, retry: RetryRefused, refusal: BirdTalkError): Promise<void> {
    tracked.retryRefused = undefined;
    tracked.checking = true;
    const again = await retry(refusal).catch(() => false);
    tracked.checking = false;
    if (this.#entries.get(tracked.entry.sendId) !== tracked) return;
    if (!again) {
      this.#finish(tracked, undefined, refusal);
      return;
    }
    tracked.sent = false;
    if (this.#lookups === 0) this.#attempt(tracked);
  }

  /**
   * Looks the entries up in the history: those found are acknowledged by the row found; those not found are
   * sent again, after the lookup, in order with everything that waited for it. A conversation the lookup could
   * not read is looked up again (on the connection there is then); after {@link MAX_LOOKUP_FAILURES} such
   * failures in a row since a chat's last attempt, it is sent again anyway — possibly twice, never lost.
   */
  async #check(list: readonly Tracked[]): Promise<void> {
    const findStored = this.#options.findStored!;
    const pending = list.filter(
      (tracked) => !tracked.checking && this.#entries.get(tracked.entry.sendId) === tracked,
    );
    this.#lookups += 1;
    for (const tracked of pending) tracked.checking = true;
    let lookup: StoredLookup = { found: new Map(), unknown: new Set(pending.map((t) => t.entry.sendId)) };
    if (pending.length > 0) {
      try {
        lookup = await findStored(pending.map((tracked) => tracked.entry));
      } catch {
        // A finder that throws knows nothing.
      }
    }
    for (const tracked of pending) {
      tracked.checking = false;
      if (this.#entries.get(tracked.entry.sendId) !== tracked) continue;
      const ack = lookup.found.get(tracked.entry.sendId);
      if (ack !== undefined) {
        this.#options.logger.debug('a chat was found stored; it is not sent again', {
          sendId: tracked.entry.sendId,
        });
        this.#finish(tracked, ack, undefined);
      } else if (lookup.unknown.has(tracked.entry.sendId)) {
        tracked.lookupFailures += 1;
        if (tracked.lookupFailures >= MAX_LOOKUP_FAILURES) tracked.sent = false;
      } else {
        // Not stored when the lookup ran: a new attempt is safe.
        tracked.sent = false;
      }
    }
    this.#lookups -= 1;
    this.#release();
  }

  /** Once no lookup runs: looks up what is still unverified, or else sends everything waiting, in order. */
  #release(): void {
    if (this.#lookups > 0 || this.#closed) return;
    const sender = this.#sender;
    if (sender === undefined) return;
    const unverified = [...this.#entries.values()].filter(
      (tracked) => tracked.sent && !tracked.inFlight && !tracked.checking,
    );
    if (unverified.length > 0 && this.#options.findStored !== undefined) {
      // Chats that may be stored and were not looked up yet (their acknowledgement went missing meanwhile),
      // or whose lookup failed: look, on the connection there is now, before anything is sent.
      void this.#check(unverified);
      return;
    }
    for (const tracked of this.#entries.values()) this.#attempt(tracked);
  }

  /** Sends the first chat of a conversation, if it may go now. */
  #sendNext(conversation: string): void {
    const next = this.#firstOf(conversation);
    if (next !== undefined) this.#attempt(next);
  }

  /** The oldest chat waiting in a conversation. */
  #firstOf(conversation: string): Tracked | undefined {
    const queue = this.#conversations.get(conversation);
    return Array.isArray(queue) ? queue[0] : queue;
  }

  /** Takes `tracked` out of its conversation; returns where it was in it (-1: not there). */
  #leaveConversation(tracked: Tracked): number {
    const queue = this.#conversations.get(tracked.conversation);
    if (queue === tracked) {
      this.#conversations.delete(tracked.conversation);
      return 0;
    }
    if (!Array.isArray(queue)) return -1;
    const index = queue.indexOf(tracked);
    if (index < 0) return -1;
    queue.splice(index, 1);
    if (queue.length === 0) this.#conversations.delete(tracked.conversation);
    return index;
  }

  /**
   * Settles a chat, acknowledged with `ack` or else failed with `error`, and takes it out of its conversation;
   * with `sendNext`, the conversation's next chat goes out (when it may).
   */
  #finish(
    tracked: Tracked,
    ack: ChatAck | undefined,
    error: BirdTalkError | undefined,
    sendNext = true,
  ): void {
    if (this.#entries.get(tracked.entry.sendId) !== tracked) return;
    this.#entries.delete(tracked.entry.sendId);
    const index = this.#leaveConversation(tracked);
    // The deadline timer stays armed when the outbox empties: the next chat's deadline is later, so it arms
    // nothing, where stopping and re-arming made a timer per burst. Left over, it fires once and finds nothing.
    this.#options.clock.clearTimeout(tracked.resend);
    this.#options.store.remove(tracked.entry.sendId).catch((error: unknown) => {
      this.#options.logger.warn('the outbox store could not forget an entry', {
        sendId: tracked.entry.sendId,
        error: describeError(error),
      });
    });
    if (ack !== undefined) {
      this.#options.onAcked(ack);
      settleWaiters(tracked, ack, undefined);
    } else {
      this.#options.onFailed(tracked.entry.sendId, error!);
      settleWaiters(tracked, undefined, error);
    }
    if (sendNext && index === 0) this.#sendNext(tracked.conversation);
  }
}

/**
 * One attempt of a chat, settled by the connection (see {@link AttemptOutcome}): the attempt's outcome goes
 * straight to its outbox, once, with the sender it went through (a failure on a connection since replaced
 * is not resent on the new one's account).
 */
class Attempt implements AttemptOutcome {
  readonly #outbox: Outbox;
  readonly #tracked: Tracked;
  readonly #sender: OutboxSender;
  #settled = false;

  constructor(outbox: Outbox, tracked: Tracked, sender: OutboxSender) {
    this.#outbox = outbox;
    this.#tracked = tracked;
    this.#sender = sender;
  }

  resolve(ack: ChatAck): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#outbox.attemptAcked(this.#tracked, ack);
  }

  reject(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#outbox.attemptFailed(this.#tracked, this.#sender, error);
  }
}

/**
 * The key of a chat's conversation: its recipient for a P2P chat (the key most chats have, and a string the
 * chat already holds), chat type and recipient for the rest. Ids are digits, so the two kinds never meet.
 */
function conversationOf(chat: MsgChatInit): string {
  const toId = String(chat.toId ?? '');
  return chat.chatType === ChatType.ChatTypeP2P ? toId : `${chat.chatType ?? 0}:${toId}`;
}

/** Adds a caller waiting for `tracked`. */
function addWaiter(tracked: Tracked, waiter: Waiter): void {
  const { waiters } = tracked;
  if (waiters === undefined) tracked.waiters = waiter;
  else if (Array.isArray(waiters)) waiters.push(waiter);
  else tracked.waiters = [waiters, waiter];
}

/** Takes every waiter off `tracked` and settles it: with `ack` when given, else with `error`. */
function settleWaiters(tracked: Tracked, ack: ChatAck | undefined, error: unknown): void {
  const { waiters } = tracked;
  tracked.waiters = undefined;
  if (waiters === undefined) return;
  if (!Array.isArray(waiters)) settle(waiters, ack, error);
  else for (const waiter of waiters) settle(waiter, ack, error);
}

function settle(waiter: Waiter, ack: ChatAck | undefined, error: unknown): void {
  if (ack !== undefined) waiter.resolve(ack);
  else waiter.reject(error);
}

/** The server refused the chat, or the SDK refused to send it: resending cannot help. */
function isFinalFailure(error: unknown): boolean {
  return (
    isBirdTalkError(error, SessionErrorCode.CHAT_REJECTED) ||
    isBirdTalkError(error, SessionErrorCode.CHAT_NOT_FRIEND) ||
    hasErrorName(error, 'RefusedError') ||
    hasErrorName(error, 'InvalidArgumentError') ||
    hasErrorName(error, 'EncodeError') ||
    !isBirdTalkError(error)
  );
}

/** The server answered the chat with "fail" (as opposed to the SDK refusing to send it). */
function isRefusal(error: unknown): boolean {
  return (
    isBirdTalkError(error, SessionErrorCode.CHAT_REJECTED) ||
    isBirdTalkError(error, SessionErrorCode.CHAT_NOT_FRIEND)
  );
}

/** The server processed the chat and said nothing, or said nothing in time. */
function isUnanswered(error: unknown): boolean {
  return isBirdTalkError(error, SessionErrorCode.NO_REPLY) || hasErrorName(error, 'TimeoutError');
}

/** Lookups of one chat that may fail before it is sent again without knowing whether it was stored. */
const MAX_LOOKUP_FAILURES = 3;

function closedError(): BirdTalkError {
  return new StateError(SessionErrorCode.SESSION_CLOSED, 'the session is closed');
}

function compareIds(a: Int64, b: Int64): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
