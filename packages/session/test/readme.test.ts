import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example.js';

it('opens with an example that runs against the reference server', { timeout: 60_000 }, async () => {
  const run = await runReadmeExample(new URL('..', import.meta.url));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(
    /^state: connecting\nstate: hello\nstate: key-exchange\nstate: awaiting-login\nstate: ready\nlogged in as ada 10001\nstored as message [0-9]+ \(save data ok\)\nstate: closed\nhazards: 0\n$/,
  );
});
