import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientOptions } from '@birdtalk/client';
import { writeFileAtomic } from '@birdtalk/runtime/node';
import type { Bot } from '../bot.js';

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

/** Remembers the id of the account the bot registered (never its password), in a private file written atomically. */
export async function rememberRegistration(
  stateDir: string,
  userName: string,
  userId: string,
): Promise<void> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(join(stateDir, ACCOUNT_FILE), `${JSON.stringify({ userName, userId }, null, 2)}\n`);
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

/**
 * Records the account a registering bot creates as soon as its client reports it, and makes `bot.start()` and
 * `bot.stop()` wait until the record is written: a bot stopped (or sent SIGINT) right after registering must
 * still find its account at the next start, and never register a second one. `onRecorded` runs once the file
 * is written.
 */
export function recordRegistration(
  bot: Bot,
  stateDir: string,
  userName: string,
  onRecorded: (userId: string) => void = () => {},
): void {
  let recording: Promise<void> = Promise.resolve();
  bot.client.on('registered', ({ user }) => {
    recording = rememberRegistration(stateDir, userName, user.userId).then(() => onRecorded(user.userId));
    return recording;
  });
  // Both wait for the record: start() resolves with the account on disk, stop() never ends before it is.
  const start = bot.start.bind(bot);
  bot.start = async () => {
    const user = await start();
    await recording;
    return user;
  };
  const stop = bot.stop.bind(bot);
  bot.stop = async (options) => {
    await stop(options);
    await recording;
  };
}
