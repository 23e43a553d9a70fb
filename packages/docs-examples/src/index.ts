/**
 * The TypeScript examples of the repository's READMEs and guides as tests: extracted from the Markdown,
 * type-checked in one program, and run against the reference server.
 *
 * @packageDocumentation
 */

export { type BlockFile, typeCheck, writeBlocks } from './compile.js';
export {
  type BlockKind,
  blockName,
  type CodeBlock,
  extractAll,
  extractBlocks,
  markdownFiles,
} from './extract.js';
export { type BlockRun, type RunBlockOptions, runBlock } from './run.js';
