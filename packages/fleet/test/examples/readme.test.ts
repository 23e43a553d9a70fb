import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('the repository README shows exactly the fleet example that type-checks here', () => {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('./readme-fleet.ts', import.meta.url), 'utf8');
  const shown = /## Running a fleet\n\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(shown).toBeDefined();
  expect(example.split('\n').slice(1).join('\n')).toBe(shown);
});
