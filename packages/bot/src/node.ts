/**
 * Node.js helpers for bots: stop gracefully on SIGINT and SIGTERM, or run a bot until one arrives; read a bot's
 * login from the environment, remember the account it registered, log lines to stderr, and explain startup
 * failures in one sentence.
 *
 * @example
 * ```ts
 * import { createBot } from '@birdtalk/bot';
 * import { runBot } from '@birdtalk/bot/node';
 * import { createNodeClient } from '@birdtalk/client/node';
 *
 * const bot = createBot(createNodeClient({ server, credentials }), { autoFollowBack: true });
 * bot.command('ping', (ctx) => ctx.reply('pong'));
 * await runBot(bot); // until Ctrl-C or a SIGTERM; then it stops gracefully
 * ```
 *
 * @packageDocumentation
 */

import { constants } from 'node:os';
import type { Bot } from './bot.js';
import type { Context } from './context.js';

export { ACCOUNT_FILE, credentialsFor, rememberRegistration } from './node/account.js';
export { describeStartupError } from './node/describe-error.js';
export { BOT_CONFIG_INVALID, type BotEnvironment, botEnvironment } from './node/environment.js';
export { createLineLogger } from './node/line-logger.js';

/** The part of `process` the helpers use (a stand-in in tests). */
export interface SignalProcess {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code?: number): void;
  exitCode?: number | string | null | undefined;
}

/** Options of {@link stopOnSignals}. */
export interface StopOnSignalsOptions {
  /** The signals that stop the bot. @defaultValue `['SIGINT', 'SIGTERM']` */
  readonly signals?: readonly NodeJS.Signals[];
  /** Overrides the bot's `stopTimeoutMs`, in milliseconds. */
  readonly timeoutMs?: number;
  /**
   * Exit at once when a second signal arrives while the bot is stopping, with code 128 + the signal's
   * number (130 for SIGINT): the usual answer to an impatient second Ctrl-C.
   * @defaultValue true
   */
  readonly forceExitOnSecondSignal?: boolean;
  /** Called once the stop the first signal started has finished; `error` if it failed. */
  readonly onStopped?: (signal: NodeJS.Signals, error?: unknown) => void;
}

/** What {@link stopOnSignals} stops. */
export type Stoppable = Pick<Bot, 'stop'>;

/**
 * Stops the bot gracefully on the first SIGINT or SIGTERM (draining handlers, flushing replies, persisting
 * positions). A failed stop sets `process.exitCode` to 1. The process then exits by itself once nothing else
 * keeps it alive; this helper never calls `process.exit()` except for a second signal.
 *
 * @returns a function that removes the signal handlers.
 */
export function stopOnSignals(
  bot: Stoppable,
  options: StopOnSignalsOptions = {},
  target: SignalProcess = process,
): () => void {
  const signals = options.signals ?? (['SIGINT', 'SIGTERM'] as const);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      if (options.forceExitOnSecondSignal ?? true) target.exit(128 + (constants.signals[signal] ?? 0));
      return;
    }
    stopping = true;
    bot.stop(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }).then(
      () => {
        remove();
        options.onStopped?.(signal);
      },
      (error: unknown) => {
        remove();
        target.exitCode = 1;
        options.onStopped?.(signal, error);
      },
    );
  };
  const remove = (): void => {
    for (const signal of signals) target.off(signal, onSignal);
  };
  for (const signal of signals) target.on(signal, onSignal);
  return remove;
}

/**
 * Starts the bot and resolves once it stopped: after a signal (see {@link stopOnSignals}), after `bot.stop()`
 * was called elsewhere, or when the client ended by itself (its session gave up).
 *
 * @throws the bot's start errors (the signal handlers are removed then).
 */
export async function runBot<C extends Context>(
  bot: Bot<C>,
  options: Omit<StopOnSignalsOptions, 'onStopped'> = {},
  target: SignalProcess = process,
): Promise<void> {
  let signalled: (() => void) | undefined;
  const stoppedBySignal = new Promise<void>((resolve) => {
    signalled = resolve;
  });
  const closed = bot.client.once('closed');
  const remove = stopOnSignals(bot, { ...options, onStopped: () => signalled?.() }, target);
  try {
    await bot.start();
    await Promise.race([stoppedBySignal, closed]);
  } finally {
    remove();
  }
}
