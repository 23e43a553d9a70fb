import type { EcdhProvider, KeyStore, StoredKey } from '@birdtalk/crypto';
import {
  type BirdTalkError,
  isBirdTalkError,
  ProtocolError,
  StateError,
  TransportError,
} from '@birdtalk/errors';
import type { UserInfo } from '@birdtalk/proto';
import type { Clock, EventHub, Logger, Random, TimerHandle } from '@birdtalk/runtime';
import type { Transport } from '@birdtalk/transport';
import { type Backoff, createBackoff } from './backoff.js';
import { ConnectCancel } from './connect-cancel.js';
import {
  Connection,
  type ConnectionEnd,
  type ConnectionHooks,
  type ConnectionOptions,
} from './connection.js';
import type { Inbound } from './dispatch.js';
import { SessionErrorCode } from './errors.js';
import { establish, keyContext } from './establish.js';
import { describeError } from './events.js';
import { forgetKey } from './handshake.js';
import type { HelloInfo } from './hello-info.js';
import { isCredentialFailure } from './login.js';
import type { Credentials, ResolvedSessionOptions, SessionDeps } from './options.js';
import type { Outbox, OutboxSender } from './outbox.js';
import { routePush } from './push-routes.js';
import { closedError, type ReadyGate } from './ready-gate.js';
import type { SecretScrubber } from './secrets.js';
import type { CloseReason, SessionEvents, SessionState } from './types.js';

/** The collaborators of a {@link Supervisor}; it owns none of them. */
export interface SupervisorContext {
  readonly options: ResolvedSessionOptions;
  readonly deps: SessionDeps;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  readonly hub: EventHub<SessionEvents>;
  readonly scrubber: SecretScrubber;
  readonly keyStore: KeyStore;
  readonly ecdh: EcdhProvider;
  readonly hello: HelloInfo & { readonly clientId: string };
  readonly outbox: Outbox;
  readonly gate: ReadyGate;
  readonly credentials: Credentials;
  /** The session the supervisor runs for. */
  readonly owner: SupervisorOwner;
}

/** What a {@link Supervisor} asks of the session it runs for. */
export interface SupervisorOwner {
  /** Sends one outbox attempt on `conn`. */
  chatSender(conn: Connection): OutboxSender;
}

/**
 * The lifecycle of a session: connects, establishes (handshake and login), keeps the connection while it
 * lives, reconnects with backoff after a loss, and shuts down for good on a final failure or on request. It
 * owns the session's state, current connection, user, key, credentials and account.
 */
export class Supervisor {
  readonly #context: SupervisorContext;
  readonly #backoff: Backoff;
  /** Handed to every connection of the session. */
  readonly #reports: ConnectionReports;
  /** Set when the session shuts down: no more connecting, sleeping or reconnecting. */
  #stopped = false;
  /**
   * Cancels what the loop waits for at the moment (a connection attempt, a backoff pause). Set only while it
   * waits, so an idle ready session holds no abort controller or listener for it.
   */
  #cancelWait: (() => void) | undefined;
  #state: SessionState = 'idle';
  #credentials: Credentials;
  #account: string;
  #conn: Connection | undefined;
  #user: UserInfo | undefined;
  #key: StoredKey | undefined;
  #connections = 0;
  #closeReason: CloseReason | undefined;
  #ending: 'logged-out' | 'unregistered' | undefined;
  #recycle = false;
  /** When the current connection became ready. */
  #readyAt = 0;
  #loop: Promise<void> | undefined;
  #closed: Promise<void> | undefined;

  constructor(context: SupervisorContext) {
    this.#context = context;
    this.#credentials = context.credentials;
    this.#account = context.options.account;
    this.#reports = new ConnectionReports(context);
    this.#backoff = createBackoff(context.options, context.random);
  }

  /** Where the session is. */
  get state(): SessionState {
    return this.#state;
  }

  /** The logged-in user; the last one known while reconnecting. */
  get user(): UserInfo | undefined {
    return this.#user;
  }

  /** The key of the current key exchange. */
  get key(): StoredKey | undefined {
    return this.#key;
  }

  /** Why the session closed, once it has. */
  get closeReason(): CloseReason | undefined {
    return this.#closeReason;
  }

