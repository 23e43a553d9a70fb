import { createMemoryKeyStore, createPureEcdh, type EcdhProvider, type KeyStore } from '@birdtalk/crypto';
import { seededRandom } from '@birdtalk/runtime';
import { createMemoryLogger, FakeClock, flushEventLoop, type MemoryLogger } from '@birdtalk/runtime/testing';
import {
  createSession,
  type Session,
  type SessionDeps,
  type SessionEvents,
  type SessionOptions,
} from '../src/index.js';
import { createScriptedServer, type ScriptedServer, type ScriptedServerOptions } from '../src/testing.js';

/** Lets queued microtasks and I/O run until `predicate` holds; fails after `turns` event-loop turns. */
export async function until(predicate: () => boolean, what = 'the condition', turns = 2_000): Promise<void> {
  for (let i = 0; i < turns; i += 1) {
    if (predicate()) return;
    await flushEventLoop(1);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Everything a session test needs: a fake clock, a scripted server, a key store and a debug logger. */
export interface Harness {
  readonly clock: FakeClock;
  readonly server: ScriptedServer;
  readonly keyStore: KeyStore;
  readonly logger: MemoryLogger;
  /** Creates a session for user 10001 (password "pw") unless the options say otherwise. */
  session(options?: Partial<SessionOptions>, deps?: Partial<SessionDeps>): Session;
  /** Records every payload of `event` on `session`. */
  record<K extends keyof SessionEvents>(session: Session, event: K): Array<SessionEvents[K]>;
}

/** The password of every scripted user. */
export const PASSWORD = 'correct-horse-battery';

export function harness(options: Partial<ScriptedServerOptions> = {}, seed = 1): Harness {
  const clock = new FakeClock(1_750_000_000_000);
  const server = createScriptedServer({
    clock,
    ecdh: createPureEcdh(seededRandom(seed + 100)),
    users: {
      '10001': { password: PASSWORD, email: 'ada@example.com', userName: 'ada' },
      '10002': { password: PASSWORD, email: 'bob@example.com', userName: 'bob' },
    },
    ...options,
  });
  const keyStore = createMemoryKeyStore();
  const logger = createMemoryLogger();
  const ecdh: EcdhProvider = createPureEcdh(seededRandom(seed + 200));
  return {
    clock,
    server,
    keyStore,
    logger,
    session(sessionOptions = {}, deps = {}) {
      return createSession(
        {
          url: server.url,
          credentials: { method: 'id', userId: '10001', password: PASSWORD },
          clientId: 'device-1',
          ...sessionOptions,
        },
        { connector: server.connector, clock, random: seededRandom(seed), keyStore, logger, ecdh, ...deps },
      );
    },
    record(session, event) {
      const seen: Array<SessionEvents[typeof event]> = [];
      session.on(event, (payload) => seen.push(payload));
      return seen;
    },
  };
}

/** The payload cases of the frames a scripted connection received, in order. */
export function payloads(server: ScriptedServer, connection = 0): string[] {
  return (server.connections[connection]?.received ?? []).map((msg) => msg.plainMsg?.message ?? 'none');
}

/** The same, without heartbeats (liveness and fences). */
export function requests(server: ScriptedServer, connection = 0): string[] {
  return payloads(server, connection).filter((payload) => payload !== 'heartBeat');
}
