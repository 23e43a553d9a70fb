import { BirdTalkError, TimeoutError } from '@birdtalk/errors';
import { ChatMsgType, ChatType, type Int64, isInt64String, type MsgChat } from '@birdtalk/proto';
import type { Clock, EventHub, Logger, TimerHandle } from '@birdtalk/runtime';
import { targetKey } from '../chat-target.js';
import { ClientErrorCode } from '../client-errors.js';
import type { ClientEvents, DeliveryEvent } from '../events.js';
import { type ChatMessage, chatOf, toChatMessage } from '../message.js';
import { groupStream, P2P_STREAM, type Store } from '../store/store.js';
import { ChatOrder } from './chat-order.js';
import { ChatQueues } from './chat-queues.js';
import { type DedupWindow, type MessageKeys, messageKeys } from './dedup.js';
import type { Positions } from './positions.js';
import { type ListenerOutcome, type RetryPolicy, runListeners } from './run-listeners.js';

/** How a raw message reached the client. */
export type Arrival = 'live' | 'repush' | 'catch-up';

/** What became of an ingested message. */
export type IngestResult =
  | 'queued'
  | 'taken'
  | 'held'
  | 'dropped'
  | 'duplicate'
  | 'skipped'
  | 'invalid'
  | 'closed';

/** What the inbox is told about every valid message from someone else, duplicate or not. */
export interface AcceptedMessage {
  readonly raw: MsgChat;
  readonly arrival: Arrival;
  /** Whether it was handled before (or is being handled now). */
  readonly duplicate: boolean;
}

/** The collaborators of an {@link Inbox}. */
export interface InboxDeps {
  readonly hub: EventHub<ClientEvents>;
  readonly dedup: DedupWindow;
  readonly positions: Positions;
  readonly store: Store;
  /** The handling marks a previous run left (`Store.loadHandling`): those messages are redeliveries. */
  readonly handling: readonly string[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** The logged-in user's id. */
  selfId(): Int64;
  /** Deliver our own messages from other devices (`includeOwnMessages`). */
  readonly includeOwnMessages: boolean;
  /** Whether this client sent the message with this server id (such copies are never delivered). */
  isOwnSend(msgId: Int64): boolean;
  readonly handlerRetries: number;
  readonly handlerRetryDelayMs: number;
  /**
   * How long the listeners of one message may take, retries included, before the delivery is given up as
   * failed (dead-lettered) and its chat moves on; 0 for no limit.
   */
  readonly handlerTimeoutMs: number;
  /**
   * The most messages queued or being handled before live messages are held instead, and a catch-up is asked
   * for (`onBacklogFull`); also the most a stream's position may lag behind what was handled.
   */
  readonly maxQueuedMessages: number;
  /** The most live messages held; later ones are dropped, and fetched again by a catch-up. */
  readonly maxHeldMessages: number;
  /** The backlog is full: live messages are held now, and a catch-up must fetch them (see `release`). */
  onBacklogFull(): void;
  /**
   * A live message was handled and its stream now has half of `maxQueuedMessages` messages handled live that no
   * history page has listed yet: a sweep should fetch them (which lets the position move on) before the
   * backlog counts as full.
   */
  onUnconfirmed?(stream: string): void;
  /** Every valid message from someone else, before deduplication decides (receipts hang off this). */
  onAccepted(message: AcceptedMessage): void;
  /** A problem that did not stop delivery (a store write, an invalid message). */
  onError(error: BirdTalkError): void;
}

interface Item {
  readonly raw: MsgChat;
  /** `raw.msgId`, parsed once for the position and the chat order. */
  readonly id: bigint;
  readonly stream: string;
  readonly keys: MessageKeys;
  readonly catchingUp: boolean;
  readonly redelivered: boolean;
  /** Whether a message of its chat with a higher id went to the application before it. */
  readonly late: boolean;
  /** The chat's queue key. */
  readonly chat: string;
  /** Settles once the store holds the message's handling mark (or failed to write it); set when requested. */
  marked: Promise<void> | undefined;
  /** The write of the handling mark, once requested: whether it has settled is read when the turn comes. */
  markWrite: MarkWrite | undefined;
}

/** One write of handling marks, shared by the messages whose marks it carries. */
interface MarkWrite {
  /** Settles once the store wrote the marks (or failed to). */
  readonly written: Promise<void>;
  /** Whether `written` has settled. */
  settled: boolean;
}

/** Someone waiting for a message outside the per-chat queues (`client.waitFor`). */
export interface MessageWaiter {
  /** Whether this message is the one awaited; a throwing test counts as "no". */
  accepts(message: ChatMessage): boolean;
  /**
   * Hands the message over; it counts as handled from now on. Returns false when the waiter gave up in the
   * meantime (the message then goes to the listeners).
   */
  take(message: ChatMessage): boolean;
  /** The inbox closed: no message will come. */
  closed(): void;
}

/**
 * Where every incoming chat message goes, live or fetched: it drops duplicates, keeps our own copies away from
 * the application, queues the rest per conversation, runs the `message` / `recall` listeners (retrying failing
 * ones, dead-lettering what keeps failing), and only then marks the message seen and lets its stream's
 * position move past it. While a catch-up runs, live messages are held and fed in after it.
 */
export class Inbox {
  readonly #deps: InboxDeps;
  readonly #queues: ChatQueues<Item>;
  readonly #abandon = new AbortController();
  #held: Array<{ raw: MsgChat; arrival: Arrival }> | undefined;
  /** Whether live messages were dropped while held, since the catch-up that will fetch them started. */
  #heldDropped = false;
  #accepting = true;
  #catchUpPending = 0;
  #catchUpDelivered = 0;
  #catchUpWaiters: Array<() => void> = [];
  #warnedUnheard = false;
  readonly #waiters = new Set<MessageWaiter>();
  readonly #order = new ChatOrder();
  /** Marks left by a previous run, until the message is handled again. */
  readonly #redeliveries: Set<string>;
  /** Marks to write with the next batch, and that batch. */
  #marks: string[] = [];
  #marking: MarkWrite | undefined;
  /** Messages handled synchronously in a row, and how many may be (see `maxHandledAtOnce`). */
  #handledAtOnce = 0;
  readonly #maxHandledAtOnce: number;

