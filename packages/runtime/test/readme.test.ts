import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example.js';

it('opens with an example that runs', { timeout: 60_000 }, async () => {
  const run = await runReadmeExample(new URL('..', import.meta.url));
  expect(run.code).toBe(0);
  // The example's logger writes to stderr; the password field never appears.
  expect(run.stderr).toBe('debug ready\ninfo thirty seconds later\n');
  expect(run.stdout).toBe('');
});
