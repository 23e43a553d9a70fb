import { builtinModules } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { row, type ScenarioResult, target } from '../result.js';

/** What one browser bundle weighs, and what went into it. */
export interface BundleMeasure {
  /** Minified bytes. */
  readonly minifiedBytes: number;
  /** Minified, then gzip (level 9) bytes. */
  readonly gzipBytes: number;
  /** Minified bytes in the output per package (`@noble/curves`, `@birdtalk/session`, …), largest first. */
  readonly byPackage: ReadonlyArray<{ readonly name: string; readonly bytes: number }>;
}

/** The directory whose node_modules resolve the bundled packages (this app's). */
const resolveDir = dirname(fileURLToPath(import.meta.url));

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Bundles `source` (an ES module that imports the packages) as a browser would get it: esbuild for
 * `platform: 'browser'`, minified, tree-shaken, from the packages' built `dist` (the source condition is not
 * set). Any import of a Node built-in fails the build, so a bundle that measures is one a browser can load.
 *
 * @throws Error naming the Node built-ins when the code pulls any in.
 */
export async function measureBundle(source: string): Promise<BundleMeasure> {
  const pulledIn = new Set<string>();
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'no-node-builtins',
        setup(plugin) {
          plugin.onResolve({ filter: /.*/ }, (args) => {
            if (!builtins.has(args.path)) return undefined;
            pulledIn.add(`${args.path} (from ${args.importer})`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  if (pulledIn.size > 0) {
    throw new Error(`the browser bundle pulls in Node built-ins: ${[...pulledIn].join(', ')}`);
  }
  const code = result.outputFiles[0]!.contents;
  return {
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    byPackage: packagesOf(result.metafile),
  };
}

/** Minified bytes per package, from esbuild's record of what each input contributed to the output. */
function packagesOf(metafile: Metafile): Array<{ name: string; bytes: number }> {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** `…/node_modules/@noble/curves/…` → `@noble/curves`; `…/packages/session/dist/…` → `@birdtalk/session`. */
export function packageOf(path: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  if (inModules !== null) {
    const workspace = /(?:^|\/)packages\/([^/]+)\/(?:dist|src)\//.exec(path);
    // pnpm links workspace packages: their real paths are under packages/, not node_modules/.
    return workspace === null ? inModules[1]! : `@birdtalk/${workspace[1]}`;
  }
  const workspace = /(?:^|\/)packages\/([^/]+)\/(?:dist|src)\//.exec(path);
  return workspace === null ? path : `@birdtalk/${workspace[1]}`;
}

/** Everything the client's main and browser entries export: the most an application can pull in. */
export const WHOLE_CLIENT = "export * from '@birdtalk/client';\nexport * from '@birdtalk/client/browser';\n";
/** A page that only logs in, listens and sends text. */
export const MINIMAL_CLIENT = [
  "import { p2p } from '@birdtalk/client';",
  "import { createBrowserClient } from '@birdtalk/client/browser';",
  "const client = createBrowserClient({ server: 'wss://chat.example.com:7817/ws', credentials: { method: 'id', userId: '1', password: 'x' } });",
  "client.on('message', (m) => console.log(m.text));",
  'await client.start();',
  "await client.sendText(p2p('2'), 'hi');",
].join('\n');

/** The size a page pays for the client, in KiB gzip: the whole public API against a minimal use of it. */
export async function runBundle(): Promise<ScenarioResult> {
  const whole = await measureBundle(WHOLE_CLIENT);
  const minimal = await measureBundle(MINIMAL_CLIENT);
  const kib = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
  const total = whole.byPackage.reduce((sum, { bytes }) => sum + bytes, 0);
  const shares = whole.byPackage
    .slice(0, 6)
    .map(({ name, bytes }) => `${name} ${kib(bytes)} KiB (${Math.round((bytes / total) * 100)}%)`)
    .join(', ');
  return {
    id: 'bundle',
    title:
      'Browser bundle of @birdtalk/client with its dependencies (esbuild, platform browser, minified + gzip)',
    parameters: { bundler: 'esbuild', platform: 'browser', from: 'built dist' },
    rows: [
      row(
        'browser bundle, all of @birdtalk/client (min+gzip)',
        'KiB',
        kib(whole.gzipBytes),
        kib(minimal.gzipBytes),
        'a page using createBrowserClient, on, sendText',
      ),
    ],
    targets: [target('browser bundle of @birdtalk/client + deps, KiB gzip', kib(whole.gzipBytes), '<=', 60)],
    notes: [
      `minified: all ${kib(whole.minifiedBytes)} KiB, minimal ${kib(minimal.minifiedBytes)} KiB`,
      `largest parts of the whole bundle (minified): ${shares}`,
    ],
  };
}
