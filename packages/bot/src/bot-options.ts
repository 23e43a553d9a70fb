import type { Store } from '@birdtalk/client';
import { InvalidArgumentError } from '@birdtalk/errors';
import type { Clock, Logger } from '@birdtalk/runtime';
import { DEFAULT_COMMAND_PREFIX } from './command.js';
import type { FollowBackFilter } from './follow-back.js';
import { DEFAULT_FOLLOW_BACK_RECONCILE, type FollowBackReconcileOptions } from './follow-back-reconciler.js';
import type { BotLeases } from './health.js';
import { DEFAULT_RATE_LIMIT_OPTIONS, type RateLimitOptions } from './rate-limit/rate-limiter.js';

/**
 * What the bot does with messages that arrive through the offline catch-up after a login (sent while it was
 * away): `handle` them like live ones; `skip-commands`: pass over commands (a `/deploy` from an hour ago
 * should not run now) but handle everything else; `skip`: pass over every catch-up message and recall.
 * Skipped messages count as handled: they are not offered again.
 */
export type CatchUpHandling = 'handle' | 'skip-commands' | 'skip';

/**
 * Plain-data configuration of a bot. Every field has a default in {@link DEFAULT_BOT_OPTIONS}.
 */
export interface BotOptions {
  /**
   * What starts a command; several prefixes may be given.
   * @defaultValue `'/'`
   */
  readonly commandPrefix?: string | readonly string[];
  /**
   * Further names `/command@name` may address the bot by, besides its user name and nick name.
   * @defaultValue `[]`
   */
  readonly names?: readonly string[];
  /**
   * Ignore the account's own messages and recalls (the client only delivers them with its
   * `includeOwnMessages` option, for messages sent from other devices of the account).
   * @defaultValue true
   */
  readonly ignoreOwnMessages?: boolean;
  /**
   * What to do with messages from the offline catch-up.
   * @defaultValue `'handle'`
   */
  readonly catchUp?: CatchUpHandling;
  /**
   * Follow back users who follow the bot, so that they can message it (the server accepts a P2P message only
   * when its recipient follows the sender): live, as the server's notice says they followed, and through a
   * periodic look at the fan list (`followBackReconcile`) for those whose notice the bot missed, e.g. while it
   * was offline. A function decides per user; users blocked with `client.friends.block()` are skipped
   * whatever it says, because a blocked user the bot follows crashes the real server with their next message.
   * @defaultValue false
   */
  readonly autoFollowBack?: boolean | FollowBackFilter;
  /**
   * How `autoFollowBack` finds followers it missed: a run at `start()` and then every `intervalMs`, each
   * reading a bounded slice of the fan list and continuing where the last one stopped. Reconnects start no
   * run. `false`: only live notices.
   * @defaultValue `{ intervalMs: 3600000, pagesPerRun: 10 }`: every hour, 10 pages (1,000 fans) a run
   */
  readonly followBackReconcile?: FollowBackReconcileOptions | false;
  /**
   * The most updates handled at once across all chats (updates of one chat are always handled one at a
   * time, in order).
   * @defaultValue `Infinity`
   */
  readonly concurrency?: number;
  /**
   * How long the handling of one update may take, in milliseconds; a handler registered with its own
   * `timeoutMs` replaces it as it starts. When the time is up, `ctx.signal` aborts, the update counts as failed
   * with a `TimeoutError` naming the handler (to `bot.catch()`), and its chat moves on; the handler is not
   * stopped (it should honour the signal). 0 turns the limit off.
   * @defaultValue 60000
   */
  readonly handlerTimeoutMs?: number;
  /**
   * How long `stop()` waits in all for running handlers, due receipts and unacknowledged replies, in
   * milliseconds; then it stops anyway (unfinished messages are offered again after the next start).
   * @defaultValue 10000
   */
  readonly stopTimeoutMs?: number;
  /**
   * Paces the bot's sends (through `bot.client` and every context) with token buckets, one for all sends and
   * one per chat: a send waits for its turn (up to `maxWaitMs`) instead of flooding the server, whose
   * per-session queue drops what does not fit. `false` turns it off.
   * @defaultValue {@link DEFAULT_RATE_LIMIT_OPTIONS}: 20 sends a second in all, 2 a second per chat (bursts of
   * 20 and 5), waits of up to 60 s
   */
  readonly rateLimit?: RateLimitOptions | false;
}

/** The defaults of every {@link BotOptions} field. */
export const DEFAULT_BOT_OPTIONS = {
  commandPrefix: DEFAULT_COMMAND_PREFIX,
  names: [],
  ignoreOwnMessages: true,
  catchUp: 'handle',
  autoFollowBack: false,
  followBackReconcile: DEFAULT_FOLLOW_BACK_RECONCILE,
  concurrency: Number.POSITIVE_INFINITY,
  handlerTimeoutMs: 60_000,
  stopTimeoutMs: 10_000,
  rateLimit: DEFAULT_RATE_LIMIT_OPTIONS,
} as const satisfies Required<BotOptions>;

/** The collaborators of a bot. */
export interface BotDeps {
  /** Times `stop()`; the system clock by default. Give it the client's clock in tests. */
  readonly clock?: Clock;
  /** Where the bot logs; silent by default. */
  readonly logger?: Logger;
  /**
   * Where the bot keeps its own state across restarts: the `followBackReconcile` cursor (key
   * `bot:follow-back-cursor`), so that a restarted bot goes on through its fan list where it stopped. Give it
   * the store the client was given (a file, SQLite or Redis store). Without it that state lives in memory.
   */
  readonly store?: Pick<Store, 'get' | 'set'>;
  /**
   * The lease counters of what runs the bot under a lease, shown in `bot.health().leases` and its metrics:
   * a `@birdtalk/fleet` worker's `slot.leases`.
   */
  readonly leases?: () => BotLeases;
}

