#!/usr/bin/env node
// Packs every publishable package of the workspace (packages/* and apps/* that are not private) into one
// directory with `pnpm pack`, which rewrites `workspace:` and `catalog:` ranges to real versions, then checks
// each tarball's manifest as a registry would serve it: no workspace or catalog ranges left, every @birdtalk/*
// dependency published from this workspace at a version its range accepts, and no `@birdtalk/source` condition.
// Run after a build (`pnpm release` does both). Prints one line per tarball and exits non-zero on any problem.
//
// usage: node scripts/pack-release.mjs [--out <dir>]   (default: release/)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'release') } } });
const out = resolve(values.out);

/** How to run pnpm: the one running this script when there is one, else `npx pnpm` at the workspace's version. */
function pnpm(args, cwd) {
  const execPath = process.env.npm_execpath;
  if (execPath !== undefined && /pnpm/.test(execPath)) {
    // pnpm is a JavaScript file in some installs and a native executable in others (pnpm 12 through npx).
    return /\.[cm]?js$/.test(execPath)
      ? execFileSync(process.execPath, [execPath, ...args], { cwd, encoding: 'utf8' })
      : execFileSync(execPath, args, { cwd, encoding: 'utf8' });
  }
  const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return execFileSync('npx', ['-y', packageManager, ...args], { cwd, encoding: 'utf8' });
}

const publishable = [];
for (const group of ['packages', 'apps']) {
  for (const dir of readdirSync(join(root, group)).sort()) {
    const manifest = JSON.parse(readFileSync(join(root, group, dir, 'package.json'), 'utf8'));
    if (!manifest.private) publishable.push({ dir: join(root, group, dir), manifest });
  }
}
const versions = new Map(publishable.map(({ manifest }) => [manifest.name, manifest.version]));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const problems = [];
const tarballs = {};
// One recursive pack for all of them: much faster than one pnpm process per package.
pnpm(
  [
    '-r',
    ...publishable.flatMap(({ manifest }) => ['--filter', manifest.name]),
    'pack',
    '--pack-destination',
    out,
  ],
  root,
);
for (const { manifest } of publishable) {
  const file = `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`;
  tarballs[manifest.name] = file;
  const packed = JSON.parse(
    execFileSync('tar', ['-xzOf', join(out, file), 'package/package.json'], { encoding: 'utf8' }),
  );
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(packed[field] ?? {})) {
      if (/^(workspace|catalog):/.test(range))
        problems.push(`${manifest.name}: ${field} ${name} is still "${range}"`);
      if (name.startsWith('@birdtalk/')) {
        const version = versions.get(name);
        if (version === undefined)
          problems.push(`${manifest.name}: depends on ${name}, which is not published`);
        else if (range !== `^${version}` && range !== version)
          problems.push(`${manifest.name}: depends on ${name} ${range}, but this release has ${version}`);
      }
    }
  }
  if (JSON.stringify(packed.exports ?? {}).includes('@birdtalk/source'))
    problems.push(`${manifest.name}: the published exports still name the @birdtalk/source condition`);
  console.log(`${file}  ${Object.keys(packed.dependencies ?? {}).join(' ') || '(no dependencies)'}`);
}
writeFileSync(join(out, 'tarballs.json'), `${JSON.stringify(tarballs, null, 2)}\n`);
for (const problem of problems) console.error(problem);
console.log(`${publishable.length} packages packed into ${out}, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
