import { defineScript, type RedisLike, runScript } from '@birdtalk/store-redis';

/**
 * KEYS: the fleet's worker set. ARGV: worker id, TTL (ms), 'join' or 'leave'. Every member is scored with the
 * Redis server's time at which it lapses, so no worker's clock matters; lapsed members are removed, this one
 * is refreshed (or removed), and the live members are returned.
 */
const HEARTBEAT = defineScript(
  'fleetHeartbeat',
  1,
  `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if ARGV[3] == 'leave' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
end
return redis.call('ZRANGE', KEYS[1], 0, -1)`,
);

/** The key of a fleet's worker set. */
export function workersKey(prefix: string, fleet: string): string {
  return `{${prefix}-fleet:${fleet}}:workers`;
}

/** Refreshes (or ends) this worker's membership and returns the live workers, this one included unless leaving. */
export async function heartbeat(
  redis: RedisLike,
  key: string,
  workerId: string,
  ttlMs: number,
  action: 'join' | 'leave',
): Promise<string[]> {
  const live = await runScript(redis, HEARTBEAT, [key], [workerId, ttlMs, action]);
  return Array.isArray(live) ? live.map(String) : [];
}
