import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RedisServer, redisServerAvailable, startRedisServer } from '@birdtalk/store-redis/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockName, extractAll, runBlock, typeCheck, writeBlocks } from '../src/index.js';
import { preambles } from '../src/preambles.js';
import { expectedRuns, programs } from './expected.js';

// Every TypeScript block of the READMEs and guides: type-checked together, and run where it runs as it is.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const root = join(packageDir, '..', '..');
const blocks = await extractAll(root);
// Inside this package, so that the blocks' imports resolve through its dependencies.
const files = await writeBlocks(blocks, join(packageDir, '.blocks', 'examples'), preambles);
const runnable = files.filter((file) => file.block.kind === 'run');

describe('the examples', () => {
  it('are found in the READMEs and guides, and each one that runs has its output written down', () => {
    expect(blocks.length).toBeGreaterThan(40);
    expect(runnable.map((file) => blockName(file.block)).sort()).toEqual(Object.keys(expectedRuns).sort());
    expect(blocks.filter((block) => block.kind === 'program').map(blockName)).toEqual(programs);
  });

  it('all type-check, fragments after their declared preamble (one compiler run)', {
    timeout: 240_000,
  }, () => {
    expect(typeCheck(files, join(packageDir, 'tsconfig.json'))).toEqual([]);
  });
});

const redisAvailable = redisServerAvailable();
let redis: RedisServer | undefined;
beforeAll(async () => {
  if (redisAvailable) redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});

describe.concurrent('the examples that run as they are', () => {
  for (const file of runnable) {
    const name = blockName(file.block);
    const expected = expectedRuns[name];
    it.skipIf(expected?.redis === true && !redisAvailable)(
      `${name} (line ${file.block.line}) runs and prints what it says`,
      { timeout: 120_000 },
      async () => {
        if (expected === undefined) throw new Error(`no expected output for ${name} in test/expected.ts`);
        const run = await runBlock(file.path, {
          cwd: packageDir,
          ...(expected.redis === true && redis !== undefined ? { env: { REDIS_URL: redis.url } } : {}),
        });
        expect(run.stderr).toBe(expected.stderr ?? '');
        expect(run.code).toBe(0);
        if (typeof expected.stdout === 'function') expected.stdout(run.stdout);
        else if (typeof expected.stdout === 'string') expect(run.stdout).toBe(expected.stdout);
        else expect(run.stdout).toMatch(expected.stdout);
      },
    );
  }
});
