import type { Hash } from 'node:crypto';
import type { FileHandle } from './state/files.js';
import type { UserRecord } from './state/users.js';

/**
 * The real server's session status bits. `SetStatus` assigns rather than ORs, so entering one state leaves
 * every other; "logged in" means the `Ok` bit.
 */
export const SessionStatus = {
  None: 0,
  Exchange: 2,
  WaitLogin: 4,
  Register: 8,
  Login: 16,
  Ok: 32,
  Validate: 64,
  ChangeInfo: 128,
} as const;

/** The key-exchange state of a connection (the real server's `KeyExchange`), or a token loaded by Hello. */
export interface KeyExchangeState {
  /** The encType string as the client sent it. */
  encType: string;
  /** The raw shared secret; absent when stage 1 failed after the exchange object was created. */
  sharedKey: Uint8Array | undefined;
  /** The symmetric key (the secret, or its MD5 for twofish128). */
  keyHash: Uint8Array | undefined;
  /** The signed little-endian int64 of the first 8 bytes of `keyHash`; 0 until computed. */
  keyPrint: bigint;
}

/** An upload in progress on a connection, keyed by the client's file name. */
export interface PendingUpload {
  fileName: string;
  uniqName: string;
  hashCode: string;
  gid: bigint;
  fileSize: bigint;
  handle: FileHandle;
  md5: Hash;
}

/** How a session reaches its client. */
export interface SessionLink {
  /** Queues one binary frame; `ack` marks a chat acknowledgement, which a fault may swallow. */
  sendFrame(frame: Uint8Array, kind: 'reply' | 'ack'): void;
  /** Queues one text frame. */
  sendText(text: string): void;
  /** Flushes what is queued, sends `text` as a final text frame when given, then drops the connection. */
  stop(text: string | undefined): void;
  /** Drops the connection at once, discarding anything queued. */
  abort(): void;
}

/** The server-side state of one connection. */
export class Session {
  /** The connection id (a snowflake, never sent to the client). */
  readonly sid: bigint;
  /** The user the connection acts as; 0 before any login or registration. */
  userId = 0n;
  /** {@link SessionStatus} bits. */
  status: number = SessionStatus.None;
  /** The protocol version of the last Hello. */
  version = 0;
  deviceId = '';
  platform: string;
  /** The current key exchange or loaded token. */
  keyEx: KeyExchangeState | undefined;
  /** Session parameters: verification `code`, `changeEmail`, `changePhone`, Hello fields. */
  readonly params = new Map<string, string>();
  /** A user waiting for a verification code (registration) or the target of a code login. */
  tempUser: UserRecord | undefined;
  /** Uploads in progress. */
  readonly uploads = new Map<string, PendingUpload>();
  /** Set once the connection is going away; later requests are ignored. */
  stopping = false;
  readonly #link: SessionLink;

  constructor(sid: bigint, link: SessionLink, platform = 'Unknown') {
    this.sid = sid;
    this.#link = link;
    this.platform = platform;
  }

  hasStatus(mask: number): boolean {
    return (this.status & mask) !== 0;
  }

  setStatus(mask: number): void {
    this.status = mask;
  }

  unsetStatus(mask: number): void {
    this.status &= ~mask;
  }

  /** Sends one encoded frame. */
  sendFrame(frame: Uint8Array, kind: 'reply' | 'ack' = 'reply'): void {
    if (!this.stopping) this.#link.sendFrame(frame, kind);
  }

  /** Sends one text frame. */
  sendText(text: string): void {
    if (!this.stopping) this.#link.sendText(text);
  }

  /** Drops the connection at once (server shutdown). */
  abort(): void {
    this.stopping = true;
    this.#link.abort();
  }

  /** The real server's `StopSession(text)`: the final text frame, then the connection closes without a close frame. */
  stop(text: string | undefined): void {
    if (this.stopping) return;
    this.stopping = true;
    this.#link.stop(text);
  }
}
