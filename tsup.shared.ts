import { defineConfig, type Options } from 'tsup';

/**
 * The one build configuration every publishable package uses, so that a change of bundler or output format is
 * made here once and never per package.
 *
 * Output is ESM only: Node 20.19+ can `require()` it, browsers and bundlers import it directly.
 */
export function createTsupConfig(overrides: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    // Keep `node:` specifiers: Deno and Bun need them, and they say plainly which imports are built-ins.
    removeNodeProtocol: false,
    ...overrides,
  });
}
