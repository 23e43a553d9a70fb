import { InvalidArgumentError, isBirdTalkError, StateError } from '@birdtalk/errors';
import { BotErrorCode } from '../bot-errors.js';
import type { MiddlewareFn } from '../composer.js';
import type { Context } from '../context.js';
import { raceHandling } from '../handling.js';
import { KeyedQueue } from '../sequencer.js';
import { sequenceKeyOf, type Update } from '../update.js';
import { createMemorySessionStorage, type SessionStorage } from './storage.js';

/**
 * What a context gains from {@link session}: `ctx.session`, typed. Combine it with `Context` into the bot's
 * context type: `type MyContext = Context & SessionFlavor<{ count: number }>`, then `createBot<MyContext>(…)`.
 */
export interface SessionFlavor<S> {
  /**
   * The session of this update's key: read before the rest of the chain runs, written after it finished
   * (only when it changed), not written when a middleware threw. Assign a new object to replace it, or
   * `undefined` to delete it (the next update starts from `initial()` again).
   *
   * @throws StateError `BOT_NO_SESSION_KEY` (on access) when the key function gave no key for this update.
   */
  session: S;
}

/** Computes the key of an update's session; `undefined` for updates without one. */
export type SessionKey<C extends Context> = (ctx: C) => string | undefined;

/** Options of {@link session}. */
export interface SessionOptions<S, C extends Context> {
  /** The value of a session not stored yet. Called once per fresh session, so it may return a new object. */
  readonly initial: () => S;
  /** Where sessions live. @defaultValue memory ({@link createMemorySessionStorage}) */
  readonly storage?: SessionStorage<S>;
  /**
   * Whose session an update belongs to. @defaultValue {@link sessionKeys}`.chat`: one session per chat, the
   * P2P chat with a user or a group.
   */
  readonly key?: SessionKey<C>;
  /**
   * How many times an update runs again when its session changed under it (another process sharing the
   * storage wrote the key since it was read); then the update fails with `StateError BOT_SESSION_CONFLICT`.
   * Only storages with versioned writes detect this (every adapter here has them).
   * @defaultValue 20
   */
  readonly conflictRetries?: number;
}

/** The defaults of {@link SessionOptions}. */
export const DEFAULT_SESSION_OPTIONS = { conflictRetries: 20 } as const;

/**
 * Ready-made session keys. `chat` is what the bot orders updates by, so its sessions cost no extra waiting;
 * `user` and `member` need the session middleware's own per-key ordering, which it always applies.
 */
export const sessionKeys = {
  /** One session per chat: `p2p:<userId>` or `group:<groupId>`. */
  chat: (ctx: Context): string | undefined =>
    ctx.chat === undefined ? undefined : sequenceKeyOf(ctx.update),
  /** One session per user, shared by every chat they write in. */
  user: (ctx: Context): string | undefined => (ctx.from === undefined ? undefined : `user:${ctx.from}`),
  /** One session per group member (and per P2P chat): `group:<groupId>:<userId>`. */
  member: (ctx: Context): string | undefined => {
    const chat = ctx.chat;
    if (chat === undefined || ctx.from === undefined) return undefined;
    return chat.type === 'group' ? `group:${chat.groupId}:${ctx.from}` : `p2p:${chat.userId}`;
  },
} as const;

/**
 * Session middleware, in the spirit of grammY's: gives every update's context a typed `ctx.session` kept in
 * `storage` under the update's key.
 *
 * Updates of one key run the rest of the chain **one at a time** (per-key serialisation in this process), so
 * read-modify-write never loses an update, whichever key function is chosen. Across processes sharing a
 * storage, writes are versioned: a write that finds the session changed since it was read is refused and the
 * bot runs the whole update again on the new value (up to `conflictRetries` times), so no update is lost
 * either. A run again repeats what the handler did besides the session (its replies too): where that matters,
 * let one process own each key. Do not nest two session middlewares that use the same key on the same
 * update: the inner one would wait for the outer.
 *
 * @example
 * ```ts
 * type MyContext = Context & SessionFlavor<{ count: number }>;
 * const bot = createBot<MyContext>(client);
 * bot.use(session({ initial: () => ({ count: 0 }), storage: storeSessionStorage(store) }));
 * bot.command('count', (ctx) => ctx.reply(String(++ctx.session.count)));
 * ```
 *
 * @throws InvalidArgumentError `INVALID_ARGUMENT` without an `initial` function, or with `conflictRetries`
 * that is not a whole number ≥ 0.
 */
