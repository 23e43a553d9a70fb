import { createTsupConfig } from '../../tsup.shared.ts';

// The `birdtalk` binary: one executable ESM file (tsup keeps the shebang of src/main.ts and marks it executable).
// The SDK's own packages are bundled in (from source), so `npm install -g @birdtalk/cli` needs only the
// third-party packages listed as its dependencies, whichever SDK versions are on the registry.
export default createTsupConfig({
  entry: ['src/main.ts'],
  dts: false,
  sourcemap: false,
  noExternal: [/^@birdtalk\//],
  esbuildOptions(options) {
    options.conditions = ['@birdtalk/source'];
  },
});
