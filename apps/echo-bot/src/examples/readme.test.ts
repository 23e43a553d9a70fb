import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('the repository README shows exactly the ten-line bot that type-checks here', () => {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  const example = readFileSync(new URL('./ten-line-bot.ts', import.meta.url), 'utf8');
  const shown = /## A ten-line bot\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(shown).toBeDefined();
  expect(example.split('\n').slice(1).join('\n')).toBe(shown);
});
