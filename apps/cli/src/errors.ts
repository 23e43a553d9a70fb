import { exitCodeFor } from '@birdtalk/bot/node';
import { BirdTalkError, type BirdTalkErrorOptions, isBirdTalkError, walkCauses } from '@birdtalk/errors';
import { ExitCode } from './exit-codes.js';

/** The codes of the errors the command line raises itself. */
export const CliErrorCode = {
  /** The command line is wrong. */
  USAGE: 'CLI_USAGE',
  /** No server URL was given and none is remembered. */
  NO_SERVER: 'CLI_NO_SERVER',
  /** No account is remembered in the home directory, or it has no stored key for the server. */
  NOT_LOGGED_IN: 'CLI_NOT_LOGGED_IN',
  /** The server no longer accepts the stored key. */
  KEY_REJECTED: 'CLI_KEY_REJECTED',
  /** The connection of `listen` ended for good without an error saying why. */
  CONNECTION_CLOSED: 'CLI_CONNECTION_CLOSED',
  /** `listen --count N` ended before N messages arrived. */
  TOO_FEW_MESSAGES: 'CLI_TOO_FEW_MESSAGES',
  /** A local file could not be read or written. */
  FILE: 'CLI_FILE',
  /** The user interrupted the command. */
  INTERRUPTED: 'CLI_INTERRUPTED',
  /** Nothing matched (a user, a group). */
  NOT_FOUND: 'CLI_NOT_FOUND',
} as const;

/** An error of the command line itself, with the exit code it ends the process with. */
export class CliError extends BirdTalkError {
  override name = 'CliError';
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, exitCode: ExitCode, options: BirdTalkErrorOptions = {}) {
    super(code, message, options);
    this.exitCode = exitCode;
  }
}

/** A usage error: the message says what is wrong with the command line; exit code 2. */
export function usageError(message: string): CliError {
  return new CliError(CliErrorCode.USAGE, message, ExitCode.USAGE);
}

/** What the command was doing when it failed, so the sentence can name the server, the peer or the file. */
export interface ErrorContext {
  /** The server URL the command used. */
  readonly server?: string;
  /** Whether the command logged in with the stored key only (no password). */
  readonly keyOnly?: boolean;
  /** The user or group the command addressed. */
  readonly target?: string;
  /** The local file or stored file name the command handled. */
  readonly file?: string;
}

/** An error turned into one line for a person and an exit code. */
export interface DescribedError {
  readonly code: string;
  readonly message: string;
  readonly exitCode: ExitCode;
}

/**
 * Turns any error into one sentence and an exit code. The SDK's typed codes become plain explanations with the
 * next step to take; passwords never appear (the SDK scrubs them from its errors and nothing here adds any).
 * The exit code is a bot's for the same error (`exitCodeFor` of `@birdtalk/bot/node`, which looks through the
 * causes too: a closed session ends with the code of what closed it), except for what only a command line
 * has: malformed arguments (2), a connection the server says is not logged in (3), an interrupt (130).
 */
