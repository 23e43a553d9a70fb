import { type BirdTalkError, hasErrorName, isBirdTalkError } from '@birdtalk/errors';
import { ChatType, type Int64, type MsgChat } from '@birdtalk/proto';
import { type Clock, type Logger, type TimerHandle, TransientMap } from '@birdtalk/runtime';
import type { Session } from '@birdtalk/session';
import type { AcceptedMessage } from './inbox.js';

/** A message to acknowledge: its server id, its sender's `sendId`, and its sender. */
export interface ReceiptTarget {
  readonly id: Int64;
  readonly sendId: Int64;
  readonly from: Int64;
}

/** The collaborators and settings of a {@link ReceiptSender}. */
export interface ReceiptSenderDeps {
  /** The session, once there is one. */
  session(): Session | undefined;
  selfId(): Int64;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long receipts wait to be batched. */
  readonly delayMs: number;
  /** The most ids in one receipt. */
  readonly maxBatch: number;
  readonly onError: (error: BirdTalkError) => void;
}

type Kind = 'delivered' | 'read';

interface Due {
  readonly kind: Kind;
  readonly from: Int64;
  /** msgId → sendId, in the order they became due. */
  readonly ids: Map<Int64, Int64>;
  readonly waiters: Array<{ resolve(): void; reject(error: unknown): void }>;
}

/**
 * Delivery and read receipts, batched: receipts that fall due within `delayMs` of each other
 * go out together, one frame per sender and kind, several ids in `params.batch`. Receipts go out only while
 * the session is logged in (a batch receipt before login crashes the real server; the frame builder also
 * refuses it); those due meanwhile wait for the next login. Receipts never go to groups or to ourselves —
 * callers only hand in P2P messages from others.
 */
export class ReceiptSender {
  readonly #deps: ReceiptSenderDeps;
  readonly #due = new TransientMap<string, Due>();
  #timer: TimerHandle | undefined;
  #inFlight = new Set<Promise<void>>();
  #closed = false;
  /** The delivery receipts due that `delivered` added to last, while they are still in `#due`. */
  #lastDelivered: Due | undefined;

  constructor(deps: ReceiptSenderDeps) {
    this.#deps = deps;
  }

