/**
 * The exit codes of `birdtalk`, the same numbers as a bot's (`BotExitCode` of `@birdtalk/bot/node`). Scripts can tell a mistake in the command line from a failure at run time,
 * and both from a missing or refused login and an unreachable or untrusted server.
 */
export const ExitCode = {
  /** Done. */
  OK: 0,
  /** The command ran and failed: the server refused, a file could not be read, too few messages arrived. */
  FAILURE: 1,
  /** The command line is wrong: unknown command or flag, missing or malformed argument. Nothing was sent. */
  USAGE: 2,
  /** Not logged in, wrong password, or the stored key is no longer accepted: run `birdtalk login`. */
  AUTH: 3,
  /** The server could not be reached (refused, no such host, no answer, not a BirdTalk server). */
  CONNECTION: 4,
  /** The server's TLS certificate was refused: not trusted, or not matching `--pin`. */
  TLS: 5,
  /** Interrupted (SIGINT/SIGTERM) before the command finished; `listen` ends normally on an interrupt. */
  INTERRUPTED: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
