import type { StoredKey } from '@birdtalk/crypto';
import type { GroupOpResult, Int64, Int64Input } from '@birdtalk/proto';
import type { Clock, Logger, Random } from '@birdtalk/runtime';
import type { Session } from '@birdtalk/session';
import type { ChatTarget } from './chat-target.js';
import type { OutgoingContent } from './content.js';

/**
 * How the client treats requests the real BirdTalk server cannot survive or cannot perform (friend approval,
 * group invite answers, joining an `auth` group, …). By default they are refused with a `RefusedError` that
 * says why, before anything is sent.
 */
export interface ClientPolicy {
  /**
   * Send such requests anyway. Only for servers known to have fixed these defects; the stock server process
   * exits on them.
   * @defaultValue false
   */
  readonly allowServerCrashingRequests: boolean;
}

/** Options of a send. */
export interface SendOptions {
  /** Quotes (replies to) this message id (`refMessageId`). */
  readonly quote?: Int64Input;
  /** Gives up waiting for the acknowledgement; the message may still be delivered. */
  readonly signal?: AbortSignal;
}

/** A message the server acknowledged. */
export interface SentMessage {
  /** The id the server gave it. */
  readonly id: Int64;
  /** Our client id of it (`sendId`). */
  readonly sendId: Int64;
  readonly chat: ChatTarget;
  /** The server's time of storing it, in milliseconds since the Unix epoch. */
  readonly time: number;
}

/** A minimal HTTP GET, so downloads work with `fetch` in browsers and with pinned TLS on Node. */
export type HttpGet = (
  url: string,
  options: { readonly signal?: AbortSignal },
) => Promise<{ readonly status: number; readonly body: AsyncIterable<Uint8Array>; text(): Promise<string> }>;

/**
 * The groups the logged-in user belongs to, as far as the client knows (filled from the group list at every
 * login and kept current by group events and operations). Sends to a group not in it are refused before
 * anything goes out.
 */
export interface GroupMembership {
  has(groupId: Int64): boolean;
  add(groupId: Int64): void;
  remove(groupId: Int64): void;
  all(): readonly Int64[];
}

/**
 * What the client's feature modules (users, friends, groups, files, media) share. The client builds one and
 * hands it to each; the modules never reach around it to the socket.
 */
export interface ClientContext {
  /**
   * The protocol session: every request travels through it. It is the same object for the client's whole life:
   * until `start()` creates the real session it stands in for it (subscriptions are kept and moved over,
   * requests fail with `StateError CLIENT_NOT_STARTED`), so modules may keep it and subscribe at construction.
   */
  readonly session: Session;
  /**
   * The logged-in user's id.
   * @throws StateError `NOT_LOGGED_IN` before the first login.
   */
  selfId(): Int64;
  /** The key of the current key exchange (for signed download URLs), if there was one. */
  currentKey(): StoredKey | undefined;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly random: Random;
  readonly policy: ClientPolicy;
  /** The server's HTTP(S) origin, derived from its WebSocket URL, e.g. `https://chat.example.com:7817`. */
  readonly httpBaseUrl: string;
  /** HTTP GET with the same TLS settings as the WebSocket connection. */
  readonly httpGet: HttpGet;
  /** The groups the user belongs to. */
  readonly groups: GroupMembership;
  /** The largest file uploads accept, in bytes; `DEFAULT_MAX_UPLOAD_BYTES` when absent. */
  readonly maxUploadBytes?: number;
  /**
   * Checks a chat target as a send would (ids, group membership) without sending anything; the media sends
   * call it before uploading. Absent: only the send checks.
   */
  checkTarget?(target: ChatTarget): Promise<void>;
  /**
   * Applies the answer to our own group create or join as the broadcast it stands for (the server sends it
   * once, as the reply): membership, the group stream's starting point (resolved once set), a `group` event.
   * Absent: only `groups.add()`.
   */
  ownGroupResult?(result: GroupOpResult): Promise<void>;
  /** Sends content to a chat through the outbox and resolves once the server acknowledged it. */
  sendContent(target: ChatTarget, content: OutgoingContent, options?: SendOptions): Promise<SentMessage>;
}
