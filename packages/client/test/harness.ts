import { createMemoryKeyStore, createPureEcdh, type KeyStore } from '@birdtalk/crypto';
import { decodeMsg, type Msg } from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import { createMemoryLogger, FakeClock, flushEventLoop, type MemoryLogger } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer, type ServerOptions } from '@birdtalk/server';
import type { Connector, Transport } from '@birdtalk/transport';
import {
  type Client,
  type ClientDeps,
  type ClientEvents,
  type ClientOptions,
  createClient,
  createMemoryStore,
  type Store,
} from '../src/index.js';

/** The password of every test user. */
export const PASSWORD = 'client-test-password';
/** The URL clients are given; the in-memory connector ignores it. */
export const URL = 'ws://reference.invalid/ws';

/** Lets queued microtasks and I/O run until `predicate` holds; fails after `turns` event-loop turns. */
export async function until(predicate: () => boolean, what = 'the condition', turns = 3_000): Promise<void> {
  for (let i = 0; i < turns; i += 1) {
    if (predicate()) return;
    await flushEventLoop(1);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Frames a client sent, decoded, across all its connections. */
export interface FrameLog {
  readonly frames: Msg[];
  /** The payload cases sent, without heartbeats. */
  requests(): string[];
}

/** Wraps a connector so that every frame the client sends is recorded. */
export function recordingConnector(connector: Connector, log: Msg[]): Connector {
  return async (url, options) => {
    const transport = await connector(url, options);
    const wrapped: Transport = Object.create(transport) as Transport;
    Object.defineProperty(wrapped, 'send', {
      value: (frame: Uint8Array) => {
        try {
          log.push(decodeMsg(frame));
        } catch {
          // A frame that does not decode is the server's problem to report (as a hazard).
        }
        transport.send(frame);
      },
    });
    for (const name of ['state', 'supportsPing', 'bufferedAmount'] as const) {
      Object.defineProperty(wrapped, name, { get: () => transport[name] });
    }
    // attach() too, where the transport has it: inherited, it would run on the wrapper, which has none of its state.
    for (const name of ['sendText', 'ping', 'close', 'terminate', 'on', 'attach', 'detach'] as const) {
      const method = transport[name] as ((...args: unknown[]) => unknown) | undefined;
      if (method !== undefined) Object.defineProperty(wrapped, name, { value: method.bind(transport) });
    }
    return wrapped;
  };
}

/** A test world: a reference server on a fake clock, users, and clients that are stopped afterwards. */
export interface World {
  readonly clock: FakeClock;
  readonly server: BirdTalkServer;
  readonly logger: MemoryLogger;
  /** Users by name (created on demand by {@link World.user}). */
  readonly users: Map<string, string>;
  /** Creates a user that follows and is followed by every user created before. */
  user(name: string, extra?: { readonly email?: string }): Promise<string>;
  /** A client for a user; its frames are recorded in `frames`. */
  client(
    userId: string,
    options?: Partial<ClientOptions>,
    deps?: Partial<ClientDeps> & { readonly keyStore?: KeyStore; readonly store?: Store },
  ): TestClient;
  /** Lets time pass on the fake clock until `promise` settles. */
  drive<T>(promise: Promise<T>, stepMs?: number, maxSteps?: number): Promise<T>;
  /** Stops every client, checks the server recorded no hazards, closes it. */
  close(): Promise<void>;
}

/** A client with what its tests look at. */
export interface TestClient extends Client {
  readonly sent: Msg[];
  /** Every payload of `event` from now on. */
  record<K extends keyof ClientEvents>(event: K): Array<ClientEvents[K]>;
}

let seedCounter = 1;

export async function createWorld(serverOptions: ServerOptions = {}): Promise<World> {
  const clock = new FakeClock(1_750_000_000_000);
  const server = await createServer({
    strict: true,
    listen: false,
    clock,
    random: seededRandom(7),
    ...serverOptions,
  });
  const logger = createMemoryLogger({ level: 'warn' });
  const users = new Map<string, string>();
  const clients: Client[] = [];
  const world: World = {
    clock,
    server,
    logger,
    users,
    async user(name, extra = {}) {
      const id = await server.createUser({ userName: name, password: PASSWORD, ...extra });
      // P2P chat needs the recipient to follow the sender (reference §6.3): everyone follows everyone.
      for (const other of users.values()) {
        await server.follow(id, other);
        await server.follow(other, id);
      }
      users.set(name, id);
      return id;
    },
    client(userId, options = {}, deps = {}) {
      const sent: Msg[] = [];
      const seed = seedCounter++;
      const client = createClient(
        {
          server: URL,
          credentials: { method: 'id', userId, password: PASSWORD },
          receiptDelayMs: 0,
          handlerRetryDelayMs: 10,
          ...options,
        },
        {
          connector: recordingConnector(server.connector(), sent),
          clock,
          random: seededRandom(seed),
          ecdh: createPureEcdh(seededRandom(seed + 1000)),
          keyStore: createMemoryKeyStore(),
          store: createMemoryStore(),
          logger,
          ...deps,
        },
      ) as TestClient;
      Object.defineProperty(client, 'sent', { value: sent });
      Object.defineProperty(client, 'record', {
        value: <K extends keyof ClientEvents>(event: K) => {
          const seen: Array<ClientEvents[K]> = [];
          client.on(event, (payload) => {
            seen.push(payload);
          });
          return seen;
        },
      });
      clients.push(client);
      return client;
    },
    async drive(promise, stepMs = 50, maxSteps = 2_000) {
      let settled = false;
      const watched = promise.finally(() => {
        settled = true;
      });
      watched.catch(() => {});
      for (let step = 0; step < maxSteps && !settled; step += 1) {
        await flushEventLoop(2);
        if (!settled) await clock.advance(stepMs);
      }
      if (!settled) throw new Error(`still waiting after ${maxSteps} steps of ${stepMs} ms`);
      return watched;
    },
    async close() {
      await world.drive(
        Promise.all(clients.splice(0).map((client) => client.stop({ drainTimeoutMs: 1_000 }))),
      );
      const hazards = server.hazards();
      await server.close();
      if (hazards.length > 0) throw new Error(`the server recorded hazards: ${JSON.stringify(hazards)}`);
    },
  };
  return world;
}

/** The payload cases of frames, without heartbeats. */
export function requestsOf(frames: readonly Msg[]): string[] {
  return frames.map((msg) => msg.plainMsg?.message ?? 'none').filter((payload) => payload !== 'heartBeat');
}

/**
 * A world with a user for each name (created in order, so each follows and is followed by the ones before),
 * for a test file's `beforeEach`.
 */
export async function worldWith<const N extends string>(
  ...names: N[]
): Promise<{ readonly world: World } & Readonly<Record<N, string>>> {
  const world = await createWorld();
  const ids = {} as Record<N, string>;
  for (const name of names) ids[name] = await world.user(name);
  return { world, ...ids };
}

/** A store that outlives its client's `stop()`, as a file or database would (the memory store forgets on close). */
export function durableStore(): Store {
  const store = createMemoryStore();
  return { ...store, close: async () => {} };
}
