import { createTsupConfig } from '../../tsup.shared.ts';

// The `birdtalk` binary: one executable ESM file (tsup keeps the shebang of src/main.ts and marks it executable).
export default createTsupConfig({ entry: ['src/main.ts'], dts: false, sourcemap: false });
