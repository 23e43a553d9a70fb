import { type BirdTalkError, isBirdTalkError } from '@birdtalk/errors';
import { BOT_CONFIG_INVALID } from './environment.js';

/**
 * The exit codes of a bot run with `runBot` (the `birdtalk` command line uses the same numbers), so that a
 * supervisor (systemd, Kubernetes, a shell script) can tell why a bot ended without reading its log:
 *
 * | code | meaning                                                                              |
 * | ---- | ------------------------------------------------------------------------------------ |
 * | 0    | stopped on purpose: a signal, `bot.stop()`, a logout                                  |
 * | 1    | a fatal error: the bot ended by itself for a reason not listed below                  |
 * | 2    | bad configuration: a missing or malformed setting, an unusable option                 |
 * | 3    | the login was refused: wrong id or password, an unknown, disabled or deleted account  |
 * | 4    | the server cannot be reached: refused, no DNS name, no answer, not a BirdTalk server  |
 * | 5    | the server's TLS certificate was refused: not trusted, or not matching the pin        |
 * | 128+n | a second signal `n` while stopping (130 for SIGINT, 143 for SIGTERM) cut the stop short |
 */
export const BotExitCode = {
  OK: 0,
  FAILURE: 1,
  CONFIG: 2,
  LOGIN_REFUSED: 3,
  UNREACHABLE: 4,
  TLS_REFUSED: 5,
} as const;

/** One of the values of {@link BotExitCode}. */
export type BotExitCode = (typeof BotExitCode)[keyof typeof BotExitCode];

const byCode: Readonly<Record<string, BotExitCode>> = {
  [BOT_CONFIG_INVALID]: BotExitCode.CONFIG,
  TRANSPORT_INVALID_URL: BotExitCode.CONFIG,
  LOGIN_REJECTED: BotExitCode.LOGIN_REFUSED,
  LOGIN_UNKNOWN_EMAIL: BotExitCode.LOGIN_REFUSED,
  LOGIN_CODE_UNAVAILABLE: BotExitCode.LOGIN_REFUSED,
  SERVER_USER_DISABLED: BotExitCode.LOGIN_REFUSED,
  SERVER_USER_DELETED: BotExitCode.LOGIN_REFUSED,
  HANDSHAKE_WRONG_ACCOUNT: BotExitCode.LOGIN_REFUSED,
  TRANSPORT_CONNECT_FAILED: BotExitCode.UNREACHABLE,
  TRANSPORT_TIMEOUT: BotExitCode.UNREACHABLE,
  TRANSPORT_SOCKET_ERROR: BotExitCode.UNREACHABLE,
  SESSION_CONNECT_TIMEOUT: BotExitCode.UNREACHABLE,
  SESSION_CONNECTION_LOST: BotExitCode.UNREACHABLE,
  SESSION_PEER_SILENT: BotExitCode.UNREACHABLE,
  HANDSHAKE_TIMEOUT: BotExitCode.UNREACHABLE,
  HANDSHAKE_REFUSED: BotExitCode.UNREACHABLE,
  HANDSHAKE_UNVERIFIED: BotExitCode.UNREACHABLE,
  HANDSHAKE_KEY_RETRIES: BotExitCode.UNREACHABLE,
  HANDSHAKE_UNEXPECTED: BotExitCode.UNREACHABLE,
  TRANSPORT_TLS_UNTRUSTED: BotExitCode.TLS_REFUSED,
  TRANSPORT_TLS_PIN_MISMATCH: BotExitCode.TLS_REFUSED,
};

/**
 * The exit code for the error that ended a bot: its own code when listed, else the first listed code among its
 * causes (a closed session names the failure that closed it), else `InvalidArgumentError` → 2, else 1.
 */
export function exitCodeFor(error: unknown): BotExitCode {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    if (isBirdTalkError(current)) {
      const code = byCode[(current as BirdTalkError).code];
      if (code !== undefined) return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  if (isBirdTalkError(error) && (error as BirdTalkError).name === 'InvalidArgumentError')
    return BotExitCode.CONFIG;
  return BotExitCode.FAILURE;
}
