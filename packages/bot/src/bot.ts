import type { Client } from '@birdtalk/client';
import { InvalidArgumentError, StateError } from '@birdtalk/errors';
import { type Clock, type Logger, silentLogger, systemClock } from '@birdtalk/runtime';
import { BotErrorCode } from './bot-errors.js';
import { type BotDeps, type BotOptions, type ResolvedBotOptions, resolveBotOptions } from './bot-options.js';
import { parseCommand } from './command.js';
import { Composer, type ErrorHandler } from './composer.js';
import { type BotInfo, Context } from './context.js';
import { followBackCandidate, shouldFollowBack } from './follow-back.js';
import { FollowBackReconciler } from './follow-back-reconciler.js';
import { Gate } from './gate.js';
import { bindHandling, Handling } from './handling.js';
import { type BotHealth, type BotLeases, HealthMonitor } from './health.js';
import { rateLimitedClient } from './rate-limit/rate-limited-client.js';
import { createRateLimiter, type RateLimiter } from './rate-limit/rate-limiter.js';
import { UpdateScheduler } from './sequencer.js';
import { requestsRerun } from './session/session.js';
import type { BotUser } from './types.js';
import { isCatchUpUpdate, isDelivery, sequenceKeyOf, type Update } from './update.js';
import { settlesBy } from './within.js';

/**
 * Where a bot is: `created` (handlers may be registered; updates the client delivers wait), `running` (after
 * `start()`), `stopping` (draining), `stopped`.
 */
export type BotState = 'created' | 'running' | 'stopping' | 'stopped';

/** Options of {@link Bot.stop}. */
export interface BotStopOptions {
  /** Overrides the bot's `stopTimeoutMs` for this stop, in milliseconds. */
  readonly timeoutMs?: number;
}

/**
 * A bot: a {@link Composer} whose middleware handles every update of a BirdTalk client. See {@link createBot}.
 */
export class Bot<C extends Context = Context> extends Composer<C> {
  /**
   * The client the bot runs on, its sends paced by the `rateLimit` option: send through it (or a context),
   * not through the client given to `createBot()`, so that every send takes its turn. The bot starts it and
   * stops it.
   */
  readonly client: Client;
  readonly #options: ResolvedBotOptions;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #scheduler: UpdateScheduler;
  readonly #gate = new Gate();
  readonly #background = new Set<Promise<unknown>>();
  readonly #abort = new AbortController();
  readonly #offs: Array<() => void> = [];
  readonly #health: HealthMonitor;
  readonly #limiter: RateLimiter | undefined;
  readonly #leases: (() => BotLeases) | undefined;
  #errorHandler: ErrorHandler<C> | undefined;
  #state: BotState = 'created';
  #started: Promise<BotUser> | undefined;
  #stopped: Promise<void> | undefined;
  readonly #reconciler: FollowBackReconciler | undefined;

