import type { ConnectOptions } from '@birdtalk/transport';

/**
 * The options of one connection attempt, and the means to abandon it. The connectors of @birdtalk/transport take
 * `cancelWith` and never read `signal`, so no AbortSignal is made for them: an AbortSignal and its abort listener
 * cost a fast re-login more than the rest of its connection attempt (a burst of 10,000 re-logins spent about
 * 45 µs of client CPU per session on them). A connector that reads `signal` gets one, made when it first reads it.
 */
export class ConnectCancel implements ConnectOptions {
  #abandon: ((reason: unknown) => void) | undefined;
  #controller: AbortController | undefined;
  #cancelled = false;
  #reason: unknown;

  /** Handed to the connector, which calls it with the function that abandons its attempt. */
  readonly cancelWith = (abandon: (reason: unknown) => void): void => {
    this.#abandon = abandon;
  };

  /** A signal for a connector that reads one instead of taking `cancelWith`; already aborted after {@link cancel}. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#cancelled) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Abandons the attempt for `reason` (the cause of the connector's AbortError); later calls do nothing. */
  cancel(reason: unknown): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#reason = reason;
    this.#abandon?.(reason);
    this.#controller?.abort(reason);
  }
}
