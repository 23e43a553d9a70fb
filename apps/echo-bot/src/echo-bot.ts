import { type Bot, createBot, isP2P } from '@birdtalk/bot';
import { credentialsFor, recordRegistration } from '@birdtalk/bot/node';
import type { Client, ClientOptions } from '@birdtalk/client';
import { createNodeClient, type NodeClientDeps, type NodeTlsOptions } from '@birdtalk/client/node';
import { type Clock, type Logger, silentLogger, systemClock } from '@birdtalk/runtime';

/** What the echo bot says to `/help`. */
export const HELP_TEXT = [
  'I am an echo bot.',
  'In a private chat I repeat what you write.',
  'Commands (here and in groups): /help — this text, /ping — pong, /time — the time here.',
].join('\n');

/** Options of {@link createEchoBot}. */
export interface EchoBotOptions {
  /** The server's WebSocket URL. */
  readonly server: string;
  /**
   * How to log in. A registration (`method: 'register'`) happens once: the new id is kept in `stateDir` and
   * later starts log in by id with the same password.
   */
  readonly credentials: ClientOptions['credentials'];
  /** Where the bot keeps its key, delivery state and registered id (directory 0700, files 0600). */
  readonly stateDir: string;
  /** How the server's certificate is checked (`pinSha256` for a self-signed server). */
  readonly tls?: NodeTlsOptions;
}

/** Collaborators of the echo bot. */
export interface EchoBotDeps {
  /** Where the echo bot logs what it does (registration, follow-backs, failed handlers); silent by default. */
  readonly logger?: Logger;
  /** Where the client and the bot framework below log; silent by default. */
  readonly sdkLogger?: Logger;
  /** The clock `/time` reads; the system clock by default. */
  readonly clock?: Clock;
  /** Replaces the `ws` connector (an in-memory server connection, in tests). */
  readonly connector?: NodeClientDeps['connector'];
}

/**
 * Creates the echo bot on a Node client: it follows back whoever follows it (so they can write to it), echoes
 * private text messages, and answers `/help`, `/ping` and `/time` in private chats and groups. Nothing happens
 * until `bot.start()`; `bot.stop()` stops it gracefully (handled messages are remembered in `stateDir`).
 *
 * @example
 * ```ts
 * const bot = createEchoBot({
 *   server: 'wss://chat.example.com:7817/ws',
 *   credentials: { method: 'id', userId: '10001', password: process.env.BOT_PASSWORD ?? '' },
 *   stateDir: './echo-bot-state',
 * });
 * await bot.start();
 * ```
 */
export function createEchoBot(options: EchoBotOptions, deps: EchoBotDeps = {}): Bot {
  const logger = deps.logger ?? silentLogger;
  const sdkLogger = deps.sdkLogger ?? silentLogger;
  const credentials = credentialsFor(options.stateDir, options.credentials);
  const client = createNodeClient(
    {
      server: options.server,
      credentials,
      stateDir: options.stateDir,
      ...(options.tls === undefined ? {} : { tls: options.tls }),
    },
    {
      logger: sdkLogger,
      ...(deps.clock === undefined ? {} : { clock: deps.clock }),
      ...(deps.connector === undefined ? {} : { connector: deps.connector }),
    },
  );
  const bot = echoBot(client, {
    logger,
    sdkLogger,
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
  });
  if (credentials.method === 'register') {
    const userName = credentials.userName;
    recordRegistration(bot, options.stateDir, userName, (userId) =>
      logger.info('registered a new account', { userId, userName }),
    );
  }
  return bot;
}

/**
 * Sets the echo bot's behaviour up on any client (a Node client, an in-memory one, or the test client of
 * `@birdtalk/bot/testing`).
 */
export function echoBot(
  client: Client,
  deps: { readonly logger?: Logger; readonly sdkLogger?: Logger; readonly clock?: Clock } = {},
): Bot {
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? systemClock;
  // Messages sent while the bot was down are answered when it is back (catch-up handling 'handle').
  const bot = createBot(
    client,
    { autoFollowBack: true, catchUp: 'handle' },
    { logger: deps.sdkLogger ?? silentLogger, clock },
  );
  bot.command('help', (ctx) => ctx.reply(HELP_TEXT));
  bot.command('ping', (ctx) => ctx.reply('pong'));
  bot.command('time', (ctx) => ctx.reply(`the time here is ${new Date(clock.now()).toISOString()}`));
  bot.filter(isP2P).on('message:text', (ctx) => {
    const text = ctx.text.trim();
    if (text.startsWith('/')) {
      const command = text.split(/\s/u, 1)[0];
      return ctx.reply(`I do not know ${command}; try /help`);
    }
    return ctx.reply(ctx.text);
  });
  // Group chatter is not echoed: only the commands above answer in groups.
  bot.on('friend', (ctx) => {
    const event = ctx.friendEvent;
    if (event.kind === 'followed') logger.info('followed back', { userId: event.by.userId });
  });
  bot.catch((error, ctx) => {
    logger.warn('a handler failed', {
      update: ctx.type,
      error: error instanceof Error ? error.message : String(error),
    });
  });
  return bot;
}
