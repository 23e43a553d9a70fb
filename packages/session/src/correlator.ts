import { AbortError, type BirdTalkError, ProtocolError, TimeoutError } from '@birdtalk/errors';
import type { MsgError } from '@birdtalk/proto';
import type { Clock, TimerHandle } from '@birdtalk/runtime';
import type { Inbound } from './dispatch.js';
import { errorFromServer, SessionErrorCode } from './errors.js';

/**
 * Request correlation with fences.
 *
 * Server errors carry no correlation id, and several server paths answer nothing at all. But
 * the server handles one connection's frames strictly in order and always answers a heartbeat. So
 * every correlated request is followed by a heartbeat — a *fence*. Whatever the server sent because of the
 * request arrives before the fence's reply: a `MsgError` that arrives while the request is the only thing in
 * front of the first outstanding fence is that request's; and when the fence comes back, a request that still
 * has no answer got none, and settles at once instead of waiting for a timeout.
 */

/** How an inbound frame relates to a pending request. */
export type MatchOutcome<T> =
  /** It belongs to the request but does not settle it (a broadcast the request caused, say). */
  | { readonly partial: true }
  /** It answers the request successfully. */
  | { readonly value: T }
  /** It answers the request with a failure. */
  | { readonly error: BirdTalkError };

/** Describes one correlated request. */
export interface RequestSpec<T> {
  /** What the request is, for errors and logs: `'login'`, `'friend.AddFriend'`, `'chat 1750000000000123'`. */
  readonly label: string;
  /**
   * Whether `inbound` answers this request. `errors` are the server errors attributed to the request so far
   * (an `ErrTNotFriend` arrives just before the failed chat acknowledgement it explains). Return `undefined`
   * when the frame is not for this request. Absent for requests the server never answers (receipts).
   */
  readonly match?: (inbound: Inbound, errors: readonly MsgError[]) => MatchOutcome<T> | undefined;
  /**
   * What the fence coming back with neither a reply nor an error means: `'resolve'` (with `silentValue`) for
   * requests that have no reply on success, `'reject'` (`PROTOCOL_NO_REPLY`) for the rest.
   */
  readonly whenSilent: 'resolve' | 'reject';
  /** The value of a request that resolves on silence. */
  readonly silentValue?: T;
  /** What losing the connection means; `'reject'` unless the request is answered by the server hanging up. */
  readonly whenConnectionLost?: 'resolve' | 'reject';
  /**
   * Rejects with `TimeoutError` after this many milliseconds on the session's clock; `Infinity` for none (a
   * request bounded by something else, such as a chat by its outbox deadline, needs no timer of its own).
   */
  readonly timeoutMs: number;
  /** Rejects with `AbortError` when it aborts. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Server errors only explain this request's own reply (a chat's `ErrTNotFriend` comes with its failed
   * acknowledgement): with no reply at the fence the request counts as unanswered, whatever errors came.
   * Requests that share a fence need it, since an error among them cannot be pinned on one for sure.
   */
  readonly errorsNeedReply?: boolean;
}

/**
 * Where a request's outcome goes when no promise is wanted: a caller that settles many requests of its own (the
 * outbox, one attempt per chat) takes the outcome here, directly, instead of through a promise and the two
 * reactions it would attach to it.
 */
export interface Outcome<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * One registered request and how it settles (once). A class rather than an object of closures: a burst of
 * chats registers one per chat, and each closure is an allocation of its own.
 */
class Pending {
  readonly spec: RequestSpec<unknown>;
  /** Its promise, unless its outcome goes to an {@link Outcome} instead. */
  readonly promise: Promise<unknown> | undefined;
  /** Server errors attributed to it so far: the shared empty list until the first (most requests get none). */
  errors: readonly MsgError[] = noErrors;
  replied = false;
  settled = false;
  timer: TimerHandle | undefined;
  /** Its abort listener, while it has a signal. */
  onAbort: (() => void) | undefined;
  readonly #clock: Clock;
  readonly #outcome: Outcome<unknown> | undefined;
  #resolve: ((value: unknown) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;

  constructor(spec: RequestSpec<unknown>, clock: Clock, outcome: Outcome<unknown> | undefined) {
    this.spec = spec;
    this.#clock = clock;
    this.#outcome = outcome;
    if (outcome !== undefined) {
      this.promise = undefined;
      return;
    }
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // The caller may never await a request it only fires; keep an unobserved rejection from crashing the process.
    this.promise.catch(ignore);
  }

