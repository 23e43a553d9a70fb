import { expect, it } from 'vitest';
import { blockName, extractBlocks } from './extract.js';

const md = [
  '# Title',
  '```sh',
  'echo not typescript',
  '```',
  '```ts',
  'console.log(1);',
  '```',
  '````md',
  '```ts',
  'inside another fence: not a block',
  '```',
  '````',
  '```typescript program',
  'await run();',
  '```',
  '```ts fragment=bot',
  'bot.start();',
  '```',
  '```ts fragment',
  'x;',
  '```',
].join('\n');

it('finds every ts/typescript block with its kind, preamble and first code line', () => {
  const blocks = extractBlocks('a/README.md', md);
  expect(
    blocks.map((block) => [blockName(block), block.kind, block.preamble, block.line, block.code]),
  ).toEqual([
    ['a/README.md#1', 'run', undefined, 6, 'console.log(1);\n'],
    ['a/README.md#2', 'program', undefined, 14, 'await run();\n'],
    ['a/README.md#3', 'fragment', 'bot', 17, 'bot.start();\n'],
    ['a/README.md#4', 'fragment', undefined, 20, 'x;\n'],
  ]);
});

it('refuses a flag it does not know, and a fence that is never closed, naming the line', () => {
  expect(() => extractBlocks('b.md', 'text\n```ts no-run\nx;\n```\n')).toThrow(
    'b.md:2: unknown code block flags',
  );
  expect(() => extractBlocks('b.md', 'text\n```ts fragment=Bad Name\nx;\n```\n')).toThrow('b.md:2');
  expect(() => extractBlocks('c.md', '```ts\nx;\n')).toThrow('c.md:1: the code block is never closed');
});
