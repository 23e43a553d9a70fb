import { createTsupConfig } from '../../tsup.shared.ts';

export default createTsupConfig({
  entry: ['src/index.ts', 'src/browser.ts', 'src/node.ts', 'src/testing.ts'],
  // The entries share one copy of the client in a chunk: a page importing both `@birdtalk/client` and
  // `@birdtalk/client/browser` (or a bot, `/node`) would otherwise load the whole client twice.
  splitting: true,
});
