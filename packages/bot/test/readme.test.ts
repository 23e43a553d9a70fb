import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { runReadmeExample } from '../../../test-support/readme-example.js';

it('opens with an example that runs against the reference server', { timeout: 60_000 }, async () => {
  const run = await runReadmeExample(new URL('..', import.meta.url));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    'bot: what is it about?\nbot: tell me more\nbot: ticket saved\nbot: printer: it is jammed\nhazards: 0\n',
  );
});

it('opens with the example the compiler checks (test/readme-opening.ts)', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const opening = await readFile(new URL('./readme-opening.ts', import.meta.url), 'utf8');
  expect(/^```ts\n([\s\S]*?)^```/m.exec(readme)?.[1]).toBe(opening);
});
