import { type BirdTalkError, DecodeError, ProtocolError, TransportError } from '@birdtalk/errors';
import { decodeMsg, type Int64, type MsgError } from '@birdtalk/proto';
import type { Clock, Logger, TimerHandle } from '@birdtalk/runtime';
import type { Transport } from '@birdtalk/transport';
import { type Correlator, Correlator as CorrelatorClass, type RequestSpec } from './correlator.js';
import { classifyFrame, type Inbound } from './dispatch.js';
import { errorFromServer, SessionErrorCode } from './errors.js';
import { describeError } from './events.js';
import { type BuiltFrame, buildFrame, type FrameSpec } from './frames.js';
import { type Liveness, startLiveness } from './liveness.js';
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
  onInbound(inbound: Inbound): void;
  /** A server error no pending request claimed (`after`: the settled request it followed). */
  onServerError(error: ProtocolError, after: string | undefined): void;
  /** Something unusable arrived. */
  onAnomaly(error: BirdTalkError): void;
  /** A text frame arrived. */
  onText(text: string): void;
}

/** Timing and collaborators of a {@link Connection}. */
export interface ConnectionOptions {
  readonly id: number;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly scrubber: SecretScrubber;
  readonly hooks: ConnectionHooks;
  readonly heartbeatIntervalMs: number;
  readonly pingIntervalMs: number;
  readonly livenessTimeoutMs: number;
  readonly allowServerCrashingRequests: boolean;
}

interface Waiter {
  readonly select: (inbound: Inbound) => unknown;
  resolve(value: unknown): void;
}

/**
 * One open transport speaking the BirdTalk protocol: it builds and sends frames (always through
 * {@link buildFrame}), decodes and routes what arrives, keeps the connection's facts (logged in, stage 2
 * received, own user id) that the frame rules depend on, fences requests, and watches liveness.
 */
export class Connection {
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
  readonly #unsubscribe: Array<() => void> = [];
  #resolveEnded!: (end: ConnectionEnd) => void;
  #endedWith: ConnectionEnd | undefined;
  #closingText: ClosingText | undefined;
  #waiter: Waiter | undefined;
  #liveness: Liveness | undefined;

  constructor(transport: Transport, options: ConnectionOptions) {
    this.id = options.id;
    this.#transport = transport;
    this.#options = options;
    this.correlator = new CorrelatorClass(options.clock);
    this.ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });
    this.#unsubscribe.push(
      transport.on('frame', (frame) => this.#onFrame(frame)),
      transport.on('text', (text) => this.#onText(text)),
      transport.on('pong', () => this.#liveness?.touch()),
      transport.on('close', (info) => {
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
      }),
      transport.on('error', (error) =>
        this.#options.logger.debug('transport error', { error: describeError(error) }),
      ),
    );
    if (transport.state !== 'open') {
      this.#finish(new TransportError(SessionErrorCode.CONNECTION_LOST, 'the connection was not open'));
    }
  }

  /** Whether the connection is still usable. */
  get open(): boolean {
    return this.#endedWith === undefined;
  }

  /** Starts heartbeats, pings and the silence detector. */
  startLiveness(): void {
    if (this.#liveness !== undefined || !this.open) return;
    this.#liveness = startLiveness({
      clock: this.#options.clock,
      heartbeatIntervalMs: this.#options.heartbeatIntervalMs,
      pingIntervalMs: this.#transport.supportsPing ? this.#options.pingIntervalMs : 0,
      livenessTimeoutMs: this.#options.livenessTimeoutMs,
      sendHeartbeat: () => this.sendFence(),
      ping: () => this.open && this.#transport.ping(),
      onSilent: (silentForMs) => {
        this.end(
          new TransportError(SessionErrorCode.PEER_SILENT, `the server sent nothing for ${silentForMs} ms`, {
            details: { silentForMs },
          }),
          'terminate',
        );
      },
    });
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
    } catch (error) {
      this.#options.logger.debug('could not send a heartbeat', { error: describeError(error) });
    }
  }

  /**
   * Sends a correlated request followed by its fence; settles as {@link RequestSpec} describes.
   * Builder refusals reject at once, before anything is sent.
   */
  request<T>(spec: FrameSpec, request: RequestSpec<T>): Promise<T> {
    // A request must be alone in front of its fence for errors to be attributed to it: first close off any
    // chats still waiting for their shared fence.
    if (this.#fenceScheduled) this.sendFence();
    const registered = this.correlator.register(request);
    try {
      this.send(spec);
    } catch (error) {
      registered.abandon(error);
      return registered.promise;
    }
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
    const registered = this.correlator.register(request);
    try {
      // A frame built (and checked) moments ago for this logged-in user is sent as it is.
      this.send(spec, undefined, prebuilt !== undefined && this.loggedIn ? prebuilt : undefined);
    } catch (error) {
      registered.abandon(error);
      return registered.promise;
    }
    if (!this.#fenceScheduled) {
      this.#fenceScheduled = true;
      queueMicrotask(() => {
        if (this.#fenceScheduled) this.sendFence();
      });
    }
    return registered.promise;
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
      this.#waiter = {
        select,
        resolve: (value) => {
          done();
          resolve(value as T);
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
      void this.ended.then((end) => {
        if (this.#waiter?.select === select) {
          done();
          reject(end.error);
        }
      });
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
    this.#liveness?.stop();
    this.correlator.close(error);
    for (const off of this.#unsubscribe.splice(0)) off();
    this.#resolveEnded(this.#endedWith);
  }

  #onFrame(frame: Uint8Array): void {
    if (!this.open) return;
    this.#liveness?.touch();
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
      }
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
    if (this.correlator.offer(inbound) !== undefined) return;
    this.#options.hooks.onInbound(inbound);
  }

  #onText(text: string): void {
    if (!this.open) return;
    this.#liveness?.touch();
    this.#options.logger.debug('text in', { connection: this.id, text: this.#options.scrubber.text(text) });
    if (text === 'logout' || text === 'unregok' || text === 'stop') this.#closingText = text;
    this.#options.hooks.onText(text);
  }

  /** The server echoes passwords and check tokens in some errors: remove them. */
  #scrubError(error: MsgError): MsgError {
    const { scrubber } = this.#options;
    return { ...error, detail: scrubber.text(error.detail), params: scrubber.params(error.params) };
  }
}
