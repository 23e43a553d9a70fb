import { InvalidArgumentError, StateError } from '@birdtalk/errors';
import { BotErrorCode } from './bot-errors.js';
import { addressesBot, commandNames, parseCommand } from './command.js';
import type { Context } from './context.js';
import { compileFilterQueries, type Filter, type FilterQuery } from './filter-query.js';
import { enterHandler, type HandlerOptions, splitHandlerOptions } from './handling.js';
import { compileTriggers, type HearsTrigger } from './hears.js';

/** Runs the rest of the middleware chain; resolves once it finished. Call it at most once. */
export type NextFunction = () => Promise<void>;

/**
 * A middleware function: handles the update, and calls `next()` to pass it on to the middleware registered
 * after it. It may be async; the chain waits for it, and whatever it throws travels back up the chain.
 */
export type MiddlewareFn<C extends Context = Context> = (ctx: C, next: NextFunction) => unknown;

/** Something that provides a middleware function, such as a {@link Composer}. */
export interface MiddlewareObj<C extends Context = Context> {
  /** The middleware function (for a composer: its whole chain, including what is added later). */
  middleware(): MiddlewareFn<C>;
}

/** A middleware function or object. */
export type Middleware<C extends Context = Context> = MiddlewareFn<C> | MiddlewareObj<C>;

/** Receives an error a middleware threw, with the context of the update it was handling. */
export type ErrorHandler<C extends Context = Context> = (error: unknown, ctx: C) => unknown;

/** The context inside `command()` handlers: a text message, with the command, its arguments and payload. */
export type CommandContext<C extends Context> = Filter<C, 'message:text'> & {
  readonly command: string;
  readonly args: readonly string[];
  readonly payload: string;
};

/** The context inside `hears()` handlers: a text message and what the trigger matched. */
export type HearsContext<C extends Context> = Filter<C, 'message:text'> & {
  readonly match: RegExpMatchArray;
};

/** A predicate over contexts; it may be async. */
export type ContextPredicate<C extends Context> = (ctx: C) => boolean | Promise<boolean>;

/**
 * A tree of middleware. Each method registers middleware and returns the composer of what it registered, so
 * that calls chain (`bot.on('message').filter(isGroup).command('help', …)`): the chained composer only sees
 * updates that passed every filter on the way.
 *
 * Middleware run in registration order. A middleware that does not call `next()` ends the chain for that
 * update; filters that do not match pass the update on by themselves. Errors travel back up the chain to the
 * nearest {@link Composer.errorBoundary}, or out of the bot to `bot.catch()`.
 *
 * @example
 * ```ts
 * const admin = new Composer();
 * admin.command('kick', (ctx) => ctx.reply(`kicking ${ctx.args.join(', ')}`));
 * bot.filter(fromUser(adminId), admin);
 * ```
 */
export class Composer<C extends Context = Context> implements MiddlewareObj<C> {
  readonly #stack: MiddlewareFn<C>[] = [];
  readonly #handler: MiddlewareFn<C> = (ctx, next) => runStack(this.#stack, 0, ctx, next);

  /** @param middleware - the first middleware of the chain. */
  constructor(...middleware: Middleware<C>[]) {
    this.#stack.push(...middleware.map(toMiddlewareFn));
  }

  /** The whole chain as one middleware function; it sees middleware added later too. */
  middleware(): MiddlewareFn<C> {
    return this.#handler;
  }

  /** Adds middleware that sees every update reaching this point. */
  use(...middleware: Middleware<C>[]): Composer<C> {
    const sub = new Composer<C>(...middleware);
    this.#stack.push(sub.middleware());
    return sub;
  }

