import { AbortError, StateError, TimeoutError } from '@birdtalk/errors';
import type { Clock, TimerHandle } from '@birdtalk/runtime';
import type { Connection } from './connection.js';
import { SessionErrorCode } from './errors.js';

/** Where the session is, as far as a request waiting for a connection cares. */
export interface GateProbe {
  /** The connection of a ready session, or `undefined` while there is none. */
  readyConnection(): Connection | undefined;
  /** Whether the session has closed for good. */
  closed(): boolean;
}

interface Waiter {
  resolve(conn: Connection): void;
  reject(error: unknown): void;
}

/**
 * The requests waiting for a ready connection. It owns only its waiters: the supervisor opens it at each
 * `ready` and fails it when the session closes, and asks nothing else of it.
 */
export class ReadyGate {
  readonly #clock: Clock;
  readonly #probe: GateProbe;
  /** Made at the first wait: a ready session's requests pass straight through, so most gates never need it. */
  #waiters: Set<Waiter> | undefined;

  constructor(clock: Clock, probe: GateProbe) {
    this.#clock = clock;
    this.#probe = probe;
  }

  /**
   * The connection once the session is ready (now, or after the reconnect under way). `requireLogin` also
   * waits while the server holds the connection logged out (an e-mail change awaiting its code).
   *
   * @throws StateError `SESSION_CLOSED`; AbortError when `signal` aborts; TimeoutError after `timeoutMs`.
   */
  wait(
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    label: string,
    requireLogin = true,
  ): Promise<Connection> {
    const conn = this.#probe.readyConnection();
    if (conn?.open && (conn.loggedIn || !requireLogin)) return Promise.resolve(conn);
    if (this.#probe.closed()) return Promise.reject(closedError());
    if (signal?.aborted) {
      return Promise.reject(new AbortError(`${label} was aborted`, { cause: signal.reason }));
    }
    return new Promise<Connection>((resolve, reject) => {
      let timer: TimerHandle | undefined;
      const onAbort = (): void =>
        finish(() => reject(new AbortError(`${label} was aborted`, { cause: signal?.reason })));
      const waiter: Waiter = {
        resolve: (ready) => finish(() => resolve(ready)),
        reject: (error) => finish(() => reject(error)),
      };
      const finish = (settle: () => void): void => {
        this.#waiters?.delete(waiter);
        this.#clock.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        settle();
      };
      this.#waiters ??= new Set();
      this.#waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (timeoutMs !== undefined) {
        timer = this.#clock.setTimeout(() => {
          finish(() =>
            reject(
              new TimeoutError(`${label}: no ready connection within ${timeoutMs} ms`, {
                details: { request: label, timeoutMs },
              }),
            ),
          );
        }, timeoutMs);
      }
    });
  }

  /** A connection became ready: every waiter gets it. */
  open(conn: Connection): void {
    for (const waiter of [...(this.#waiters ?? [])]) waiter.resolve(conn);
  }

  /** The session closed: every waiter fails with `error`. */
  fail(error: unknown): void {
    for (const waiter of [...(this.#waiters ?? [])]) waiter.reject(error);
    this.#waiters?.clear();
  }
}

/** The error of anything asked of a closed session. */
export function closedError(): StateError {
  return new StateError(SessionErrorCode.SESSION_CLOSED, 'the session is closed');
}