  /**
   * @param client - the client to run on; its `message` and `recall` listeners are the bot's from now on.
   * @param options - see {@link BotOptions}.
   * @param deps - the clock and the logger.
   */
  constructor(client: Client, options: BotOptions = {}, deps: BotDeps = {}) {
    super();
    if (typeof client !== 'object' || client === null || typeof client.on !== 'function') {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'createBot() needs a client');
    }
    this.#options = resolveBotOptions(options);
    this.#clock = deps.clock ?? systemClock;
    const rateLimit = this.#options.rateLimit;
    this.#limiter = rateLimit === false ? undefined : createRateLimiter(rateLimit, this.#clock);
    this.client = this.#limiter === undefined ? client : rateLimitedClient(client, this.#limiter);
    this.#health = new HealthMonitor(client, this.#clock, this.#offs);
    this.#logger = deps.logger ?? silentLogger;
    this.#leases = deps.leases;
    this.#scheduler = new UpdateScheduler(this.#options.concurrency);
    const followBack = this.#options.autoFollowBack;
    const reconcile = this.#options.followBackReconcile;
    this.#reconciler =
      followBack === undefined || reconcile === false
        ? undefined
        : new FollowBackReconciler(
            {
              client: this.client,
              filter: followBack,
              clock: this.#clock,
              logger: this.#logger,
              signal: this.#abort.signal,
              onRun: (run) => this.#track(run),
              ...(deps.store === undefined ? {} : { store: deps.store }),
            },
            reconcile,
          );
    // Subscribed at once, before the client starts: the catch-up right after the login must find a listener.
    this.#offs.push(
      client.on('message', (message) => this.#deliver({ type: 'message', message })),
      client.on('recall', (recall) => this.#deliver({ type: 'recall', recall })),
      client.on('receipt', (receipt) => this.#notify({ type: 'receipt', receipt })),
      client.on('friend', (friendEvent) => this.#notify({ type: 'friend', friendEvent })),
      client.on('friend-request', (friendRequest) => this.#notify({ type: 'friend-request', friendRequest })),
      client.on('group', (groupEvent) => this.#notify({ type: 'group', groupEvent })),
      client.on('group-join-request', (groupJoinRequest) =>
        this.#notify({ type: 'group-join-request', groupJoinRequest }),
      ),
      client.on('closed', () => this.#clientClosed()),
    );
  }

  /** Where the bot is. */
  get state(): BotState {
    return this.#state;
  }

  /** Updates being handled or waiting for their turn (their chat's, or a slot under `concurrency`). */
  get pending(): number {
    return this.#scheduler.pending;
  }

  /** Updates being handled right now. */
  get running(): number {
    return this.#scheduler.running;
  }

  /**
   * How the bot is doing: its state and the client's, since when it is logged in, when the last message came
   * and how late, what waits (updates, unacknowledged sends, paced sends), and what went wrong (dead letters,
   * handler and client errors, reconnects). `healthy` is what a health check asks: running and logged in.
   * `@birdtalk/bot/node` serves it over HTTP (`serveHealth`).
   */
  health(): BotHealth {
    return this.#health.snapshot({
      state: this.#state,
      pending: this.pending,
      sendsWaiting: this.#limiter?.waiting ?? 0,
      leases: this.#leases,
    });
  }

  /** Who the bot is (its id once logged in) and how users address it. */
  get info(): BotInfo {
    const user = this.client.user;
    const names = [user?.userName, user?.nickName, ...this.#options.names].filter(
      (name): name is string => typeof name === 'string' && name !== '',
    );
    return { id: user?.userId, names: [...new Set(names)], commandPrefixes: this.#options.commandPrefixes };
  }

  /**
   * Sets the handler of every error a middleware throws (or rejects with), with the context of its update.
   * Once the handler returns, the update counts as handled: a message is not offered again. Errors the
   * handler throws, and every error while no handler is set, go to the client, which retries the message a
   * few times and then passes it to its `dead-letter` event (notifications are not retried; the client
   * reports them as `error` events).
   */
  catch(handler: ErrorHandler<C>): this {
    if (typeof handler !== 'function') {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'bot.catch() needs a function');
    }
    this.#errorHandler = handler;
    return this;
  }

  /**
   * Lets updates through and starts the client (when nobody did yet): it connects, logs in and catches up on
   * what arrived while the bot was away. Resolves with the bot's user once the catch-up was fetched (and, with
   * `autoFollowBack`, once the first `followBackReconcile` run followed back the fans it read); calling it
   * again returns the same promise.
   *
   * @throws StateError `BOT_STOPPED` after `stop()`; the client's errors when it cannot start.
   */
  start(): Promise<BotUser> {
    if (this.#state === 'stopping' || this.#state === 'stopped') {
      return Promise.reject(new StateError(BotErrorCode.STOPPED, 'the bot was stopped'));
    }
    this.#started ??= (async () => {
      this.#state = 'running';
      // Open before the client starts: the client fetches the backlog only as fast as it is handled.
      this.#gate.open('run');
      const user = await this.client.start();
      // Fans who followed while the bot was away (as far as the first run reads) can write to it once this
      // resolves; later runs are on the timer, never on a reconnect.
      await this.#reconciler?.start();
      return user;
    })();
    // `void bot.start()` is a common pattern: a failed start must not become an unhandled rejection, which
    // ends a Node process with a stack trace. Callers that await it still get the error.
    this.#started.catch(() => {});
    return this.#started;
  }

  /**
   * Stops gracefully, within `stopTimeoutMs`: takes no new notifications, lets running handlers finish (they
   * may still reply), then stops the client, which takes no new messages, waits for its running handlers,
   * sends due receipts, waits for replies to be acknowledged and persists how far it got. Messages not handled
   * by then are offered again after the next start; none is lost or handled twice. Idempotent.
   */
  stop(options: BotStopOptions = {}): Promise<void> {
    this.#stopped ??= this.#stop(options.timeoutMs ?? this.#options.stopTimeoutMs);
    return this.#stopped;
  }

  /** `await using bot = createBot(…)` stops it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }

  /**
   * Handles one update now: in its chat's turn, within the concurrency limit, through the middleware, with
   * auto-follow-back and `bot.catch()`. The client's events come here; call it yourself to feed updates from
   * elsewhere or in tests. Rejects with an error no handler took.
   */
  async handle(update: Update): Promise<void> {
    const key = sequenceKeyOf(update);
    await this.#scheduler.run(key, async () => {
      // The time limit starts with the update's turn; waiting behind the chat's earlier updates is free.
      const handling = new Handling(
        this.#clock,
        this.#options.handlerTimeoutMs,
        [deliverySignal(update), this.#abort.signal],
        (handler) =>
          `${handler === undefined ? 'a' : `the handler ${handler} of a`} ${update.type} in ${key}`,
      );
      // The context flavours of `C` (such as `SessionFlavor`) are added by the middleware that provides them.
      const contextOf = (): C => {
        const ctx = new Context(update, this.client, this.info, handling.signal) as C;
        bindHandling(ctx, handling);
        return ctx;
      };
      let ctx = contextOf();
      try {
        await this.#followBack(ctx);
        for (;;) {
          try {
            // A handler that outlives its time is left behind: the chat moves on without it.
            await handling.race(Promise.resolve(this.middleware()(ctx, async () => {})));
            break;
          } catch (error) {
            // Another process changed the session meanwhile: the whole update runs again, on a fresh context.
            if (!requestsRerun(error)) throw error;
            ctx = contextOf();
          }
        }
      } catch (error) {
        this.#health.handlerFailed();
        const handler = this.#errorHandler;
        if (handler === undefined) throw error;
        await handler(error, ctx);
      } finally {
        handling.dispose();
      }
    });
  }

