import {
  AbortError,
  type BirdTalkError,
  DecodeError,
  ProtocolError,
  TimeoutError,
  TransportError,
} from '@birdtalk/errors';
import { decodeMsg, type Int64, type MsgError } from '@birdtalk/proto';
import type { Clock, Logger, TimerHandle } from '@birdtalk/runtime';
import type { CloseInfo, Transport, TransportSink } from '@birdtalk/transport';
import {
  type Correlator,
  Correlator as CorrelatorClass,
  type Outcome,
  type Registered,
  type Registration,
  type RequestSpec,
} from './correlator.js';
import { classifyFrame, type Inbound } from './dispatch.js';
import { errorFromServer, SessionErrorCode } from './errors.js';
import { describeError } from './events.js';
import { type BuiltFrame, buildFrame, type FrameSpec } from './frames.js';
import { type Liveness, type LivenessOptions, startLiveness } from './liveness.js';
import type { SecretScrubber } from './secrets.js';

/** The text frames the server sends just before it closes a connection. */
export type ClosingText = 'logout' | 'unregok' | 'stop';

/** How a connection ended. */
export interface ConnectionEnd {
  readonly error: BirdTalkError;
  /** The closing text frame the server sent first, if any. */
  readonly text: ClosingText | undefined;
}

/** What a connection hands up to its session. */
export interface ConnectionHooks {
  /** A frame that is neither a handshake answer nor a reply to a pending request: a push, or unsolicited. */
  onInbound(inbound: Inbound, conn: Connection): void;
  /** A server error no pending request claimed (`after`: the settled request it followed). */
  onServerError(error: ProtocolError, after: string | undefined): void;
  /** Something unusable arrived. */
  onAnomaly(error: BirdTalkError): void;
  /** A text frame arrived. */
  onText(text: string): void;
}

/**
 * Timing and collaborators of a {@link Connection}: the same for every connection of a session, so one object
 * per session (whose fields may be getters over the session's own options) serves them all.
 */
export interface ConnectionOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scrubber: SecretScrubber;
  readonly hooks: ConnectionHooks;
  readonly heartbeatIntervalMs: number;
  readonly pingIntervalMs: number;
  readonly livenessTimeoutMs: number;
  readonly allowServerCrashingRequests: boolean;
  /**
   * How many frames (requests and fences) may wait for their fence at once; more wait here, unsent. The real
   * server drops what does not fit in its 128-frame send queue, so this stays well below that.
   */
  readonly maxFramesInFlight: number;
  /** A fence outstanding this long is taken as lost, and the connection is rebuilt. */
  readonly fenceTimeoutMs: number;
}

/** A request waiting for room in flight. */
interface Queued {
  /** Whether it must be alone in flight: its errors and unlabelled replies are pinned on it by position. */
  readonly exclusive: boolean;
  /** Sends it now. */
  send(): void;
  /** Gives up on it before it was sent. */
  fail(error: unknown): void;
}

/**
 * A request waiting for room that nothing but the connection ends: a class rather than the closures the
 * general case makes, since a burst of chats queues one per chat.
 */
class Waiting<T> implements Queued {
  readonly exclusive: boolean;
  readonly promise: Promise<T>;
  readonly #request: RequestSpec<T>;
  readonly #send: (admitted: RequestSpec<T>) => Promise<T>;
  #resolve!: (value: T) => void;
  #reject!: (error: unknown) => void;

  constructor(exclusive: boolean, request: RequestSpec<T>, send: (admitted: RequestSpec<T>) => Promise<T>) {
    this.exclusive = exclusive;
    this.#request = request;
    this.#send = send;
    this.promise = new Promise<T>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  send(): void {
    this.#send(this.#request).then(this.#resolve, this.#reject);
  }

  fail(error: unknown): void {
    this.#reject(error);
  }
}

/**
 * A request waiting for room whose outcome goes to an {@link Outcome}: no promise, and nothing to settle but
 * the outcome it was given.
 */
class WaitingOutcome implements Queued {
  readonly exclusive = false;
  readonly #send: () => void;
  readonly #outcome: Outcome<never>;

