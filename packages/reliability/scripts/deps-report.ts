/**
 * `pnpm deps:report [--json]`: the production dependency closure of each publishable package, as installed
 * from the lockfile — name, version, license, and whether it runs install scripts — so a reviewer sees at a
 * glance what a user of each package installs.
 */
import { fileURLToPath } from 'node:url';
import { dependencyReport } from '../src/deps-report.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const reports = dependencyReport(root);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(reports, null, 2));
} else {
  for (const report of reports) {
    const via = report.workspace.length === 0 ? '' : ` (with ${report.workspace.join(', ')})`;
    console.log(`${report.name}@${report.version}${via}: ${report.external.length} third-party packages`);
    for (const dep of report.external) {
      const flags = [
        dep.direct ? 'direct' : 'transitive',
        dep.installScripts ? 'INSTALL SCRIPTS' : '',
      ].filter(Boolean);
      console.log(
        `  ${`${dep.name}@${dep.version}`.padEnd(36)} ${dep.license.padEnd(12)} ${flags.join(', ')}`,
      );
    }
  }
  const all = new Map(
    reports.flatMap((report) => report.external.map((dep) => [`${dep.name}@${dep.version}`, dep])),
  );
  const scripted = [...all.values()].filter((dep) => dep.installScripts);
  console.log(`\n${all.size} distinct third-party packages in all; ${scripted.length} with install scripts.`);
}
