#!/usr/bin/env node
// Checks every publishable package as a consumer would see it after `pnpm build`:
// - each entry of its publish-time exports map exists, has types, and loads with import() and with require()
//   (Node 20.19+ can require() ES modules, as long as they use no top-level await);
// - the tarball `npm pack` would make contains only what `files` lists.
// Prints one line per problem and exits non-zero when there is any.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
let checked = 0;

for (const dir of readdirSync(join(root, 'packages'))) {
  const packageDir = join(root, 'packages', dir);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const exportsMap = manifest.publishConfig?.exports ?? manifest.exports;
  for (const [subpath, conditions] of Object.entries(exportsMap)) {
    const name = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    for (const field of ['types', 'import', 'default']) {
      const target = conditions[field];
      if (typeof target !== 'string' || !existsSync(join(packageDir, target))) {
        problems.push(`${name}: "${field}" points at ${target ?? 'nothing'}, which does not exist`);
      }
    }
    // Load it by name, as a dependent would: from inside the package, a package resolves its own name through
    // its exports map (the source condition is not enabled, so the built files are what loads).
    const probe = [
      `const viaImport = await import(${JSON.stringify(name)});`,
      `const viaRequire = (await import('node:module')).createRequire(process.cwd() + '/')(${JSON.stringify(name)});`,
      'if (Object.keys(viaImport).length === 0) throw new Error("import() gives no exports");',
      'if (Object.keys(viaRequire).length === 0) throw new Error("require() gives no exports");',
    ].join('\n');
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: packageDir,
        stdio: 'pipe',
      });
    } catch (error) {
      const message = String(error.stderr ?? error.message)
        .trim()
        .split('\n')
        .find((line) => /Error/.test(line));
      problems.push(`${name}: loading it by name failed: ${message ?? 'unknown error'}`);
    }
    checked += 1;
  }
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: packageDir,
      encoding: 'utf8',
    }),
  )[0];
  const allowed = (path) =>
    path === 'package.json' || manifest.files.some((entry) => path === entry || path.startsWith(`${entry}/`));
  for (const { path } of packed.files) {
    if (!allowed(path)) problems.push(`${manifest.name}: the tarball would include ${path}`);
  }
  if (!packed.files.some(({ path }) => path === 'README.md'))
    problems.push(`${manifest.name}: no README.md in the tarball`);
}

for (const problem of problems) console.error(problem);
console.log(`${checked} entry points checked, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
