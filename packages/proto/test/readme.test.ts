import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example.js';

it('opens with an example that runs', { timeout: 60_000 }, async () => {
  const run = await runReadmeExample(new URL('..', import.meta.url));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('1001\n');
});
