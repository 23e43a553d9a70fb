import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example.js';

const available = redisServerAvailable();

describe.skipIf(!available)('the README', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
    process.env.REDIS_URL = server.url;
  });
  afterAll(async () => {
    delete process.env.REDIS_URL;
    await server?.stop();
  });

  it('opens with an example that runs', { timeout: 60_000 }, async () => {
    const run = await runReadmeExample(new URL('..', import.meta.url));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('worker-a: 2 accounts, worker-b: 2 accounts');
    // Every account ran at least once; hand-overs while the second worker joins may start some twice.
    for (const account of ['10001', '10002', '10003', '10004']) {
      expect(lines.some((line) => line.startsWith(`${account} runs on`))).toBe(true);
    }
  });
});