  /** The connection of a ready session. */
  get readyConnection(): Connection | undefined {
    return this.#state === 'ready' ? this.#conn : undefined;
  }

  /** The current connection, ready or not. */
  get connection(): Connection | undefined {
    return this.#conn;
  }

  /** Starts the connection loop (once). */
  start(): void {
    if (this.#loop !== undefined || this.#state === 'closed') return;
    // #run catches what it throws itself: a catch() here would keep its closure for the whole life of the session.
    this.#loop = this.#run();
  }

  /** Shuts down (reason `closed`) and resolves once the loop and the connection are over. Idempotent. */
  close(): Promise<void> {
    if (this.#closed !== undefined) return this.#closed;
    const conn = this.#conn;
    this.shutdown('closed', undefined);
    this.#closed = (async () => {
      await this.#loop;
      if (conn !== undefined) await conn.ended;
    })();
    return this.#closed;
  }

  /**
   * Ends `conn` on purpose and connects again at once, without backoff: after an e-mail change the server
   * keeps the session logged out until a fresh login.
   */
  recycle(conn: Connection, why: string): void {
    this.#recycle = true;
    queueMicrotask(() => conn.end(new TransportError(SessionErrorCode.CONNECTION_LOST, why)));
  }

  /** Marks the end the session is heading for, so the server hanging up closes it with that reason. */
  setEnding(ending: 'logged-out' | 'unregistered' | undefined): void {
    this.#ending = ending;
  }

