import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientOptions } from '@birdtalk/client';

/** The file in the state directory that remembers the id of an account the bot registered. */
export const ACCOUNT_FILE = 'account.json';

type Credentials = ClientOptions['credentials'];

/**
 * The credentials to log in with: a registration becomes a login by id once the bot has registered (the id is
 * read from the state directory), so a restarted bot never registers a second account.
 */
export function credentialsFor(stateDir: string, credentials: Credentials): Credentials {
  if (credentials.method !== 'register') return credentials;
  const userId = registeredId(stateDir, credentials.userName);
  return userId === undefined ? credentials : { method: 'id', userId, password: credentials.password };
}

/** Remembers the id of the account the bot registered (never its password). */
export function rememberRegistration(stateDir: string, userName: string, userId: string): void {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const path = join(stateDir, ACCOUNT_FILE);
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ userName, userId }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

function registeredId(stateDir: string, userName: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(join(stateDir, ACCOUNT_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as { userName?: unknown; userId?: unknown };
    return record.userName === userName &&
      typeof record.userId === 'string' &&
      /^[1-9][0-9]*$/.test(record.userId)
      ? record.userId
      : undefined;
  } catch {
    return undefined;
  }
}
