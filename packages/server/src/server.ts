import { AbortError, InvalidArgumentError } from '@birdtalk/errors';
import { type Int64Input, toInt64 } from '@birdtalk/proto';
import { silentLogger, systemClock, systemRandom } from '@birdtalk/runtime';
import type { Connector, Transport } from '@birdtalk/transport';
import { serveConnection } from './connection.js';
import type { ServerContext } from './context.js';
import { createFaults, type FaultController } from './faults.js';
import { createHazardLog, type Hazard } from './hazards.js';
import { createSnowflake } from './ids.js';
import {
  type StoredFile,
  type StoredGroup,
  type StoredGroupMessage,
  type StoredMessage,
  type StoredUser,
  storedFiles,
  storedGroup,
  storedGroupMessages,
  storedMessages,
  storedUser,
} from './inspect.js';
import { type Listener, listen } from './net/listener.js';
import { certificateSha256, selfSignedCertificate, type TlsMaterial } from './net/tls.js';
import { resolveConfig, type SeedGroup, type SeedUser, type ServerOptions } from './options.js';
import { trackServer } from './registry.js';
import { applySeeds, seedFollow, seedGroup, seedUser } from './seed.js';
import { loadSnapshot, saveSnapshot } from './snapshot.js';
import { createStore } from './state/store.js';
import { createMemoryPair } from './transport/memory.js';

/** A running reference server. */
export interface BirdTalkServer {
  /** The WebSocket endpoint: `ws://host:port/ws` or `wss://…`. */
  readonly url: string;
  /** The HTTP base: `http://host:port` or `https://…`. */
  readonly httpUrl: string;
  /** The listening port (0 without a socket). */
  readonly port: number;
  /** The TLS certificate and the lower-case hex SHA-256 of its DER, for pinning tests; `undefined` without TLS. */
  readonly certificate: { pem: string; sha256: string } | undefined;
  /** Requests so far that would have crashed the real server. */
  hazards(): readonly Hazard[];
  clearHazards(): void;
  /** Fault injection, changeable at run time. */
  readonly faults: FaultController;
  /**
   * Makes groups cold, as a restart of the real server that lost Redis's member hashes leaves them: the next
   * request that loads such a group (any group operation, group chat, group query, GroupListIn) sees it
   * without members, owner or administrators, so its membership and role checks fail once ("you are not a
   * group member ", "not a member", "… you are not admin"); the request after it sees the group whole again.
   * Without ids, every stored group becomes cold.
   * @throws InvalidArgumentError when a named group does not exist.
   */
  coldLoad(groupIds?: readonly Int64Input[]): void;
  /** Serves an already open connection (in memory, no sockets). */
  acceptTransport(transport: Transport): void;
  /** A connector whose connections are served by this server in memory; the URL is ignored. */
  connector(): Connector;
  /** Stores a user as if registered earlier; resolves with the new id. */
  createUser(user: SeedUser): Promise<string>;
  /** Stores a group; resolves with its id. */
  createGroup(group: SeedGroup): Promise<string>;
  /** Makes one user follow another (community mode). */
  follow(from: Int64Input, to: Int64Input): Promise<void>;
  /** The stored user, or `undefined`. */
  getUser(userId: Int64Input): StoredUser | undefined;
  /** How many live connections are bound to the user. */
  sessionCount(userId: Int64Input): number;
  /**
   * The most live connections the user had logged in at the same time since the server loaded it: a fleet
   * test's proof that no account ran twice at once.
   */
  peakSessionCount(userId: Int64Input): number;
  /** How many connections are open. */
  connectionCount(): number;
  /** The user's stored P2P rows (one per message they sent or received), ascending id. */
  getMessages(userId: Int64Input): StoredMessage[];
  /** A group's stored messages, ascending id. */
  getGroupMessages(groupId: Int64Input): StoredGroupMessage[];
  /** A group's in-memory state. */
  getGroup(groupId: Int64Input): StoredGroup | undefined;
  /** Every upload record, with the stored bytes. */
  listFiles(): StoredFile[];
  /** Drops every connection, stops listening and writes the snapshot (when configured). */
  close(): Promise<void>;
}

function toId(value: Int64Input): bigint {
  try {
    return BigInt(toInt64(value));
  } catch (error) {
    throw new InvalidArgumentError('SERVER_INVALID_ID', `${String(value)} is not a 64-bit id`, {
      cause: error,
    });
  }
}

