import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { blockName, type CodeBlock } from './extract.js';

/** A block written out as a TypeScript module. */
export interface BlockFile {
  readonly block: CodeBlock;
  /** The absolute path of the module. */
  readonly path: string;
  /** How many lines of preamble come before the block's code in the module. */
  readonly preambleLines: number;
}

/**
 * Writes every block into `dir` as a module of its own (`packages-bot-README-3.ts`): the code as it is, a
 * fragment after its preamble. `export {}` makes each file a module even without imports, so top-level await
 * works and no two blocks share a scope.
 *
 * @throws Error for a fragment that names a preamble `preambles` does not have.
 */
export async function writeBlocks(
  blocks: readonly CodeBlock[],
  dir: string,
  preambles: Readonly<Record<string, string>>,
): Promise<BlockFile[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files: BlockFile[] = [];
  for (const block of blocks) {
    let preamble = '';
    if (block.preamble !== undefined) {
      const declared = preambles[block.preamble];
      if (declared === undefined) {
        throw new Error(`${block.file}:${block.line - 1}: no preamble is called "${block.preamble}"`);
      }
      preamble = declared.endsWith('\n') ? declared : `${declared}\n`;
    }
    const path = join(
      dir,
      `${blockName(block)
        .replace(/\.md#/, '-')
        .replace(/[^A-Za-z0-9-]+/g, '-')}.ts`,
    );
    await writeFile(path, `${preamble}${block.code}export {};\n`);
    files.push({ block, path, preambleLines: preamble === '' ? 0 : preamble.split('\n').length - 1 });
  }
  return files;
}

/**
 * Type-checks every block in one TypeScript program (one compiler start for all of them: the workspace's
 * sources are checked once), with the compiler options of `tsconfig`. Returns one line per error, placed at the
 * Markdown line it comes from (`packages/bot/README.md:57: TS2304 Cannot find name 'client'.`); an error in a
 * preamble is placed at the block's opening fence.
 */
export function typeCheck(files: readonly BlockFile[], tsconfig: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (parsed === undefined) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram({
    rootNames: files.map((file) => file.path),
    options: { ...parsed.options, noEmit: true },
  });
  const byPath = new Map(files.map((file) => [ts.sys.resolvePath(file.path), file]));
  const errors: string[] = [];
  for (const source of program.getSourceFiles()) {
    const file = byPath.get(ts.sys.resolvePath(source.fileName));
    if (file === undefined) continue;
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    for (const diagnostic of diagnostics) {
      const line =
        diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line;
      const inCode = line - file.preambleLines;
      const at = inCode < 0 ? file.block.line - 1 : file.block.line + inCode;
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      errors.push(`${file.block.file}:${at}: TS${diagnostic.code} ${text}`);
    }
  }
  return errors;
}
