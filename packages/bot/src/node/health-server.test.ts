import { describe, expect, it } from 'vitest';
import { createBot } from '../bot.js';
import { createTestClient } from '../testing/test-client.js';
import { serveHealth } from './health-server.js';
import { registerBotMetrics } from './metrics.js';

/** The value of a metric line `name{…} value` or `name value` in Prometheus text. */
function metric(text: string, name: string): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${name} `) || row.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('serveHealth()', () => {
  it('answers /healthz with 200 while healthy and 503 once stopped, and /metrics whose numbers move', async () => {
    const client = createTestClient();
    const bot = createBot(client);
    bot.command('boom', () => {
      throw new Error('boom');
    });
    await bot.start();
    const server = await serveHealth(bot, { metrics: true });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const healthy = await fetch(`${server.url}/healthz`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({ healthy: true, state: 'running', handlerErrors: 0 });

      const before = await (await fetch(`${server.url}/metrics`)).text();
      expect(metric(before, 'birdtalk_bot_up')).toBe(1);
      expect(metric(before, 'birdtalk_bot_handler_errors_total')).toBe(0);
      await client.receive('/boom');
      await client.receive('/boom');
      const after = await (await fetch(`${server.url}/metrics`)).text();
      expect(metric(after, 'birdtalk_bot_handler_errors_total')).toBe(2);
      expect(after).toContain('# TYPE birdtalk_bot_handler_errors_total counter');

      expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
      expect((await fetch(`${server.url}/healthz`, { method: 'POST' })).status).toBe(405);
      await bot.stop();
      const stopped = await fetch(`${server.url}/healthz`);
      expect(stopped.status).toBe(503);
      expect(metric(await (await fetch(`${server.url}/metrics`)).text(), 'birdtalk_bot_up')).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('shows the lease counters it was given, in health() and as metrics, as they move', async () => {
    const leases = { held: 2, lost: 0, takeovers: 1 };
    const bot = createBot(createTestClient(), {}, { leases: () => leases });
    const registry = await registerBotMetrics(bot);
    expect(bot.health().leases).toEqual({ held: 2, lost: 0, takeovers: 1 });
    expect(metric(await registry.metrics(), 'birdtalk_bot_leases_held')).toBe(2);
    leases.held = 1;
    leases.lost = 1;
    leases.takeovers = 3;
    const text = await registry.metrics();
    expect(bot.health().leases).toEqual({ held: 1, lost: 1, takeovers: 3 });
    expect(metric(text, 'birdtalk_bot_leases_held')).toBe(1);
    expect(metric(text, 'birdtalk_bot_leases_lost_total')).toBe(1);
    expect(metric(text, 'birdtalk_bot_lease_takeovers_total')).toBe(3);
    // A bot outside a fleet has no lease counters, and no lease metrics.
    const alone = createBot(createTestClient());
    expect(alone.health().leases).toBeUndefined();
    expect(await (await registerBotMetrics(alone)).metrics()).not.toContain('lease');
  });

  it('serves no /metrics unless asked, and labels metrics when told', async () => {
    const bot = createBot(createTestClient());
    const server = await serveHealth(bot);
    try {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      expect(server.registry).toBeUndefined();
    } finally {
      await server.close();
    }
    const registry = await registerBotMetrics(bot, { labels: { bot: 'support' }, prefix: 'x_' });
    expect(await registry.metrics()).toContain('x_up{bot="support"} 0');
  });
});
