import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One installed package of a production dependency closure. */
export interface DependencyEntry {
  readonly name: string;
  readonly version: string;
  /** The `license` field as published (`UNKNOWN` when absent). */
  readonly license: string;
  /** Whether installing it runs a script (`preinstall`, `install`, `postinstall`, or a `binding.gyp` build). */
  readonly installScripts: boolean;
  /** Whether the workspace package depends on it directly. */
  readonly direct: boolean;
}

/** The production dependency closure of one publishable workspace package. */
export interface PackageReport {
  readonly name: string;
  readonly version: string;
  /** Other workspace packages it depends on (their closures are included in `external`). */
  readonly workspace: readonly string[];
  /** Third-party packages it installs, sorted by name. */
  readonly external: readonly DependencyEntry[];
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string | { type?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** Node's resolution: the nearest `node_modules/<name>` from `from` upwards, as a real path. */
function resolvePackage(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

function hasInstallScripts(dir: string, manifest: Manifest): boolean {
  const scripts = manifest.scripts ?? {};
  return (
    ['preinstall', 'install', 'postinstall'].some((name) => scripts[name] !== undefined) ||
    existsSync(join(dir, 'binding.gyp'))
  );
}

function licenseOf(manifest: Manifest): string {
  const license = manifest.license;
  if (typeof license === 'string') return license;
  return license?.type ?? 'UNKNOWN';
}

/**
 * Lists, for every publishable package under `packages/` of the workspace at `root` (those not marked
 * `private`), the packages a user installs with it: its production dependencies and theirs, as installed in
 * `node_modules` (so exactly what the lockfile resolved), with version, license and whether they run install
 * scripts. Workspace packages are followed through, not listed as third-party.
 */
export function dependencyReport(root: string): PackageReport[] {
  const packagesDir = join(root, 'packages');
  const reports: PackageReport[] = [];
  for (const entry of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, entry);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const manifest = readManifest(dir);
    if (manifest.private === true) continue;
    const workspace = new Set<string>();
    const external = new Map<string, DependencyEntry>();
    const visited = new Set<string>();
    const walk = (from: string, deps: Record<string, string>, direct: boolean): void => {
      for (const name of Object.keys(deps).sort()) {
        const resolved = resolvePackage(from, name);
        if (resolved === undefined) continue; // an optional dependency not installed on this platform
        if (visited.has(resolved)) continue;
        visited.add(resolved);
        const found = readManifest(resolved);
        const next = { ...found.dependencies, ...found.optionalDependencies };
        if (deps[name]?.startsWith('workspace:')) {
          workspace.add(name);
          walk(resolved, next, false);
          continue;
        }
        external.set(`${found.name}@${found.version}`, {
          name: found.name,
          version: found.version,
          license: licenseOf(found),
          installScripts: hasInstallScripts(resolved, found),
          direct,
        });
        walk(resolved, next, false);
      }
    };
    walk(dir, { ...manifest.dependencies, ...manifest.optionalDependencies }, true);
    reports.push({
      name: manifest.name,
      version: manifest.version,
      workspace: [...workspace].sort(),
      external: [...external.values()].sort((a, b) => a.name.localeCompare(b.name)),
    });
  }
  return reports;
}