  /** How many receipts wait to be sent. */
  get pending(): number {
    let count = 0;
    for (const due of this.#due.values()) count += due.ids.size;
    return count;
  }

  /** Queues a delivery receipt. */
  delivered(message: ReceiptTarget): void {
    // One per message a catch-up fetches: without the array and set of a batch of `read` receipts, and, for a
    // run of messages from one sender, without looking their batch up again.
    if (this.#closed) return;
    let due = this.#lastDelivered;
    if (due === undefined || due.from !== message.from) {
      due = this.#dueFor('delivered', message.from);
      this.#lastDelivered = due;
    }
    due.ids.set(message.id, message.sendId);
    this.#schedule(this.#deps.delayMs);
  }

  /** Queues read receipts; resolves once they were sent. */
  read(messages: readonly ReceiptTarget[]): Promise<void> {
    if (messages.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.#add('read', messages, { resolve, reject }));
  }

  /** The session logged in: send whatever waited. */
  connected(): void {
    if (this.#due.size > 0) this.#schedule(0);
  }

  /** Sends everything due now (if logged in) and resolves once those sends settled. */
  async flush(): Promise<void> {
    this.#deps.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#sendDue();
    await Promise.allSettled([...this.#inFlight]);
  }

  /** Stops: waiting read receipts reject; nothing more is sent. */
  close(error: BirdTalkError): void {
    this.#closed = true;
    this.#deps.clock.clearTimeout(this.#timer);
    for (const due of this.#due.values()) for (const waiter of due.waiters) waiter.reject(error);
    this.#due.clear();
    this.#lastDelivered = undefined;
  }

  #add(kind: Kind, messages: readonly ReceiptTarget[], waiter?: Due['waiters'][number]): void {
    if (this.#closed) {
      waiter?.resolve();
      return;
    }
    const touched = new Set<Due>();
    for (const message of messages) {
      const due = this.#dueFor(kind, message.from);
      due.ids.set(message.id, message.sendId);
      touched.add(due);
    }
    if (waiter !== undefined) {
      // One promise for several senders: it settles when the last of their batches does.
      let left = touched.size;
      let failed: unknown;
      const part = {
        resolve: () => {
          left -= 1;
          if (left === 0) failed === undefined ? waiter.resolve() : waiter.reject(failed);
        },
        reject: (error: unknown) => {
          failed ??= error;
          part.resolve();
        },
      };
      for (const due of touched) due.waiters.push(part);
    }
    this.#schedule(this.#deps.delayMs);
  }

  /** The receipts of `kind` due to `from`, made when there are none yet. */
  #dueFor(kind: Kind, from: Int64): Due {
    const key = `${kind}:${from}`;
    let due = this.#due.get(key);
    if (due === undefined) {
      due = { kind, from, ids: new Map(), waiters: [] };
      this.#due.set(key, due);
    }
    return due;
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== undefined || this.#closed) return;
    this.#timer = this.#deps.clock.setTimeout(() => {
      this.#timer = undefined;
      this.#sendDue();
    }, delayMs);
  }

  #sendDue(): void {
    const session = this.#deps.session();
    if (session === undefined || session.state !== 'ready' || this.#closed) return;
    const batches = [...this.#due.values()];
    this.#due.clear();
    this.#lastDelivered = undefined;
    for (const due of batches) {
      const entries = [...due.ids.entries()];
      const chunks: Array<Array<[Int64, Int64]>> = [];
      for (let i = 0; i < entries.length; i += this.#deps.maxBatch) {
        chunks.push(entries.slice(i, i + this.#deps.maxBatch));
      }
      const sends = chunks.map((chunk) => this.#send(session, due, chunk));
      const all = Promise.allSettled(sends).then((results) => {
        const failure = results.find((result) => result.status === 'rejected');
        for (const waiter of due.waiters) {
          if (failure === undefined) waiter.resolve();
          else waiter.reject((failure as PromiseRejectedResult).reason);
        }
      });
      this.#inFlight.add(all);
      void all.finally(() => this.#inFlight.delete(all));
    }
  }

  async #send(session: Session, due: Due, chunk: Array<[Int64, Int64]>): Promise<void> {
    const [first] = chunk;
    if (first === undefined) return;
    const now = Math.floor(this.#deps.clock.now());
    const params: Record<string, string> = { gid: '0' };
    if (chunk.length > 1) params.batch = chunk.map(([id]) => id).join(',');
    try {
      await session.sendReceipt({
        msgId: first[0],
        sendId: first[1],
        userId: due.from,
        fromId: this.#deps.selfId(),
        recvOk: now,
        readOk: due.kind === 'read' ? now : 0,
        params,
      });
    } catch (error) {
      if (!this.#closed && isRetriable(error)) {
        // The connection went away: these receipts wait for the next login.
        this.#deps.logger.debug('receipts wait for the next connection', { count: chunk.length });
        const again = this.#dueFor(due.kind, due.from);
        for (const [id, sendId] of chunk) again.ids.set(id, sendId);
        if (due.kind === 'read') {
          // The caller's promise follows the retry.
          await new Promise<void>((resolve, reject) => again.waiters.push({ resolve, reject }));
        }
        return;
      }
      this.#deps.logger.warn('a receipt could not be sent', { count: chunk.length, kind: due.kind });
      if (isBirdTalkError(error)) this.#deps.onError(error as BirdTalkError);
      throw error;
    }
  }
}

/** Losing the connection or the session's patience is worth another try; a refusal is not. */
function isRetriable(error: unknown): boolean {
  return hasErrorName(error, 'TransportError') || hasErrorName(error, 'TimeoutError');
}

/**
 * Whether an incoming message gets a delivery receipt: P2P messages from others (the inbox reports no others),
 * when they first arrive live, whenever the server re-pushes them (their sender is waiting for one), and
 * fetched rows the server has no delivery time for. Never group messages: the protocol has no group receipts.
 */
export function deliveryReceiptDue({ raw, arrival, duplicate }: AcceptedMessage): boolean {
  if (raw.chatType !== ChatType.ChatTypeP2P) return false;
  return (
    arrival === 'repush' ||
    (arrival === 'live' && !duplicate) ||
    (arrival === 'catch-up' && raw.recvReply === '0')
  );
}

/** What a receipt for `raw` needs. */
export function receiptTargetOf(raw: MsgChat): ReceiptTarget {
  return { id: raw.msgId, sendId: raw.sendId, from: raw.fromId };
}
