import type { Int64 } from '@birdtalk/proto';
import type { Clock, Logger } from '@birdtalk/runtime';
import type { SendIdSource } from '@birdtalk/session';
import type { Store } from './store.js';

/** A {@link SendIdSource} backed by a {@link Store}, with a way to wait for its first block. */
export interface StoreSendIds extends SendIdSource {
  /** Resolves once the first block is reserved; `next()` must not be called before. */
  readonly ready: Promise<void>;
}

/** How many ids per millisecond the clock floor allows (as in the session's clock-seeded source). */
const idsPerMs = 1000n;

/**
 * Send ids handed out synchronously from blocks reserved in the store.
 *
 * `sendId`s must be unique and increasing for the account across restarts: the server stores them with every
 * message, receivers deduplicate resends by them, and the outbox resends with them. `next()` must stay
 * synchronous (the session allocates ids while building frames), so ids come from a block reserved ahead of
 * use: a durable high-water mark in the store. The next block is reserved in the background once half of the
 * current one is used.
 *
 * Every reservation starts at least at `clock.now() × 1000` (the session's clock-seeded scheme), so ids stay
 * unique even if the store is lost, and the store keeps them unique if the clock moves backwards. Should a
 * burst use up a block before the next reservation lands, ids continue past it and the pending reservation is
 * raised to cover them: during that short window only the clock floor protects those ids from reuse after a
 * crash.
 */
export function createStoreSendIds(
  store: Store,
  deps: { readonly clock: Clock; readonly logger: Logger; readonly blockSize?: number },
): StoreSendIds {
  const blockSize = Math.max(2, Math.floor(deps.blockSize ?? 1000));
  let next = 0n;
  let end = 0n; // exclusive
  let refill: Promise<void> | undefined;
  // A block reserved while the current one still had ids left.
  let pending: { start: bigint; stop: bigint } | undefined;

  const floor = (): bigint => BigInt(Math.floor(deps.clock.now())) * idsPerMs;

  const reserve = (): Promise<void> => {
    if (refill !== undefined) return refill;
    const low = next > floor() ? next : floor();
    refill = store
      .reserveSendIds(blockSize, low.toString())
      .then((first: Int64) => {
        const start = BigInt(first);
        const stop = start + BigInt(blockSize);
        if (next < start || next >= end) {
          // The current block is used up (or this is the first): continue in the new one.
          if (next < start) next = start;
          end = stop;
        } else {
          // Still inside the current block: the new one starts where the reservation said.
          pending = { start, stop };
        }
      })
      .finally(() => {
        refill = undefined;
      });
    return refill;
  };

  const ready = reserve();
  ready.catch(() => {});

  return {
    ready,
    next() {
      if (next >= end && pending !== undefined) {
        next = next > pending.start ? next : pending.start;
        end = pending.stop;
        pending = undefined;
      }
      const id = next;
      next += 1n;
      const remaining = end - next;
      if (pending === undefined && refill === undefined && remaining < BigInt(blockSize) / 2n) {
        reserve().catch((error: unknown) => {
          deps.logger.warn('the store could not reserve send ids', { error: String(error) });
        });
      }
      if (id >= end) {
        // A burst outran the reservation: stretch the block; the next reservation starts above these ids.
        end = next;
      }
      return id.toString();
    },
  };
}
