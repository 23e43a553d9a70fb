import type { EcdhProvider, KeyStore } from '@birdtalk/crypto';
import type { BirdTalkError } from '@birdtalk/errors';
import type { Int64, MsgQueryInit, MsgQueryResult } from '@birdtalk/proto';
import type { Clock, EventHub, Logger, Random } from '@birdtalk/runtime';
import type { Connection } from './connection.js';
import type { HelloInfo } from './hello-info.js';
import type { Credentials, ResolvedSessionOptions, SessionDeps } from './options.js';
import type { ChatAck, Outbox, OutboxOptions, OutboxSender, OutboxStore } from './outbox.js';
import type { GateProbe, ReadyGate } from './ready-gate.js';
import type { AccountEndCore } from './requests/account-end.js';
import { type ChatCore, chatSender } from './requests/chat.js';
import { query } from './requests/query.js';
import type { UserOpCore } from './requests/user-op.js';
import type { SecretScrubber } from './secrets.js';
import type { SendIdSource } from './send-ids.js';
import { createStoredFinder, type StoredFinder, type StoredFinderDeps } from './stored-check.js';
import type { Supervisor, SupervisorContext, SupervisorOwner } from './supervisor.js';
import type { CloseReason, SessionEvents } from './types.js';

/** The parts of a session its core is made of; the supervisor and the gate are attached once built. */
export interface SessionCoreParts {
  readonly options: ResolvedSessionOptions;
  readonly deps: SessionDeps;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  readonly sendIds: SendIdSource;
  readonly scrubber: SecretScrubber;
  readonly hub: EventHub<SessionEvents>;
  readonly outboxStore: OutboxStore;
  readonly keyStore: KeyStore;
  readonly ecdh: EcdhProvider;
  readonly hello: HelloInfo & { readonly clientId: string };
  readonly credentials: Credentials;
}

/**
 * What the request functions, the ready gate, the outbox (its options and reports, and the history lookup) and
 * the supervisor (its context and owner) see of a session, as one object whose behaviour lives on the
 * prototype. Built of closures (one per view and per callback), an idle session kept about twenty functions and
 * their shared scope alive; a separate supervisor context repeated a dozen of its fields.
 */
export class SessionCore
  implements
    ChatCore,
    UserOpCore,
    AccountEndCore,
    GateProbe,
    SupervisorOwner,
    SupervisorContext,
    OutboxOptions,
    StoredFinderDeps
{
  readonly options: ResolvedSessionOptions;
  readonly deps: SessionDeps;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  readonly sendIds: SendIdSource;
  readonly scrubber: SecretScrubber;
  readonly hub: EventHub<SessionEvents>;
  /** The outbox's store. */
  readonly store: OutboxStore;
  readonly keyStore: KeyStore;
  readonly ecdh: EcdhProvider;
  /** What the Hello introduces this client with. */
  readonly hello: HelloInfo & { readonly clientId: string };
  /** The credentials the session was created with (the supervisor keeps those a registration turned into). */
  readonly credentials: Credentials;
  /** Set by the session right after construction: the outbox, the gate and the supervisor need the core first. */
  outbox!: Outbox;
  gate!: ReadyGate;
  supervisor!: Supervisor;
  #finder: StoredFinder | undefined;

  constructor(parts: SessionCoreParts) {
    this.options = parts.options;
    this.deps = parts.deps;
    this.clock = parts.clock;
    this.random = parts.random;
    this.logger = parts.logger;
    this.sendIds = parts.sendIds;
    this.scrubber = parts.scrubber;
    this.hub = parts.hub;
    this.store = parts.outboxStore;
    this.keyStore = parts.keyStore;
    this.ecdh = parts.ecdh;
    this.hello = parts.hello;
    this.credentials = parts.credentials;
  }

  /** The supervisor's owner: this session. */
  get owner(): SupervisorOwner {
    return this;
  }

  get deadlineMs(): number {
    return this.options.outboxDeadlineMs;
  }

  get resendUnacknowledged(): boolean {
    return this.options.resendUnacknowledged;
  }

  get resendDelayMs(): number {
    return this.options.resendDelayMs;
  }

  get inOrder(): boolean {
    return this.options.chatsInOrder;
  }

  /** The outbox's history lookup, made when the outbox first asks for it (only once it has chats to resend). */
  get findStored(): StoredFinder {
    this.#finder ??= createStoredFinder(this);
    return this.#finder;
  }

  selfId(): Int64 | undefined {
    return this.supervisor.user?.userId;
  }

  whenReady(
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    label: string,
    requireLogin: boolean,
  ): Promise<Connection> {
    return this.gate.wait(signal, timeoutMs, label, requireLogin);
  }

  connection(): Connection | undefined {
    return this.supervisor.connection;
  }

  recycle(conn: Connection, why: string): void {
    this.supervisor.recycle(conn, why);
  }

  holdOutbox(): void {
    this.outbox.disconnected();
  }

  setEnding(ending: 'logged-out' | 'unregistered' | undefined): void {
    this.supervisor.setEnding(ending);
  }

  forgetKey(): Promise<void> {
    return this.supervisor.forgetKey();
  }

  shutdown(reason: CloseReason): void {
    this.supervisor.shutdown(reason, undefined);
  }

  /** The ready gate's view: the connection of a ready session. */
  readyConnection(): Connection | undefined {
    return this.supervisor.readyConnection;
  }

  /** The ready gate's view: whether the session closed for good. */
  closed(): boolean {
    return this.supervisor.state === 'closed';
  }

  /** The history lookup's query, sent like any other. */
  query(msgQuery: MsgQueryInit): Promise<MsgQueryResult> {
    return query(this, msgQuery);
  }

  /** Sends one outbox attempt on `conn`. */
  chatSender(conn: Connection): OutboxSender {
    return chatSender(conn);
  }

  /** The outbox's report of an acknowledgement. */
  onAcked(ack: ChatAck): void {
    this.hub.emit('chat-acked', ack);
  }

  /** The outbox's report of a final failure. */
  onFailed(sendId: Int64, error: BirdTalkError): void {
    this.hub.emit('chat-failed', { sendId, error });
  }
}
