/** An opaque handle to a scheduled timer. */
export type TimerHandle = { readonly timer: unknown };

/**
 * Time and timers, injected so that every time-driven behaviour (heartbeats, backoff, timeouts, resends) can be
 * tested with a fake clock instead of real waiting.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `callback` once after `delayMs` milliseconds. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  /** Cancels a timer from {@link Clock.setTimeout}; does nothing for `undefined` or a timer that already ran. */
  clearTimeout(handle: TimerHandle | undefined): void;
  /** Runs `callback` every `intervalMs` milliseconds until cleared. */
  setInterval(callback: () => void, intervalMs: number): TimerHandle;
  /** Cancels a timer from {@link Clock.setInterval}. */
  clearInterval(handle: TimerHandle | undefined): void;
}

/** The real clock: `Date.now()` and the runtime's own timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => ({ timer: globalThis.setTimeout(callback, delayMs) }),
  clearTimeout: (handle) => {
    if (handle !== undefined)
      globalThis.clearTimeout(handle.timer as ReturnType<typeof globalThis.setTimeout>);
  },
  setInterval: (callback, intervalMs) => ({ timer: globalThis.setInterval(callback, intervalMs) }),
  clearInterval: (handle) => {
    if (handle !== undefined)
      globalThis.clearInterval(handle.timer as ReturnType<typeof globalThis.setInterval>);
  },
};

/**
 * Resolves after `delayMs` on `clock`, or rejects with the signal's reason as soon as `signal` aborts.
 */
export function sleep(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
