import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isBirdTalkError } from '@birdtalk/errors';

/**
 * Where a reference server started from the command line keeps its state when no file is named: one JSON
 * snapshot per port under `$XDG_STATE_HOME/birdtalk` (by default `~/.local/state/birdtalk`), e.g.
 * `server-7817.json`. A server on port 0 gets no file: its URL changes on every start, so nothing that
 * remembered it (a CLI home, a bot's stored account) could find it again.
 *
 * @param port - the port the server was asked to listen on.
 * @param env - the environment, for `XDG_STATE_HOME`.
 * @param home - the user's home directory.
 * @returns the file, or `undefined` for port 0.
 */
export function defaultStateFile(
  port: number,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string | undefined {
  if (port === 0) return undefined;
  const xdg = env.XDG_STATE_HOME;
  const base = xdg !== undefined && xdg !== '' ? xdg : join(home, '.local', 'state');
  return join(base, 'birdtalk', `server-${port}.json`);
}

/** What a command line asked for: a named snapshot file, a throwaway in-memory server, or neither. */
export interface StateChoice {
  /** `--snapshot <file>`. */
  readonly snapshot?: string | undefined;
  /** `--memory`. */
  readonly memory?: boolean | undefined;
  /** `--port`. */
  readonly port: number;
}

/**
 * The snapshot file a command-line server uses (absolute), and the line that tells its user where its state
 * lives.
 *
 * @returns `file` is `undefined` when the state is kept in memory only.
 */
export function chooseStateFile(
  choice: StateChoice,
  env?: Readonly<Record<string, string | undefined>>,
  home?: string,
): { readonly file: string | undefined; readonly note: string } {
  if (choice.memory === true) {
    return { file: undefined, note: 'state: in memory only (--memory); forgotten when the server stops' };
  }
  const file =
    choice.snapshot === undefined ? defaultStateFile(choice.port, env, home) : resolve(choice.snapshot);
  if (file === undefined) {
    return {
      file: undefined,
      note: 'state: in memory only (port 0 changes on every start); name a --port or --snapshot to keep it',
    };
  }
  return { file, note: `state: ${file} (saved on Ctrl-C, loaded at start; --memory for a throwaway server)` };
}

/**
 * One line for a server that could not start, with what to do about it; `undefined` for failures that are not
 * about the address or the state file (the caller reports those as they are).
 */
export function startupFailureText(error: unknown): string | undefined {
  if (isBirdTalkError(error, 'SERVER_PORT_IN_USE')) {
    return `${error.message}: another server (perhaps an earlier one) is listening there; stop it, or choose another port with --port <n> (--port 0 = any free port)`;
  }
  if (isBirdTalkError(error, 'SERVER_PORT_DENIED')) {
    return `${error.message}: ports below 1024 need privileges; choose another with --port <n>`;
  }
  if (isBirdTalkError(error, 'SNAPSHOT_INVALID') || isBirdTalkError(error, 'SNAPSHOT_UNREADABLE')) {
    return `the saved state cannot be loaded: ${error.message}; move the file away to start empty, or use --memory`;
  }
  return undefined;
}
