// What `pnpm web` and the web app's browser suite run behind the page: the reference server (strict: it records
// anything that would crash the real server), the echo bot, and an account to log in with, which the bot and
// the account follow each other so they can write to each other at once.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEchoBot } from '@birdtalk/app-echo-bot';
import { type BirdTalkServer, createServer } from '@birdtalk/server';

/** A running development world. */
export interface DevWorld {
  readonly server: BirdTalkServer;
  /** The echo bot's user id. */
  readonly botId: string;
  /** The account to log in with. */
  readonly user: { readonly userId: string; readonly userName: string; readonly password: string };
  close(): Promise<void>;
}

/** Options of {@link startDevWorld}. */
export interface DevWorldOptions {
  /** The reference server's port; any free one by default. */
  readonly port?: number;
  /** The password of the account to log in with; random by default. */
  readonly password?: string;
}

/** Starts the reference server, the echo bot and an account that can talk to it. */
export async function startDevWorld(options: DevWorldOptions = {}): Promise<DevWorld> {
  const server = await createServer({ port: options.port ?? 0, host: '127.0.0.1', strict: true });
  const botPassword = randomBytes(12).toString('hex');
  const password = options.password ?? randomBytes(6).toString('hex');
  const botId = await server.createUser({ userName: 'echo', nickName: 'Echo bot', password: botPassword });
  const userId = await server.createUser({ userName: 'developer', nickName: 'Developer', password });
  await server.follow(botId, userId);
  await server.follow(userId, botId);
  const stateDir = await mkdtemp(join(tmpdir(), 'birdtalk-web-'));
  const bot = createEchoBot({
    server: server.url,
    credentials: { method: 'id', userId: botId, password: botPassword },
    stateDir,
  });
  try {
    await bot.start();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    botId,
    user: { userId, userName: 'developer', password },
    async close() {
      await bot.stop({ timeoutMs: 1_000 }).catch(() => undefined);
      await server.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
