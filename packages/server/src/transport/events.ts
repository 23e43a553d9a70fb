import type { ListenerOptions, TransportEvents } from '@birdtalk/transport';

type Listener<K extends keyof TransportEvents> = (...args: TransportEvents[K]) => void;

/** A tiny typed event hub for the transports of this package. */
export class TransportEventHub {
  readonly #listeners = new Map<keyof TransportEvents, Set<(...args: unknown[]) => void>>();

  on<K extends keyof TransportEvents>(
    event: K,
    listener: Listener<K>,
    options?: ListenerOptions,
  ): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const stored = listener as unknown as (...args: unknown[]) => void;
    set.add(stored);
    const off = (): void => {
      set.delete(stored);
    };
    if (options?.signal !== undefined) {
      if (options.signal.aborted) off();
      else options.signal.addEventListener('abort', off, { once: true });
    }
    return off;
  }

  emit<K extends keyof TransportEvents>(event: K, ...args: TransportEvents[K]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (listener as unknown as Listener<K>)(...args);
      } catch {
        // A listener's failure must not break delivery to the others.
      }
    }
  }
}
