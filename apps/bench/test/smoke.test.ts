import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { redisServerAvailable } from '@birdtalk/store-redis/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../src/result.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'birdtalk-bench-smoke-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

// Figures from a run this small mean nothing; the run only proves that every scenario still works end to end and
// reports what `pnpm bench` reports. Performance is never asserted here.
describe('pnpm bench, smoke run with tiny parameters', () => {
  it('runs every scenario and writes a complete results file', async () => {
    await run(
      process.execPath,
      [
        '--expose-gc',
        '--conditions=@birdtalk/source',
        '--import',
        'tsx',
        main,
        ...['--rounds', '1', '--round-ms', '20', '--messages', '200', '--window', '8,16'],
        ...['--rate', '200', '--latency-ms', '200', '--sessions', '8', '--backlog', '150'],
        ...['--store-messages', '60', '--fleet-accounts', '8', '--fleet-workers', '2'],
        ...['--out', out],
      ],
      { timeout: 120_000 },
    );
    const report = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as {
      machine: { cpu: string; node: string };
      results: ScenarioResult[];
    };
    expect(report.machine.node).toBe(process.version);
    expect(report.results.map((result) => result.id)).toEqual([
      'codec',
      'handshake',
      'roundtrip',
      'scale',
      'catchup',
      'stores',
      'fleet',
      'bundle',
    ]);
    for (const result of report.results) {
      // The fleet scenario needs redis-server; where it is missing it reports a note instead of rows.
      if (result.id === 'fleet' && !redisServerAvailable()) continue;
      expect(result.rows.length, result.id).toBeGreaterThan(0);
      for (const row of result.rows) {
        // A memory row is a difference of two heap or RSS readings over a handful of connections; at this size the
        // collector's noise can make it negative, so only its finiteness is checked.
        const floor = row.unit === 'KiB' ? Number.NEGATIVE_INFINITY : 0;
        const label = `${result.id}: ${row.metric}`;
        expect(Number.isFinite(row.ours) && row.ours >= floor, label).toBe(true);
        expect(Number.isFinite(row.baseline) && row.baseline >= floor, label).toBe(true);
      }
      for (const check of result.targets) expect(typeof check.met, check.description).toBe('boolean');
    }
    const markdown = readFileSync(join(out, 'latest.md'), 'utf8');
    expect(markdown).toContain('raw ws + protobufjs client');
    expect(markdown).toContain('throughput, window 16');
    // Each side's CPU per message, which says where a gap in a wall-clock figure comes from.
    expect(markdown).toContain('client CPU per message, window 16');
    expect(markdown).toContain('server CPU per message (reference server)');
    if (redisServerAvailable()) {
      expect(markdown).toMatch(
        /redis-server's own CPU time per handled message \(INFO cpu\), median: Redis [0-9]/,
      );
    }
  }, 150_000);
});
