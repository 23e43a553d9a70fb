#!/usr/bin/env node
// Builds the HTML API reference of every published entry point (`@birdtalk/bot`, `@birdtalk/bot/node`, …) from
// the TSDoc in the sources, with TypeDoc; warnings fail the build, and so does any page that cites the internal
// protocol notes (§-sections, O- and C-numbers) instead of stating the fact.
//
// Each entry point gets a one-line entry file under api-entry/, named after what a user imports, that re-exports
// the package's source entry and carries its package comment, so the reference is organised by import path.
//
// usage: node scripts/api-docs.mjs [--out <dir>]   (default: api-docs/)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'api-docs') } } });
const out = resolve(values.out);
const entryDir = join(root, 'api-entry');

rmSync(entryDir, { recursive: true, force: true });
const entryPoints = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const packageDir = join(root, 'packages', dir);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  for (const [subpath, conditions] of Object.entries(manifest.exports)) {
    const source = conditions['@birdtalk/source'];
    if (typeof source !== 'string') continue;
    const name = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    const sourceFile = join(packageDir, source);
    const text = readFileSync(sourceFile, 'utf8');
    // The source entry's package comment, renamed to the import path.
    const comment = /^\/\*\*[\s\S]*?@packageDocumentation[\s\S]*?\*\//m.exec(text)?.[0];
    const header = comment
      ? comment
          .replace(/\n \*\/$/, `\n *\n * @module ${name}\n */`)
          .replace(/\n \* @packageDocumentation\n/, '\n')
      : `/**\n * @module ${name}\n */`;
    const file = join(entryDir, `${name.replace('@birdtalk/', '').replaceAll('/', '--')}.ts`);
    mkdirSync(dirname(file), { recursive: true });
    const specifier = relative(dirname(file), sourceFile).replace(/\.ts$/, '.js');
    writeFileSync(
      file,
      `${header}\n\nexport * from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';\n`,
    );
    entryPoints.push(file);
  }
}

rmSync(out, { recursive: true, force: true });
const typedoc = join(root, 'node_modules', 'typedoc', 'bin', 'typedoc');
try {
  execFileSync(
    process.execPath,
    [
      typedoc,
      ...entryPoints.flatMap((file) => ['--entryPoints', file]),
      '--tsconfig',
      join(root, 'tsconfig.typedoc.json'),
      '--out',
      out,
      '--name',
      'BirdTalk TypeScript SDK',
      '--readme',
      'none',
      '--treatWarningsAsErrors',
      '--excludePrivate',
      '--excludeInternal',
      '--disableSources',
      '--logLevel',
      'Warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
} finally {
  rmSync(entryDir, { recursive: true, force: true });
}

// No page may cite the internal notes: "§9", "reference §14", "O3", "C17" mean nothing to a reader.
const citation = /§\s?\d|\breference [OC]\d|\((?:[OC]\d{1,2})(?:, ?[OC§]\S*)*\)/;
const problems = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.html')) {
      const text = readFileSync(path, 'utf8').replace(/<[^>]+>/g, ' ');
      const match = citation.exec(text);
      if (match)
        problems.push(
          `${relative(out, path)}: cites internal notes: …${text.slice(Math.max(0, match.index - 60), match.index + 40)}…`,
        );
    }
  }
};
walk(out);
for (const problem of problems) console.error(problem);
console.log(
  `API reference of ${entryPoints.length} entry points in ${relative(root, out) || out}, ${problems.length} problems`,
);
process.exit(problems.length === 0 ? 0 : 1);
