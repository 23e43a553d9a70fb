import { type Bot, createBot, inGroup } from '@birdtalk/bot';
import { credentialsFor, recordRegistration } from '@birdtalk/bot/node';
import { type ClientOptions, group, type SentMessage } from '@birdtalk/client';
import { createNodeClient, type NodeClientDeps, type NodeTlsOptions } from '@birdtalk/client/node';
import { type Clock, type Logger, silentLogger, systemClock } from '@birdtalk/runtime';
import { lines } from './lines.js';

/** Options of {@link createNotifierBot}. */
export interface NotifierOptions {
  /** The server's WebSocket URL. */
  readonly server: string;
  /** How to log in; a registration happens once (the id is kept in `stateDir`). */
  readonly credentials: ClientOptions['credentials'];
  /** Where the bot keeps its key, delivery state and registered id. */
  readonly stateDir: string;
  /** How the server's certificate is checked. */
  readonly tls?: NodeTlsOptions;
  /** The group the lines go to. */
  readonly groupId: string;
  /**
   * Lines longer than this many bytes of UTF-8 are cut (and end with `…`): one log line never floods a group.
   * @defaultValue 4000
   */
  readonly maxLineBytes?: number;
}

/** Collaborators of the notifier. */
export interface NotifierDeps {
  /** Where the notifier logs what it does; silent by default. */
  readonly logger?: Logger;
  /** Where the client and the bot framework below log; silent by default. */
  readonly sdkLogger?: Logger;
  readonly clock?: Clock;
  /** Replaces the `ws` connector. */
  readonly connector?: NodeClientDeps['connector'];
}

/** A bot posting lines into a group. */
export interface Notifier {
  /** The bot underneath (it answers `/status` in the group). */
  readonly bot: Bot;
  /** How many lines were posted. */
  readonly posted: number;
  /** Logs in and joins the group when the bot is not a member yet; resolves once it can post. */
  start(): Promise<void>;
  /** Posts one line and resolves once the server stored it; blank lines are skipped (`undefined`). */
  post(line: string): Promise<SentMessage | undefined>;
  /**
   * Posts every line of `input` in order, each only after the previous one was stored, reading the input no
   * faster than that. Resolves with the number of lines posted when the input ends or `signal` aborts.
   */
  pipe(input: AsyncIterable<string | Uint8Array>, signal?: AbortSignal): Promise<number>;
  /** Stops gracefully; every line `post` resolved for is on the server. */
  stop(): Promise<void>;
}

/** The defaults of {@link NotifierOptions}. */
export const DEFAULT_NOTIFIER_OPTIONS = { maxLineBytes: 4000 } as const;

/**
 * Creates the notifier bot: it posts lines (of a log, say) into a group, one message per line, awaiting each
 * acknowledgement before reading on, and answers `/status` in that group.
 *
 * @example
 * ```ts
 * const notifier = createNotifierBot({ server, credentials, stateDir: './state', groupId: '10005' });
 * await notifier.start();
 * await notifier.pipe(process.stdin);
 * await notifier.stop();
 * ```
 */
export function createNotifierBot(options: NotifierOptions, deps: NotifierDeps = {}): Notifier {
  const logger = deps.logger ?? silentLogger;
  const sdkLogger = deps.sdkLogger ?? silentLogger;
  const clock = deps.clock ?? systemClock;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_NOTIFIER_OPTIONS.maxLineBytes;
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
      clock,
      ...(deps.connector === undefined ? {} : { connector: deps.connector }),
    },
  );
  // Old commands are not answered: a /status from yesterday is not a question any more.
  const bot = createBot(client, { catchUp: 'skip-commands' }, { logger: sdkLogger, clock });
  if (credentials.method === 'register') {
    const userName = credentials.userName;
    recordRegistration(bot, options.stateDir, userName, (userId) =>
      logger.info('registered a new account', { userId, userName }),
    );
  }
  const target = group(options.groupId);
  const since = clock.now();
  let posted = 0;
  bot
    .filter(inGroup(options.groupId))
    .command('status', (ctx) => ctx.reply(`posted ${posted} line(s) since ${new Date(since).toISOString()}`));
  bot.catch((error, ctx) =>
    logger.warn('a handler failed', {
      update: ctx.type,
      error: error instanceof Error ? error.message : String(error),
    }),
  );

  const post = async (line: string): Promise<SentMessage | undefined> => {
    if (line.trim() === '') return undefined;
    const sent = await client.sendText(target, cut(line, maxLineBytes));
    posted += 1;
    return sent;
  };

  return {
    bot,
    get posted() {
      return posted;
    },
    async start() {
      await bot.start();
      const mine = await client.groups.listMine();
      if (!mine.some((joined) => joined.groupId === options.groupId)) {
        const joined = await client.groups.join(options.groupId);
        logger.info('joined the group', { groupId: joined.groupId, name: joined.name });
      }
    },
    post,
    async pipe(input, signal) {
      let count = 0;
      for await (const line of lines(input)) {
        if (signal?.aborted) break;
        if ((await post(line)) !== undefined) count += 1;
      }
      return count;
    },
    stop: () => bot.stop(),
  };
}

/** `line`, cut to at most `maxBytes` bytes of UTF-8 (ending with `…` when cut), never inside a character. */
export function cut(line: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).byteLength <= maxBytes) return line;
  let result = '';
  let bytes = 0;
  const budget = maxBytes - 3; // the ellipsis is 3 bytes
  for (const character of line) {
    const size = encoder.encode(character).byteLength;
    if (bytes + size > budget) break;
    result += character;
    bytes += size;
  }
  return `${result}…`;
}
