import { createTsupConfig } from '../../tsup.shared.ts';

export default createTsupConfig({
  entry: ['src/index.ts', 'src/browser.ts', 'src/node.ts', 'src/testing.ts'],
});
