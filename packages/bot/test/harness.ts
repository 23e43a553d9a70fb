import {
  type ChatMessage,
  type Client,
  type ClientOptions,
  createClient,
  createMemoryStore,
  type Store,
} from '@birdtalk/client';
import { decodeMsg, type Msg } from '@birdtalk/proto';
import { seededRandom } from '@birdtalk/runtime';
import { createMemoryLogger, FakeClock, flushEventLoop, type MemoryLogger } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer } from '@birdtalk/server';
import type { Connector } from '@birdtalk/transport';
import { type Bot, type BotOptions, createBot } from '../src/index.js';

/** The password of every test user. */
export const PASSWORD = 'bot-test-password';

/** A reference server on a fake clock, with the users, clients and bots of one test. */
export interface World {
  readonly clock: FakeClock;
  readonly server: BirdTalkServer;
  readonly logger: MemoryLogger;
  /** Creates a user; `follows` are the users it follows. */
  user(name: string, follows?: readonly string[]): Promise<string>;
  /** Makes `a` and `b` follow each other, so that both may write P2P to the other. */
  befriend(a: string, b: string): Promise<void>;
  /** A client for a user (stopped at the end). */
  client(userId: string, options?: Partial<ClientOptions>, store?: Store): Client;
  /** Every frame the clients of a user sent, decoded, in order. */
  sentBy(userId: string): readonly Msg[];
  /** A bot on a new client for a user (stopped at the end). */
  bot(userId: string, options?: BotOptions, store?: Store): Bot;
  /** Lets time pass on the fake clock until `promise` settles. */
  drive<T>(promise: Promise<T>, stepMs?: number): Promise<T>;
  /** Runs the event loop and the clock until `predicate` holds. */
  until(predicate: () => boolean, what?: string): Promise<void>;
  /** Asks `check` (on the clock, between turns) until it says yes. */
  eventually(check: () => Promise<boolean>, what?: string): Promise<void>;
  /** Stops every bot and client, closes the server, and fails if it recorded any hazard. */
  close(): Promise<void>;
}

let seed = 1;

export async function createWorld(): Promise<World> {
  const clock = new FakeClock(1_750_000_000_000);
  const server = await createServer({ strict: true, listen: false, clock, random: seededRandom(11) });
  const logger = createMemoryLogger({ level: 'warn' });
  const stoppables: Array<{ stop(): Promise<void> }> = [];
  const sent = new Map<string, Msg[]>();
  const newClient = (userId: string, options: Partial<ClientOptions> = {}, store?: Store): Client => {
    const client = createClient(
      {
        server: 'ws://reference.invalid/ws',
        credentials: { method: 'id', userId, password: PASSWORD },
        receiptDelayMs: 0,
        handlerRetryDelayMs: 10,
        ...options,
      },
      {
        connector: recording(server.connector(), sent.get(userId) ?? sent.set(userId, []).get(userId)!),
        clock,
        random: seededRandom(seed++),
        store: store ?? createMemoryStore(),
        logger,
      },
    );
    stoppables.push(client);
    return client;
  };
  const world: World = {
    clock,
    server,
    logger,
    user: (name, follows = []) => server.createUser({ userName: name, password: PASSWORD, follows }),
    async befriend(a, b) {
      await server.follow(a, b);
      await server.follow(b, a);
    },
    client: newClient,
    sentBy: (userId) => sent.get(userId) ?? [],
    bot(userId, options = {}, store) {
      // The bot keeps its own state (the follow-back cursor) in the client's store, as the README advises.
      const bot = createBot(newClient(userId, {}, store), options, {
        clock,
        logger,
        ...(store === undefined ? {} : { store }),
      });
      stoppables.unshift(bot);
      return bot;
    },
    async drive(promise, stepMs = 20) {
      let settled = false;
      const watched = promise.finally(() => {
        settled = true;
      });
      watched.catch(() => {});
      for (let step = 0; step < 5_000 && !settled; step += 1) {
        await flushEventLoop(2);
        if (!settled) await clock.advance(stepMs);
      }
      return watched;
    },
    async until(predicate, what = 'the condition') {
      for (let step = 0; step < 2_000; step += 1) {
        if (predicate()) return;
        await flushEventLoop(2);
        if (step % 10 === 9) await clock.advance(10);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    async eventually(check, what = 'the condition') {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        if (await world.drive(check())) return;
        await clock.advance(50);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    async close() {
      await world.drive(Promise.all(stoppables.splice(0).map((item) => item.stop())));
      const hazards = server.hazards();
      await server.close();
      if (hazards.length > 0) throw new Error(`the server recorded hazards: ${JSON.stringify(hazards)}`);
    },
  };
  return world;
}

/** Every message a client receives from now on. */
export function inbox(client: Client): ChatMessage[] {
  const seen: ChatMessage[] = [];
  client.on('message', (message) => {
    seen.push(message);
  });
  return seen;
}

/** A store that outlives its client's stop(), as a file or a database does. */
export function durableStore(): Store {
  const store = createMemoryStore();
  return { ...store, close: async () => {} };
}

/** The connector, with every frame its transports send decoded into `log` (frames that do not decode left out). */
function recording(connector: Connector, log: Msg[]): Connector {
  return async (url, options) => {
    const transport = await connector(url, options);
    return new Proxy(transport, {
      get(target, property) {
        if (property === 'send') {
          return (frame: Uint8Array) => {
            try {
              log.push(decodeMsg(frame));
            } catch {
              // The server reports a frame it cannot decode as a hazard.
            }
            target.send(frame);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
}