export function describeError(error: unknown, context: ErrorContext = {}): DescribedError {
  if (error instanceof CliError)
    return { code: error.code, message: error.message, exitCode: error.exitCode };
  if (isParseArgsError(error)) {
    return { code: CliErrorCode.USAGE, message: parseArgsMessage(error), exitCode: ExitCode.USAGE };
  }
  if (isSystemError(error)) {
    const where = error.path === undefined ? '' : `${error.path}: `;
    return {
      code: error.code,
      message: `${where}${systemReasons[error.code] ?? error.code}`,
      exitCode: ExitCode.FAILURE,
    };
  }
  if (!isBirdTalkError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: 'UNEXPECTED', message: `unexpected failure: ${message}`, exitCode: ExitCode.FAILURE };
  }
  const server = context.server === undefined ? 'the server' : context.server;
  const target = context.target ?? 'the peer';
  const file = context.file ?? 'the file';
  const detail = serverDetailOf(error);
  // The bot's code for the error, except its fallback for an InvalidArgumentError (2, a malformed setting): a
  // command's own malformed arguments are named below, and the rest are refusals at run time (1).
  const shared = exitCodeFor(error);
  const byDefault =
    shared === ExitCode.USAGE && error.name === 'InvalidArgumentError' ? ExitCode.FAILURE : shared;
  const described = (message: string, exitCode: ExitCode = byDefault): DescribedError => ({
    code: error.code,
    message,
    exitCode,
  });
  switch (error.code) {
    case 'TRANSPORT_INVALID_URL':
      return described(`${server} is not a WebSocket URL; use ws://host:port/ws or wss://host:port/ws`);
    case 'TRANSPORT_CONNECT_FAILED': {
      const nodeCode = nodeCodeOf(error);
      const why =
        nodeCode === 'ECONNREFUSED'
          ? 'the connection was refused (is the server running on that port?)'
          : nodeCode === 'ENOTFOUND' || nodeCode === 'EAI_AGAIN'
            ? 'the host name does not resolve'
            : nodeCode === undefined
              ? 'the connection failed'
              : `the connection failed (${nodeCode})`;
      return described(`cannot reach ${server}: ${why}`);
    }
    case 'TRANSPORT_TIMEOUT':
    case 'SESSION_CONNECT_TIMEOUT':
      return described(`cannot reach ${server}: no answer in time`);
    case 'TRANSPORT_TLS_UNTRUSTED':
      return described(
        `the TLS certificate of ${server} is not trusted (self-signed or expired); pin it with --pin <sha256> (the server prints it), or pass --insecure for a local experiment`,
      );
    case 'TRANSPORT_TLS_PIN_MISMATCH': {
      const presented = error instanceof BirdTalkError ? error.details.presentedSha256 : undefined;
      return described(
        `the TLS certificate of ${server} does not match --pin${typeof presented === 'string' ? ` (it presented ${presented})` : ''}; check the fingerprint, someone may be in between`,
      );
    }
    case 'SESSION_CONNECTION_LOST':
    case 'SESSION_PEER_SILENT':
    case 'TRANSPORT_SOCKET_ERROR':
      return described(`the connection to ${server} was lost`);
    case 'SESSION_CLOSED': {
      // What closed the session for good (a refused key, a certificate) says more than that it closed.
      const cause = (error as { cause?: unknown }).cause;
      if (isBirdTalkError(cause)) return describeError(cause, context);
      return described(`the connection to ${server} was closed`);
    }
    case 'HANDSHAKE_TIMEOUT':
      return described(`${server} did not complete the handshake in time`);
    case 'HANDSHAKE_REFUSED':
    case 'HANDSHAKE_UNVERIFIED':
    case 'HANDSHAKE_KEY_RETRIES':
    case 'HANDSHAKE_UNEXPECTED':
      return described(`the handshake with ${server} failed: ${error.message}; is it a BirdTalk server?`);
    case 'HANDSHAKE_WRONG_ACCOUNT':
      return described('the stored key belongs to another account; run `birdtalk login` again');
    case 'LOGIN_REJECTED':
      if (context.keyOnly) {
        return described(
          'the server no longer accepts the stored key (it may have restarted); run `birdtalk login` again',
        );
      }
      if (detail !== undefined && /can't find user|not find user|no user/i.test(detail)) {
        return described('no account has this user id');
      }
      return described('wrong user id, e-mail or password');
    case 'LOGIN_UNKNOWN_EMAIL':
      return described('no account has this e-mail address');
    case 'LOGIN_CODE_UNAVAILABLE':
      return described('the server asked for an e-mailed code, which the command line cannot supply');
    case 'SERVER_USER_DISABLED':
      return described('this account is disabled');
    case 'SERVER_USER_DELETED':
      return described('this account was deleted');
    case 'SERVER_NOT_LOGGED_IN':
      return described(
        'the server says this connection is not logged in; run `birdtalk login` again',
        ExitCode.AUTH,
      );
    case 'CHAT_NOT_FRIEND':
      return described(
        `${target} does not follow you, so the server refused the message (they can run \`birdtalk friends add <your id>\`)`,
      );
    case 'NOT_GROUP_MEMBER':
    case 'CHAT_NOT_GROUP_MEMBER':
    case 'HISTORY_NOT_MEMBER':
      return described(
        `you are not a member of group ${target} (join it with \`birdtalk groups join ${target}\`)`,
      );
    case 'CHAT_GROUP_NOT_FOUND':
    case 'GROUP_NOT_FOUND':
      return described(`there is no group ${target} (or it is private)`);
    case 'CHAT_REJECTED':
      return described(`the server refused the message${detail === undefined ? '' : `: ${detail}`}`);
    case 'FILE_NOT_FOUND':
      return described(`the server has no file named ${file}`);
    case 'DOWNLOAD_REFUSED':
      return described(`the server refused the download${detail === undefined ? '' : `: ${detail}`}`);
    case 'INVALID_STORED_NAME':
      return described(
        `${file} is not a stored file name (they look like 20250101_3k9x2m.jpg, as upload prints them)`,
        ExitCode.USAGE,
      );
    case 'INVALID_FILE':
      return described(`cannot upload ${file}: ${error.message}`);
    case 'TEXT_TOO_LONG':
      return described('the text is too long for one message', ExitCode.USAGE);
    case 'INVALID_ID':
      return described(`${target} is not a valid id (ids are positive whole numbers)`, ExitCode.USAGE);
    case 'TIMEOUT':
      return described(`${server} did not answer in time`);
    case 'ABORTED':
      return described('interrupted', ExitCode.INTERRUPTED);
    case 'SERVER_MSG_CONTENT':
    case 'SERVER_ERROR':
    case 'SERVER_INTERNAL':
    case 'SERVER_NOT_PERMITTED':
      if (detail !== undefined && /not in db|can't find user|user not found/i.test(detail)) {
        return described(`there is no user ${target}`);
      }
      return described(`the server refused: ${detail ?? error.message}`);
    default:
      break;
  }
  if (error.name === 'RefusedError') return described(`not sent: ${error.message}`);
  if (error.name === 'InvalidArgumentError') return described(error.message, ExitCode.USAGE);
  // Transport failures the shared mapping does not list are still failures to reach the server.
  if (error.name === 'TransportError') return described(`${error.message}`, ExitCode.CONNECTION);
  return described(error.message);
}

