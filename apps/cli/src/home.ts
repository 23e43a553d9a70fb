import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { CliError, CliErrorCode } from './errors.js';
import { ExitCode } from './exit-codes.js';

/** The file in the home directory that remembers the server and the account (never a password). */
export const CONFIG_FILE = 'config.json';

/** What the home directory remembers between runs. */
export interface HomeConfig {
  /** The server of the last login. */
  readonly server?: string;
  /** The certificate pin of that server, when the login used one. */
  readonly pin?: string;
  /** The account of the last login. */
  readonly account?: { readonly userId: string; readonly userName: string };
  /** The device id sent in every Hello, so the server sees one device per home directory. */
  readonly deviceId?: string;
}

/**
 * The home directory: `--home`, else `$BIRDTALK_HOME`, else `birdtalk` in the user's configuration directory
 * (`$XDG_CONFIG_HOME`, or `~/.config`; `%APPDATA%` on Windows; `~/Library/Application Support` on macOS).
 */
export function resolveHome(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  platform: string = process.platform,
  home: string = homedir(),
): string {
  const chosen = flag ?? nonEmpty(env.BIRDTALK_HOME);
  if (chosen !== undefined) return resolve(cwd, chosen);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'birdtalk');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'birdtalk');
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  return join(xdg?.startsWith('/') ? xdg : join(home, '.config'), 'birdtalk');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Reads the home configuration; an absent file is an empty configuration. */
export async function loadConfig(home: string): Promise<HomeConfig> {
  let text: string;
  try {
    text = await readFile(join(home, CONFIG_FILE), 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return {};
    throw fileError(`cannot read ${join(home, CONFIG_FILE)}`, error);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? sanitize(parsed as Record<string, unknown>) : {};
  } catch {
    throw new CliError(
      CliErrorCode.FILE,
      `${join(home, CONFIG_FILE)} is damaged; delete it and log in again`,
      ExitCode.FAILURE,
    );
  }
}

function sanitize(raw: Record<string, unknown>): HomeConfig {
  const account = raw.account as { userId?: unknown; userName?: unknown } | undefined;
  return {
    ...(typeof raw.server === 'string' ? { server: raw.server } : {}),
    ...(typeof raw.pin === 'string' ? { pin: raw.pin } : {}),
    ...(typeof raw.deviceId === 'string' ? { deviceId: raw.deviceId } : {}),
    ...(typeof account?.userId === 'string'
      ? { account: { userId: account.userId, userName: String(account.userName ?? '') } }
      : {}),
  };
}

/** Writes the home configuration (directory 0700, file 0600, replaced atomically). */
export async function saveConfig(home: string, config: HomeConfig): Promise<void> {
  await ensureDir(home);
  const path = join(home, CONFIG_FILE);
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw fileError(`cannot write ${path}`, error);
  }
}

/** Creates a directory readable by its owner only. */
export async function ensureDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true, mode: 0o700 });
    await chmod(path, 0o700);
  } catch (error) {
    throw fileError(`cannot create ${path}`, error);
  }
}

/**
 * The state directory of an account on a server: `accounts/<userId>-<hash of the server URL>`. The client keeps
 * its key (`keys/`) and its delivery state there.
 */
export function accountDir(home: string, server: string, userId: string): string {
  return join(home, 'accounts', `${userId}-${serverHash(server)}`);
}

/** A fresh directory for a login whose user id is not known yet; see {@link adoptStateDir}. */
export function pendingDir(home: string): string {
  return join(home, 'accounts', `.pending-${randomBytes(6).toString('hex')}`);
}

/** Moves a pending login's state to the account's directory, replacing an older one. */
export async function adoptStateDir(from: string, to: string): Promise<void> {
  if (from === to) return;
  try {
    await rm(to, { recursive: true, force: true });
    await rename(from, to);
  } catch (error) {
    throw fileError(`cannot move ${from} to ${to}`, error);
  }
}

/** A short, stable name for a server URL. */
export function serverHash(server: string): string {
  return createHash('sha256').update(server, 'utf8').digest('hex').slice(0, 12);
}

/** A new device id. */
export function newDeviceId(): string {
  return `cli-${randomBytes(8).toString('hex')}`;
}

function fileError(message: string, cause: unknown): CliError {
  const code = (cause as { code?: unknown }).code;
  return new CliError(
    CliErrorCode.FILE,
    `${message}${typeof code === 'string' ? ` (${code})` : ''}`,
    ExitCode.FAILURE,
    {
      cause,
    },
  );
}
