import type { Clock, TimerHandle } from '@birdtalk/runtime';

/** Timing and actions of {@link startLiveness}. */
export interface LivenessOptions {
  readonly clock: Clock;
  /** How often to send an application heartbeat, in milliseconds; 0 disables them. */
  readonly heartbeatIntervalMs: number;
  /** How often to send a WebSocket ping where the transport can, in milliseconds; 0 disables them. */
  readonly pingIntervalMs: number;
  /** The connection counts as dead after this long without any frame, text or pong from the server. */
  readonly livenessTimeoutMs: number;
  /** Sends one heartbeat. */
  readonly sendHeartbeat: () => void;
  /** Sends one ping; returns `false` when the transport cannot. */
  readonly ping: () => boolean;
  /** Called once when the server has been silent for `livenessTimeoutMs`. */
  readonly onSilent: (silentForMs: number) => void;
}

/** A running liveness monitor. */
export interface Liveness {
  /** Records that something arrived from the server just now. */
  touch(): void;
  /** Stops every timer. Idempotent. */
  stop(): void;
}

/**
 * Keeps a connection provably alive: heartbeats (the server always answers them) and WebSocket
 * pings make a healthy server send something regularly, and a server that sends nothing for
 * `livenessTimeoutMs` is declared gone.
 *
 * One timer per connection serves all three duties: it is set for whichever comes first (the next heartbeat, the
 * next ping, the silence check), so an idle connection holds one timer instead of three. The silence check is
 * re-armed lazily: when it comes early (something arrived since it was set) it is set again for the remaining
 * time, so frames cost no timer work and detection is never later than the bound.
 */
export function startLiveness(options: LivenessOptions): Liveness {
  return new LivenessMonitor(options);
}

class LivenessMonitor implements Liveness {
  readonly #options: LivenessOptions;
  /**
   * With neither heartbeats nor pings (a browser transport, heartbeats set to 0), nothing would make a healthy but
   * idle server speak: a heartbeat goes out once the connection has been quiet for half the bound.
   */
  readonly #probeAfterMs: number | undefined;
  readonly #onTimer = (): void => this.#fire();
  #lastHeardAt: number;
  #probedAt: number | undefined;
  #stopped = false;
  #timer: TimerHandle | undefined;
  /** When the silence check, the next heartbeat and the next ping are due (`Infinity`: never). */
  #checkAt: number;
  #heartbeatAt: number;
  #pingAt: number;

  constructor(options: LivenessOptions) {
    this.#options = options;
    const now = options.clock.now();
    this.#lastHeardAt = now;
    this.#probeAfterMs =
      options.heartbeatIntervalMs > 0 || options.pingIntervalMs > 0
        ? undefined
        : options.livenessTimeoutMs / 2;
    this.#checkAt = now + (this.#probeAfterMs ?? options.livenessTimeoutMs);
    this.#heartbeatAt = options.heartbeatIntervalMs > 0 ? now + options.heartbeatIntervalMs : Infinity;
    this.#pingAt = options.pingIntervalMs > 0 ? now + options.pingIntervalMs : Infinity;
    this.#arm(now);
  }

  touch(): void {
    this.#lastHeardAt = this.#options.clock.now();
  }

  stop(): void {
    this.#stopped = true;
    this.#options.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #arm(now: number): void {
    const at = Math.min(this.#checkAt, this.#heartbeatAt, this.#pingAt);
    this.#timer = this.#options.clock.setTimeout(this.#onTimer, Math.max(0, at - now));
  }

  /** Does what is due, in the order silence check, heartbeat, ping, and sets the timer for what comes next. */
  #fire(): void {
    this.#timer = undefined;
    if (this.#stopped) return;
    const options = this.#options;
    const now = options.clock.now();
    if (now >= this.#checkAt) this.#checkSilence(now);
    if (!this.#stopped && now >= this.#heartbeatAt) {
      this.#heartbeatAt = nextDue(this.#heartbeatAt, options.heartbeatIntervalMs, now);
      options.sendHeartbeat();
    }
    if (!this.#stopped && now >= this.#pingAt) {
      this.#pingAt = nextDue(this.#pingAt, options.pingIntervalMs, now);
      options.ping();
    }
    if (!this.#stopped) this.#arm(now);
  }

  #checkSilence(now: number): void {
    const options = this.#options;
    const silentForMs = now - this.#lastHeardAt;
    if (silentForMs >= options.livenessTimeoutMs) {
      this.#stopped = true;
      options.onSilent(silentForMs);
      return;
    }
    const probeAfterMs = this.#probeAfterMs;
    if (probeAfterMs === undefined) {
      this.#checkAt = now + options.livenessTimeoutMs - silentForMs;
      return;
    }
    if (silentForMs >= probeAfterMs && this.#probedAt !== this.#lastHeardAt) {
      this.#probedAt = this.#lastHeardAt;
      options.sendHeartbeat();
    }
    // The probe may have been answered at once (and touched), or may have ended the connection.
    const quietMs = options.clock.now() - this.#lastHeardAt;
    this.#checkAt =
      now + (quietMs < probeAfterMs ? probeAfterMs - quietMs : options.livenessTimeoutMs - quietMs);
  }
}

/** The next time a periodic duty is due; a timer that ran late skips what it missed instead of bursting. */
function nextDue(dueAt: number, intervalMs: number, now: number): number {
  const next = dueAt + intervalMs;
  return next > now ? next : now + intervalMs;
}