export function session<S, C extends Context & SessionFlavor<S> = Context & SessionFlavor<S>>(
  options: SessionOptions<S, C>,
): MiddlewareFn<C> {
  if (typeof options?.initial !== 'function') {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'session() needs an initial() function');
  }
  const { initial } = options;
  const storage = options.storage ?? createMemorySessionStorage<S>();
  const keyOf: SessionKey<C> = options.key ?? sessionKeys.chat;
  const conflictRetries = options.conflictRetries ?? DEFAULT_SESSION_OPTIONS.conflictRetries;
  if (!(Number.isInteger(conflictRetries) && conflictRetries >= 0)) {
    throw new InvalidArgumentError('INVALID_ARGUMENT', 'conflictRetries must be a whole number ≥ 0');
  }
  const readVersioned = storage.readVersioned?.bind(storage);
  const writeIfVersion = storage.writeIfVersion?.bind(storage);
  const versioned = readVersioned !== undefined && writeIfVersion !== undefined;
  // The runs of each update that found its session changed; the bot runs an update again with a new context.
  const conflicts = new WeakMap<Update, number>();
  const queue = new KeyedQueue();
  return async (ctx, next) => {
    const key = keyOf(ctx);
    if (key === undefined) {
      Object.defineProperty(ctx, 'session', {
        configurable: true,
        get: () => {
          throw new StateError(BotErrorCode.NO_SESSION_KEY, `a ${ctx.type} update has no session key`);
        },
        set: () => {
          throw new StateError(BotErrorCode.NO_SESSION_KEY, `a ${ctx.type} update has no session key`);
        },
      });
      return next();
    }
    return queue.run(key, async () => {
      const { value: stored, version } = versioned
        ? await readVersioned(key)
        : { value: await storage.read(key), version: undefined };
      let value: S | undefined = stored ?? initial();
      // What was stored (or the fresh value), to skip writes of an unchanged session: most updates only read it.
      const before = JSON.stringify(value);
      Object.defineProperty(ctx, 'session', {
        configurable: true,
        enumerable: true,
        get: () => value,
        set: (next: S | undefined) => {
          value = next;
        },
      });
      // A handler that runs out of time gives up the key, and its late changes are never written.
      await raceHandling(ctx, next());
      const deleted = value === undefined || value === null;
      if (deleted ? stored === undefined : JSON.stringify(value) === before) return;
      if (!versioned) {
        if (deleted) await storage.delete(key);
        else await storage.write(key, value as S);
        return;
      }
      if (await writeIfVersion(key, deleted ? undefined : value, version)) return;
      const conflict = (conflicts.get(ctx.update) ?? 0) + 1;
      conflicts.set(ctx.update, conflict);
      throw new StateError(
        BotErrorCode.SESSION_CONFLICT,
        `the session ${JSON.stringify(key)} changed while a ${ctx.type} update was handled` +
          (conflict > conflictRetries ? `, ${conflict} times` : ''),
        { details: { key, conflicts: conflict, rerun: conflict <= conflictRetries } },
      );
    });
  };
}

/**
 * Whether an error asks the bot to handle its update again: a session or a conversation that another process
 * changed while the update was handled, with reruns left.
 */
export function requestsRerun(error: unknown): boolean {
  return (
    (isBirdTalkError(error, BotErrorCode.SESSION_CONFLICT) ||
      isBirdTalkError(error, BotErrorCode.CONVERSATION_CONFLICT)) &&
    (error as StateError).details?.rerun === true
  );
}