  constructor(deps: InboxDeps) {
    this.#deps = deps;
    this.#redeliveries = new Set(deps.handling);
    // A store whose writes take effect only when its queued writes go out (a journal, a transaction, a Redis
    // script) gets them out between any two handlers: after a crash, only the message in hand comes again.
    this.#maxHandledAtOnce = deps.store.appliesWritesAtOnce === true ? maxHandledAtOnce : 1;
    this.#queues = new ChatQueues((item) => this.#handle(item));
  }

  /** Messages queued or being handled. */
  get load(): number {
    return this.#queues.active + this.#queues.queued;
  }

  /** How many catch-up messages reached the application since {@link Inbox.resetCatchUpCount}. */
  get catchUpDelivered(): number {
    return this.#catchUpDelivered;
  }

  resetCatchUpCount(): void {
    this.#catchUpDelivered = 0;
  }

  /** Live messages held now. */
  get heldCount(): number {
    return this.#held?.length ?? 0;
  }

  /** Holds live messages until {@link Inbox.release} (a catch-up is running, or will run after the next login). */
  hold(): void {
    this.#held ??= [];
  }

  /** A catch-up starts: what it fetches covers the live messages dropped so far. */
  catchUpStarting(): void {
    this.#heldDropped = false;
  }

  /**
   * Feeds the held live messages in, after everything the catch-up queued, and returns true. Returns false,
   * and keeps holding, when live messages were dropped since that catch-up started: they are newer than what
   * it fetched, so another catch-up must fetch them before anything newer may move a position past them.
   */
  release(): boolean {
    if (this.#heldDropped) return false;
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const { raw, arrival } of held) this.ingest(raw, arrival);
    return true;
  }

