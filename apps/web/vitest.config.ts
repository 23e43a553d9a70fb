import { createVitestConfig } from '../../vitest.shared.ts';

// The browser suites start Chromium and Vite builds: they get more time than the unit tests.
export default createVitestConfig({ testTimeout: 60_000, hookTimeout: 120_000 });
