import type { MiddlewareFn } from './composer.js';
import type { Context } from './context.js';
import { KeyedQueue } from './sequencer.js';

/** Names what an update must not be handled concurrently with: one key, several, or none. */
export type SequenceKeys<C extends Context> = (
  ctx: C,
) => string | readonly string[] | undefined | Promise<string | readonly string[] | undefined>;

/**
 * Middleware that runs the rest of the chain one update at a time per key. The bot already handles the updates
 * of one chat in order; use this for wider constraints, e.g. one user's updates across all chats
 * (`sequentialize((ctx) => ctx.from)`) or one shared resource. Updates with several keys hold all of them
 * (taken in sorted order, so they never wait for each other in a circle); updates with none pass straight on.
 */
export function sequentialize<C extends Context>(keysOf: SequenceKeys<C>): MiddlewareFn<C> {
  const queue = new KeyedQueue();
  return async (ctx, next) => {
    const keys = await keysOf(ctx);
    if (keys === undefined) return next();
    const list = typeof keys === 'string' ? [keys] : keys;
    if (list.length === 0) return next();
    return queue.runAll(list, next);
  };
}
