import { hasErrorName } from '@birdtalk/errors';
import type { Int64 } from '@birdtalk/proto';
import type { Clock, EventHub } from '@birdtalk/runtime';
import { type Connection, wasNotSent } from '../connection.js';
import type { RequestSpec } from '../correlator.js';
import { type BuiltFrame, buildFrame, type FrameSpec } from '../frames.js';
import type { ResolvedSessionOptions } from '../options.js';
import type { SecretScrubber } from '../secrets.js';
import type { SendIdSource } from '../send-ids.js';
import type { SessionEvents } from '../types.js';

/** Options of a single request. */
export interface RequestOptions {
  /** Cancels the request (it may already have been sent). */
  readonly signal?: AbortSignal;
  /** Overrides `requestTimeoutMs`, counted from the call (waiting for a ready connection included). */
  readonly timeoutMs?: number;
}

/** What every request function needs of the session: a narrow view, so each can be tested on its own. */
export interface RequestCore {
  readonly options: ResolvedSessionOptions;
  readonly clock: Clock;
  readonly sendIds: SendIdSource;
  readonly scrubber: SecretScrubber;
  readonly hub: EventHub<SessionEvents>;
  /** The logged-in user's id, if one is known (the last one while reconnecting). */
  selfId(): Int64 | undefined;
  /** The connection once the session is ready; see `ReadyGate.wait`. */
  whenReady(
    signal: AbortSignal | undefined,
    timeoutMs: number | undefined,
    label: string,
    requireLogin: boolean,
  ): Promise<Connection>;
}

/** How a request goes out on its connection (see `Connection.request` and `Connection.requestSharingFence`). */
export type FenceUse = 'own' | 'shared';

/**
 * Waits for a ready connection, then sends `frame` as a correlated request on it: alone behind a fence of its own
 * (`fence` `'own'`, the default), or among the other requests of its turn under one shared fence.
 */
export async function request<T>(
  core: RequestCore,
  frame: FrameSpec,
  spec: Omit<RequestSpec<T>, 'timeoutMs' | 'signal'>,
  options: RequestOptions,
  requireLogin = true,
  fence: FenceUse = 'own',
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? core.options.requestTimeoutMs;
  const startedAt = core.clock.now();
  // The frame the check builds is the one that goes out, when the connection ready now is logged in as the user
  // it was built for: building a frame twice (a receipt of 100 ids, a history query) was a tenth of a catch-up's
  // request costs. A request that has to wait for a later connection is built again there.
  const builtFor = core.selfId();
  let built = precheck(core, frame);
  let unsent: unknown;
  for (;;) {
    const waited = core.clock.now() - startedAt;
    let conn: Connection;
    try {
      conn = await core.whenReady(options.signal, Math.max(1, timeoutMs - waited), spec.label, requireLogin);
    } catch (error) {
      // Out of time waiting for the next connection: the loss of the last one is what went wrong, and callers
      // already know to retry after a lost connection.
      if (unsent !== undefined && hasErrorName(error, 'TimeoutError')) throw unsent;
      throw error;
    }
    const remaining = Math.max(1, timeoutMs - (core.clock.now() - startedAt));
    const prebuilt = built !== undefined && conn.selfId === builtFor ? built : undefined;
    built = undefined;
    try {
      const admitted = { ...spec, timeoutMs: remaining, signal: options.signal };
      return await (fence === 'own'
        ? conn.request(frame, admitted, prebuilt)
        : conn.requestSharingFence(frame, admitted, prebuilt));
    } catch (error) {
      // A request still waiting for room in flight when its connection ended never reached the server: it
      // goes out on the next connection. One that was sent is not repeated (the server might act twice).
      if (!wasNotSent(error)) throw error;
      unsent = error;
    }
  }
}

/**
 * Runs the frame rules at once, so a bad request fails before waiting for a connection. Returns the frame it
 * built, or `undefined` while no user is known (the rules depend on who is logged in).
 *
 * @throws RefusedError, InvalidArgumentError, EncodeError from the frame builder.
 */
export function precheck(core: RequestCore, frame: FrameSpec): BuiltFrame | undefined {
  const selfId = core.selfId();
  if (selfId === undefined) return undefined;
  return buildFrame(frame, {
    tm: core.clock.now(),
    loggedIn: true,
    stage2Received: false,
    allowServerCrashingRequests: core.options.allowServerCrashingRequests,
    selfId,
  });
}
