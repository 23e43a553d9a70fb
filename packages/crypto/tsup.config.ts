import { createTsupConfig } from '../../tsup.shared.ts';

export default createTsupConfig({ entry: ['src/index.ts', 'src/file-store.ts', 'src/node.ts'] });
