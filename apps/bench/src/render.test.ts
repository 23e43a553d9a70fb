import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { README_MARKERS, type Report, renderReadmeSummary, replaceReadmeSummary } from './render.js';
import { row, target } from './result.js';

const report: Report = {
  startedAt: '2026-12-04T12:00:00.000Z',
  machine: { node: 'v20.20.2', platform: 'linux x64', cpu: 'Test CPU × 2', memoryGiB: 24 },
  results: [
    {
      id: 'catchup',
      title: 'Catch-up',
      parameters: {},
      rows: [row('time until catch-up done', 'ms', 300, 200, 'raw ws + protobufjs client')],
      targets: [target('catch-up time ÷ raw client', 1.5, '<=', 1.5), target('other', 3, '>=', 4)],
      notes: [],
    },
  ],
};

describe('the README summary', () => {
  it('lists every figure with its baseline and every target as met or missed', () => {
    const summary = renderReadmeSummary(report);
    expect(summary).toContain('Run 2026-12-04 on Test CPU × 2, 24 GiB, linux x64, Node v20.20.2.');
    expect(summary).toContain(
      '| catchup  | time until catch-up done | 300 ms | raw ws + protobufjs client 200 ms |            1.50 |',
    );
    expect(summary).toContain('| catch-up time ÷ raw client |   1.5 | <= 1.5 | met        |');
    expect(summary).toContain('| other                      |     3 |   >= 4 | **missed** |');
  });

  it('lays its tables out as the formatter does, so a regenerated README passes the lint step', () => {
    const summary = renderReadmeSummary(report);
    const biome = fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url));
    const formatted = execFileSync(biome, ['format', '--stdin-file-path=README.md'], {
      input: `${summary}\n`,
    });
    expect(formatted.toString()).toBe(`${summary}\n`);
  });

  it('replaces only the text between the markers, and leaves a README without them alone', () => {
    const readme = `intro\n${README_MARKERS.start}\nold table\n${README_MARKERS.end}\noutro\n`;
    expect(replaceReadmeSummary(readme, 'new table')).toBe(
      `intro\n${README_MARKERS.start}\n\nnew table\n\n${README_MARKERS.end}\noutro\n`,
    );
    expect(replaceReadmeSummary('no markers here', 'new table')).toBeUndefined();
  });
});

describe('the root README', () => {
  it('holds the markers a full run regenerates its summary between', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(replaceReadmeSummary(readme, 'x')).toBeDefined();
  });
});
