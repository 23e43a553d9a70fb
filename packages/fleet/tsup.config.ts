import { createTsupConfig } from '../../tsup.shared.ts';

export default createTsupConfig();