  /** Takes a message in. */
  ingest(raw: MsgChat, arrival: Arrival): IngestResult {
    if (!this.#accepting) return 'closed';
    if (this.#held === undefined && arrival !== 'catch-up' && this.#backlogFull(raw)) {
      // Live messages cannot be back-pressured (the server pushes them): hold them, and let a catch-up fetch
      // them at the pace the application handles them.
      this.hold();
      this.#deps.onBacklogFull();
    }
    if (this.#held !== undefined && arrival !== 'catch-up') {
      if (this.#held.length >= this.#deps.maxHeldMessages) {
        // The server keeps it: the catch-up that must run before the held messages are released fetches it.
        this.#heldDropped = true;
        return 'dropped';
      }
      this.#held.push({ raw, arrival });
      return 'held';
    }
    if (!isValid(raw)) {
      this.#deps.onError(
        new BirdTalkError('PROTOCOL_INVALID_MESSAGE', 'a chat message without valid ids was dropped', {
          details: { msgId: raw.msgId, fromId: raw.fromId, toId: raw.toId },
        }),
      );
      return 'invalid';
    }
    const selfId = this.#deps.selfId();
    const id = BigInt(raw.msgId);
    const stream = raw.chatType === ChatType.ChatTypeGroup ? groupStream(raw.toId) : P2P_STREAM;
    const keys = messageKeys(raw);
    const own = raw.fromId === selfId;
    const duplicate = this.#deps.dedup.has(keys);
    if (!own) this.#deps.onAccepted({ raw, arrival, duplicate });
    if (duplicate || (own && (!this.#deps.includeOwnMessages || this.#deps.isOwnSend(raw.msgId)))) {
      // Nothing to deliver, but the stream's position may move past it (a catch-up page of our own rows).
      if (arrival === 'catch-up') {
        this.#deps.positions.begin(stream, id);
        this.#deps.positions.finish(stream, id);
      }
      return duplicate ? 'duplicate' : 'skipped';
    }
    const catchingUp = arrival === 'catch-up';
    this.#deps.dedup.begin(keys);
    this.#deps.positions.begin(stream, id);
    if (catchingUp) this.#catchUpPending += 1;
    const chat = targetKey(chatOf(raw, selfId));
    const item: Item = {
      raw,
      id,
      stream,
      keys,
      catchingUp,
      redelivered: this.#redeliveries.has(keys.keys[0]!),
      late: this.#order.next(chat, id),
      chat,
      marked: undefined,
      markWrite: undefined,
    };
    if (this.#offer(item)) return 'taken';
    this.#queues.push(item.chat, item);
    return 'queued';
  }

  /**
   * Registers someone waiting for a message. The first message it accepts goes to it instead of the
   * listeners — a queued one at once (the oldest of its chat first), otherwise the next one to arrive — without
   * waiting for the chat's queue: a listener may wait for the next message of its own chat. Recall notices are
   * not offered. Returns a function that withdraws the waiter.
   */
  addWaiter(waiter: MessageWaiter): () => void {
    if (!this.#accepting) {
      waiter.closed();
      return () => {};
    }
    const queued = this.#queues.take((item) => !isRecall(item.raw) && this.#accepts(waiter, item));
    if (queued !== undefined) {
      this.#hand(queued, waiter);
      return () => {};
    }
    this.#waiters.add(waiter);
    return () => {
      this.#waiters.delete(waiter);
    };
  }

  /**
   * The handling mark of a message (its `m:` key), written before anyone sees it. The marks of the next waiting
   * messages of a chat (one, or the store's `markAhead`) are written while the current one is handled, so a chat
   * seldom waits for the store; marks asked for in one run of microtasks go to the store together, as one durable
   * write.
   */
  #marked(item: Item): Promise<void> {
    if (item.markWrite === undefined) {
      item.markWrite = this.#mark(item.keys.keys[0]!);
      item.marked = item.markWrite.written;
    }
    return item.marked!;
  }

  /**
   * Marks the chat's next waiting message while the current one is handled or, for a store with a larger
   * `markAhead`, keeps its next `markAhead` waiting messages marked (each turn marks the one entering them): a
   * mark is then written long before the chat reaches its message, and never holds up a backlog.
   */
  #markAhead(chat: string): void {
    const ahead = Math.max(1, Math.floor(this.#deps.store.markAhead ?? 1));
    if (ahead === 1) {
      const next = this.#queues.peek(chat);
      if (next !== undefined) void this.#marked(next);
      return;
    }
    for (const item of this.#queues.upcoming(chat, ahead)) {
      if (item.marked === undefined) void this.#marked(item);
    }
  }

  #mark(key: string): MarkWrite {
    this.#marks.push(key);
    if (this.#marking !== undefined) return this.#marking;
    const write: MarkWrite = {
      written: Promise.resolve().then(() => {
        const keys = this.#marks;
        this.#marks = [];
        this.#marking = undefined;
        return this.#deps.store.markHandling(keys).then(
          () => {
            write.settled = true;
          },
          (error: unknown) => {
            write.settled = true;
            this.#storeFailed(error);
          },
        );
      }),
      settled: false,
    };
    this.#marking = write;
    return write;
  }

  /** Hands a message about to be queued to the first waiter that accepts it. */
  #offer(item: Item): boolean {
    if (this.#waiters.size === 0 || isRecall(item.raw)) return false;
    for (const waiter of this.#waiters) {
      if (!this.#accepts(waiter, item)) continue;
      this.#waiters.delete(waiter);
      this.#hand(item, waiter);
      return true;
    }
    return false;
  }

  #accepts(waiter: MessageWaiter, item: Item): boolean {
    try {
      return waiter.accepts(this.#messageOf(item));
    } catch {
      return false;
    }
  }

  #hand(item: Item, waiter: MessageWaiter): void {
    void this.#marked(item).then(() => {
      if (waiter.take(this.#messageOf(item))) {
        if (item.catchingUp) this.#catchUpDelivered += 1;
        this.#finish(item);
      } else if (this.#accepting) {
        // The waiter gave up while the mark was written: the listeners get the message after all.
        this.#queues.push(item.chat, item);
      } else {
        this.#abandonItem(item);
      }
    });
  }

  /** The application's view of a message; a delivery's signal is read from `delivery`, which makes it lazily. */
  #messageOf(item: Item, delivery?: Delivery): ChatMessage {
    return toChatMessage(item.raw, {
      selfId: this.#deps.selfId(),
      catchingUp: item.catchingUp,
      redelivered: item.redelivered,
      late: item.late,
      signalFrom: delivery,
    });
  }

