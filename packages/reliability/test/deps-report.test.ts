import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dependencyReport } from '../src/deps-report.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PERMISSIVE =
  /^\(?(MIT|ISC|0BSD|BSD-2-Clause|BSD-3-Clause|Apache-2\.0)( OR (MIT|ISC|BSD-2-Clause|Apache-2\.0|WTFPL))*\)?$/;

describe('the production dependency closure (pnpm deps:report)', () => {
  const reports = dependencyReport(root);
  const byName = new Map(reports.map((report) => [report.name, report]));

  it('covers every publishable package and nothing private', () => {
    expect([...byName.keys()].sort()).toEqual([
      '@birdtalk/bot',
      '@birdtalk/client',
      '@birdtalk/crypto',
      '@birdtalk/errors',
      '@birdtalk/fleet',
      '@birdtalk/proto',
      '@birdtalk/runtime',
      '@birdtalk/server',
      '@birdtalk/session',
      '@birdtalk/store-redis',
      '@birdtalk/store-sqlite',
      '@birdtalk/transport',
    ]);
  });

  it('keeps what a bot installs small, permissively licensed and free of install scripts', () => {
    const bot = byName.get('@birdtalk/bot')!;
    expect(bot.external.map((dep) => dep.name).sort()).toEqual([
      '@noble/ciphers',
      '@noble/curves',
      '@noble/hashes',
      'long',
      'protobufjs',
      'ws',
    ]);
    for (const report of reports) {
      for (const dep of report.external)
        expect(dep.license, `${dep.name}@${dep.version}`).toMatch(PERMISSIVE);
    }
    const scripted = reports.flatMap((report) =>
      report.external.filter((dep) => dep.installScripts).map((dep) => `${report.name} → ${dep.name}`),
    );
    // The SQLite store's native module is the one package that builds (or fetches a prebuilt binary) on install.
    expect(scripted).toEqual(['@birdtalk/store-sqlite → better-sqlite3']);
    expect(byName.get('@birdtalk/errors')!.external).toEqual([]);
    expect(byName.get('@birdtalk/runtime')!.external).toEqual([]);
  });
});