  /** A delivery from the client (`message`, `recall`): the client waits for it and retries it if it throws. */
  async #deliver(update: Update): Promise<void> {
    if ((await this.#gate.wait()) === 'abandon') {
      // Stopped before it ever started: leave the message unhandled, so that the next run gets it. The client
      // abandons it when its stop times out.
      return new Promise<void>(() => {});
    }
    if (this.#skips(update)) return;
    this.#health.updateReceived(
      update.type === 'message'
        ? update.message.time
        : update.type === 'recall'
          ? update.recall.notice.time
          : undefined,
    );
    await this.handle(update);
  }

  /** A notification from the client: nobody waits for it, so the bot tracks it to drain it on stop. */
  #notify(update: Update): Promise<void> | undefined {
    if (this.#state === 'stopping' || this.#state === 'stopped') return undefined;
    const task = (async () => {
      if ((await this.#gate.wait()) === 'abandon') return;
      await this.handle(update);
    })();
    this.#track(task);
    // Returned so that the client reports a failure as an `error` event.
    return task;
  }

  #skips(update: Update): boolean {
    if (this.#options.ignoreOwnMessages) {
      if (update.type === 'message' && update.message.own) return true;
      if (update.type === 'recall' && update.recall.notice.own) return true;
    }
    if (!isDelivery(update) || !isCatchUpUpdate(update)) return false;
    if (this.#options.catchUp === 'skip') return true;
    if (this.#options.catchUp === 'skip-commands' && update.type === 'message') {
      const { message } = update;
      return (
        message.kind === 'text' && parseCommand(message.text, this.#options.commandPrefixes) !== undefined
      );
    }
    return false;
  }

  async #followBack(ctx: C): Promise<void> {
    const filter = this.#options.autoFollowBack;
    if (filter === undefined || ctx.friendEvent === undefined) return;
    const user = followBackCandidate(ctx.friendEvent, ctx.me.id);
    if (user === undefined) return;
    try {
      if (!(await shouldFollowBack(user, filter, this.client))) return;
      await this.client.friends.follow(user.userId, { signal: this.#abort.signal });
      this.#logger.debug('followed back', { userId: user.userId });
    } catch (error) {
      await this.#report(error, ctx);
    }
  }

  /** An error outside the middleware chain: to `bot.catch()` when set, else to the log. */
  async #report(error: unknown, ctx: C): Promise<void> {
    const handler = this.#errorHandler;
    if (handler === undefined) {
      this.#logger.warn('a bot operation failed', { update: ctx.type, error: String(error) });
      return;
    }
    try {
      await handler(error, ctx);
    } catch (failure) {
      this.#logger.warn('the bot error handler failed', { update: ctx.type, error: String(failure) });
    }
  }

  #track(task: Promise<unknown>): void {
    const settled = task.then(
      () => undefined,
      () => undefined,
    );
    this.#background.add(settled);
    void settled.then(() => this.#background.delete(settled));
  }

  async #stop(timeoutMs: number): Promise<void> {
    if (!(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs >= 0)) {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'timeoutMs must be a finite number ≥ 0');
    }
    const deadline = this.#clock.now() + timeoutMs;
    if (this.#state !== 'stopped') this.#state = 'stopping';
    this.#reconciler?.stop();
    this.#gate.open('abandon');
    // Notifications and follow-backs first: the client waits for its own deliveries, but knows nothing of
    // these, and once it stops, their replies would be refused.
    if (!(await settlesBy(Promise.all([...this.#background]), deadline, this.#clock))) {
      this.#logger.warn('stopping while notification handlers still run', { count: this.#background.size });
    }
    this.#abort.abort();
    await this.client.stop({ drainTimeoutMs: Math.max(0, deadline - this.#clock.now()) });
    for (const off of this.#offs.splice(0)) off();
    this.#state = 'stopped';
  }

  #clientClosed(): void {
    if (this.#state === 'stopping') return;
    this.#state = 'stopped';
    this.#reconciler?.stop();
    this.#gate.open('abandon');
    this.#abort.abort();
  }
}

/** The client's signal of a message or recall delivery: it aborts when the client gives up on it. */
function deliverySignal(update: Update): AbortSignal | undefined {
  if (update.type === 'message') return update.message.signal;
  if (update.type === 'recall') return update.recall.signal;
  return undefined;
}

/**
 * Creates a bot on a client: register middleware (`command`, `hears`, `on`, `filter`, `use`…), set an error
 * handler with `catch`, then `start()`. The bot subscribes to the client's events at once and owns its
 * lifecycle from then on: `start()` starts the client, `stop()` stops it.
 *
 * @example
 * ```ts
 * const bot = createBot(client, { autoFollowBack: true });
 * bot.command('ping', (ctx) => ctx.reply('pong'));
 * bot.on('message:text', (ctx) => ctx.reply(`you said: ${ctx.text}`));
 * bot.catch((error, ctx) => logger.warn('handler failed', { update: ctx.type, error: String(error) }));
 * await bot.start();
 * ```
 *
 * The type parameter is the bot's context type: `Context` combined with the flavours of the middleware it
 * uses, e.g. `createBot<Context & SessionFlavor<MySession>>(client)` types `ctx.session` in every handler.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for options that cannot work.
 */
export function createBot<C extends Context = Context>(
  client: Client,
  options: BotOptions = {},
  deps: BotDeps = {},
): Bot<C> {
  return new Bot<C>(client, options, deps);
}