  #backlogFull(raw: MsgChat): boolean {
    const limit = this.#deps.maxQueuedMessages;
    if (this.load >= limit) return true;
    const stream = raw.chatType === ChatType.ChatTypeGroup ? groupStream(raw.toId) : P2P_STREAM;
    return this.#deps.positions.lag(stream) >= limit;
  }

  /** Whether the backlog is still full: too many messages queued, or some stream's position lagging too far. */
  get backlogFull(): boolean {
    const limit = this.#deps.maxQueuedMessages;
    return this.load >= limit || this.#deps.positions.maxLag() >= limit;
  }

  /** Resolves once every catch-up message queued so far has been handled (or abandoned). */
  whenCatchUpHandled(): Promise<void> {
    if (this.#catchUpPending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#catchUpWaiters.push(resolve));
  }

  /** Resolves once fewer than `limit` messages are queued or being handled. */
  whenBelow(limit: number): Promise<void> {
    return this.#queues.whenBelow(limit);
  }

  /** Resolves once nothing is queued or being handled. */
  whenIdle(): Promise<void> {
    return this.#queues.whenIdle();
  }

  /**
   * Stops taking messages in: held and queued ones are dropped without being marked seen (the next catch-up
   * fetches them again, since positions never moved past them). Messages being handled finish.
   */
  close(): void {
    this.#accepting = false;
    this.#held = undefined;
    for (const item of this.#queues.drain()) this.#abandonItem(item);
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const waiter of waiters) waiter.closed();
  }

  /** Gives up on the messages still being handled (their retries stop; they stay unhandled). */
  abandon(): void {
    this.close();
    this.#abandon.abort();
  }

  /**
   * Handles a message once its mark is written. Returns `undefined` when it was handled synchronously: its mark
   * was already written (the marks of a chat's next messages are written while the one before is handled), its
   * listeners returned at once, and the store applies writes at once. With the memory store most of a backlog
   * goes this way, without a promise per message.
   */
  #handle(item: Item): Promise<void> | undefined {
    const marked = this.#marked(item);
    this.#markAhead(item.chat);
    if (item.markWrite?.settled !== true || ++this.#handledAtOnce >= this.#maxHandledAtOnce) {
      this.#handledAtOnce = 0;
      return this.#handleWhenMarked(item, marked);
    }
    if (this.#abandon.signal.aborted) {
      this.#abandonItem(item);
      return undefined;
    }
    const delivery = new Delivery(this.#abandon.signal, this.#deps, item.raw.msgId);
    let running: ListenerOutcome | Promise<ListenerOutcome>;
    let message: ChatMessage;
    try {
      // The delivery's signal is made when first read: by a listener, or by the retry loop once a listener
      // returned a promise or threw. A listener that returns at once never pays for it.
      message = this.#messageOf(item, delivery);
      running = this.#runListeners(message, delivery);
      if (!(running instanceof Promise)) this.#delivered(item, message, running);
    } catch (error) {
      delivery.end();
      throw error;
    }
    if (!(running instanceof Promise)) {
      delivery.end();
      return undefined;
    }
    return this.#deliverWhenDone(item, message, running, delivery);
  }

  async #handleWhenMarked(item: Item, marked: Promise<void>): Promise<void> {
    await marked;
    if (this.#abandon.signal.aborted) {
      this.#abandonItem(item);
      return;
    }
    const delivery = new Delivery(this.#abandon.signal, this.#deps, item.raw.msgId);
    try {
      const message = this.#messageOf(item, delivery);
      const running = this.#runListeners(message, delivery);
      this.#delivered(item, message, running instanceof Promise ? await running : running);
    } finally {
      delivery.end();
    }
  }

  async #deliverWhenDone(
    item: Item,
    message: ChatMessage,
    running: Promise<ListenerOutcome>,
    delivery: Delivery,
  ): Promise<void> {
    try {
      this.#delivered(item, message, await running);
    } finally {
      delivery.end();
    }
  }

