import { StateError } from '@birdtalk/errors';
import type { Registry as PromRegistry } from 'prom-client';
import type { BotHealth } from '../health.js';

/**
 * The part of a metrics registry the bot uses; a `prom-client` `Registry` is one. Declared here so that the
 * bot's types never need `prom-client`, which is an optional dependency.
 */
export interface MetricsRegistry {
  /** The metrics in the Prometheus text format. */
  metrics(): Promise<string>;
  /** The content type of that text. */
  readonly contentType: string;
}

/** Something with a health snapshot: a bot. */
export interface HasHealth {
  health(): BotHealth;
}

/** Options of {@link registerBotMetrics}. */
export interface BotMetricsOptions {
  /** Where the metrics are registered: a `prom-client` `Registry`. @defaultValue a new registry */
  readonly registry?: MetricsRegistry;
  /** Put before every metric name. @defaultValue `'birdtalk_bot_'` */
  readonly prefix?: string;
  /** Labels on every metric, e.g. `{ bot: 'support' }` when one process runs several bots. */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Registers a bot's health as Prometheus metrics with `prom-client` (an optional peer dependency: install it
 * to use this), read from `bot.health()` at every scrape, and resolves with the registry. Counters:
 * `dead_letters_total`, `handler_errors_total`, `client_errors_total`, `reconnects_total`; gauges: `up`
 * (1 when healthy), `pending_updates`, `outbox_depth`, `sends_waiting`, `lag_seconds`, `catching_up`,
 * `connected_since_seconds`, `last_update_seconds`; for a bot given lease counters (in a `@birdtalk/fleet`
 * worker), also `leases_held`, `leases_lost_total` and `lease_takeovers_total`.
 *
 * @throws StateError `BOT_METRICS_UNAVAILABLE` when `prom-client` is not installed.
 */
export async function registerBotMetrics(
  bot: HasHealth,
  options: BotMetricsOptions = {},
): Promise<MetricsRegistry> {
  const prom = await import('prom-client').catch((cause: unknown) => {
    throw new StateError('BOT_METRICS_UNAVAILABLE', 'metrics need the prom-client package: install it', {
      cause,
    });
  });
  const registry = (options.registry as PromRegistry | undefined) ?? new prom.Registry();
  const prefix = options.prefix ?? 'birdtalk_bot_';
  const labels = options.labels ?? {};
  const labelNames = Object.keys(labels);
  const health = (): BotHealth => bot.health();
  const gauge = (name: string, help: string, read: (h: BotHealth) => number | undefined): void => {
    new prom.Gauge({
      name: prefix + name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        const value = read(health());
        if (value === undefined) this.reset();
        else this.set(labels, value);
      },
    });
  };
  const counter = (name: string, help: string, read: (h: BotHealth) => number): void => {
    new prom.Counter({
      name: prefix + name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        // The bot keeps the running totals; the counter reports them as they are.
        this.reset();
        this.inc(labels, read(health()));
      },
    });
  };
  const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);
  gauge('up', 'Whether the bot runs and is logged in (1) or not (0).', (h) => (h.healthy ? 1 : 0));
  gauge('pending_updates', 'Updates waiting or being handled.', (h) => h.pending);
  gauge('outbox_depth', 'Sends not yet acknowledged by the server.', (h) => h.outboxDepth);
  gauge('sends_waiting', 'Sends waiting for their turn from the rate limiter.', (h) => h.sendsWaiting);
  gauge('lag_seconds', 'How late the last message was handled, after it was sent.', (h) => seconds(h.lagMs));
  gauge('catching_up', 'Whether a catch-up after a login is under way (1) or not (0).', (h) =>
    h.catchingUp ? 1 : 0,
  );
  gauge('connected_since_seconds', 'Since when the current login lasts (Unix time).', (h) =>
    seconds(h.connectedSince),
  );
  gauge('last_update_seconds', 'When the last message reached the handlers (Unix time).', (h) =>
    seconds(h.lastUpdateAt),
  );
  counter('dead_letters_total', 'Messages given up on after every attempt failed.', (h) => h.deadLetters);
  counter('handler_errors_total', 'Errors thrown by middleware.', (h) => h.handlerErrors);
  counter('client_errors_total', 'Problems the client reported without stopping.', (h) => h.clientErrors);
  counter('reconnects_total', 'Logins after the first one.', (h) => h.reconnects);
  // Only for a bot given lease counters (in a fleet): elsewhere they would read as leases that never existed.
  if (health().leases !== undefined) {
    gauge('leases_held', 'Leases the worker running the bot holds now.', (h) => h.leases?.held);
    counter('leases_lost_total', 'Leases the worker lost: taken over, or not renewed in time.', (h) =>
      h.leases === undefined ? 0 : h.leases.lost,
    );
    counter(
      'lease_takeovers_total',
      'Accounts the worker took over from a holder that did not hand them over.',
      (h) => (h.leases === undefined ? 0 : h.leases.takeovers),
    );
  }
  return registry;
}
