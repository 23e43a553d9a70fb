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
import { TimeoutError, TransportError } from '@birdtalk/errors';
import { type Clock, type Logger, systemClock, type TimerHandle } from '@birdtalk/runtime';
import type { Bot } from './bot.js';
import type { Context } from './context.js';
import { type BotBanner, startupBanner } from './node/banner.js';
import { connectionProblem, describeStartupError, type StartupSettingNames } from './node/describe-error.js';
import { BotExitCode, exitCodeFor } from './node/exit-codes.js';
import { createLineLogger } from './node/line-logger.js';

export { ACCOUNT_FILE, credentialsFor, recordRegistration, rememberRegistration } from './node/account.js';
export { BOT_PACKAGE_VERSION, type BotBanner, startupBanner } from './node/banner.js';
export {
  connectionProblem,
  describeStartupError,
  type StartupSettingNames,
} from './node/describe-error.js';
export { BOT_CONFIG_INVALID, type BotEnvironment, botEnvironment } from './node/environment.js';
export { BotExitCode, exitCodeFor } from './node/exit-codes.js';
export { type HealthServer, type HealthServerOptions, serveHealth } from './node/health-server.js';
export { createLineLogger } from './node/line-logger.js';
export {
  type BotMetricsOptions,
  type HasHealth,
  type MetricsRegistry,
  registerBotMetrics,
} from './node/metrics.js';

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

/** Options of {@link runBot}. */
export interface RunBotOptions extends Omit<StopOnSignalsOptions, 'onStopped'> {
  /**
   * Where `runBot` says how connecting goes ("connected as …", "cannot reach …; retrying in 4 s") and why the
   * bot ended, one line each. @defaultValue a {@link createLineLogger} on stderr at `info`
   */
  readonly logger?: Logger;
  /** Times `startTimeoutMs`. @defaultValue the system clock */
  readonly clock?: Clock;
  /** The server URL, for the messages. @defaultValue "the server" */
  readonly server?: string;
  /** The names of the settings the messages may point at (see {@link describeStartupError}). */
  readonly settings?: StartupSettingNames;
  /**
   * End the run when the first connection attempt fails, instead of retrying (later reconnects always retry).
   * @defaultValue false
   */
  readonly failFast?: boolean;
  /** End the run when the bot has not connected and logged in within this many milliseconds. */
  readonly startTimeoutMs?: number;
  /**
   * Log one line before connecting that says what runs where: program and SDK versions, server, account,
   * state directory and health endpoint (see {@link startupBanner}). @defaultValue no banner
   */
  readonly banner?: BotBanner;
}

/** How a {@link runBot} run ended. */
export interface BotRunResult {
  /** The process exit code it set: {@link BotExitCode}, or 0. */
  readonly exitCode: number;
  /** One line saying why the bot ended. */
  readonly reason: string;
  /** The error that ended it, if one did. */
  readonly error?: unknown;
}

/**
 * Starts the bot and resolves once it stopped: after a signal (see {@link stopOnSignals}), after `bot.stop()`
 * was called elsewhere, or when the client ended by itself (its session gave up). It never rejects: a bot that
 * cannot start or that fails ends with one line in the log (no stack trace) and a non-zero `process.exitCode`
 * from {@link BotExitCode}, so that a supervisor sees why. Connection attempts are logged at `info`, with the
 * reason of every failure; a signal while the bot is still connecting stops it quietly.
 *
 * Given a function that makes the bot instead of the bot, it calls it first: then a setting the client refuses
 * while it is created (a malformed pin or URL) ends the run the same way (one line, exit code 2), where a throw
 * at the top level of a program would print a stack trace.
 */
export async function runBot<C extends Context>(
  bot: Bot<C> | (() => Bot<C>),
  options: RunBotOptions = {},
  target: SignalProcess = process,
): Promise<BotRunResult> {
  if (typeof bot !== 'function') return runMadeBot(bot, options, target);
  let made: Bot<C>;
  try {
    made = bot();
  } catch (error) {
    const logger = options.logger ?? createLineLogger(process.stderr, 'info');
    const reason = `cannot start: ${describeStartupError(error, options.server, options.settings)}`;
    logger.error(reason);
    const exitCode = exitCodeFor(error);
    target.exitCode = exitCode;
    return { exitCode, reason, error };
  }
  return runMadeBot(made, options, target);
}

