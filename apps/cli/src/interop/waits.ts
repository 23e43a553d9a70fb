import type { Clock } from '@birdtalk/runtime';

/** A check's observation did not match what the SDK expects; the message says what was seen. */
export class Mismatch extends Error {
  override name = 'Mismatch';
}

/** Time limits of an interop run, on the injected clock. */
export interface Waits {
  /** Resolves with `work`, or rejects with a Mismatch after the step timeout. */
  within<T>(work: Promise<T>, what: string): Promise<T>;
  /** Polls `condition` until it holds (or the step timeout passes: Mismatch with `describe()`). */
  until(condition: () => boolean | Promise<boolean>, describe: () => string): Promise<void>;
  /** Waits a quiet period, so that a duplicate would have arrived. */
  quiet(): Promise<void>;
}

/** Waits on `clock`: `stepTimeoutMs` per step, `quietMs` of quiet to rule out duplicates. */
export function createWaits(clock: Clock, stepTimeoutMs: number, quietMs: number): Waits {
  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  return {
    within(work, what) {
      return new Promise((resolve, reject) => {
        const timer = clock.setTimeout(
          () => reject(new Mismatch(`no answer to ${what} within ${stepTimeoutMs} ms`)),
          stepTimeoutMs,
        );
        work.then(
          (value) => {
            clock.clearTimeout(timer);
            resolve(value);
          },
          (error: unknown) => {
            clock.clearTimeout(timer);
            reject(error);
          },
        );
      });
    },
    async until(condition, describe) {
      const end = clock.now() + stepTimeoutMs;
      for (;;) {
        if (await condition()) return;
        if (clock.now() >= end) throw new Mismatch(describe());
        await sleep(50);
      }
    },
    quiet: () => sleep(quietMs),
  };
}
