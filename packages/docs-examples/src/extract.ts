import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a block's info string says should happen to it. */
export type BlockKind =
  /** A whole program that runs as it is and ends by itself: type-checked, run, its output compared. */
  | 'run'
  /** A whole program that needs outside settings or runs until stopped: type-checked, run by its own test. */
  | 'program'
  /** A piece of a program: type-checked after the named preamble, never run. */
  | 'fragment';

/** One TypeScript code block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root with `/` separators, e.g. `packages/bot/README.md`. */
  readonly file: string;
  /** The 1-based line of the block's first code line in that file. */
  readonly line: number;
  /** Its 1-based position among the TypeScript blocks of the file. */
  readonly index: number;
  readonly kind: BlockKind;
  /** The preamble a fragment is checked after (`fragment=<name>`); `undefined` for none. */
  readonly preamble: string | undefined;
  /** The code, ending with a newline. */
  readonly code: string;
}

/** Where the examples live: the root README, every package's and app's README, and the guides. */
export async function markdownFiles(root: string): Promise<string[]> {
  const files = ['README.md'];
  for (const dir of ['packages', 'apps']) {
    for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const readme = `${dir}/${entry.name}/README.md`;
      if (await exists(join(root, readme))) files.push(readme);
    }
  }
  for (const entry of await readdir(join(root, 'docs'))) {
    if (entry.endsWith('.md')) files.push(`docs/${entry}`);
  }
  return files.sort();
}

/** Every TypeScript block (info string `ts` or `typescript`) of every {@link markdownFiles} file. */
export async function extractAll(root: string): Promise<CodeBlock[]> {
  const blocks: CodeBlock[] = [];
  for (const file of await markdownFiles(root)) {
    blocks.push(...extractBlocks(file, await readFile(join(root, file), 'utf8')));
  }
  return blocks;
}

/**
 * The TypeScript blocks of one Markdown text. The info string says what a block is: `ts` alone is a program
 * that runs as it is; `ts program` one that needs settings or runs until stopped; `ts fragment=<preamble>` (or
 * a bare `ts fragment`) a piece of code. Any other word after the language is refused, so that a typo cannot
 * quietly take a block out of the checks.
 *
 * @throws Error naming the file and line of a block with an unknown flag, or of an unclosed fence.
 */
export function extractBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let index = 0;
  for (let at = 0; at < lines.length; at += 1) {
    const fence = /^(`{3,}|~{3,})\s*(\S*)\s*(.*)$/.exec(lines[at] ?? '');
    if (fence === null) continue;
    const [, marker = '```', language = '', rest = ''] = fence;
    const end = lines.findIndex((text, i) => i > at && text.trimEnd() === marker);
    if (end === -1) throw new Error(`${file}:${at + 1}: the code block is never closed`);
    if (language === 'ts' || language === 'typescript') {
      index += 1;
      const { kind, preamble } = parseFlags(rest.trim(), `${file}:${at + 1}`);
      blocks.push({
        file,
        line: at + 2,
        index,
        kind,
        preamble,
        code: `${lines.slice(at + 1, end).join('\n')}\n`,
      });
    }
    at = end;
  }
  return blocks;
}

function parseFlags(flags: string, where: string): { kind: BlockKind; preamble: string | undefined } {
  if (flags === '') return { kind: 'run', preamble: undefined };
  if (flags === 'program') return { kind: 'program', preamble: undefined };
  const fragment = /^fragment(?:=([a-z][a-z0-9-]*))?$/.exec(flags);
  if (fragment !== null) return { kind: 'fragment', preamble: fragment[1] };
  throw new Error(`${where}: unknown code block flags "${flags}" (use program or fragment=<preamble>)`);
}

/** A short stable name for a block, e.g. `packages/bot/README.md#3`. */
export function blockName(block: Pick<CodeBlock, 'file' | 'index'>): string {
  return `${block.file}#${block.index}`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await readFile(path);
    return true;
  } catch {
    return false;
  }
}
