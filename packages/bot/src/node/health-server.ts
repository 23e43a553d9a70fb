import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type BotMetricsOptions,
  type HasHealth,
  type MetricsRegistry,
  registerBotMetrics,
} from './metrics.js';

/** Options of {@link serveHealth}. */
export interface HealthServerOptions {
  /** The TCP port; 0 picks a free one. @defaultValue 0 */
  readonly port?: number;
  /** The address to listen on. @defaultValue `'127.0.0.1'` (not reachable from other machines) */
  readonly host?: string;
  /**
   * Serve `/metrics` too (needs the optional `prom-client` package): `true`, or the options of
   * {@link registerBotMetrics}. @defaultValue false
   */
  readonly metrics?: boolean | BotMetricsOptions;
}

/** A running health server. */
export interface HealthServer {
  /** Its base URL, e.g. `http://127.0.0.1:9464`. */
  readonly url: string;
  /** The metrics registry, when `/metrics` is served. */
  readonly registry: MetricsRegistry | undefined;
  /** Stops listening. */
  close(): Promise<void>;
}

/**
 * Serves a tiny HTTP endpoint for orchestrators and monitoring: `GET /healthz` answers `bot.health()` as JSON,
 * with status 200 when healthy (running and logged in) and 503 otherwise; `GET /metrics` answers the
 * Prometheus text of {@link registerBotMetrics} when `metrics` is set. Everything else is 404. It listens on
 * the loopback address unless told otherwise, and reveals no message content or secret.
 *
 * @throws StateError `BOT_METRICS_UNAVAILABLE` with `metrics` when `prom-client` is not installed; the
 * server's listen error (such as `EADDRINUSE`).
 */
export async function serveHealth(bot: HasHealth, options: HealthServerOptions = {}): Promise<HealthServer> {
  const metrics = options.metrics ?? false;
  const registry =
    metrics === false ? undefined : await registerBotMetrics(bot, metrics === true ? {} : metrics);
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const health = bot.health();
      response
        .writeHead(health.healthy ? 200 : 503, { 'content-type': 'application/json' })
        .end(`${JSON.stringify(health)}\n`);
      return;
    }
    if (path === '/metrics' && registry !== undefined) {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    registry,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