/**
 * Starts a BirdTalk-compatible reference server: it speaks the real protocol, gives the real Go server's
 * replies (quirks included), never crashes, records the requests that would crash the real server, and can
 * inject faults. State lives in memory, optionally persisted to a snapshot file.
 *
 * @example
 * ```ts
 * const server = await createServer({ port: 0 });
 * console.log(server.url); // ws://127.0.0.1:41234/ws
 * await server.close();
 * ```
 */
export async function createServer(options: ServerOptions = {}): Promise<BirdTalkServer> {
  const config = resolveConfig(options);
  const clock = options.clock ?? systemClock;
  const random = options.random ?? systemRandom;
  const logger = options.logger ?? silentLogger;
  const store = createStore();
  const ctx: ServerContext = {
    config,
    clock,
    random,
    logger,
    ids: createSnowflake(clock),
    store,
    sessions: new Map(),
    hazards: createHazardLog(() => clock.now()),
    faults: createFaults(options.faults, random),
  };
  if (options.snapshotFile !== undefined) await loadSnapshot(store, options.snapshotFile);
  applySeeds(ctx, options.seed);
  if (options.coldLoad === true) store.groups.markCold();

  let tls: TlsMaterial | undefined;
  if (options.tls === 'self-signed') tls = await selfSignedCertificate();
  else if (options.tls !== undefined) tls = options.tls;
  let listener: Listener | undefined;
  if (config.listen) listener = await listen(ctx, tls);
  const port = listener?.port ?? 0;
  const hostPart = config.host.includes(':') ? `[${config.host}]` : config.host;
  const httpUrl = `${tls === undefined ? 'http' : 'https'}://${hostPart}:${port}`;
  const url = `${tls === undefined ? 'ws' : 'wss'}://${hostPart}:${port}/ws`;
  const certificate = tls === undefined ? undefined : { pem: tls.cert, sha256: certificateSha256(tls.cert) };

  const acceptMemory = (): Transport => {
    const { client, server } = createMemoryPair();
    serveConnection(ctx, server, {
      pingControl: { onPing: (handler) => server.handlePings(handler), pong: (data) => server.pong(data) },
    });
    return client;
  };

  let closing: Promise<void> | undefined;
  trackServer({
    url,
    strict: config.strict,
    expectedHazards: [...(options.expectedHazards ?? [])],
    get closed() {
      return closing !== undefined;
    },
    hazards: () => ctx.hazards.list(),
    clearHazards: () => ctx.hazards.clear(),
  });
  return {
    url,
    httpUrl,
    port,
    certificate,
    hazards: () => ctx.hazards.list(),
    clearHazards: () => ctx.hazards.clear(),
    faults: ctx.faults,
    coldLoad(groupIds) {
      const gids = groupIds?.map(toId);
      const unknown = gids?.find((gid) => store.groups.get(gid) === undefined);
      if (unknown !== undefined)
        throw new InvalidArgumentError('SERVER_UNKNOWN_GROUP', `group ${unknown} does not exist`);
      store.groups.markCold(gids);
    },
    acceptTransport(transport) {
      serveConnection(ctx, transport);
    },
    connector() {
      return async (_url, connectOptions) => {
        const signal = connectOptions?.signal;
        if (signal?.aborted)
          throw new AbortError('the connection attempt was aborted', { cause: signal.reason });
        return acceptMemory();
      };
    },
    async createUser(user) {
      const uid = seedUser(ctx, user);
      for (const target of user.follows ?? []) seedFollow(ctx, uid, toId(target));
      return uid.toString();
    },
    async createGroup(group) {
      return seedGroup(ctx, group).toString();
    },
    async follow(from, to) {
      seedFollow(ctx, toId(from), toId(to));
    },
    getUser(userId) {
      const doc = store.users.doc(toId(userId));
      return doc === undefined ? undefined : storedUser(doc);
    },
    sessionCount(userId) {
      const user = store.users.cached(toId(userId));
      return user === undefined ? 0 : user.sessions.filter((sid) => ctx.sessions.has(sid)).length;
    },
    peakSessionCount(userId) {
      return store.users.cached(toId(userId))?.peakLiveSessions ?? 0;
    },
    connectionCount: () => ctx.sessions.size,
    getMessages: (userId) => storedMessages(ctx, toId(userId)),
    getGroupMessages: (groupId) => storedGroupMessages(ctx, toId(groupId)),
    getGroup: (groupId) => storedGroup(ctx, toId(groupId)),
    listFiles: () => storedFiles(ctx),
    close() {
      closing ??= (async () => {
        for (const session of [...ctx.sessions.values()]) session.abort();
        await listener?.close();
        if (options.snapshotFile !== undefined) await saveSnapshot(store, options.snapshotFile);
      })();
      return closing;
    },
  };
}
