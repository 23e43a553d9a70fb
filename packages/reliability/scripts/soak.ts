/**
 * The full soak: `pnpm soak [--messages 10000] [--seed 1]`. Two bots exchange the messages through the reference
 * server under faults (see src/soak.ts), then the figures are printed. Exits with 1 when a guarantee failed: a
 * message lost, repeated, or out of order without its `late` flag, a reply pinned on the wrong send, a send that
 * never settled or failed with an untyped error, an unhandled rejection, a hazard, or a heap that grew by more
 * than the bound.
 */
import { parseArgs } from 'node:util';
import { runSoak, type SoakReport } from '../src/soak.js';

/**
 * The most the heap may grow from before the run to after it, with everything stopped and released. What a run
 * keeps does not grow with its length: 1.8–2.4 MiB after 2,500, 10,000, 20,000 and 40,000 messages (seed 1), so
 * the bound is 8 MiB whatever the length. Keeping about 0.6 KiB per handled message (an array that is never
 * cleared) trips it at 10,000 messages (8.2 MiB) and far beyond at 40,000 (28 MiB).
 */
const HEAP_BOUND_BYTES = 8 * 1024 * 1024;

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    quiet: { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const seed = Number(values.seed);
if (!Number.isSafeInteger(messages) || messages < 4 || !Number.isSafeInteger(seed)) {
  console.error('usage: pnpm soak [--messages N (≥ 4)] [--seed S] [--quiet]');
  process.exit(2);
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

console.log(`soak: ${messages} messages, seed ${seed}`);
const report: SoakReport = await runSoak({
  messages,
  seed,
  ...(values.quiet ? {} : { onProgress: (line: string) => console.log(`  ${line}`) }),
});

const failures = Object.entries(report.failed)
  .map(([code, count]) => `${code} ×${count}`)
  .join(', ');
const rows: Array<[string, string]> = [
  ['messages', `${report.messages} (${report.files} of them files)`],
  ['acknowledged', String(report.acknowledged)],
  ['failed (typed)', failures === '' ? '0' : failures],
  ['failed (untyped)', String(report.untypedFailures.length)],
  ['never settled', String(report.unsettled)],
  ['delivered', String(report.delivered)],
  ['duplicates found', String(report.duplicates)],
  ['lost', String(report.lost)],
  ['out of order (unflagged)', String(report.outOfOrder)],
  ['stored out of send order', String(report.storedOutOfSendOrder)],
  ['late (flagged, dropped pushes)', String(report.late)],
  ['mis-attributed replies', String(report.misattributed)],
  ['frames the server dropped', String(report.framesDropped)],
  ['stored twice by the server', String(report.serverDuplicates)],
  ['reconnects', String(report.reconnects)],
  ['refused once by the cold group', String(report.coldRefusals)],
  ['unhandled rejections', String(report.unhandledRejections.length)],
  ['hazards', String(report.hazards.length)],
  [
    'duration',
    `${(report.durationMs / 1000).toFixed(1)} s (${(report.simulatedMs / 1000).toFixed(0)} s simulated)`,
  ],
  ['heap before', mib(report.heapBeforeBytes)],
  ['heap after', mib(report.heapAfterBytes)],
  ['heap delta', mib(report.heapDeltaBytes)],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);

const problems = [
  ...report.untypedFailures.map((failure) => `untyped failure: ${failure}`),
  ...report.unhandledRejections.map((reason) => `unhandled rejection: ${reason}`),
  ...report.hazards.map((hazard) => `hazard: ${hazard}`),
  ...report.lostExamples.map((example) => `lost: ${example}`),
  ...report.outOfOrderExamples.map((example) => `out of order: ${example}`),
  ...report.misattributedExamples.map((example) => `mis-attributed: ${example}`),
  ...report.storedOutOfSendOrderExamples.map((example) => `stored out of send order: ${example}`),
];
if (report.serverDuplicates > 0) problems.push(`${report.serverDuplicates} stored twice by the server`);
if (report.duplicates > 0) problems.push(`${report.duplicates} duplicates`);
if (report.unsettled > 0) problems.push(`${report.unsettled} sends never settled`);
if (report.heapDeltaBytes > HEAP_BOUND_BYTES) problems.push(`the heap grew by ${mib(report.heapDeltaBytes)}`);
if (problems.length > 0) {
  console.error(`soak FAILED (seed ${seed}):\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('soak passed');
}