  resolve(value: unknown): void {
    if (!this.#settle()) return;
    if (this.#outcome === undefined) this.#resolve!(value);
    else this.#outcome.resolve(value);
  }

  reject(error: unknown): void {
    if (!this.#settle()) return;
    if (this.#outcome === undefined) this.#reject!(error);
    else this.#outcome.reject(error);
  }

  #settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    if (this.timer !== undefined) this.#clock.clearTimeout(this.timer);
    if (this.onAbort !== undefined) this.spec.signal?.removeEventListener('abort', this.onAbort);
    return true;
  }
}

/** A registered request, as {@link Correlator.register} hands it back. */
export interface Registered<T> {
  readonly promise: Promise<T>;
}

/** A request registered with an {@link Outcome}: only a handle to take it back ({@link Correlator.abandon}). */
export interface Registration {
  readonly spec: RequestSpec<unknown>;
}

function ignore(): void {}

const noErrors: readonly MsgError[] = Object.freeze([]);

/** A fence in the queue: one value for every fence. */
const FENCE: unique symbol = Symbol('fence');

/** The queue holds requests as they are, and fences as {@link FENCE}: no wrapper object per request. */
type Entry = Pending | typeof FENCE;

/** Where an error went: to a request still waiting, to one already settled, or nowhere. */
export type Attribution =
  | { readonly to: 'pending'; readonly label: string }
  | { readonly to: 'settled'; readonly label: string }
  | { readonly to: 'none' };

/** The pending requests and fences of one connection. */
export class Correlator {
  readonly #clock: Clock;
  readonly #queue: Entry[] = [];
  #closed: BirdTalkError | undefined;
  #fenceLost = false;
  /** Outstanding fences plus requests in the queue that no reply answered yet (see `awaiting`). */
  #awaiting = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** How many requests are waiting for an answer. */
  get pendingCount(): number {
    return this.#queue.filter((entry) => entry !== FENCE && !entry.settled).length;
  }

  /** How many fences are outstanding. */
  get fenceCount(): number {
    return this.#queue.filter((entry) => entry === FENCE).length;
  }

  /** How many frames are in flight: requests and fences sent whose fence has not come back. */
  get inFlight(): number {
    return this.#queue.length;
  }

  /**
   * How many frames sent still wait for something from the server: fences not back yet, and requests no reply
   * answered yet. An answered request waits in the queue for its fence, but the server has sent all it will
   * send for it, so it holds no room in the server's send queue.
   */
  get awaiting(): number {
    return this.#awaiting;
  }

  /**
   * Set once a reply arrived for a request behind an outstanding fence. The server answers strictly in order,
   * so the fence's own reply was lost: from then on fences can no longer be matched to their replies.
   */
  get fenceLost(): boolean {
    return this.#fenceLost;
  }

  /**
   * Registers a request about to be sent. The caller sends the request's frame and then a fence
   * ({@link Correlator.fenceSent}), in that order and without anything in between;
   * {@link Correlator.abandon} takes the request back if its frame could not be sent.
   */
  register<T>(spec: RequestSpec<T>): Registered<T> {
    return this.#enqueue(new Pending(spec as RequestSpec<unknown>, this.#clock, undefined)) as Registered<T>;
  }

  /**
   * Registers a request as {@link Correlator.register} does, whose outcome goes to `outcome` (at once, from
   * within this call when the correlator is closed) instead of to a promise.
   */
  registerWith<T>(spec: RequestSpec<T>, outcome: Outcome<T>): Registration {
    return this.#enqueue(new Pending(spec as RequestSpec<unknown>, this.#clock, outcome as Outcome<unknown>));
  }

  #enqueue(pending: Pending): Pending {
    const { spec } = pending;
    if (this.#closed !== undefined) {
      pending.reject(this.#closed);
      return pending;
    }
    const { signal } = spec;
    if (signal !== undefined) {
      if (signal.aborted) {
        pending.reject(abortReason(signal, spec.label));
        return pending;
      }
      pending.onAbort = () => pending.reject(abortReason(signal, spec.label));
      signal.addEventListener('abort', pending.onAbort, { once: true });
    }
    if (spec.timeoutMs !== Number.POSITIVE_INFINITY) {
      pending.timer = this.#clock.setTimeout(() => {
        pending.reject(
          new TimeoutError(`${spec.label} got no answer within ${spec.timeoutMs} ms`, {
            details: { request: spec.label, timeoutMs: spec.timeoutMs },
          }),
        );
      }, spec.timeoutMs);
    }
    this.#queue.push(pending);
    this.#awaiting += 1;
    return pending;
  }

  /** Takes back a request whose frame could not be sent, and rejects it with `error`. */
  abandon(registered: Registered<unknown> | Registration, error: unknown): void {
    const pending = registered as Pending;
    const index = this.#queue.indexOf(pending);
    if (index >= 0) {
      this.#queue.splice(index, 1);
      if (!pending.replied) this.#awaiting -= 1;
    }
    pending.reject(error);
  }

  /** Records a heartbeat just sent: everything registered before it is fenced. */
  fenceSent(): void {
    this.#queue.push(FENCE);
    this.#awaiting += 1;
  }

  /**
   * Offers a reply to the waiting requests, oldest first. Returns the spec of the request it belonged to, or
   * `undefined` when none claimed it (the caller then treats it as a push or as unsolicited).
   */
  offer(inbound: Inbound): RequestSpec<unknown> | undefined {
    let behindFence = false;
    for (const pending of this.#queue) {
      if (pending === FENCE) {
        behindFence = true;
        continue;
      }
      // Answered requests wait in the queue for their fence; they take no second reply, and skipping them keeps
      // a burst of acknowledgements linear instead of quadratic. (A timed-out request was not answered: it
      // still absorbs its late reply.)
      if (pending.replied) continue;
      const outcome = pending.spec.match?.(inbound, pending.errors);
      if (outcome === undefined) continue;
      if (behindFence) this.#fenceLost = true;
      if ('value' in outcome) {
        pending.replied = true;
        this.#awaiting -= 1;
        pending.resolve(outcome.value);
      } else if ('error' in outcome) {
        pending.replied = true;
        this.#awaiting -= 1;
        pending.reject(outcome.error);
      }
      return pending.spec;
    }
    return undefined;
  }

  /**
   * Attributes a server error: it belongs to the request in front of the first outstanding fence, if any —
   * the server has not reached anything sent after that fence yet.
   */
  attributeError(error: MsgError): Attribution {
    let candidate: Pending | undefined;
    for (const entry of this.#queue) {
      if (entry === FENCE) break;
      // Prefer the oldest request still waiting for its reply, then the oldest that will never get one (a
      // receipt), then an answered one (it can still draw a trailing error). A receipt sharing a fence with a
      // refused chat would otherwise take the chat's ErrTNotFriend, which the chat's failed acknowledgement needs.
      if (candidate === undefined || claimRank(entry) < claimRank(candidate)) candidate = entry;
    }
    if (candidate === undefined) return { to: 'none' };
    candidate.errors = [...candidate.errors, error];
    return { to: candidate.settled ? 'settled' : 'pending', label: candidate.spec.label };
  }

  /**
   * A heartbeat reply arrived: the oldest fence is back, so every request before it has received all the
   * server will ever send for it. Returns `false` when no fence was outstanding (an unsolicited heartbeat).
   */
  fenceReturned(): boolean {
    const index = this.#queue.indexOf(FENCE);
    if (index < 0) return false;
    const done = this.#queue.splice(0, index + 1);
    for (const entry of done) {
      if (entry === FENCE || !entry.replied) this.#awaiting -= 1;
      if (entry === FENCE || entry.settled) continue;
      const { spec, errors } = entry;
      if (errors.length > 0 && !(spec.errorsNeedReply === true && !entry.replied)) {
        entry.reject(errorFromServer(errors[0]!, spec.label, { errors: errors.length }));
      } else if (spec.whenSilent === 'resolve') {
        entry.resolve(spec.silentValue);
      } else {
        entry.reject(
          new ProtocolError(
            SessionErrorCode.NO_REPLY,
            `the server processed ${spec.label} and sent no reply`,
            {
              request: spec.label,
            },
          ),
        );
      }
    }
    return true;
  }

  /**
   * Settles everything still waiting — the connection is gone — and refuses later registrations with `error`.
   * Requests answered by the server hanging up (logout) resolve instead.
   */
  close(error: BirdTalkError): void {
    if (this.#closed !== undefined) return;
    this.#closed = error;
    const entries = this.#queue.splice(0);
    this.#awaiting = 0;
    for (const pending of entries) {
      if (pending === FENCE) continue;
      if (pending.spec.whenConnectionLost === 'resolve' && pending.errors.length === 0) {
        pending.resolve(pending.spec.silentValue);
      } else pending.reject(error);
    }
  }
}

function abortReason(signal: AbortSignal, label: string): AbortError {
  return new AbortError(`${label} was aborted`, { cause: signal.reason, details: { request: label } });
}

/** How strongly a request claims an error that arrives while it is fenced: lower claims first. */
function claimRank(entry: Pending): number {
  if (entry.replied) return 2;
  return entry.spec.match === undefined ? 1 : 0;
}
