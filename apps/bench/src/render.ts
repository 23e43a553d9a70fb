import type { ScenarioResult } from './result.js';

/** Machine facts printed beside the results. */
export interface MachineFacts {
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly memoryGiB: number;
}

/** A whole benchmark run. */
export interface Report {
  readonly startedAt: string;
  readonly machine: MachineFacts;
  readonly results: readonly ScenarioResult[];
}

/** Formats a figure with three significant digits and thousands separators. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

/** A plain-text table of one scenario for the terminal. */
export function renderTable(result: ScenarioResult): string {
  const lines = [`${result.title}`];
  for (const r of result.rows) {
    lines.push(
      `  ${r.metric}: ours ${formatNumber(r.ours)} ${r.unit} vs ${r.baselineName} ${formatNumber(r.baseline)} ${r.unit} → ×${r.ratio.toFixed(2)}`,
    );
  }
  for (const t of result.targets) {
    lines.push(
      `  target ${t.description} ${t.comparison} ${t.target}: ${formatNumber(t.value)} ${t.met ? 'met' : 'MISSED'}`,
    );
  }
  return lines.join('\n');
}

/** The Markdown report the README links to. */
export function renderMarkdown(report: Report): string {
  const { machine } = report;
  const lines = [
    '# Benchmark results',
    '',
    `Run ${report.startedAt} on ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}.`,
    'Each figure is compared with a baseline measured in the same run; only the ratios are meaningful across machines.',
    '',
  ];
  for (const result of report.results) {
    lines.push(`## ${result.title}`, '');
    const params = Object.entries(result.parameters)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    lines.push(`Parameters: ${params}.`, '');
    lines.push('| metric | ours | baseline | baseline value | ours ÷ baseline |', '|---|---:|---|---:|---:|');
    for (const r of result.rows) {
      lines.push(
        `| ${r.metric} | ${formatNumber(r.ours)} ${r.unit} | ${r.baselineName} | ${formatNumber(r.baseline)} ${r.unit} | ${r.ratio.toFixed(2)} |`,
      );
    }
    if (result.targets.length > 0) {
      lines.push('', '| target | value | goal | met |', '|---|---:|---:|---|');
      for (const t of result.targets) {
        lines.push(
          `| ${t.description} | ${formatNumber(t.value)} | ${t.comparison} ${t.target} | ${t.met ? 'yes' : '**no**'} |`,
        );
      }
    }
    for (const note of result.notes) lines.push('', note);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
