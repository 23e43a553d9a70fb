/**
 * Group commit for the stores that keep state on disk: the changes asked for while the microtasks already queued
 * run are written together, by one flush that a microtask queued by the first of them runs. A change therefore
 * reaches the disk before anything queued after it runs (the next handler a finished message lets run, for
 * instance) and before the next turn of the event loop, and a busy store writes once per run of microtasks rather
 * than once per change.
 *
 * A change that nothing needs before its promise settles (a handling mark, say) may be `deferrable`: it waits for
 * the next batch, or for the end of the turn when no other change comes, so it usually travels with the change
 * that follows it.
 */
export interface GroupCommit {
  /**
   * Joins the current batch (opening one if none is open) and makes sure a flush is queued: in a microtask, or at
   * the end of the turn when every change of the batch so far is `deferrable`. The promise settles as the
   * batch's {@link GroupCommit.take | taker} settles it.
   */
  join(deferrable?: boolean): Promise<void>;
  /**
   * Closes the current batch and returns its settlers, or `undefined` when no batch is open. The flush calls it
   * first, writes what was queued, then resolves or rejects the batch; a caller that must see every earlier
   * change written (a read, a close) may flush at once and call it too.
   */
  take(): BatchSettlers | undefined;
}

/** How a flush settles the batch it took. */
export interface BatchSettlers {
  /** Every change of the batch is written. */
  resolve(): void;
  /** The batch's write failed; every change of the batch learns of it. */
  reject(error: unknown): void;
}

/**
 * Creates a {@link GroupCommit} whose queued flushes call `flush`. `flush` takes the batch with
 * {@link GroupCommit.take} and settles it; an exception it throws is its own to report.
 *
 * @example
 * ```ts
 * import { createGroupCommit } from '@birdtalk/runtime/node';
 *
 * const lines: string[] = [];
 * const commit = createGroupCommit(() => {
 *   const batch = commit.take();
 *   console.log(`one write of ${lines.splice(0).length} lines`);
 *   batch?.resolve();
 * });
 * const append = (line: string): Promise<void> => {
 *   lines.push(line);
 *   return commit.join();
 * };
 * await Promise.all([append('a'), append('b'), append('c')]); // prints "one write of 3 lines"
 * ```
 */
export function createGroupCommit(flush: () => void): GroupCommit {
  let batch: (BatchSettlers & { readonly promise: Promise<void> }) | undefined;
  // The flush already queued for the batch, if any: a microtask, or (only deferrable changes so far) the turn's end.
  let queued: 'microtask' | 'turn' | undefined;
  const flushQueued = (): void => {
    queued = undefined;
    flush();
  };
  return {
    join(deferrable = false) {
      if (batch === undefined) {
        let resolve!: () => void;
        let reject!: (error: unknown) => void;
        const promise = new Promise<void>((yes, no) => {
          resolve = yes;
          reject = no;
        });
        batch = { promise, resolve, reject };
      }
      if (!deferrable && queued !== 'microtask') {
        queued = 'microtask';
        queueMicrotask(flushQueued);
      } else if (deferrable && queued === undefined) {
        queued = 'turn';
        setImmediate(flushQueued);
      }
      return batch.promise;
    },
    take() {
      const current = batch;
      batch = undefined;
      return current;
    },
  };
}
