/**
 * Cross-package reliability and security suites of the BirdTalk SDK (private: tests and scripts only). The
 * soak is exported so that `pnpm soak` and the test command run the same scenario in two sizes.
 *
 * @packageDocumentation
 */

export { collectGarbage, runSoak, SOAK_DEFAULTS, type SoakOptions, type SoakReport } from './soak.js';
