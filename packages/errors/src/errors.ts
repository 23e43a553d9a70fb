/** Options every {@link BirdTalkError} accepts. */
export interface BirdTalkErrorOptions {
  /** The error that caused this one, kept for diagnosis. */
  cause?: unknown;
  /**
   * Structured facts about the failure (ids, stages, sizes). Never put secrets here: details may be logged.
   */
  details?: Readonly<Record<string, unknown>>;
}

/**
 * The base of every error the BirdTalk SDK raises.
 *
 * `code` is a stable upper-snake-case string meant for programs (`'DECODE_TOO_LARGE'`); `message` is for
 * people and may change between versions.
 */
export class BirdTalkError extends Error {
  override name = 'BirdTalkError';
  /** A stable machine-readable identifier of the failure. */
  readonly code: string;
  /** Structured facts about the failure; never holds secrets. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, options: BirdTalkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** A frame could not be decoded: too large, truncated, malformed protobuf, invalid UTF-8. */
export class DecodeError extends BirdTalkError {
  override name = 'DecodeError';
}

/** A message could not be encoded, usually because a value would be invalid on the wire. */
export class EncodeError extends BirdTalkError {
  override name = 'EncodeError';
}

/** A key, point, ciphertext or token was invalid, or a cryptographic check failed. */
export class CryptoError extends BirdTalkError {
  override name = 'CryptoError';
}

/** The connection could not be opened, was lost, or refused a frame. */
export class TransportError extends BirdTalkError {
  override name = 'TransportError';
}

/** Options of a {@link ProtocolError}. */
export interface ProtocolErrorOptions extends BirdTalkErrorOptions {
  /** The server's numeric error code (`MsgError.code`), when the server sent one. */
  serverCode?: number;
  /** The server's free-text detail, verbatim. */
  serverDetail?: string;
  /** What the failed request was, for example `'login'` or `'group.join'`. */
  request?: string;
}

/** The server refused a request or answered in a way the protocol does not allow. */
export class ProtocolError extends BirdTalkError {
  override name = 'ProtocolError';
  /** The server's numeric error code (`MsgError.code`), when there was one. */
  readonly serverCode: number | undefined;
  /** The server's free-text detail, verbatim, when there was one. */
  readonly serverDetail: string | undefined;
  /** What the failed request was. */
  readonly request: string | undefined;

  constructor(code: string, message: string, options: ProtocolErrorOptions = {}) {
    super(code, message, options);
    this.serverCode = options.serverCode;
    this.serverDetail = options.serverDetail;
    this.request = options.request;
  }
}

/**
 * The SDK refused to send a request because the real BirdTalk server would crash or wedge on it, or because the
 * server cannot perform it. Nothing was sent.
 */
export class RefusedError extends BirdTalkError {
  override name = 'RefusedError';
}

/** An API caller passed an invalid argument (empty id, invalid UTF-8, oversized text). Nothing was sent. */
export class InvalidArgumentError extends BirdTalkError {
  override name = 'InvalidArgumentError';
}

/** An operation was attempted in a state that does not allow it (closed, not logged in, shutting down). */
export class StateError extends BirdTalkError {
  override name = 'StateError';
}