  /**
   * Adds middleware for updates matching a filter query (or any of several); their context type is narrowed
   * accordingly, e.g. `ctx.text` is a `string` under `'message:text'`. {@link HandlerOptions} may come first.
   *
   * @throws InvalidArgumentError `BOT_INVALID_FILTER_QUERY` for an unknown query.
   */
  on<Q extends FilterQuery>(
    query: Q | readonly Q[],
    ...middleware: Middleware<Filter<C, Q>>[]
  ): Composer<Filter<C, Q>>;
  on<Q extends FilterQuery>(
    query: Q | readonly Q[],
    options: HandlerOptions,
    ...middleware: Middleware<Filter<C, Q>>[]
  ): Composer<Filter<C, Q>>;
  on<Q extends FilterQuery>(
    query: Q | readonly Q[],
    ...args: Array<HandlerOptions | Middleware<Filter<C, Q>>>
  ): Composer<Filter<C, Q>> {
    const matches = compileFilterQueries(query);
    const [options, middleware] = splitHandlerOptions<Middleware<Filter<C, Q>>>(args);
    const sub = new Composer<Filter<C, Q>>(...middleware);
    const handler = guarded(sub.middleware(), options, `on ${[query].flat().join(', ')}`);
    this.#stack.push((ctx, next) => (matches(ctx.update) ? handler(ctx as Filter<C, Q>, next) : next()));
    return sub;
  }

  /**
   * Adds middleware for a command: a text message starting with the command prefix (`/` by default) and one
   * of `names` (case-insensitive), optionally addressed as `/name@bot` to one of the bot's names. Inside,
   * `ctx.command`, `ctx.args` and `ctx.payload` are set. {@link HandlerOptions} may come first:
   * `bot.command('report', { timeoutMs: 120_000 }, handler)`.
   *
   * @throws InvalidArgumentError `BOT_INVALID_COMMAND` for an empty name or one with white space or `@`.
   */
  command(
    names: string | readonly string[],
    ...middleware: Middleware<CommandContext<C>>[]
  ): Composer<CommandContext<C>>;
  command(
    names: string | readonly string[],
    options: HandlerOptions,
    ...middleware: Middleware<CommandContext<C>>[]
  ): Composer<CommandContext<C>>;
  command(
    names: string | readonly string[],
    ...args: Array<HandlerOptions | Middleware<CommandContext<C>>>
  ): Composer<CommandContext<C>> {
    const wanted = commandNames(names);
    const [options, middleware] = splitHandlerOptions<Middleware<CommandContext<C>>>(args);
    const sub = new Composer<CommandContext<C>>(...middleware);
    const handler = guarded(sub.middleware(), options, `/${[...wanted][0]}`);
    this.#stack.push((ctx, next) => {
      const text = ctx.text;
      if (text === undefined) return next();
      const parsed = parseCommand(text, ctx.me.commandPrefixes);
      if (parsed === undefined || !wanted.has(parsed.command) || !addressesBot(parsed, ctx.me)) return next();
      Object.assign(ctx, { command: parsed.command, args: parsed.args, payload: parsed.payload });
      return handler(ctx as CommandContext<C>, next);
    });
    return sub;
  }

  /**
   * Adds middleware for text messages matching a trigger: a string matches the whole text (trimmed,
   * case-insensitive), a regular expression is searched in it. `ctx.match` holds the match.
   * {@link HandlerOptions} may come first.
   *
   * @throws InvalidArgumentError `BOT_INVALID_TRIGGER` for something that is not a trigger.
   */
  hears(trigger: HearsTrigger, ...middleware: Middleware<HearsContext<C>>[]): Composer<HearsContext<C>>;
  hears(
    trigger: HearsTrigger,
    options: HandlerOptions,
    ...middleware: Middleware<HearsContext<C>>[]
  ): Composer<HearsContext<C>>;
  hears(
    trigger: HearsTrigger,
    ...args: Array<HandlerOptions | Middleware<HearsContext<C>>>
  ): Composer<HearsContext<C>> {
    const find = compileTriggers(trigger);
    const [options, middleware] = splitHandlerOptions<Middleware<HearsContext<C>>>(args);
    const sub = new Composer<HearsContext<C>>(...middleware);
    const handler = guarded(sub.middleware(), options, `hears ${[trigger].flat().map(String).join(', ')}`);
    this.#stack.push((ctx, next) => {
      const text = ctx.text;
      const match = text === undefined ? undefined : find(text);
      if (match === undefined) return next();
      Object.assign(ctx, { match });
      return handler(ctx as HearsContext<C>, next);
    });
    return sub;
  }

  /**
   * Adds middleware for updates a predicate accepts. A type guard (`isGroup`, `fromUser(id)`, your own)
   * narrows the context type of the middleware.
   */
  filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  filter(predicate: ContextPredicate<C>, ...middleware: Middleware<C>[]): Composer<C>;
  filter(predicate: ContextPredicate<C>, ...middleware: Middleware<C>[]): Composer<C> {
    checkPredicate(predicate);
    const sub = new Composer<C>(...middleware);
    const handler = sub.middleware();
    this.#stack.push(async (ctx, next) => ((await predicate(ctx)) ? handler(ctx, next) : next()));
    return sub;
  }

  /** Adds middleware for updates a predicate rejects: the opposite of {@link Composer.filter}. */
  drop(predicate: ContextPredicate<C>, ...middleware: Middleware<C>[]): Composer<C> {
    checkPredicate(predicate);
    return this.filter(async (ctx) => !(await predicate(ctx)), ...middleware);
  }

  /**
   * Adds middleware whose own errors go to `handler` instead of up the chain. Errors thrown further down the
   * chain (after these middleware called `next()`) pass through untouched, so each error is handled by the
   * boundary closest to where it happened. After `handler` returns the update counts as handled; if it
   * throws, its error travels on up.
   */
  errorBoundary(handler: ErrorHandler<C>, ...middleware: Middleware<C>[]): Composer<C> {
    if (typeof handler !== 'function') {
      throw new InvalidArgumentError('INVALID_ARGUMENT', 'an error boundary needs a handler function');
    }
    const sub = new Composer<C>(...middleware);
    const inner = sub.middleware();
    this.#stack.push(async (ctx, next) => {
      let downstream: { readonly error: unknown } | undefined;
      const guardedNext: NextFunction = async () => {
        try {
          await next();
        } catch (error) {
          downstream = { error };
          throw error;
        }
      };
      try {
        await inner(ctx, guardedNext);
      } catch (error) {
        if (downstream !== undefined && downstream.error === error) throw error;
        await handler(error, ctx);
      }
    });
    return sub;
  }
}