  /** Forgets the stored key of this account (a deleted account can still log in with an old token). */
  async forgetKey(): Promise<void> {
    await forgetKey(keyContext(this.#context, this.#account));
    this.#key = undefined;
  }

  /** Ends the session for good: no more reconnects, everything waiting fails. Idempotent. */
  shutdown(reason: CloseReason, error: BirdTalkError | undefined): void {
    if (this.#state === 'closed') return;
    const { hub, logger } = this.#context;
    this.#closeReason = reason;
    this.#stopped = true;
    this.#cancelWait?.();
    const closed = new StateError(SessionErrorCode.SESSION_CLOSED, `the session closed (${reason})`, {
      ...(error === undefined ? {} : { cause: error }),
      details: { reason },
    });
    this.#conn?.end(closed);
    this.#context.outbox.close(closed);
    this.#context.gate.fail(error ?? closed);
    logger.info('session closed', {
      reason,
      ...(error === undefined ? {} : { error: describeError(error) }),
    });
    this.#setState('closed');
    hub.emit('closed', error === undefined ? { reason } : { reason, error });
    hub.end();
  }

  /** The connection loop. It never rejects: a failure it did not expect shuts the session down. */
  async #run(): Promise<void> {
    const { outbox, logger, hub, clock } = this.#context;
    try {
      await outbox.restore();
    } catch (error) {
      logger.warn('the outbox store could not be loaded', { error: describeError(error) });
    }
    try {
      while (!this.#stopped) {
        const ready = await this.#connectOnce();
        // An idle ready session waits here, in this one suspended call, for its connection to end.
        const error = ready instanceof Connection ? await this.#ended(ready, await ready.ended) : ready;
        if (this.#stopped) return;
        if (isCredentialFailure(error)) {
          this.shutdown('auth-failed', error);
          return;
        }
        if (this.#recycle) {
          this.#recycle = false;
          continue;
        }
        const delayMs = this.#backoff.next();
        if (delayMs === undefined) {
          this.shutdown('gave-up', error);
          return;
        }
        this.#setState('reconnecting');
        hub.emit('reconnecting', { attempt: this.#backoff.attempts, delayMs, error });
        await new Promise<void>((resolve) => {
          const timer = clock.setTimeout(resolve, delayMs);
          this.#cancelWait = () => {
            clock.clearTimeout(timer);
            resolve();
          };
        });
        this.#cancelWait = undefined;
      }
    } catch (error) {
      logger.error('the session loop failed', { error: describeError(error) });
      this.shutdown('gave-up', asBirdTalkError(error));
    }
  }

  /** Connects and establishes one connection: returns it once ready, or why it failed. */
  async #connectOnce(): Promise<Connection | BirdTalkError> {
    const { clock, logger, hub, outbox } = this.#context;
    this.#setState('connecting');
    let transport: Transport;
    try {
      transport = await this.#openTransport();
    } catch (error) {
      return asBirdTalkError(error);
    }
    if (this.#stopped) {
      transport.close(1000, 'closing');
      return closedError();
    }
    const conn = this.#connect(transport);
    this.#conn = conn;
    conn.startLiveness();

    try {
      await this.#establish(conn);
      // An idle connection keeps no abort controller (see #establish).
      conn.abortOnEnd(undefined);
      this.#setState('ready');
      hub.emit('ready', { user: this.#user!, fastLogin: conn.fastLogin, connection: conn.id });
      this.#context.gate.open(conn);
      outbox.connected(this.#context.owner.chatSender(conn));
      this.#readyAt = clock.now();
    } catch (error) {
      const failure = asBirdTalkError(error);
      logger.warn('the handshake failed', { error: describeError(failure) });
      conn.end(failure);
      if (this.#conn === conn) this.#conn = undefined;
      return failure;
    }
    return conn;
  }

  /** What follows the end of a connection that was ready. Returns why it ended. */
  async #ended(conn: Connection, end: ConnectionEnd): Promise<BirdTalkError> {
    const { clock, logger, hub, outbox, options } = this.#context;
    // A connection that stayed ready for `stableAfterMs` resets the reconnect schedule. Read when it ends rather
    // than set by a timer, so an idle ready connection holds one timer (its liveness) instead of two.
    if (clock.now() - this.#readyAt >= options.stableAfterMs) this.#backoff.reset();
    outbox.disconnected();
    if (this.#conn === conn) this.#conn = undefined;
    if (this.#stopped) return end.error;
    if (end.text === 'unregok' || this.#ending === 'unregistered') {
      await this.forgetKey();
      this.shutdown('unregistered', undefined);
      return end.error;
    }
    if (end.text === 'logout' || this.#ending === 'logged-out') {
      this.shutdown('logged-out', undefined);
      return end.error;
    }
    logger.info('the connection was lost', { connection: conn.id, error: describeError(end.error) });
    hub.emit('disconnected', { error: end.error, willReconnect: true });
    return end.error;
  }

  #connect(transport: Transport): Connection {
    this.#connections += 1;
    return new Connection(transport, this.#connections, this.#reports);
  }

  async #openTransport(): Promise<Transport> {
    const { clock, options, deps } = this.#context;
    // Not an AbortController: see ConnectCancel.
    const attempt = new ConnectCancel();
    this.#cancelWait = () => attempt.cancel(closedError());
    let timer: TimerHandle | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = clock.setTimeout(() => {
        const error = new TransportError(
          SessionErrorCode.CONNECT_TIMEOUT,
          `no connection within ${options.connectTimeoutMs} ms`,
          { details: { timeoutMs: options.connectTimeoutMs } },
        );
        attempt.cancel(error);
        reject(error);
      }, options.connectTimeoutMs);
    });
    const connecting = deps.connector(options.url, attempt);
    try {
      // The race guards against a connector that ignores its signal.
      return await Promise.race([connecting, timeout]);
    } catch (error) {
      // A connection that opens after we gave up on it is closed at once.
      connecting.then(
        (late) => late.terminate(),
        () => {},
      );
      throw error;
    } finally {
      clock.clearTimeout(timer);
      this.#cancelWait = undefined;
    }
  }

  async #establish(conn: Connection): Promise<void> {
    const context = this.#context;
    // Aborts a pending code request when the connection goes during the login. Made only for a login that asks
    // for it (a password or code login, not a fast re-login): an abort controller costs a fast re-login more
    // than anything else it allocates.
    let establishing: AbortController | undefined;
    const signal = (): AbortSignal => {
      if (establishing === undefined) {
        establishing = new AbortController();
        conn.abortOnEnd(establishing);
      }
      return establishing.signal;
    };
    const established = await establish({
      // Named one by one, not spread from the context (see establish).
      options: context.options,
      clock: context.clock,
      random: context.random,
      logger: context.logger,
      scrubber: context.scrubber,
      keyStore: context.keyStore,
      ecdh: context.ecdh,
      hello: context.hello,
      conn,
      credentials: this.#credentials,
      account: this.#account,
      requestCode: context.deps.requestCode,
      signal,
      onStage: (stage) => this.#setState(stage),
      // The first login of the session checks the password when asked to; reconnects use the key.
      useStoredKey: !(
        context.options.verifyPassword &&
        this.#user === undefined &&
        hasPassword(this.#credentials)
      ),
    });
    const { registration } = established;
    if (registration !== undefined) {
      this.#credentials = registration.credentials;
      this.#account = registration.account;
      context.hub.emit('registered', { user: registration.user });
    }
    this.#key = established.key;
    this.#user = established.user;
  }

  #setState(to: SessionState): void {
    const from = this.#state;
    if (from === to || from === 'closed') return;
    this.#state = to;
    this.#context.logger.debug('session state', { from, to });
    this.#context.hub.emit('state', { from, to });
  }
}

/**
 * The options of every connection of a session, read from the session's own, and what a connection reports up,
 * turned into the session's events and log records: one object per session with its behaviour on the
 * prototype, handed to every connection, instead of four closures and a copy of ten options per connection.
 */
class ConnectionReports implements ConnectionHooks, ConnectionOptions {
  readonly #context: SupervisorContext;

  constructor(context: SupervisorContext) {
    this.#context = context;
  }

  get clock(): Clock {
    return this.#context.clock;
  }

  get logger(): Logger {
    return this.#context.logger;
  }

  get scrubber(): SecretScrubber {
    return this.#context.scrubber;
  }

  get hooks(): ConnectionHooks {
    return this;
  }

  get heartbeatIntervalMs(): number {
    return this.#context.options.heartbeatIntervalMs;
  }

  get pingIntervalMs(): number {
    return this.#context.options.pingIntervalMs;
  }

  get livenessTimeoutMs(): number {
    return this.#context.options.livenessTimeoutMs;
  }

  get allowServerCrashingRequests(): boolean {
    return this.#context.options.allowServerCrashingRequests;
  }

  get maxFramesInFlight(): number {
    return this.#context.options.maxFramesInFlight;
  }

  get fenceTimeoutMs(): number {
    return this.#context.options.fenceTimeoutMs;
  }

  onInbound(inbound: Inbound, conn: Connection): void {
    const route = routePush(inbound, conn.selfId);
    if ('unsolicited' in route) {
      this.onAnomaly(
        new ProtocolError(SessionErrorCode.UNSOLICITED, `${route.unsolicited} nobody asked for`, {
          details: { kind: inbound.kind, msgType: inbound.msg.msgType },
        }),
      );
      return;
    }
    // The route pairs each event with its own payload type; the hub's signature cannot see that pairing.
    this.#context.hub.emit(route.event, route.payload as never);
  }

  onServerError(error: ProtocolError, after: string | undefined): void {
    this.#context.logger.warn('server error', {
      code: error.code,
      serverCode: error.serverCode,
      detail: error.serverDetail,
      after,
    });
    this.#context.hub.emit('server-error', after === undefined ? { error } : { error, after });
  }

  onAnomaly(error: BirdTalkError): void {
    this.#context.logger.warn('unusable frame', { error: describeError(error) });
    this.#context.hub.emit('protocol-error', error);
  }

  onText(text: string): void {
    this.#context.hub.emit('text', this.#context.scrubber.text(text));
    // The server's own texts; "recv msg:" echoes a text frame (this client never sends one).
    if (text === 'logout' || text === 'unregok' || text === 'stop' || text.startsWith('recv msg:')) return;
    this.onAnomaly(
      new ProtocolError(SessionErrorCode.UNEXPECTED_TEXT, 'a text frame where binary frames are expected', {
        details: { length: text.length },
      }),
    );
  }
}

/** Any thrown value as a typed error (a connector may throw anything). */
export function asBirdTalkError(error: unknown): BirdTalkError {
  if (isBirdTalkError(error)) return error as BirdTalkError;
  return new TransportError(SessionErrorCode.CONNECTION_LOST, describeError(error), { cause: error });
}

/** Whether the credentials carry a password to check (a key-only login passes an empty one). */
function hasPassword(credentials: Credentials): boolean {
  return 'password' in credentials && typeof credentials.password === 'string' && credentials.password !== '';
}
