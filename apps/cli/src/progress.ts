import type { CommandContext } from './context.js';
import { formatBytes } from './format.js';

/** A progress display of a transfer. */
export interface Progress {
  /** `done` bytes so far (of `total`, when known). */
  update(done: number, total?: number): void;
  /** Clears the line. */
  finish(): void;
}

const width = 28;
const minIntervalMs = 80;

/**
 * A progress bar on stderr, only when stderr is a terminal and the output is not `--json`; otherwise nothing
 * is drawn, so pipes and logs never see carriage returns.
 */
export function createProgress(ctx: CommandContext, label: string): Progress {
  const stream = ctx.io.stderr;
  if (stream.isTTY !== true || ctx.globals.json) return { update: () => {}, finish: () => {} };
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      const complete = total !== undefined && done >= total;
      if (!complete && now - last < minIntervalMs) return;
      last = now;
      drawn = true;
      let line: string;
      if (total !== undefined && total > 0) {
        const ratio = Math.min(1, done / total);
        const filled = Math.round(ratio * width);
        line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${formatBytes(done)} / ${formatBytes(total)}`;
      } else {
        line = `${label} ${formatBytes(done)}`;
      }
      stream.write(`\r${line}\u001b[K`);
    },
    finish() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
