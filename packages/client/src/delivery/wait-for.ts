import { AbortError, InvalidArgumentError, type StateError, TimeoutError } from '@birdtalk/errors';
import type { Int64Input } from '@birdtalk/proto';
import type { Clock } from '@birdtalk/runtime';
import type { ChatTarget } from '../chat-target.js';
import type { MessageKind } from '../content.js';
import type { ChatMessage } from '../message.js';
import type { Inbox } from './inbox.js';

/** Which message `client.waitFor()` waits for: a test, or fields that must all match. */
export type WaitForFilter = ((message: ChatMessage) => boolean) | MessageMatch;

/** Fields a message must match; absent ones match anything. */
export interface MessageMatch {
  /** Only this conversation. */
  readonly chat?: ChatTarget;
  /** Only from this user. */
  readonly from?: Int64Input;
  /** Only these kinds. */
  readonly kind?: MessageKind | readonly MessageKind[];
}

/** Options of `client.waitFor()`. */
export interface WaitForOptions {
  /** Gives up after this long (rejecting with a `TimeoutError`); no limit when absent. */
  readonly timeoutMs?: number;
  /** Gives up when it aborts (rejecting with `AbortError`). */
  readonly signal?: AbortSignal;
}

/** What {@link waitForMessage} needs from the client. */
export interface WaitForDeps {
  readonly inbox: Inbox;
  readonly clock: Clock;
  /** The error for a client that stopped (or stops) while waiting. */
  stopped(): StateError;
}

/**
 * The message test of a filter.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for a filter that is neither a function nor an object, or a
 * `from` that is not an id.
 */
export function messageTest(filter: WaitForFilter): (message: ChatMessage) => boolean {
  if (typeof filter === 'function') return (message) => filter(message) === true;
  if (typeof filter !== 'object' || filter === null) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'waitFor() needs a function or { chat, from, kind }');
  }
  const kinds =
    filter.kind === undefined
      ? undefined
      : new Set(typeof filter.kind === 'string' ? [filter.kind] : filter.kind);
  let from: string | undefined;
  if (filter.from !== undefined) {
    try {
      from = BigInt(filter.from).toString();
    } catch (cause) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'waitFor(): from must be a user id', { cause });
    }
  }
  const chat = filter.chat;
  return (message) =>
    (kinds === undefined || kinds.has(message.kind)) &&
    (from === undefined || message.from === from) &&
    (chat === undefined || sameChat(chat, message.chat));
}

/**
 * Waits for the next incoming message that `filter` accepts, outside the per-chat queues (see
 * `Inbox.addWaiter`), so a listener may await the next message of its own chat.
 */
export function waitForMessage(
  deps: WaitForDeps,
  filter: WaitForFilter,
  options: WaitForOptions = {},
): Promise<ChatMessage> {
  let test: (message: ChatMessage) => boolean;
  try {
    test = messageTest(filter);
  } catch (error) {
    return Promise.reject(error);
  }
  const { timeoutMs, signal } = options;
  if (
    timeoutMs !== undefined &&
    !(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs >= 0)
  ) {
    return Promise.reject(
      new InvalidArgumentError('INVALID_ARGUMENT', 'waitFor(): timeoutMs must be a finite number ≥ 0'),
    );
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise<ChatMessage>((resolve, reject) => {
    let settled = false;
    let withdraw: () => void = () => {};
    const end = (): boolean => {
      if (settled) return false;
      settled = true;
      withdraw();
      deps.clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const onAbort = (): void => {
      if (end()) reject(abortError(signal));
    };
    const timer =
      timeoutMs === undefined
        ? undefined
        : deps.clock.setTimeout(() => {
            if (end()) {
              reject(
                new TimeoutError(`no matching message came within ${timeoutMs} ms`, {
                  details: { timeoutMs },
                }),
              );
            }
          }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    withdraw = deps.inbox.addWaiter({
      accepts: (message) => !settled && test(message),
      take: (message) => {
        if (!end()) return false;
        resolve(message);
        return true;
      },
      closed: () => {
        if (end()) reject(deps.stopped());
      },
    });
    // The waiter may have been served (or closed) during registration, before `withdraw` was known.
    if (settled) withdraw();
  });
}

function abortError(signal: AbortSignal | undefined): AbortError {
  return new AbortError('the wait was aborted', { cause: signal?.reason });
}

/** Whether two chat targets name the same conversation. */
export function sameChat(a: ChatTarget, b: ChatTarget): boolean {
  return a.type === 'p2p'
    ? b.type === 'p2p' && b.userId === a.userId
    : b.type === 'group' && b.groupId === a.groupId;
}