/** {@link BotOptions} checked, with the defaults applied. */
export interface ResolvedBotOptions {
  /** The prefixes, longest first, so that `//` wins over `/`. */
  readonly commandPrefixes: readonly string[];
  readonly names: readonly string[];
  readonly ignoreOwnMessages: boolean;
  readonly catchUp: CatchUpHandling;
  /** `undefined` when off. */
  readonly autoFollowBack: true | FollowBackFilter | undefined;
  /** `false` when off. */
  readonly followBackReconcile: Required<FollowBackReconcileOptions> | false;
  readonly concurrency: number;
  readonly handlerTimeoutMs: number;
  readonly stopTimeoutMs: number;
  /** `false` when off. */
  readonly rateLimit: RateLimitOptions | false;
}

/**
 * Checks the options and applies the defaults.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for options that cannot work.
 */
export function resolveBotOptions(options: BotOptions = {}): ResolvedBotOptions {
  if (typeof options !== 'object' || options === null) throw invalid('bot options must be an object');
  const prefix = options.commandPrefix ?? DEFAULT_BOT_OPTIONS.commandPrefix;
  const prefixes = typeof prefix === 'string' ? [prefix] : [...prefix];
  if (prefixes.length === 0 || prefixes.some((p) => typeof p !== 'string' || p === '' || /\s/u.test(p))) {
    throw invalid('options.commandPrefix must be one or more non-empty strings without white space');
  }
  const names = options.names ?? DEFAULT_BOT_OPTIONS.names;
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string' || name === '')) {
    throw invalid('options.names must be a list of non-empty strings');
  }
  const catchUp = options.catchUp ?? DEFAULT_BOT_OPTIONS.catchUp;
  if (catchUp !== 'handle' && catchUp !== 'skip-commands' && catchUp !== 'skip') {
    throw invalid("options.catchUp must be 'handle', 'skip-commands' or 'skip'");
  }
  const follow = options.autoFollowBack ?? DEFAULT_BOT_OPTIONS.autoFollowBack;
  if (typeof follow !== 'boolean' && typeof follow !== 'function') {
    throw invalid('options.autoFollowBack must be a boolean or a function');
  }
  const reconcile = resolveReconcile(options.followBackReconcile);
  const concurrency = options.concurrency ?? DEFAULT_BOT_OPTIONS.concurrency;
  if (!(concurrency === Number.POSITIVE_INFINITY || (Number.isInteger(concurrency) && concurrency >= 1))) {
    throw invalid('options.concurrency must be a whole number ≥ 1, or Infinity');
  }
  const handlerTimeoutMs = options.handlerTimeoutMs ?? DEFAULT_BOT_OPTIONS.handlerTimeoutMs;
  if (!(typeof handlerTimeoutMs === 'number' && Number.isFinite(handlerTimeoutMs) && handlerTimeoutMs >= 0)) {
    throw invalid('options.handlerTimeoutMs must be a finite number ≥ 0');
  }
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_BOT_OPTIONS.stopTimeoutMs;
  if (!(typeof stopTimeoutMs === 'number' && Number.isFinite(stopTimeoutMs) && stopTimeoutMs >= 0)) {
    throw invalid('options.stopTimeoutMs must be a finite number ≥ 0');
  }
  return {
    commandPrefixes: [...new Set(prefixes)].sort((a, b) => b.length - a.length),
    names: [...names],
    ignoreOwnMessages: options.ignoreOwnMessages ?? DEFAULT_BOT_OPTIONS.ignoreOwnMessages,
    catchUp,
    autoFollowBack: follow === false ? undefined : follow,
    followBackReconcile: reconcile,
    concurrency,
    handlerTimeoutMs,
    stopTimeoutMs,
    rateLimit: options.rateLimit ?? DEFAULT_BOT_OPTIONS.rateLimit,
  };
}

function resolveReconcile(
  option: FollowBackReconcileOptions | false | undefined,
): Required<FollowBackReconcileOptions> | false {
  if (option === false) return false;
  if (option === undefined) return DEFAULT_FOLLOW_BACK_RECONCILE;
  if (typeof option !== 'object' || option === null) {
    throw invalid('options.followBackReconcile must be an object or false');
  }
  const intervalMs = option.intervalMs ?? DEFAULT_FOLLOW_BACK_RECONCILE.intervalMs;
  if (!(typeof intervalMs === 'number' && Number.isFinite(intervalMs) && intervalMs >= 1)) {
    throw invalid('options.followBackReconcile.intervalMs must be a finite number ≥ 1');
  }
  const pagesPerRun = option.pagesPerRun ?? DEFAULT_FOLLOW_BACK_RECONCILE.pagesPerRun;
  if (!(Number.isInteger(pagesPerRun) && pagesPerRun >= 1)) {
    throw invalid('options.followBackReconcile.pagesPerRun must be a whole number ≥ 1');
  }
  return { intervalMs, pagesPerRun };
}

function invalid(message: string): InvalidArgumentError {
  return new InvalidArgumentError('INVALID_ARGUMENT', message);
}