  #runListeners(message: ChatMessage, delivery: Delivery): ListenerOutcome | Promise<ListenerOutcome> {
    if (message.kind === 'recall') {
      return runListeners(this.#deps.hub.listeners('recall'), recallOf(message), delivery);
    }
    const listeners = this.#deps.hub.listeners('message');
    if (listeners.length === 0 && !this.#warnedUnheard) {
      // The usual cause: subscribing after start(), when the backlog was already delivered.
      this.#warnedUnheard = true;
      this.#deps.logger.warn('a message arrived with no message listener; it counts as handled', {
        msgId: message.id,
      });
    }
    return runListeners(listeners, message, delivery);
  }

  /** The listeners of a message are done with it (or ran out of time, or the client gave up on them). */
  #delivered(item: Item, message: ChatMessage, outcome: ListenerOutcome): void {
    if (this.#abandon.signal.aborted) {
      // The client gave up waiting for this message before it was handled: leave it for the next run.
      this.#abandonItem(item);
      return;
    }
    if (!outcome.ok) {
      const event: DeliveryEvent = message.kind === 'recall' ? 'recall' : 'message';
      const error = 'abandoned' in outcome ? outcome.reason : outcome.error;
      this.#deps.logger.warn(
        'abandoned' in outcome
          ? 'a message listener ran out of time; the message is dead-lettered'
          : 'a message listener kept failing; the message is dead-lettered',
        { msgId: message.id, attempts: outcome.attempts },
      );
      this.#deps.hub.emit('dead-letter', { event, message, error, attempts: outcome.attempts });
    }
    if (item.catchingUp) this.#catchUpDelivered += 1;
    this.#finish(item);
  }

  #finish(item: Item): void {
    const keys = this.#deps.dedup.finish(item.keys);
    this.#redeliveries.delete(item.keys.keys[0]!);
    // Seen (which also clears the handling mark) first, then the position: a store that is not transactional
    // can only err towards redelivery, which the seen keys then absorb.
    this.#deps.store.addSeen(keys, this.#deps.dedup.keyLimit).catch((error) => this.#storeFailed(error));
    this.#deps.positions.finish(item.stream, item.id, item.catchingUp ? 'fetched' : 'live');
    if (
      !item.catchingUp &&
      this.#deps.positions.unconfirmed(item.stream) >= Math.max(1, this.#deps.maxQueuedMessages / 2)
    ) {
      this.#deps.onUnconfirmed?.(item.stream);
    }
    this.#catchUpSettled(item);
  }

  #abandonItem(item: Item): void {
    this.#deps.dedup.abandon(item.keys);
    this.#catchUpSettled(item);
  }

  #catchUpSettled(item: Item): void {
    if (!item.catchingUp) return;
    this.#catchUpPending -= 1;
    if (this.#catchUpPending === 0) for (const wake of this.#catchUpWaiters.splice(0)) wake();
  }

  #storeFailed(error: unknown): void {
    this.#deps.onError(
      error instanceof BirdTalkError
        ? error
        : new BirdTalkError(ClientErrorCode.STORE_WRITE_FAILED, 'the store could not record a message', {
            cause: error,
          }),
    );
  }
}

