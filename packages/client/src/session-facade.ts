import type { StoredKey } from '@birdtalk/crypto';
import { StateError } from '@birdtalk/errors';
import type { UserInfo } from '@birdtalk/proto';
import type { CloseReason, ListenOptions, Session, SessionEvents, SessionState } from '@birdtalk/session';
import { ClientErrorCode } from './client-errors.js';

/** A {@link Session} that stands in for the client's session before it exists, then forwards to it. */
export interface SessionFacade extends Session {
  /** Hands over the real session: subscriptions made so far are moved to it. Called once. */
  attach(session: Session): void;
}

interface Deferred {
  readonly event: keyof SessionEvents;
  readonly listener: (payload: never) => void;
  readonly options: ListenOptions | undefined;
  off: (() => void) | undefined;
  removed: boolean;
}

/**
 * The client creates its session in `start()`, once the store has told it the device id (`MsgHello.clientId`).
 * The feature modules are built earlier, in `createClient`, and may keep the session or subscribe to its
 * events right away. This stand-in lets them: subscriptions made before `start()` are attached to the real
 * session when it is created, `ready()` waits for it, and requests made before it exists fail with
 * `StateError CLIENT_NOT_STARTED`.
 */
export function createSessionFacade(): SessionFacade {
  let real: Session | undefined;
  const deferred: Deferred[] = [];
  let attached!: (session: Session) => void;
  const whenAttached = new Promise<Session>((resolve) => {
    attached = resolve;
  });

  const notStarted = (): StateError =>
    new StateError(ClientErrorCode.NOT_STARTED, 'the client has not been started');
  const current = (): Session => {
    if (real === undefined) throw notStarted();
    return real;
  };
  // Not an async function: one that returns the session's promise settles turns of the microtask queue later,
  // and a send goes through here for every chat.
  const request =
    <A extends unknown[], R>(call: (session: Session, ...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      try {
        return call(current(), ...args);
      } catch (error) {
        return Promise.reject(error);
      }
    };

  const facade: SessionFacade = {
    attach(session) {
      if (real !== undefined)
        throw new StateError('SESSION_ALREADY_ATTACHED', 'the session is already attached');
      real = session;
      for (const entry of deferred.splice(0)) {
        if (!entry.removed) {
          entry.off = session.on(entry.event, entry.listener as never, entry.options ?? {});
        }
      }
      attached(session);
    },
    get state(): SessionState {
      return real?.state ?? 'idle';
    },
    get user(): UserInfo | undefined {
      return real?.user;
    },
    get closeReason(): CloseReason | undefined {
      return real?.closeReason;
    },
    get currentKey(): StoredKey | undefined {
      return real?.currentKey;
    },
    get outboxSize(): number {
      return real?.outboxSize ?? 0;
    },
    start: request((session) => session.start()),
    async ready(options) {
      const session = real ?? (await whenAttached);
      return session.ready(options);
    },
    async close() {
      await real?.close();
    },
    [Symbol.asyncDispose]() {
      return facade.close();
    },
    on(event, listener, options) {
      if (real !== undefined) return real.on(event, listener, options);
      if (options?.signal?.aborted) return () => {};
      const entry: Deferred = { event, listener: listener as never, options, off: undefined, removed: false };
      deferred.push(entry);
      const off = (): void => {
        entry.removed = true;
        entry.off?.();
        options?.signal?.removeEventListener('abort', off);
      };
      options?.signal?.addEventListener('abort', off, { once: true });
      return off;
    },
    stream(event, options) {
      if (real !== undefined) return real.stream(event, options);
      const inner = (async function* () {
        const session = await whenAttached;
        yield* session.stream(event, options);
      })();
      return inner as AsyncIterableIterator<SessionEvents[typeof event]>;
    },
    sendChat: request(
      (session, chat: Parameters<Session['sendChat']>[0], options?: Parameters<Session['sendChat']>[1]) =>
        session.sendChat(chat, options),
    ),
    abortChat: (sendId, reason) => current().abortChat(sendId, reason),
    sendReceipt: request(
      (
        session,
        receipt: Parameters<Session['sendReceipt']>[0],
        options?: Parameters<Session['sendReceipt']>[1],
      ) => session.sendReceipt(receipt, options),
    ),
    userOp: request(
      (session, op: Parameters<Session['userOp']>[0], options?: Parameters<Session['userOp']>[1]) =>
        session.userOp(op, options),
    ),
    friendOp: request(
      (session, op: Parameters<Session['friendOp']>[0], options?: Parameters<Session['friendOp']>[1]) =>
        session.friendOp(op, options),
    ),
    groupOp: request(
      (session, op: Parameters<Session['groupOp']>[0], options?: Parameters<Session['groupOp']>[1]) =>
        session.groupOp(op, options),
    ),
    query: request(
      (session, query: Parameters<Session['query']>[0], options?: Parameters<Session['query']>[1]) =>
        session.query(query, options),
    ),
    upload: request(
      (session, chunk: Parameters<Session['upload']>[0], options?: Parameters<Session['upload']>[1]) =>
        session.upload(chunk, options),
    ),
    logout: request((session, options?: Parameters<Session['logout']>[0]) => session.logout(options)),
    unregister: request((session, options?: Parameters<Session['unregister']>[0]) =>
      session.unregister(options),
    ),
  };
  return facade;
}