async function runMadeBot<C extends Context>(
  bot: Bot<C>,
  options: RunBotOptions,
  target: SignalProcess,
): Promise<BotRunResult> {
  const logger = options.logger ?? createLineLogger(process.stderr, 'info');
  const clock = options.clock ?? systemClock;
  const names = options.settings ?? {};
  const server = options.server;
  let signalled: (() => void) | undefined;
  let bySignal = false;
  const stoppedBySignal = new Promise<void>((resolve) => {
    signalled = resolve;
  });
  let ready = false;
  let lastFailure: unknown;
  // Set when the run itself decides to end (fail-fast, start timeout): the reason it will report.
  let ended: { error: unknown } | undefined;
  const end = (error: unknown): void => {
    if (ended !== undefined) return;
    ended = { error };
    bot.stop().catch(() => {});
  };
  if (options.banner !== undefined) logger.info(startupBanner(options.banner, server));
  const closed = bot.client.once('closed');
  const offs = [
    bot.client.on('ready', ({ user, fastLogin }) => {
      // Said plainly: a stored key logs in without the password, so a changed or mistyped one goes unnoticed.
      const unchecked = fastLogin && !ready ? ' with the stored key; the password was not checked' : '';
      ready = true;
      logger.info(`connected as ${user.userName || user.nickName || 'the bot'} (${user.userId})${unchecked}`);
    }),
    bot.client.on('reconnecting', ({ delayMs, error }) => {
      lastFailure = error;
      const retry = `retrying in ${formatDelay(delayMs)}`;
      if (ready) {
        logger.warn(`the connection was lost (${describeStartupError(error, server, names)}); ${retry}`);
      } else if (options.failFast === true || exitCodeFor(error) === BotExitCode.CONFIG) {
        // A setting that cannot work (an http:// URL) fails every attempt alike: retrying would only hide it.
        end(error);
      } else {
        logger.info(`${describeStartupError(error, server, names)}; ${retry}`);
      }
    }),
  ];
  const remove = stopOnSignals(
    bot,
    {
      ...options,
      onStopped: () => {
        bySignal = true;
        signalled?.();
      },
    },
    target,
  );
  let timer: TimerHandle | undefined;
  if (options.startTimeoutMs !== undefined) {
    timer = clock.setTimeout(() => {
      if (!ready) {
        const last = lastFailure === undefined ? '' : ` (${connectionProblem(lastFailure, names)})`;
        // The cause gives the exit code: a refused connection is 4, an untrusted certificate 5.
        end(
          new TimeoutError(`not connected within ${options.startTimeoutMs} ms${last}`, {
            details: { timeoutMs: options.startTimeoutMs },
            cause: lastFailure ?? new TransportError('TRANSPORT_TIMEOUT', 'no connection in time'),
          }),
        );
      }
    }, options.startTimeoutMs);
  }
  const finish = (result: BotRunResult): BotRunResult => {
    if (result.exitCode !== 0) target.exitCode = result.exitCode;
    return result;
  };
  try {
    try {
      await bot.start();
    } catch (error) {
      if (ended !== undefined) return finish(failed(ended.error, 'cannot start'));
      if (bySignal || bot.state === 'stopping' || bot.state === 'stopped') {
        await bot.stop().catch(() => {});
        logger.info('stopped before the bot was connected');
        return finish({ exitCode: signalExitCode(target), reason: 'stopped before the bot was connected' });
      }
      return finish(failed(error, 'cannot start'));
    }
    clock.clearTimeout(timer);
    const outcome = await Promise.race([stoppedBySignal.then(() => undefined), closed]);
    if (outcome === undefined || outcome.error === undefined) {
      logger.info('stopped');
      return finish({ exitCode: signalExitCode(target), reason: 'stopped' });
    }
    return finish(failed(outcome.error, 'stopped'));
  } finally {
    clock.clearTimeout(timer);
    remove();
    for (const off of offs) off();
  }

  function failed(error: unknown, what: string): BotRunResult {
    const reason = `${what}: ${describeStartupError(error, server, names)}`;
    logger.error(reason);
    return { exitCode: exitCodeFor(error), reason, error };
  }
}

/** 0, or 1 when a signal's stop failed (stopOnSignals sets the exit code then). */
function signalExitCode(target: SignalProcess): number {
  return target.exitCode === 1 ? 1 : 0;
}

function formatDelay(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
