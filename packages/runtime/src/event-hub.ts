/** Options of the `on` and `stream` methods of an {@link EventHub}. */
export interface ListenOptions {
  /** Removes the listener (or ends the stream) when this signal aborts. */
  readonly signal?: AbortSignal | undefined;
}

/** A listener as the hub keeps it. */
export type HubListener<T> = (payload: T) => unknown;

/** Options of the `stream` method of an {@link EventHub}. */
export interface StreamOptions<T> extends ListenOptions {
  /** Only payloads it accepts are yielded; the others count as handled at once. */
  readonly filter?: (payload: T) => boolean;
  /**
   * The most payloads buffered for a consumer that is not keeping up (or never reads); when one more comes,
   * the oldest buffered one is dropped and counts as handled.
   * @defaultValue {@link DEFAULT_STREAM_BUFFER}
   */
  readonly maxBuffered?: number;
  /**
   * A payload's own deadline: once the returned signal aborts, the payload leaves the buffer if the consumer
   * has not taken it yet (its deliverer gave up on it, so the consumer never sees it).
   */
  readonly expiry?: (payload: T) => AbortSignal | undefined;
}

/** How many payloads a stream buffers by default. */
export const DEFAULT_STREAM_BUFFER = 1000;

/**
 * A typed event hub: any number of listeners per event, each removable by the returned function or an
 * `AbortSignal`, and async iteration over one event.
 *
 * Listeners may return promises. {@link EventHub.emit} does not wait for them and reports failures (a throw or
 * a rejection) through `onListenerError`; deliveries take {@link EventHub.listeners} and run them themselves.
 *
 * A stream counts as a listener whose promise resolves when the consumer asks for the next payload (or ends):
 * a `for await` body that is still running keeps the payload "being handled", which gives iterators the same
 * handled-once-done semantics as listeners.
 */
export class EventHub<Events extends object> {
  // Both made at the first use: a session keeps a hub for its whole life, and most events of most sessions
  // never get a listener or a stream.
  #listeners: Map<keyof Events, Set<HubListener<never>>> | undefined;
  #streams: Set<() => void> | undefined;
  readonly #onListenerError: (event: keyof Events, error: unknown) => void;
  /** Set by {@link EventHub.end}: a stream opened later ends at once instead of waiting for ever. */
  #ended = false;

  constructor(onListenerError: (event: keyof Events, error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Subscribes `listener` to `event`; returns a function that unsubscribes it. */
  on<K extends keyof Events>(
    event: K,
    listener: HubListener<Events[K]>,
    options: ListenOptions = {},
  ): () => void {
    if (typeof listener !== 'function') throw new TypeError('a listener must be a function');
    const { signal } = options;
    if (signal?.aborted) return () => {};
    this.#listeners ??= new Map();
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    // Wrap so the same function can be subscribed twice and each subscription removed on its own.
    const entry: HubListener<Events[K]> = (payload) => listener(payload);
    set.add(entry as HubListener<never>);
    const off = (): void => {
      set.delete(entry as HubListener<never>);
      signal?.removeEventListener('abort', off);
    };
    signal?.addEventListener('abort', off, { once: true });
    return off;
  }

  /** The listeners of `event` right now, in subscription order. */
  listeners<K extends keyof Events>(event: K): HubListener<Events[K]>[] {
    return [...(this.#listeners?.get(event) ?? [])] as HubListener<Events[K]>[];
  }

  /** Whether `event` has a listener right now. */
  has(event: keyof Events): boolean {
    return (this.#listeners?.get(event)?.size ?? 0) > 0;
  }

  /** Calls every listener of `event` with `payload`; failures go to `onListenerError`, never to the caller. */
  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    if (!this.has(event)) return;
    for (const listener of this.listeners(event)) {
      try {
        const result = listener(payload);
        if (isThenable(result)) result.then(undefined, (error) => this.#onListenerError(event, error));
      } catch (error) {
        this.#onListenerError(event, error);
      }
    }
  }

  /**
   * The payloads of `event` as an async iterable, from now until `signal` aborts or {@link EventHub.end} is
   * called. Payloads are buffered while the consumer is busy (at most `maxBuffered`, the oldest dropped first;
   * an expired one leaves the buffer); each counts as handled once the consumer asks for the next one.
   */
  stream<K extends keyof Events>(
    event: K,
    options: StreamOptions<Events[K]> = {},
  ): AsyncIterableIterator<Events[K]> {
    type Item = { readonly payload: Events[K]; readonly handled: () => void };
    const buffer: Item[] = [];
    let current: Item | undefined;
    let wake: (() => void) | undefined;
    let done = this.#ended || (options.signal?.aborted ?? false);
    const releaseCurrent = (): void => {
      current?.handled();
      current = undefined;
    };
    const finish = (): void => {
      if (done && !this.#streams?.has(finish)) return;
      done = true;
      off();
      this.#streams?.delete(finish);
      options.signal?.removeEventListener('abort', finish);
      wake?.();
    };
    const maxBuffered = Math.max(1, options.maxBuffered ?? DEFAULT_STREAM_BUFFER);
    const off = this.on(event, (payload) => {
      if (done || (options.filter !== undefined && !options.filter(payload))) return undefined;
      return new Promise<void>((handled) => {
        const expiry = options.expiry?.(payload);
        const onExpired = (): void => {
          const index = buffer.indexOf(item);
          if (index >= 0) buffer.splice(index, 1);
          handled();
        };
        const item: Item = {
          payload,
          handled: () => {
            expiry?.removeEventListener('abort', onExpired);
            handled();
          },
        };
        if (expiry?.aborted) {
          handled();
          return;
        }
        expiry?.addEventListener('abort', onExpired, { once: true });
        if (buffer.length >= maxBuffered) buffer.shift()?.handled();
        buffer.push(item);
        wake?.();
      });
    });
    if (done) off();
    else {
      this.#streams ??= new Set();
      this.#streams.add(finish);
      options.signal?.addEventListener('abort', finish, { once: true });
    }
    const iterator: AsyncIterableIterator<Events[K]> = {
      next: async () => {
        releaseCurrent();
        while (buffer.length === 0 && !done) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
        const item = buffer.shift();
        if (item !== undefined) {
          current = item;
          return { value: item.payload, done: false };
        }
        return { value: undefined, done: true };
      },
      return: async () => {
        finish();
        releaseCurrent();
        // Payloads the consumer will never see are not its to hold up.
        for (const item of buffer.splice(0)) item.handled();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Ends every open stream, and every stream opened later: consumers see the buffered payloads, then the end. */
  end(): void {
    this.#ended = true;
    for (const finish of [...(this.#streams ?? [])]) finish();
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}
