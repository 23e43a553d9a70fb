import type { Client, ClientState } from '@birdtalk/client';
import type { Clock } from '@birdtalk/runtime';

/** A snapshot of how a bot is doing, for health checks and metrics. Times are milliseconds since the epoch. */
export interface BotHealth {
  /** Whether it runs and is logged in: what a liveness or readiness check asks. */
  readonly healthy: boolean;
  /** The bot's state (`created`, `running`, `stopping`, `stopped`). */
  readonly state: string;
  /** The client's state (`connecting`, `ready`, `reconnecting`…). */
  readonly clientState: ClientState;
  /** Since when the current login lasts; `undefined` while not logged in. */
  readonly connectedSince: number | undefined;
  /** When the last message or recall reached the middleware. */
  readonly lastUpdateAt: number | undefined;
  /**
   * How late the last message was handled: handling time minus the message's time. Large while a backlog is
   * worked off (after a restart) or the bot cannot keep up.
   */
  readonly lagMs: number | undefined;
  /** Whether a catch-up after a login is being fetched or handled. */
  readonly catchingUp: boolean;
  /** Updates waiting or being handled. */
  readonly pending: number;
  /** Sends not yet acknowledged by the server. */
  readonly outboxDepth: number;
  /** Sends waiting for their turn from the rate limiter. */
  readonly sendsWaiting: number;
  /** Messages given up on after every attempt failed (the client's `dead-letter` events). */
  readonly deadLetters: number;
  /** Errors middleware threw (those `bot.catch()` took included). */
  readonly handlerErrors: number;
  /** Problems the client reported without stopping (its `error` events). */
  readonly clientErrors: number;
  /** Logins after the first one. */
  readonly reconnects: number;
  /**
   * The lease counters of what runs the bot under a lease (a `@birdtalk/fleet` worker, through the bot's
   * `leases` dep); `undefined` without one.
   */
  readonly leases?: BotLeases;
}

/**
 * Lease counters of the process a bot runs in, when accounts are held under leases (a `@birdtalk/fleet`
 * worker gives them as `slot.leases`). They are the worker's: every bot of one worker shows the same numbers.
 */
export interface BotLeases {
  /** Leases held now. */
  readonly held: number;
  /** Leases lost (taken over, or not renewed in time) since the worker began. */
  readonly lost: number;
  /** Accounts taken over from a holder that did not hand them over (crashed, stalled), since the worker began. */
  readonly takeovers: number;
}

/** What the bot itself contributes to a snapshot. */
export interface BotSide {
  readonly state: string;
  readonly pending: number;
  readonly sendsWaiting: number;
  /** The lease counters, when the bot was given them. */
  readonly leases?: (() => BotLeases) | undefined;
}

/** Counts what the client reports, and what the bot tells it, for {@link BotHealth}. */
export class HealthMonitor {
  readonly #client: Client;
  readonly #clock: Clock;
  #connectedSince: number | undefined;
  #logins = 0;
  #lastUpdateAt: number | undefined;
  #lagMs: number | undefined;
  #deadLetters = 0;
  #handlerErrors = 0;
  #clientErrors = 0;

  /** Subscribes to the client's events; returns the functions that unsubscribe through `offs`. */
  constructor(client: Client, clock: Clock, offs: Array<() => void>) {
    this.#client = client;
    this.#clock = clock;
    offs.push(
      client.on('ready', () => {
        this.#logins += 1;
        this.#connectedSince = clock.now();
      }),
      client.on('disconnected', () => {
        this.#connectedSince = undefined;
      }),
      client.on('closed', () => {
        this.#connectedSince = undefined;
      }),
      client.on('dead-letter', () => {
        this.#deadLetters += 1;
      }),
      client.on('error', () => {
        this.#clientErrors += 1;
      }),
    );
  }

  /** A message or recall reached the middleware; `sentAt` is its time. */
  updateReceived(sentAt: number | undefined): void {
    const now = this.#clock.now();
    this.#lastUpdateAt = now;
    if (sentAt !== undefined) this.#lagMs = Math.max(0, now - sentAt);
  }

  /** A middleware threw. */
  handlerFailed(): void {
    this.#handlerErrors += 1;
  }

  /** The snapshot. */
  snapshot(bot: BotSide): BotHealth {
    const client = this.#client;
    let outboxDepth = 0;
    try {
      const size: unknown = client.session.outboxSize;
      if (typeof size === 'number') outboxDepth = size;
    } catch {
      // Before start() the session is a stand-in that may refuse: nothing can be waiting then.
    }
    const clientState = client.state;
    return {
      healthy: bot.state === 'running' && clientState === 'ready',
      state: bot.state,
      clientState,
      connectedSince: this.#connectedSince,
      lastUpdateAt: this.#lastUpdateAt,
      lagMs: this.#lagMs,
      catchingUp: client.catchingUp,
      pending: bot.pending,
      outboxDepth,
      sendsWaiting: bot.sendsWaiting,
      deadLetters: this.#deadLetters,
      handlerErrors: this.#handlerErrors,
      clientErrors: this.#clientErrors,
      reconnects: Math.max(0, this.#logins - 1),
      ...(bot.leases === undefined ? {} : { leases: leaseCounts(bot.leases()) }),
    };
  }
}

/** A copy with whole numbers only: the counters come from another package, and go to a health endpoint. */
function leaseCounts(leases: BotLeases): BotLeases {
  const count = (value: unknown): number =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
  return { held: count(leases.held), lost: count(leases.lost), takeovers: count(leases.takeovers) };
}