/** The server's own words for a refusal, from the error or one of its causes. */
function serverDetailOf(error: unknown): string | undefined {
  for (const cause of walkCauses(error)) {
    const detail = (cause as { serverDetail?: unknown }).serverDetail;
    if (typeof detail === 'string' && detail !== '') return detail;
  }
  return undefined;
}

function nodeCodeOf(error: unknown): string | undefined {
  for (const cause of walkCauses(error)) {
    const details = (cause as { details?: { nodeCode?: unknown } }).details;
    if (typeof details?.nodeCode === 'string') return details.nodeCode;
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

const systemReasons: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ENOSPC: 'no space left on the device',
  EEXIST: 'already exists',
  EROFS: 'read-only file system',
};

interface SystemError {
  readonly code: string;
  readonly path?: string;
}

function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error) || isBirdTalkError(error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof syscall === 'string';
}

interface ParseArgsError {
  readonly code: string;
  readonly message: string;
}

function isParseArgsError(error: unknown): error is ParseArgsError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function parseArgsMessage(error: ParseArgsError): string {
  // Node's texts are long and suggest `--` tricks; keep their first sentence.
  const first = error.message.split('. ')[0] ?? error.message;
  return first.replace(/^Unknown option/, 'unknown option').replace(/^Option/, 'option');
}

/** The causes of an error, one per line, for `--verbose`. */
export function errorDetails(error: unknown): string[] {
  const lines: string[] = [];
  for (const cause of walkCauses(error)) {
    if (cause instanceof Error) {
      const code = (cause as { code?: unknown }).code;
      const details = (cause as { details?: unknown }).details;
      const extra =
        details !== undefined && typeof details === 'object' && Object.keys(details as object).length > 0
          ? ` ${JSON.stringify(details)}`
          : '';
      lines.push(`  ${cause.name}${typeof code === 'string' ? ` ${code}` : ''}: ${cause.message}${extra}`);
    } else {
      lines.push(`  ${String(cause)}`);
    }
  }
  return lines;
}
