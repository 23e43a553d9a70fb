// The web app's Vite configuration, shared by `vite.config.ts`, `pnpm web` and the browser suite.
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, type InlineConfig } from 'vite';

/** The app's directory (where index.html is). */
export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The app's configuration. It resolves the workspace packages to their TypeScript sources (the
 * `@birdtalk/source` condition), so `pnpm web` works on a fresh clone without building them first.
 */
export function appConfig(overrides: InlineConfig = {}): InlineConfig {
  return {
    root: APP_ROOT,
    configFile: false,
    resolve: { conditions: ['@birdtalk/source', ...defaultClientConditions] },
    ...overrides,
  };
}
