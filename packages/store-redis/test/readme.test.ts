import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example.js';
import { type RedisServer, redisServerAvailable, startRedisServer } from '../src/testing.js';

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
    expect(run.stdout).toBe(
      ['position: 7300000000000000123', 'stale write: STORE_STALE_FENCE', ''].join('\n'),
    );
  });
});