/**
 * The most messages handled synchronously in a row, with a store whose writes take effect at once
 * (`Store.appliesWritesAtOnce`), before the inbox lets the microtasks queued meanwhile run: the handling marks
 * asked for ahead go to the store in those microtasks, and other chats get their turn.
 */
const maxHandledAtOnce = 16;

/** A signal that never aborts: what a delivery's signal is once the delivery is over. */
const NEVER_ABORTED = new AbortController().signal;

/**
 * The signal of one delivery, aborted when the listeners' time (`handlerTimeoutMs`, counted from the start of
 * the delivery) is up or the client gives up on the message. Made the first time it is read: an abort
 * controller, its timer and its listener cost more than handling a message whose listeners return at once.
 * A delivery is also the retry policy its listeners run under (a class, not an object literal with a getter,
 * which would cost about as much again).
 */
class Delivery implements RetryPolicy {
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly clock: Clock;
  readonly #abandon: AbortSignal;
  readonly #timeoutMs: number;
  readonly #msgId: Int64;
  readonly #startedAt: number;
  #controller: AbortController | undefined;
  #timer: TimerHandle | undefined;
  #giveUp: (() => void) | undefined;
  #ended = false;

  constructor(
    abandon: AbortSignal,
    settings: Pick<InboxDeps, 'clock' | 'handlerTimeoutMs' | 'handlerRetries' | 'handlerRetryDelayMs'>,
    msgId: Int64,
  ) {
    this.#abandon = abandon;
    this.clock = settings.clock;
    this.retries = settings.handlerRetries;
    this.retryDelayMs = settings.handlerRetryDelayMs;
    this.#timeoutMs = settings.handlerTimeoutMs;
    this.#msgId = msgId;
    this.#startedAt = this.#timeoutMs > 0 ? this.clock.now() : 0;
  }

  get signal(): AbortSignal {
    if (this.#controller !== undefined) return this.#controller.signal;
    // Read after the delivery ended (a listener kept the message): it no longer aborts, as before it ended.
    if (this.#ended) return NEVER_ABORTED;
    const controller = new AbortController();
    this.#controller = controller;
    if (this.#abandon.aborted) {
      controller.abort(this.#abandon.reason);
      return controller.signal;
    }
    this.#giveUp = () => controller.abort(this.#abandon.reason);
    this.#abandon.addEventListener('abort', this.#giveUp, { once: true });
    const timeoutMs = this.#timeoutMs;
    if (timeoutMs > 0) {
      this.#timer = this.clock.setTimeout(
        () =>
          controller.abort(
            new TimeoutError(`the listeners of a message did not finish within ${timeoutMs} ms`, {
              details: { msgId: this.#msgId, timeoutMs },
            }),
          ),
        Math.max(0, this.#startedAt + timeoutMs - this.clock.now()),
      );
    }
    return controller.signal;
  }

  /** The delivery is over: its timer and its listener go. */
  end(): void {
    this.#ended = true;
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    if (this.#giveUp !== undefined) this.#abandon.removeEventListener('abort', this.#giveUp);
  }
}

function isValid(raw: MsgChat): boolean {
  return isPositiveId(raw.msgId) && isPositiveId(raw.fromId) && isPositiveId(raw.toId);
}

function isPositiveId(id: unknown): boolean {
  return typeof id === 'string' && isInt64String(id) && id !== '0' && !id.startsWith('-');
}

function recallOf(notice: ChatMessage): ClientEvents['recall'] {
  return {
    id: notice.raw.refMessageId,
    chat: notice.chat,
    by: notice.from,
    notice,
    catchingUp: notice.catchingUp,
    redelivered: notice.redelivered,
    signal: notice.signal,
  };
}

/** Whether a raw message is a recall notice. */
export function isRecall(raw: MsgChat): boolean {
  return raw.msgType === ChatMsgType.DELETE;
}
