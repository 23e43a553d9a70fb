/** An event map: event name → the listener's argument list. */
export type EventMap<E> = { [K in keyof E]: unknown[] };

/** Called when a listener throws, with what it threw and the event it was handling. */
export type ListenerErrorHandler<E> = (error: unknown, event: keyof E) => void;

interface Entry {
  readonly fn: (...args: never[]) => void;
  readonly off: () => void;
}

/**
 * A tiny typed event emitter that runs the same in browsers, Deno, Bun and Node.
 *
 * Unlike Node's `EventEmitter`, a listener that throws neither stops delivery to the listeners after it nor
 * propagates into the code that emitted: that code is a socket callback, where an exception would tear down the
 * connection or, in Node, the whole process. The throw goes to `onListenerError` instead.
 */
export class Emitter<E extends EventMap<E>> {
  // One entry per on() call, so that adding the same function twice needs two unsubscribes.
  readonly #listeners = new Map<keyof E, Set<Entry>>();
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
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const entries = set;
    const off = (): void => {
      entries.delete(entry);
      signal?.removeEventListener('abort', off);
    };
    const entry: Entry = { fn: listener as unknown as Entry['fn'], off };
    entries.add(entry);
    signal?.addEventListener('abort', off, { once: true });
    return off;
  }

  /** Calls every listener of `event` in the order they were added. */
  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const set = this.#listeners.get(event);
    if (set === undefined || set.size === 0) return;
    // Iterate over a snapshot: listeners added meanwhile wait for the next emit, removed ones are skipped.
    for (const entry of [...set]) {
      if (!set.has(entry)) continue;
      try {
        (entry.fn as unknown as (...args: E[K]) => void)(...args);
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
  }

  /** How many listeners `event` has. */
  listenerCount(event: keyof E): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  /** Removes every listener (and its abort-signal hook), so that a finished emitter keeps nothing alive. */
  clear(): void {
    for (const set of this.#listeners.values()) for (const entry of [...set]) entry.off();
    this.#listeners.clear();
  }
}
