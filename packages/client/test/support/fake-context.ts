import { ProtocolError, StateError } from '@birdtalk/errors';
import type { Int64 } from '@birdtalk/proto';
import { type Clock, silentLogger, systemRandom } from '@birdtalk/runtime';
import { FakeClock } from '@birdtalk/runtime/testing';
import type { Session } from '@birdtalk/session';
import type { ChatTarget } from '../../src/chat-target.js';
import type { OutgoingContent } from '../../src/content.js';
import type { ClientContext, GroupMembership, HttpGet, SendOptions } from '../../src/context.js';

/** A request the fake session received. */
export interface Call {
  readonly method: 'userOp' | 'friendOp' | 'groupOp' | 'upload' | 'query';
  readonly request: Record<string, unknown>;
  readonly options: Record<string, unknown> | undefined;
}

/** A request as a handler sees it: fields are read freely. */
// biome-ignore lint/suspicious/noExplicitAny: test handlers read whatever fields a request carries.
export type Req = Record<string, any>;

type Handler = (request: Req, options: Req | undefined) => unknown;

/** A session that records requests and answers them with the given handlers (unhandled ones reject). */
export function fakeSession(handlers: Partial<Record<Call['method'], Handler>> = {}) {
  const calls: Call[] = [];
  const readyListeners: Array<(event: unknown) => void> = [];
  const method =
    (name: Call['method']) =>
    async (request: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown> => {
      calls.push({ method: name, request, options });
      const handler = handlers[name];
      if (handler === undefined) throw new StateError('TEST_UNHANDLED', `no handler for ${name}`);
      return handler(request, options);
    };
  const session = {
    user: { userId: '10001', userName: 'me', nickName: 'Me', params: {} },
    currentKey: undefined,
    userOp: method('userOp'),
    friendOp: method('friendOp'),
    groupOp: method('groupOp'),
    upload: method('upload'),
    query: method('query'),
    on(event: string, listener: (payload: unknown) => void) {
      if (event === 'ready') readyListeners.push(listener);
      return () => {};
    },
  };
  return {
    session: session as unknown as Session,
    calls,
    /** Simulates a new connection becoming ready. */
    reconnect(connection = 2) {
      for (const listener of readyListeners) listener({ connection });
    },
  };
}

/** A membership set. */
export function membership(initial: Int64[] = []): GroupMembership & { readonly ids: Set<Int64> } {
  const ids = new Set<Int64>(initial);
  return {
    ids,
    has: (id) => ids.has(id),
    add: (id) => void ids.add(id),
    remove: (id) => void ids.delete(id),
    all: () => [...ids],
  };
}

/** A send recorded by {@link fakeContext}. */
export type SentContent = [ChatTarget, OutgoingContent, (SendOptions | undefined)?];

/** A context around a fake session. */
export function fakeContext(
  session: Session,
  overrides: Partial<ClientContext> & { readonly sent?: SentContent[] } = {},
): ClientContext {
  const clock: Clock = overrides.clock ?? new FakeClock(1_750_000_000_000);
  const sent = overrides.sent ?? [];
  const httpGet: HttpGet =
    overrides.httpGet ??
    (async () => {
      throw new StateError('TEST_UNHANDLED', 'no httpGet');
    });
  return {
    session,
    selfId: () => '10001',
    currentKey: () => undefined,
    logger: silentLogger,
    clock,
    random: systemRandom,
    policy: { allowServerCrashingRequests: false },
    httpBaseUrl: 'http://files.test:7817',
    httpGet,
    groups: membership(),
    async sendContent(target, content, options) {
      sent.push([target, content, options]);
      return { id: '900', sendId: '901', chat: target, time: clock.now() };
    },
    ...overrides,
  };
}

/** A server error as the session reports it. */
export function serverError(code: string, detail: string): ProtocolError {
  return new ProtocolError(code, detail, { serverDetail: detail });
}
