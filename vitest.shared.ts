import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/** Resolve workspace packages to their TypeScript sources, so tests never need a prior build. */
const sourceCondition = '@birdtalk/source';

/**
 * Installed before every test file: fails a test after which a reference server holds a hazard nobody
 * expected, or a lenient server was started without declaring the hazards it is for.
 */
const hazardCheck = fileURLToPath(new URL('./vitest.setup.ts', import.meta.url));

/** The test configuration shared by every package and app of the workspace. */
export function createVitestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const setupFiles = overrides?.setupFiles ?? [];
  return defineConfig({
    resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 30_000,
      ...overrides,
      setupFiles: [hazardCheck, ...(Array.isArray(setupFiles) ? setupFiles : [setupFiles])],
    },
  });
}
