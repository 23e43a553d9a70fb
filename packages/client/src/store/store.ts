import type { Int64 } from '@birdtalk/proto';
import type { OutboxEntry } from '@birdtalk/session';

/**
 * Where a client keeps what must survive a restart: how far each message stream has been handled, which
 * messages were handled recently (for deduplication), the chats still waiting for an acknowledgement, the
 * `sendId` high-water mark, and a few small values such as the device id.
 *
 * The interface is deliberately small, asynchronous and explicit, so that any storage can implement it (the
 * client ships a memory store and, for Node, a file store; `@birdtalk/store-sqlite` adds SQLite). Run
 * `storeContract` from `@birdtalk/client/testing` against an implementation to check it.
 *
 * Durability: a mutation may resolve before it reaches durable storage; {@link Store.flush} resolves once every
 * earlier mutation is durable. {@link Store.reserveSendIds}, {@link Store.setIfAbsent},
 * {@link Store.compareAndSet} and {@link Store.markHandling} are the exceptions: they resolve only once their result is durable, because the
 * client relies on them at once.
 *
 * Only one client may use a store at a time (the exception is the key/value part, which is safe to share).
 */
export interface Store {
  /**
   * Every stored sync position, by stream name (`p2p`, `group:<groupId>`). A position is the id of the newest
   * message of the stream up to which everything was handled.
   */
  loadPositions(): Promise<ReadonlyMap<string, Int64>>;
  /** Records the position of a stream, replacing the previous one. */
  savePosition(stream: string, position: Int64): Promise<void>;

  /** The keys of the deduplication window, oldest first. */
  loadSeen(): Promise<readonly string[]>;
  /**
   * Appends keys to the deduplication window (a key already present moves to the newest end), then forgets the
   * oldest keys beyond `limit`. In the same atomic step it removes each of `keys` from the handling marks (see
   * {@link Store.markHandling}): after a crash, a key is either seen or still marked, never neither.
   */
  addSeen(keys: readonly string[], limit: number): Promise<void>;

  /**
   * The handling marks (see {@link Store.markHandling}) not yet removed by {@link Store.addSeen}, in any
   * order: the messages a previous run may have handed to the application without recording that their
   * handling ended.
   */
  loadHandling(): Promise<readonly string[]>;
  /**
   * Marks messages, by their `m:<msgId>` keys, as about to be handed to the application. Resolves only once
   * the marks are durable (at least against a crash of the process), because the client hands a message over
   * only after its mark resolved: after a crash, a message handed over before and delivered again is always
   * one that is still marked. Marking a marked key again is not an error; marks are removed by `addSeen`.
   */
  markHandling(keys: readonly string[]): Promise<void>;
  /**
   * How many waiting messages of a chat the client keeps marked ({@link Store.markHandling}) ahead of their
   * turn, marking the one that enters them as each turn comes. A store whose every write waits for a network
   * round trip and a disk sync (Redis with `appendfsync always`) wants more than one, so that a backlog's
   * handlers never wait for a sync; such a store should let a mark wait for its next write. The price is
   * that after a crash up to this many messages of a chat that were never handed over come back flagged
   * `redelivered`. Absent: 1 (the next message is marked while the current one is handled).
   */
  readonly markAhead?: number;
  /**
   * True when every write has taken effect by the time its method returns, as in the memory store. The client
   * then hands a chat's next message over at once when the listeners of one return synchronously. Otherwise
   * (absent or false) the client lets the writes a finished message queued go out before the next handler
   * runs, so that after a crash only the message in hand comes again.
   */
  readonly appliesWritesAtOnce?: boolean;

  /** Every chat waiting for an acknowledgement, in any order. */
  loadOutbox(): Promise<readonly OutboxEntry[]>;
  /** Adds or replaces the outbox entry with this `sendId`. */
  putOutbox(entry: OutboxEntry): Promise<void>;
  /** Forgets the outbox entry with this `sendId`; forgetting an absent one is not an error. */
  removeOutbox(sendId: Int64): Promise<void>;

  /**
   * Reserves `count` consecutive send ids and returns the first: `max(mark + 1, floor)`, where `mark` is the
   * highest id reserved so far (0 at first); the new mark is `first + count - 1`. Resolves only once the new
   * mark is durable, so ids stay unique across restarts. Concurrent calls get disjoint ranges.
   */
  reserveSendIds(count: number, floor: Int64): Promise<Int64>;

  /** A small value by key; `undefined` when absent. */
  get(key: string): Promise<string | undefined>;
  /** Stores a small value. */
  set(key: string, value: string): Promise<void>;
  /**
   * Stores `value` unless the key already has one, and returns the value now stored. Resolves once it is
   * durable. Atomic: of two concurrent callers, both get the same value back.
   */
  setIfAbsent(key: string, value: string): Promise<string>;
  /**
   * Stores `value` only if the key's value is `expected` (`undefined`: the key has none), and resolves with
   * whether it did. Atomic among every process sharing the storage: of writers that read the same value and
   * race to replace it, at most one succeeds. Resolves once durable. It may also resolve `false` while another
   * writer is replacing the key at the same moment: callers read again and retry (what versioned sessions do).
   */
  compareAndSet(key: string, expected: string | undefined, value: string): Promise<boolean>;

  /** Resolves once every earlier mutation is durable. */
  flush(): Promise<void>;
  /** Flushes and releases the storage; later calls other than `close()` reject with `StateError STORE_CLOSED`. */
  close(): Promise<void>;
}

/** The store key of the device id (`MsgHello.clientId`). */
export const DEVICE_ID_KEY = 'deviceId';

/** The stream name of the one P2P stream (every conversation of the account: a history query for `userId` 0). */
export const P2P_STREAM = 'p2p';

/** The stream name of a group's messages. */
export function groupStream(groupId: Int64): string {
  return `group:${groupId}`;
}
