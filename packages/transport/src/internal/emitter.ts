/** An event map: event name → the listener's argument list. */
export type EventMap<E> = { [K in keyof E]: unknown[] };

/** Called when a listener throws, with what it threw and the event it was handling. */
export type ListenerErrorHandler<E> = (error: unknown, event: keyof E) => void;

/** One on() call: the same function added twice is two entries, each removed by its own unsubscribe. */
function noop(): void {}

class Entry {
  readonly fn: (...args: never[]) => void;
  /** Set by the unsubscribe: an emit already under way skips it. */
  removed = false;
  /** Its unsubscribe, for {@link Emitter.clear}. */
  off: () => void = noop;

  constructor(fn: (...args: never[]) => void) {
    this.fn = fn;
  }
}

/**
 * A tiny typed event emitter that runs the same in browsers, Deno, Bun and Node.
 *
 * Unlike Node's `EventEmitter`, a listener that throws neither stops delivery to the listeners after it nor
 * propagates into the code that emitted: that code is a socket callback, where an exception would tear down the
 * connection or, in Node, the whole process. The throw goes to `onListenerError` instead.
 */
export class Emitter<E extends EventMap<E>> {
  /**
   * The entries of each event, as arrays replaced rather than changed (copy on write): an emit walks the array
   * it found, so listeners added meanwhile wait for the next emit, and needs no copy of its own. Arrays in a
   * plain object cost an idle connection far less than a map of sets.
   */
  #listeners: Partial<Record<keyof E, readonly Entry[]>> = {};
  readonly #onListenerError: ListenerErrorHandler<E>;

  constructor(onListenerError: ListenerErrorHandler<E>) {
    this.#onListenerError = onListenerError;
  }

  /**
   * Adds a listener and returns the function that removes it. With a `signal`, the listener is also removed
   * when the signal aborts, and is never added if it already has.
   */
  on<K extends keyof E>(
    event: K,
    listener: (...args: E[K]) => void,
    options: { signal?: AbortSignal | undefined } = {},
  ): () => void {
    const { signal } = options;
    if (signal?.aborted) return () => {};
    const entry = new Entry(listener as unknown as Entry['fn']);
    // concat() and a literal allocate exactly what they hold; a spread or push() would reserve room for 17.
    this.#listeners[event] = this.#listeners[event]?.concat(entry) ?? [entry];
    const off = (): void => {
      if (entry.removed) return;
      entry.removed = true;
      const remaining = this.#listeners[event]?.filter((other) => other !== entry);
      if (remaining !== undefined) this.#listeners[event] = remaining;
      signal?.removeEventListener('abort', off);
    };
    entry.off = off;
    signal?.addEventListener('abort', off, { once: true });
    return off;
  }

  /** Calls every listener of `event` in the order they were added. */
  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const entries = this.#listeners[event];
    if (entries === undefined) return;
    for (const entry of entries) {
      if (entry.removed) continue;
      try {
        (entry.fn as unknown as (...args: E[K]) => void)(...args);
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
  }

  /** How many listeners `event` has. */
  listenerCount(event: keyof E): number {
    return this.#listeners[event]?.length ?? 0;
  }

  /** Removes every listener (and its abort-signal hook), so that a finished emitter keeps nothing alive. */
  clear(): void {
    const lists = Object.values(this.#listeners) as Array<readonly Entry[]>;
    this.#listeners = {};
    for (const entries of lists) for (const entry of entries) entry.off();
  }
}
