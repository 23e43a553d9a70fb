/** One line of an edit script: kept, removed (only in the old text) or added (only in the new). */
interface Edit {
  readonly op: ' ' | '-' | '+';
  readonly line: string;
  readonly oldIndex: number;
  readonly newIndex: number;
}

/** The shortest edit script between two line lists (longest common subsequence; transcripts are short). */
function edits(before: readonly string[], after: readonly string[]): Edit[] {
  const rows = before.length;
  const cols = after.length;
  const lcs: Uint32Array[] = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
  for (let i = rows - 1; i >= 0; i -= 1) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = cols - 1; j >= 0; j -= 1) {
      row[j] =
        before[i] === after[j]
          ? (below[j + 1] as number) + 1
          : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols && before[i] === after[j]) {
      out.push({ op: ' ', line: before[i] as string, oldIndex: i, newIndex: j });
      i += 1;
      j += 1;
    } else if (j < cols && (i >= rows || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      out.push({ op: '+', line: after[j] as string, oldIndex: i, newIndex: j });
      j += 1;
    } else {
      out.push({ op: '-', line: before[i] as string, oldIndex: i, newIndex: j });
      i += 1;
    }
  }
  return out;
}

function range(start: number, length: number): string {
  if (length === 1) return String(start + 1);
  return `${length === 0 ? start : start + 1},${length}`;
}

/**
 * A unified diff of two texts (`---`/`+++` headers, `@@` hunks with `context` lines around each change), or
 * the empty string when they are equal.
 */
export function unifiedDiff(
  before: string,
  after: string,
  fromName: string,
  toName: string,
  context = 3,
): string {
  if (before === after) return '';
  const script = edits(before.split('\n'), after.split('\n'));
  const changed = script.map((edit, index) => (edit.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  const lines = [`--- ${fromName}`, `+++ ${toName}`];
  let cursor = 0;
  while (cursor < changed.length) {
    const first = changed[cursor] as number;
    let last = first;
    while (cursor + 1 < changed.length && (changed[cursor + 1] as number) - last <= 2 * context) {
      cursor += 1;
      last = changed[cursor] as number;
    }
    cursor += 1;
    const start = Math.max(0, first - context);
    const end = Math.min(script.length, last + context + 1);
    const hunk = script.slice(start, end);
    const oldLength = hunk.filter((edit) => edit.op !== '+').length;
    const newLength = hunk.filter((edit) => edit.op !== '-').length;
    const head = hunk[0] as Edit;
    lines.push(`@@ -${range(head.oldIndex, oldLength)} +${range(head.newIndex, newLength)} @@`);
    for (const edit of hunk) lines.push(`${edit.op}${edit.line}`);
  }
  return `${lines.join('\n')}\n`;
}