/**
 * A handler's middleware that names the handler and applies its time limit as it starts (see
 * {@link HandlerOptions}).
 */
function guarded<C extends Context>(
  handler: MiddlewareFn<C>,
  options: HandlerOptions,
  defaultName: string,
): MiddlewareFn<C> {
  const name = options.name ?? defaultName;
  const { timeoutMs } = options;
  return (ctx, next) => {
    enterHandler(ctx, name, timeoutMs);
    return handler(ctx, next);
  };
}

/**
 * Runs middleware `index` of `stack`, giving it a `next` that runs the rest (and finally `last`). A second
 * call of the same `next` is refused: it would run the rest of the chain twice.
 */
async function runStack<C extends Context>(
  stack: readonly MiddlewareFn<C>[],
  index: number,
  ctx: C,
  last: NextFunction,
): Promise<void> {
  const middleware = stack[index];
  if (middleware === undefined) {
    await last();
    return;
  }
  let called = false;
  await middleware(ctx, () => {
    if (called) {
      return Promise.reject(
        new StateError(BotErrorCode.NEXT_CALLED_TWICE, 'next() was called twice by the same middleware'),
      );
    }
    called = true;
    return runStack(stack, index + 1, ctx, last);
  });
}

/**
 * The function of a middleware.
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` for something that is neither a function nor has
 * `middleware()`.
 */
export function toMiddlewareFn<C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> {
  if (typeof middleware === 'function') return middleware;
  if (typeof middleware === 'object' && middleware !== null && typeof middleware.middleware === 'function') {
    return middleware.middleware();
  }
  throw new InvalidArgumentError('INVALID_ARGUMENT', 'middleware must be a function or have middleware()');
}

function checkPredicate(predicate: unknown): void {
  if (typeof predicate !== 'function') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'a filter needs a predicate function');
  }
}
