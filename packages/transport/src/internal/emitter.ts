/** An event map: event name → the listener's argument list. */
export type EventMap<E> = { [K in keyof E]: unknown[] };

/** Called when a listener throws, with what it threw and the event it was handling. */
export type ListenerErrorHandler<E> = (error: unknown, event: keyof E) => void;

/**
 * One on() call: the same function added twice is two entries, each removed by its own unsubscribe. The
 * unsubscribe handed out is {@link Entry.remove} bound to the entry: a closure and its scope per subscription
 * cost an idle connection's five subscriptions more.
 */
class Entry {
  readonly fn: (...args: never[]) => void;
  /** Set by the unsubscribe: an emit already under way skips it. */
  removed = false;
  readonly #emitter: { drop(event: PropertyKey, entry: Entry): void };
  readonly #event: PropertyKey;
  readonly #signal: AbortSignal | undefined;
  /** The unsubscribe the signal calls, so that it can be unhooked; only with a signal. */
  onAbort: (() => void) | undefined;

  constructor(
    fn: (...args: never[]) => void,
    emitter: { drop(event: PropertyKey, entry: Entry): void },
    event: PropertyKey,
    signal: AbortSignal | undefined,
  ) {
    this.fn = fn;
    this.#emitter = emitter;
    this.#event = event;
    this.#signal = signal;
  }

  /** Unsubscribes. Idempotent. */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    this.#emitter.drop(this.#event, this);
    if (this.onAbort !== undefined) this.#signal?.removeEventListener('abort', this.onAbort);
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
    const entry = new Entry(listener as unknown as Entry['fn'], this, event, signal);
    // concat() and a literal allocate exactly what they hold; a spread or push() would reserve room for 17.
    this.#listeners[event] = this.#listeners[event]?.concat(entry) ?? [entry];
    const off = entry.remove.bind(entry);
    if (signal !== undefined) {
      entry.onAbort = off;
      signal.addEventListener('abort', off, { once: true });
    }
    return off;
  }

  /** Takes `entry` out of the listeners of `event` (its {@link Entry.remove}); not for other callers. */
  drop(event: PropertyKey, entry: Entry): void {
    const remaining = this.#listeners[event as keyof E]?.filter((other) => other !== entry);
    if (remaining !== undefined) this.#listeners[event as keyof E] = remaining;
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
    for (const entries of lists) for (const entry of entries) entry.remove();
  }
}
