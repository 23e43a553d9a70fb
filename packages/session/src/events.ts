import type { Logger } from '@birdtalk/runtime';

/** Options of {@link EventHub.on} and {@link EventHub.stream}. */
export interface ListenOptions {
  /** Removes the listener (or ends the stream) when this signal aborts. */
  signal?: AbortSignal;
}

type Listener<T> = (payload: T) => void;

/**
 * A typed event hub: any number of listeners per event, each removable by the returned function or by an
 * `AbortSignal`, and async iteration over one event.
 *
 * A listener that throws is logged and skipped; it never breaks the session or the other listeners.
 */
export class EventHub<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<Listener<never>>>();
  readonly #streams = new Set<() => void>();
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Subscribes `listener` to `event`; returns a function that unsubscribes it. */
  on<K extends keyof Events>(
    event: K,
    listener: (payload: Events[K]) => void,
    options: ListenOptions = {},
  ): () => void {
    const { signal } = options;
    if (signal?.aborted) return () => {};
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    // Wrap so the same function can be subscribed twice and each subscription removed on its own.
    const entry: Listener<Events[K]> = (payload) => listener(payload);
    set.add(entry as Listener<never>);
    const off = (): void => {
      set.delete(entry as Listener<never>);
      signal?.removeEventListener('abort', off);
    };
    signal?.addEventListener('abort', off, { once: true });
    return off;
  }

  /** Delivers `payload` to every listener of `event`, in subscription order. */
  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const set = this.#listeners.get(event);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<Events[K]>)(payload);
      } catch (error) {
        this.#logger.error('an event listener threw', { event: String(event), error: describeError(error) });
      }
    }
  }

  /**
   * The payloads of `event` as an async iterable, from now until `signal` aborts or {@link EventHub.end} is
   * called. Payloads are buffered while the consumer is busy.
   */
  stream<K extends keyof Events>(event: K, options: ListenOptions = {}): AsyncIterableIterator<Events[K]> {
    const buffer: Events[K][] = [];
    let wake: (() => void) | undefined;
    let done = options.signal?.aborted ?? false;
    const finish = (): void => {
      done = true;
      off();
      this.#streams.delete(finish);
      options.signal?.removeEventListener('abort', finish);
      wake?.();
    };
    const off = this.on(event, (payload) => {
      buffer.push(payload);
      wake?.();
    });
    if (done) off();
    else {
      this.#streams.add(finish);
      options.signal?.addEventListener('abort', finish, { once: true });
    }
    const iterator: AsyncIterableIterator<Events[K]> = {
      next: async () => {
        while (buffer.length === 0 && !done) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
        if (buffer.length > 0) return { value: buffer.shift() as Events[K], done: false };
        return { value: undefined, done: true };
      },
      return: async () => {
        finish();
        buffer.length = 0;
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Ends every open stream (their consumers see the buffered payloads, then the end). */
  end(): void {
    for (const finish of [...this.#streams]) finish();
  }
}

/** A short description of a thrown value for a log line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? `${error.name} ${code}: ${error.message}`
      : `${error.name}: ${error.message}`;
  }
  return String(error);
}
