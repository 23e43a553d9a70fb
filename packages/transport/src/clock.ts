/**
 * The timers a connector needs to enforce its connect timeout. `Clock` from `@birdtalk/runtime` (and its
 * `FakeClock`) fits as is; the structural type keeps this package free of a runtime dependency on it.
 */
export interface TransportClock {
  /** Runs `callback` once after `delayMs` milliseconds; returns a handle for {@link TransportClock.clearTimeout}. */
  setTimeout(callback: () => void, delayMs: number): unknown;
  /** Cancels a timer started by {@link TransportClock.setTimeout}. */
  clearTimeout(handle: unknown): void;
}

/** The runtime's own timers: the default when no clock is injected. @internal */
export const systemTransportClock: TransportClock = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0]),
};
