import { type BirdTalkError, isBirdTalkError, walkCauses } from '@birdtalk/errors';

/**
 * The names a program gives its settings (environment variables, flags), so that a startup failure can say which
 * one to change. A message names only the settings given here: a bot that reads its password from `BOT_PASSWORD`
 * must not be told to fix `BIRDTALK_BOT_PASSWORD`.
 */
export interface StartupSettingNames {
  /** Where the user id comes from, e.g. `BIRDTALK_BOT_ID`. */
  readonly userId?: string;
  /** Where the password comes from, e.g. `BIRDTALK_BOT_PASSWORD`. */
  readonly password?: string;
  /** Where the certificate pin comes from, e.g. `BIRDTALK_PIN`. */
  readonly pin?: string;
  /** Where the server URL comes from, e.g. `BIRDTALK_SERVER`. */
  readonly server?: string;
}

/**
 * One line for a person: why a bot could not start or had to stop, naming the setting to change where one is
 * at fault (only settings named in `names`). `server` is the URL it was given; without it the URL a connection
 * error names, else "the server".
 */
export function describeStartupError(
  error: unknown,
  server: string | undefined,
  names: StartupSettingNames = {},
): string {
  const where = server === undefined || server === '' ? (urlOf(error) ?? 'the server') : server;
  if (!isBirdTalkError(error)) return error instanceof Error ? error.message : String(error);
  const typed = error as BirdTalkError;
  const named = (what: string, name: string | undefined): string =>
    name === undefined ? what : `${what} (${name})`;
  switch (typed.code) {
    case 'LOGIN_REJECTED': {
      const detail = serverDetail(error);
      if (detail !== undefined && /find user|no user/i.test(detail)) {
        return `the server refused the login: ${named('no account has this user id', names.userId)}`;
      }
      return `the server refused the login: wrong ${named('user id', names.userId)} or ${named('password', names.password)}`;
    }
    case 'LOGIN_UNKNOWN_EMAIL':
      return 'the server refused the login: no account has this e-mail address';
    case 'SERVER_USER_DISABLED':
      return 'the server refused the login: the account is disabled';
    case 'SERVER_USER_DELETED':
      return 'the server refused the login: the account was deleted';
    case 'TRANSPORT_TLS_UNTRUSTED':
    case 'TRANSPORT_TLS_PIN_MISMATCH':
    case 'TRANSPORT_CONNECT_FAILED':
    case 'TRANSPORT_TIMEOUT':
    case 'SESSION_CONNECT_TIMEOUT':
    case 'TRANSPORT_INVALID_URL':
      return `cannot reach ${where}: ${connectionProblem(error, names)}`;
    case 'INVALID_URL':
      return `${named('the server URL', names.server)} is not a URL (ws://host:port/path or wss://host:port/path)`;
    case 'INVALID_ARGUMENT':
      if (typed.details.option === 'tls.pinSha256') {
        return `${named('the certificate pin', names.pin)} is not a SHA-256 fingerprint: 64 hex digits, with or without colons`;
      }
      return typed.message;
    case 'HANDSHAKE_TIMEOUT':
    case 'HANDSHAKE_REFUSED':
    case 'HANDSHAKE_UNVERIFIED':
    case 'HANDSHAKE_UNEXPECTED':
      return `the handshake with ${where} failed (is it a BirdTalk server?): ${typed.message}`;
    default:
      return typed.message;
  }
}

/**
 * Why a connection attempt failed, in a few words: "connection refused", "the host name does not resolve",
 * "HTTP 404 on the WebSocket path", "no answer in time", a TLS problem. `undefined` for errors that are not
 * about reaching the server.
 */
export function connectionProblem(error: unknown, names: StartupSettingNames = {}): string {
  const typed = isBirdTalkError(error) ? (error as BirdTalkError) : undefined;
  const details = typed?.details ?? {};
  switch (typed?.code) {
    case 'TRANSPORT_TLS_UNTRUSTED':
      return `its TLS certificate is not trusted (self-signed or expired); pin its SHA-256 fingerprint${names.pin === undefined ? '' : ` with ${names.pin}`}`;
    case 'TRANSPORT_TLS_PIN_MISMATCH':
      return `its TLS certificate does not match the pin${names.pin === undefined ? '' : ` in ${names.pin}`}`;
    case 'TRANSPORT_TIMEOUT':
    case 'SESSION_CONNECT_TIMEOUT':
      return 'no answer in time';
    case 'TRANSPORT_INVALID_URL':
      return 'not a WebSocket URL (ws://host:port/path or wss://host:port/path)';
    case 'TRANSPORT_CONNECT_FAILED': {
      if (typeof details.status === 'number') {
        return details.status === 404
          ? 'HTTP 404 on the WebSocket path (is the path right?)'
          : `HTTP ${details.status} instead of a WebSocket`;
      }
      const code = nodeCode(error);
      if (code === 'ECONNREFUSED') return 'connection refused';
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
      if (code === 'ETIMEDOUT') return 'no answer in time';
      if (code === 'ECONNRESET') return 'the connection was reset';
      return code === undefined ? 'the connection failed' : `the connection failed (${code})`;
    }
    default:
      return typed?.message ?? (error instanceof Error ? error.message : String(error));
  }
}

/** The URL a transport error names (its `details.url`, without credentials), if any. */
function urlOf(error: unknown): string | undefined {
  for (const cause of walkCauses(error)) {
    const url = (cause as { details?: { url?: unknown } }).details?.url;
    if (typeof url === 'string' && url !== '') return url;
  }
  return undefined;
}

function nodeCode(error: unknown): string | undefined {
  for (const cause of walkCauses(error)) {
    const fromDetails = (cause as { details?: { nodeCode?: unknown } }).details?.nodeCode;
    if (typeof fromDetails === 'string') return fromDetails;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return undefined;
}

function serverDetail(error: unknown): string | undefined {
  for (const cause of walkCauses(error)) {
    const detail = (cause as { serverDetail?: unknown }).serverDetail;
    if (typeof detail === 'string' && detail !== '') return detail;
  }
  return undefined;
}
