/**
 * `pnpm check:vectors [file]`: runs every case of a crypto vector file (default `../shared/vectors/crypto.json`
 * beside the repository) against @birdtalk/crypto, prints one line per failing case and ends with
 * `N passed, M failed`. Exits non-zero when anything failed or the file could not be read.
 */

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkVectors, formatFailure } from '../packages/crypto/test/vector-check.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const file = args[0] === undefined ? resolve(repoRoot, '../shared/vectors/crypto.json') : resolve(args[0]);

let vectors: unknown;
try {
  vectors = JSON.parse(await readFile(file, 'utf8'));
} catch (error) {
  console.log(`FAIL ${file}: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

const report = await checkVectors(vectors);
for (const failure of report.failures) console.log(formatFailure(failure));
console.log(`${report.passed} passed, ${report.failed} failed`);
process.exitCode = report.failed > 0 ? 1 : 0;
