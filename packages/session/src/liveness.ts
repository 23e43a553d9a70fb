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
 * The deadline is one timer re-armed lazily: when it fires early (something arrived since it was set) it is
 * set again for the remaining time, so frames cost no timer work and detection is never later than the bound.
 */
export function startLiveness(options: LivenessOptions): Liveness {
  const { clock } = options;
  let lastHeardAt = clock.now();
  let stopped = false;
  let deadline: TimerHandle | undefined;
  const timers: TimerHandle[] = [];

  // With neither heartbeats nor pings (a browser transport, heartbeats set to 0), nothing would make a healthy
  // but idle server speak: a heartbeat goes out once the connection has been quiet for half the bound.
  const probeAfterMs =
    options.heartbeatIntervalMs > 0 || options.pingIntervalMs > 0 ? undefined : options.livenessTimeoutMs / 2;
  let probedAt: number | undefined;

  const armDeadline = (delayMs: number): void => {
    deadline = clock.setTimeout(() => {
      if (stopped) return;
      const silentForMs = clock.now() - lastHeardAt;
      if (silentForMs >= options.livenessTimeoutMs) {
        stopped = true;
        for (const timer of timers) clock.clearInterval(timer);
        options.onSilent(silentForMs);
        return;
      }
      if (probeAfterMs === undefined) {
        armDeadline(options.livenessTimeoutMs - silentForMs);
        return;
      }
      if (silentForMs >= probeAfterMs && probedAt !== lastHeardAt) {
        probedAt = lastHeardAt;
        options.sendHeartbeat();
      }
      const quietMs = clock.now() - lastHeardAt;
      armDeadline(quietMs < probeAfterMs ? probeAfterMs - quietMs : options.livenessTimeoutMs - quietMs);
    }, delayMs);
  };
  armDeadline(probeAfterMs ?? options.livenessTimeoutMs);
  if (options.heartbeatIntervalMs > 0)
    timers.push(clock.setInterval(options.sendHeartbeat, options.heartbeatIntervalMs));
  if (options.pingIntervalMs > 0)
    timers.push(clock.setInterval(() => options.ping(), options.pingIntervalMs));

  return {
    touch() {
      lastHeardAt = clock.now();
    },
    stop() {
      stopped = true;
      clock.clearTimeout(deadline);
      for (const timer of timers) clock.clearInterval(timer);
    },
  };
}