  constructor(send: () => void, outcome: Outcome<never>) {
    this.#send = send;
    this.#outcome = outcome;
  }

  send(): void {
    this.#send();
  }

  fail(error: unknown): void {
    this.#outcome.reject(error);
  }
}

interface Waiter {
  readonly select: (inbound: Inbound) => unknown;
  resolve(value: unknown): void;
  /** The connection ended first. */
  reject(error: unknown): void;
}

/**
 * One open transport speaking the BirdTalk protocol: it builds and sends frames (always through
 * {@link buildFrame}), decodes and routes what arrives, keeps the connection's facts (logged in, stage 2
 * received, own user id) that the frame rules depend on, fences requests, and watches liveness.
 */
export class Connection implements LivenessOptions, TransportSink {
  readonly id: number;
  readonly correlator: Correlator;
  /** Resolves once, when the connection is over (closed by either side, silent, or ended on purpose). */
  readonly ended: Promise<ConnectionEnd>;
  /** Whether a `loginok` arrived on this connection: Hello and KeyExchange must not be sent any more. */
  loggedIn = false;
  /** Whether key-exchange stage 2 arrived on this connection: stage 3 may be sent. */
  stage2Received = false;
  /** The logged-in user's id. */
  selfId: Int64 | undefined;
  /** Whether the stored key logged this connection in (no password was sent). */
  fastLogin = false;

  readonly #transport: Transport;
  readonly #options: ConnectionOptions;
  /** Whether requests sent this turn still wait for the fence they share (see requestSharingFence). */
  #fenceScheduled = false;
  /** The listeners' unsubscribes, for a transport without {@link Transport.attach}. */
  #unsubscribe: Array<() => void> | undefined;
  #resolveEnded!: (end: ConnectionEnd) => void;
  #endedWith: ConnectionEnd | undefined;
  #closingText: ClosingText | undefined;
  #waiter: Waiter | undefined;
  #liveness: Liveness | undefined;
  /** Requests waiting for room in flight, in the order they were made. */
  readonly #queued: Queued[] = [];
  /** Whether an exclusive request is in flight: nothing else goes out until its fence is back. */
  #exclusiveInFlight = false;
  /** When each outstanding fence was sent, oldest first. */
  readonly #fenceSentAt: number[] = [];
  #fenceTimer: TimerHandle | undefined;
  /** Whether a fence went unanswered for `fenceTimeoutMs` (a probe is out). */
  #fenceOverdue = false;
  /** Aborted when the connection ends; set only while something waits that must stop with it (the login). */
  #abortOnEnd: AbortController | undefined;

