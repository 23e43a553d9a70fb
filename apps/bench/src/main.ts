// Runs the benchmark suite and writes results/latest.json and results/latest.md.
//
//   pnpm bench                                  every scenario, default parameters
//   pnpm bench --only codec,handshake           some scenarios
//   pnpm bench --rounds 9 --round-ms 1000       longer, steadier runs
//   pnpm bench --sessions 10000                 scale scenario with 10,000 sessions
//   pnpm bench --window 64,256                  round-trip throughput at each window
//   pnpm bench --only fleet --fleet-accounts 10000 --fleet-workers 4   fleet ready time (needs redis-server)
//
// A full run (no --only, no --out) also regenerates the summary table in the root README.
//
// Every figure is a ratio to a baseline measured in the same run: absolute numbers on a shared machine drift.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderMarkdown, renderReadmeSummary, renderTable, replaceReadmeSummary } from './render.js';
import type { ScenarioResult } from './result.js';
import { runBundle } from './scenarios/bundle.js';
import { runCatchUp } from './scenarios/catchup.js';
import { runCodec } from './scenarios/codec.js';
import { runFleetScenario } from './scenarios/fleet.js';
import { runHandshake } from './scenarios/handshake.js';
import { runRoundTrip } from './scenarios/roundtrip.js';
import { runScale } from './scenarios/scale.js';
import { runStores } from './scenarios/stores.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    rounds: { type: 'string', default: '5' },
    'round-ms': { type: 'string', default: '400' },
    'chats-per-page': { type: 'string', default: '100' },
    'text-bytes': { type: 'string', default: '100' },
    messages: { type: 'string', default: '20000' },
    window: { type: 'string', default: '64,256' },
    rate: { type: 'string', default: '1000' },
    'latency-ms': { type: 'string', default: '3000' },
    sessions: { type: 'string', default: '1000' },
    backlog: { type: 'string', default: '10000' },
    'store-messages': { type: 'string', default: '10000' },
    'fleet-accounts': { type: 'string', default: '10000' },
    'fleet-workers': { type: 'string', default: '4' },
    out: { type: 'string' },
  },
});

const rounds = Number(values.rounds);
const roundMs = Number(values['round-ms']);
const only = values.only === undefined ? undefined : new Set(values.only.split(','));

const scenarios: Array<[string, () => Promise<ScenarioResult>]> = [
  [
    'codec',
    () =>
      runCodec({
        chatsPerPage: Number(values['chats-per-page']),
        textBytes: Number(values['text-bytes']),
        roundMs,
        rounds,
      }),
  ],
  ['handshake', () => runHandshake({ roundMs, rounds })],
  [
    'roundtrip',
    () =>
      runRoundTrip({
        messages: Number(values.messages),
        windows: values.window.split(',').map(Number),
        rate: Number(values.rate),
        latencyMs: Number(values['latency-ms']),
        textBytes: Number(values['text-bytes']),
        rounds,
      }),
  ],
  [
    'scale',
    () =>
      runScale({
        sessions: Number(values.sessions),
        prepareConcurrency: 50,
        rounds: Math.min(rounds, 3),
      }),
  ],
  [
    'catchup',
    () =>
      runCatchUp({
        messages: Number(values.backlog),
        textBytes: Number(values['text-bytes']),
        rounds: Math.min(rounds, 5),
      }),
  ],
  [
    'stores',
    () =>
      runStores({
        messages: Number(values['store-messages']),
        textBytes: Number(values['text-bytes']),
        rounds,
      }),
  ],
  [
    'fleet',
    () =>
      runFleetScenario({
        accounts: Number(values['fleet-accounts']),
        workers: Number(values['fleet-workers']),
        prepareConcurrency: 50,
        rounds: Math.min(rounds, 3),
      }),
  ],
  ['bundle', runBundle],
];

const startedAt = new Date();
const results: ScenarioResult[] = [];
for (const [id, run] of scenarios) {
  if (only !== undefined && !only.has(id)) continue;
  process.stderr.write(`running ${id}…\n`);
  const result = await run();
  results.push(result);
  process.stdout.write(`${renderTable(result)}\n`);
}

const cpu = cpus();
const machine = {
  node: process.version,
  platform: `${process.platform} ${arch()}`,
  cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
};
const report = { startedAt: startedAt.toISOString(), machine, results };
const outDir = values.out ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, 'latest.md'), renderMarkdown(report));
process.stderr.write(`results written to ${join(outDir, 'latest.json')} and latest.md\n`);

// A full run with the default output also regenerates the README's summary table from the results it wrote.
if (only === undefined && values.out === undefined) {
  const readmePath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'README.md');
  const updated = replaceReadmeSummary(readFileSync(readmePath, 'utf8'), renderReadmeSummary(report));
  if (updated !== undefined) {
    writeFileSync(readmePath, updated);
    process.stderr.write(`README.md summary regenerated\n`);
  }
}
