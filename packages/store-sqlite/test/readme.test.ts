import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example.js';

it('opens with an example that runs', { timeout: 60_000 }, async () => {
  const run = await runReadmeExample(new URL('..', import.meta.url));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    [
      'position: 7300000000000000123',
      "seen: [ '10002:1750000000000000001' ]",
      'device: device-1 true',
      'send ids: 1750000000000000000 → 1750000000000000100',
      '',
    ].join('\n'),
  );
});
