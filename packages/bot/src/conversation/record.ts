import type { ChatTarget } from '@birdtalk/client';
import type { Int64 } from '../types.js';

/**
 * One step a conversation took, in order: a message a wait received (as stored by `encodeValue`), a wait that
 * timed out, or the result of an action (a send, `conv.external()`), which replays return instead of running
 * the action again.
 */
export type LogEntry =
  | { readonly t: 'message'; readonly update: string }
  | { readonly t: 'timeout' }
  | { readonly t: 'action'; readonly result: string | undefined };

/** The wait a conversation is stopped at: its place in the log and when it times out (ms since the epoch). */
export interface PendingWait {
  readonly at: number;
  readonly deadline: number | undefined;
}

/**
 * A conversation in progress, as stored: plain JSON, so that any session storage keeps it. `version` lets a
 * later release read what this one wrote.
 */
export interface ConversationRecord {
  readonly version: 1;
  /** The name it was defined under. */
  readonly name: string;
  /** Where it takes place. */
  readonly chat: ChatTarget;
  /** Whose messages it reads (in a group, the member who entered it). */
  readonly user: Int64;
  /** The update that entered it (encoded). */
  readonly entry: string;
  /** What `enter()` was given (encoded). */
  readonly args: string | undefined;
  /** Every step so far. */
  readonly log: LogEntry[];
  /** Ids of the latest messages it took, so that a message redelivered after a crash is not taken twice. */
  readonly seen: Int64[];
  /** The wait it is stopped at; `undefined` while it runs. */
  wait: PendingWait | undefined;
}
