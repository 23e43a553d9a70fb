import { StateError } from '@birdtalk/errors';
import { ChatType, type Int64 } from '@birdtalk/proto';
import { silentLogger, systemClock, systemRandom } from '@birdtalk/runtime';
import { flushEventLoop } from '@birdtalk/runtime/testing';
import { type BirdTalkServer, createServer, type ServerOptions } from '@birdtalk/server';
import { createSession, type Session, type SessionEvents } from '@birdtalk/session';
import { createNodeHttpGet } from '@birdtalk/transport/node';
import { expect } from 'vitest';
import { targetId } from '../../src/chat-target.js';
import type { ClientContext, ClientPolicy } from '../../src/context.js';
import { membership } from '../support/fake-context.js';

/** The password of every test user. */
export const PASSWORD = 'feature-password';

/** One reference server (strict, listening for HTTP) and the sessions made against it. */
export interface Harness {
  readonly server: BirdTalkServer;
  /** Creates a user with {@link PASSWORD}. */
  user(userName: string, extra?: { email?: string; phone?: string }): Promise<Int64>;
  /** Logs a user in and builds the context the feature modules get. */
  /**
   * `policy` is what the feature modules see; `sessionAllowsServerCrashingRequests` is the session's own
   * frame-rule switch (off by default, so a test of a client-level policy still meets the frame rules).
   */
  connect(
    userId: Int64,
    options?: { policy?: ClientPolicy; password?: string; sessionAllowsServerCrashingRequests?: boolean },
  ): Promise<Connected>;
  /** Closes every session, then checks that nothing was sent that would crash the real server. */
  finish(): Promise<void>;
}

/** A logged-in session and its context. */
export interface Connected {
  readonly session: Session;
  readonly ctx: ClientContext;
  /** Every payload of an event from now on. */
  record<K extends keyof SessionEvents>(event: K): Array<SessionEvents[K]>;
}

/** Starts a strict reference server. */
export async function harness(options: ServerOptions = {}): Promise<Harness> {
  const server = await createServer({ strict: true, port: 0, ...options });
  const sessions: Session[] = [];
  const httpGet = createNodeHttpGet();
  return {
    server,
    user: (userName, extra = {}) => server.createUser({ userName, password: PASSWORD, ...extra }),
    async connect(userId, options = {}) {
      const session = createSession(
        {
          url: server.url,
          credentials: { method: 'id', userId, password: options.password ?? PASSWORD },
          clientId: `features-${userId}`,
          reconnectBaseMs: 5,
          reconnectCapMs: 20,
          allowServerCrashingRequests: options.sessionAllowsServerCrashingRequests ?? false,
        },
        { connector: server.connector() },
      );
      sessions.push(session);
      await session.start();
      const ctx: ClientContext = {
        session,
        selfId() {
          const user = session.user;
          if (user === undefined) throw new StateError('NOT_LOGGED_IN', 'not logged in');
          return user.userId;
        },
        currentKey: () => session.currentKey,
        logger: silentLogger,
        clock: systemClock,
        random: systemRandom,
        policy: options.policy ?? { allowServerCrashingRequests: false },
        httpBaseUrl: server.httpUrl,
        httpGet,
        groups: membership(),
        async sendContent(target, content, sendOptions = {}) {
          const ack = await session.sendChat(
            {
              toId: targetId(target),
              chatType: target.type === 'p2p' ? ChatType.ChatTypeP2P : ChatType.ChatTypeGroup,
              msgType: content.type,
              data: content.data,
              ...(sendOptions.quote === undefined ? {} : { refMessageId: sendOptions.quote }),
            },
            sendOptions.signal === undefined ? {} : { signal: sendOptions.signal },
          );
          return { id: ack.msgId, sendId: ack.sendId, chat: target, time: Number(ack.serverTime) };
        },
      };
      return {
        session,
        ctx,
        record(event) {
          const seen: never[] = [];
          session.on(event, (payload) => seen.push(payload as never));
          return seen;
        },
      };
    },
    async finish() {
      await Promise.all(sessions.splice(0).map((session) => session.close()));
      const hazards = server.hazards();
      await server.close();
      expect(hazards).toEqual([]);
    },
  };
}

/** Lets I/O run until `predicate` holds. */
export async function until(predicate: () => boolean, what = 'the condition', turns = 4_000): Promise<void> {
  for (let i = 0; i < turns; i += 1) {
    if (predicate()) return;
    await flushEventLoop(1);
  }
  throw new Error(`timed out waiting for ${what}`);
}