  /** `id` numbers the session's connections, for log records and events. */
  constructor(transport: Transport, id: number, options: ConnectionOptions) {
    this.id = id;
    this.#transport = transport;
    this.#options = options;
    this.correlator = new CorrelatorClass(options.clock);
    this.ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });
    // The connection is the transport's sink: its five handlers live on the prototype, where five listeners
    // would cost a closure, an entry and an unsubscribe function each, for every idle connection.
    if (transport.attach !== undefined) transport.attach(this);
    else {
      // An array literal holds exactly its five entries; push() onto an empty array would reserve room for 17.
      this.#unsubscribe = [
        transport.on('frame', (frame) => this.onFrame(frame)),
        transport.on('text', (text) => this.onText(text)),
        transport.on('pong', () => this.onPong()),
        transport.on('close', (info) => this.onClose(info)),
        transport.on('error', (error) => this.onError(error)),
      ];
    }
    if (transport.state !== 'open') {
      this.#finish(new TransportError(SessionErrorCode.CONNECTION_LOST, 'the connection was not open'));
    }
  }

  /** Whether the connection is still usable. */
  get open(): boolean {
    return this.#endedWith === undefined;
  }

  /**
   * Aborts `controller` when the connection ends (at once if it has), until {@link Connection.abortOnEnd} is
   * called again; `undefined` stops that. A field rather than a reaction on {@link Connection.ended}, which
   * could never be taken back and would be kept for the whole life of the connection.
   */
  abortOnEnd(controller: AbortController | undefined): void {
    if (controller !== undefined && !this.open) controller.abort();
    else this.#abortOnEnd = controller;
  }

  /** Starts heartbeats, pings and the silence detector. */
  startLiveness(): void {
    if (this.#liveness !== undefined || !this.open) return;
    // The connection is the monitor's options: its timing and actions live here, on the prototype, instead of
    // in an options object and three closures per connection.
    this.#liveness = startLiveness(this);
  }

  /** The clock (liveness reads it as its option). */
  get clock(): Clock {
    return this.#options.clock;
  }

  /** How often liveness sends a heartbeat. */
  get heartbeatIntervalMs(): number {
    return this.#options.heartbeatIntervalMs;
  }

  /** How often liveness sends a WebSocket ping: never where the transport cannot. */
  get pingIntervalMs(): number {
    return this.#transport.supportsPing ? this.#options.pingIntervalMs : 0;
  }

  /** How long the server may stay silent before the connection counts as dead. */
  get livenessTimeoutMs(): number {
    return this.#options.livenessTimeoutMs;
  }

  /** Liveness asks for a heartbeat. */
  sendHeartbeat(): void {
    // A fence already out will be answered; another would only add to the server's send queue.
    if (this.correlator.fenceCount === 0 && this.#queued.length === 0) this.sendFence();
  }

  /** Liveness asks for a ping; `false` when there is no connection to ping. */
  ping(): boolean {
    return this.open && this.#transport.ping();
  }

  /** Liveness found the server silent for `silentForMs`: the connection is dropped. */
  onSilent(silentForMs: number): void {
    this.end(
      new TransportError(SessionErrorCode.PEER_SILENT, `the server sent nothing for ${silentForMs} ms`, {
        details: { silentForMs },
      }),
      'terminate',
    );
  }

  /**
   * Builds, logs and sends one frame.
   *
   * @throws RefusedError, InvalidArgumentError, EncodeError from the frame builder (nothing was sent);
   * TransportError when the connection is gone.
   */
  send(spec: FrameSpec, tm: number = this.#options.clock.now(), prebuilt?: BuiltFrame): BuiltFrame {
    if (!this.open) throw this.#endedWith!.error;
    const frame =
      prebuilt ??
      buildFrame(spec, {
        tm,
        loggedIn: this.loggedIn,
        stage2Received: this.stage2Received,
        allowServerCrashingRequests: this.#options.allowServerCrashingRequests,
        selfId: this.selfId,
      });
    // Scrubbing a copy of every frame costs more than encoding it: only do it when debug records are kept.
    if (this.#options.logger.isLevelEnabled?.('debug') !== false) {
      this.#options.logger.debug('frame out', {
        connection: this.id,
        msgType: frame.msg.msgType,
        frame: this.#options.scrubber.forLog(frame.msg.plainMsg),
      });
    }
    this.#transport.send(frame.bytes);
    return frame;
  }

  /** Sends a heartbeat and records it as a fence. Does nothing once the connection is gone. */
  sendFence(): void {
    this.#fenceScheduled = false;
    if (!this.open) return;
    try {
      this.send({ kind: 'heartbeat' });
      this.correlator.fenceSent();
      this.#fenceSentAt.push(this.#options.clock.now());
      if (this.#fenceTimer === undefined && !this.#fenceOverdue)
        this.#armFenceTimer(this.#options.fenceTimeoutMs);
    } catch (error) {
      this.#options.logger.debug('could not send a heartbeat', { error: describeError(error) });
    }
  }

  /**
   * Sends a correlated request followed by its fence; settles as {@link RequestSpec} describes.
   * Builder refusals reject at once, before anything is sent. `prebuilt`, the frame already built from `spec`
   * for the user logged in on this connection, goes out as it is (see `requestSharingFence`).
   */
  request<T>(spec: FrameSpec, request: RequestSpec<T>, prebuilt?: BuiltFrame): Promise<T> {
    return this.#admit(true, request, (admitted) => this.#sendAlone(spec, admitted, prebuilt));
  }

  /**
   * Sends `send` at once when there is room in flight, else queues it (in order) until fences come back.
   * An exclusive request goes out only when nothing is in flight, and holds everything else back until its
   * fence is back: with a single fence outstanding, a heartbeat reply cannot be taken for another's, and a
   * lost one stalls the connection (see `fenceTimeoutMs`) instead of shifting every later answer.
   */
  #admit<T>(
    exclusive: boolean,
    request: RequestSpec<T>,
    send: (admitted: RequestSpec<T>) => Promise<T>,
  ): Promise<T> {
    if (this.#queued.length === 0 && this.#hasRoom(exclusive)) return send(request);
    if (!this.open) return Promise.reject(this.#endedWith!.error);
    if (request.signal === undefined && request.timeoutMs === Number.POSITIVE_INFINITY) {
      // Nothing can end its wait but the connection (a chat, bounded by the outbox deadline): no timer, no
      // abort listener, and none of the closures they need.
      const waiting = new Waiting(exclusive, request, send);
      this.#queued.push(waiting);
      return waiting.promise;
    }
    const { clock } = this.#options;
    const queuedAt = clock.now();
    return new Promise<T>((resolve, reject) => {
      let timer: TimerHandle | undefined;
      const item: Queued = {
        exclusive,
        send: () => {
          done();
          // The timeout counts from the call, the wait for room included.
          const waited = clock.now() - queuedAt;
          const remaining =
            request.timeoutMs === Number.POSITIVE_INFINITY
              ? request
              : { ...request, timeoutMs: Math.max(1, request.timeoutMs - waited) };
          send(remaining).then(resolve, reject);
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const onAbort = (): void => {
        this.#queued.splice(this.#queued.indexOf(item), 1);
        item.fail(new AbortError(`${request.label} was aborted`, { cause: request.signal?.reason }));
      };
      const done = (): void => {
        clock.clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
      };
      if (request.signal?.aborted) {
        reject(new AbortError(`${request.label} was aborted`, { cause: request.signal.reason }));
        return;
      }
      request.signal?.addEventListener('abort', onAbort, { once: true });
      if (request.timeoutMs !== Number.POSITIVE_INFINITY) {
        timer = clock.setTimeout(() => {
          this.#queued.splice(this.#queued.indexOf(item), 1);
          item.fail(
            new TimeoutError(`${request.label} got no answer within ${request.timeoutMs} ms`, {
              details: { request: request.label, timeoutMs: request.timeoutMs },
            }),
          );
        }, request.timeoutMs);
      }
      this.#queued.push(item);
    });
  }

  /** Whether a request may go out now. */
  #hasRoom(exclusive: boolean): boolean {
    if (this.#exclusiveInFlight || !this.open) return false;
    if (exclusive) return this.correlator.inFlight === 0 && !this.#fenceScheduled;
    // A chat takes one frame, and its fence one more (a fence scheduled for this turn is not counted yet). A
    // chat already acknowledged takes none: the server has sent everything it will send for it.
    return this.correlator.awaiting + 2 <= this.#options.maxFramesInFlight;
  }

  /** Sends what the room in flight allows, in order. */
  #pump(): void {
    while (this.#queued.length > 0 && this.#hasRoom(this.#queued[0]!.exclusive)) this.#queued.shift()!.send();
  }

  #sendAlone<T>(spec: FrameSpec, request: RequestSpec<T>, prebuilt: BuiltFrame | undefined): Promise<T> {
    const registered = this.correlator.register(request);
    try {
      this.send(spec, undefined, prebuilt !== undefined && this.loggedIn ? prebuilt : undefined);
    } catch (error) {
      this.correlator.abandon(registered, error);
      return registered.promise;
    }
    this.#exclusiveInFlight = true;
    this.sendFence();
    return registered.promise;
  }

  /**
   * Sends a request whose fence it shares with the other such requests sent in the same turn: one heartbeat
   * closes off the whole burst. Only for requests whose failures the server signals in their own answer or by a
   * code that names them (chat acknowledgements: `ErrTNotFriend` precedes the failed ack of the chat it
   * concerns, and chats are processed one after another), and for requests the server never answers
   * (receipts). It halves the frames of a burst of chats in both directions.
   */
  requestSharingFence<T>(spec: FrameSpec, request: RequestSpec<T>, prebuilt?: BuiltFrame): Promise<T> {
    const shared = request.errorsNeedReply === true ? request : { ...request, errorsNeedReply: true };
    // With room in flight it goes out at once, without the closure that waiting for room needs.
    if (this.#queued.length === 0 && this.#hasRoom(false)) return this.#sendSharing(spec, shared, prebuilt);
    return this.#admit(false, shared, (admitted) => this.#sendSharing(spec, admitted, prebuilt));
  }

  /**
   * {@link Connection.requestSharingFence} for a caller that takes the outcome through `outcome` (see
   * {@link Outcome}) rather than a promise: the outbox, whose every chat attempt comes through here. It settles
   * `outcome` exactly once, possibly before it returns (a frame the builder refuses, a connection gone).
   */
  requestSharingFenceTo<T>(
    spec: FrameSpec,
    request: RequestSpec<T> & { readonly errorsNeedReply: true },
    outcome: Outcome<T>,
    prebuilt?: BuiltFrame,
  ): void {
    if (this.#queued.length === 0 && this.#hasRoom(false)) {
      this.#sendSharingTo(spec, request, outcome, prebuilt);
    } else if (!this.open) {
      outcome.reject(this.#endedWith!.error);
    } else {
      this.#queued.push(
        new WaitingOutcome(() => this.#sendSharingTo(spec, request, outcome, prebuilt), outcome),
      );
    }
  }

  #sendSharing<T>(spec: FrameSpec, request: RequestSpec<T>, prebuilt: BuiltFrame | undefined): Promise<T> {
    const registered = this.correlator.register(request);
    if (this.#sendShared(spec, prebuilt, registered)) this.#scheduleSharedFence();
    return registered.promise;
  }

  #sendSharingTo<T>(
    spec: FrameSpec,
    request: RequestSpec<T>,
    outcome: Outcome<T>,
    prebuilt: BuiltFrame | undefined,
  ): void {
    const registration = this.correlator.registerWith(request, outcome);
    if (this.#sendShared(spec, prebuilt, registration)) this.#scheduleSharedFence();
  }

  /** Sends the frame of a request just registered; on failure takes it back, rejected, and returns `false`. */
  #sendShared(
    spec: FrameSpec,
    prebuilt: BuiltFrame | undefined,
    registered: Registered<unknown> | Registration,
  ): boolean {
    try {
      // A frame built (and checked) moments ago for this logged-in user is sent as it is.
      this.send(spec, undefined, prebuilt !== undefined && this.loggedIn ? prebuilt : undefined);
      return true;
    } catch (error) {
      this.correlator.abandon(registered, error);
      return false;
    }
  }

  /** Schedules the one fence that closes off the requests sharing it this turn, unless it is already due. */
  #scheduleSharedFence(): void {
    if (this.#fenceScheduled) return;
    this.#fenceScheduled = true;
    queueMicrotask(() => {
      if (this.#fenceScheduled) this.sendFence();
    });
  }

  /**
   * Waits for the first inbound frame (errors included) for which `select` returns a value, while no other
   * routing sees it. One waiter at a time: the handshake sends one frame and waits for its answer.
   *
   * @throws ProtocolError `HANDSHAKE_TIMEOUT` after `timeoutMs`; the connection's end error if it ends first.
   */
  waitFor<T>(select: (inbound: Inbound) => T | undefined, timeoutMs: number, stage: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.open) {
        reject(this.#endedWith!.error);
        return;
      }
      let timer: TimerHandle | undefined;
      const done = (): void => {
        this.#options.clock.clearTimeout(timer);
        this.#waiter = undefined;
      };
      // The end of the connection rejects the waiter (see #finish): a reaction on `ended` per handshake stage
      // would keep its closures, and its cleared timer, for the whole life of the connection.
      this.#waiter = {
        select,
        resolve: (value) => {
          done();
          resolve(value as T);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      timer = this.#options.clock.setTimeout(() => {
        done();
        reject(
          new ProtocolError(
            SessionErrorCode.HANDSHAKE_TIMEOUT,
            `no answer to ${stage} within ${timeoutMs} ms`,
            {
              request: `handshake.${stage}`,
              details: { stage, timeoutMs },
            },
          ),
        );
      }, timeoutMs);
    });
  }

  /**
   * Ends the connection with `error`: `'close'` starts a clean close, `'terminate'` drops it (a silent peer
   * cannot be trusted to finish a closing handshake). Idempotent.
   */
  end(error: BirdTalkError, how: 'close' | 'terminate' = 'close'): void {
    if (!this.open) return;
    this.#finish(error);
    if (how === 'terminate') this.#transport.terminate();
    else this.#transport.close(1000, 'closing');
  }

  #finish(error: BirdTalkError): void {
    if (this.#endedWith !== undefined) return;
    this.#endedWith = { error, text: this.#closingText };
    // The end's error is the reason: a login waiting on the user (a mailed code) learns the connection went,
    // which is worth a reconnect, and not that the user gave up.
    this.#abortOnEnd?.abort(error);
    this.#abortOnEnd = undefined;
    this.#liveness?.stop();
    this.#options.clock.clearTimeout(this.#fenceTimer);
    this.correlator.close(error);
    this.#waiter?.reject(error);
    // Requests still waiting for room were never sent: the session may send them on the next connection.
    for (const item of this.#queued.splice(0)) item.fail(unsentError(error));
    if (this.#unsubscribe === undefined) this.#transport.detach?.(this);
    else for (const off of this.#unsubscribe.splice(0)) off();
    this.#resolveEnded(this.#endedWith);
  }

  /** The transport delivered a binary frame (the connection is its {@link TransportSink}). */
  onFrame(frame: Uint8Array): void {
    if (!this.open) return;
    this.#liveness?.touch();
    if (this.#fenceOverdue) {
      this.#repliesLost(`a fence got no reply within ${this.#options.fenceTimeoutMs} ms`);
      return;
    }
    let inbound: Inbound | undefined;
    try {
      const msg = decodeMsg(frame);
      const classified = classifyFrame(msg);
      if (classified.anomaly !== undefined) this.#options.hooks.onAnomaly(classified.anomaly);
      inbound = classified.inbound;
    } catch (error) {
      this.#options.hooks.onAnomaly(
        error instanceof DecodeError
          ? error
          : new DecodeError('DECODE_MALFORMED', `an undecodable frame: ${describeError(error)}`, {
              cause: error,
            }),
      );
      return;
    }
    if (inbound === undefined) return;
    if (inbound.kind === 'error') inbound = { ...inbound, error: this.#scrubError(inbound.error) };
    if (this.#options.logger.isLevelEnabled?.('debug') !== false) {
      this.#options.logger.debug('frame in', {
        connection: this.id,
        msgType: inbound.msg.msgType,
        frame: this.#options.scrubber.forLog(
          inbound.kind === 'error' ? { errorMsg: inbound.error } : inbound.msg.plainMsg,
        ),
      });
    }
    this.#route(inbound);
  }

  #route(inbound: Inbound): void {
    if (inbound.kind === 'heartbeat') {
      if (!this.correlator.fenceReturned()) {
        this.#options.hooks.onAnomaly(
          new ProtocolError(SessionErrorCode.UNSOLICITED, 'a heartbeat reply nobody asked for', {
            details: { kind: 'heartbeat' },
          }),
        );
        return;
      }
      this.#fenceSentAt.shift();
      // With every fence back, nothing is left to check: an idle connection keeps only its liveness timer.
      if (this.#fenceSentAt.length === 0 && this.#fenceTimer !== undefined) {
        this.#options.clock.clearTimeout(this.#fenceTimer);
        this.#fenceTimer = undefined;
      }
      if (this.correlator.inFlight === 0) this.#exclusiveInFlight = false;
      this.#pump();
      return;
    }
    const waiter = this.#waiter;
    if (waiter !== undefined) {
      const selected = waiter.select(inbound);
      if (selected !== undefined) {
        waiter.resolve(selected);
        return;
      }
    }
    if (inbound.kind === 'error') {
      const attribution = this.correlator.attributeError(inbound.error);
      if (attribution.to !== 'pending') {
        const label = attribution.to === 'settled' ? attribution.label : undefined;
        this.#options.hooks.onServerError(errorFromServer(inbound.error, label), label);
      }
      return;
    }
    if (this.correlator.offer(inbound) !== undefined) {
      if (this.correlator.fenceLost) {
        this.#repliesLost('a reply arrived after a fence whose own reply never did');
        return;
      }
      // An answered request no longer holds room in flight: queued chats can go out without waiting for its
      // fence, which keeps both ends busy instead of taking turns.
      this.#pump();
      return;
    }
    this.#options.hooks.onInbound(inbound, this);
  }

  /**
   * The server dropped frames (its send queue overflowed): fences can no longer be matched to their replies,
   * and guessing would pin answers on the wrong requests. Rebuild the connection instead: everything in flight
   * fails with `REPLIES_LOST`, and the session reconnects and resends queued chats.
   */
  #repliesLost(why: string): void {
    this.#options.logger.warn('replies were lost; rebuilding the connection', { connection: this.id, why });
    this.end(
      new TransportError(SessionErrorCode.REPLIES_LOST, `the server dropped replies: ${why}`, {
        details: { why },
      }),
      'terminate',
    );
  }

  /** Checks the oldest outstanding fence against `fenceTimeoutMs`; re-arms itself for the next one. */
  #armFenceTimer(delayMs: number): void {
    const { clock, fenceTimeoutMs } = this.#options;
    this.#fenceTimer = clock.setTimeout(() => {
      this.#fenceTimer = undefined;
      const oldest = this.#fenceSentAt[0];
      if (oldest === undefined || !this.open) return;
      const age = clock.now() - oldest;
      if (age < fenceTimeoutMs) {
        this.#armFenceTimer(fenceTimeoutMs - age);
        return;
      }
      // The fence is overdue: its reply was dropped, or the server is silent. A probe tells which: whatever
      // the server sends from now on proves it alive and the fence lost (a silent server is liveness's case).
      this.#fenceOverdue = true;
      this.sendFence();
    }, delayMs);
  }

  /** The transport delivered a text frame. */
  onText(text: string): void {
    if (!this.open) return;
    this.#liveness?.touch();
    this.#options.logger.debug('text in', { connection: this.id, text: this.#options.scrubber.text(text) });
    if (text === 'logout' || text === 'unregok' || text === 'stop') this.#closingText = text;
    this.#options.hooks.onText(text);
  }

  /** The server answered a ping: it is alive. */
  onPong(): void {
    this.#liveness?.touch();
  }

  /** The transport closed: the connection is lost (unless it had ended already). */
  onClose(info: CloseInfo): void {
    const reason = info.reason === '' ? '' : ` (${info.reason})`;
    this.#finish(
      new TransportError(
        SessionErrorCode.CONNECTION_LOST,
        `the connection closed with code ${info.code}${reason}`,
        {
          details: { code: info.code, wasClean: info.wasClean },
        },
      ),
    );
  }

  /** The transport reported an error; its close, if it follows, ends the connection. */
  onError(error: TransportError): void {
    this.#options.logger.debug('transport error', { error: describeError(error) });
  }

  /** The server echoes passwords and check tokens in some errors: remove them. */
  #scrubError(error: MsgError): MsgError {
    const { scrubber } = this.#options;
    return { ...error, detail: scrubber.text(error.detail), params: scrubber.params(error.params) };
  }
}

/** The error of a request the connection ended before sending: nothing of it reached the server. */
function unsentError(cause: BirdTalkError): TransportError {
  return new TransportError(
    SessionErrorCode.CONNECTION_LOST,
    'the connection ended before the request was sent',
    {
      cause,
      details: { unsent: true },
    },
  );
}

/** Whether a request failed without being sent (see `unsentError`), so sending it again is safe. */
export function wasNotSent(error: unknown): boolean {
  return (
    error instanceof TransportError && (error.details as { unsent?: unknown } | undefined)?.unsent === true
  );
}
