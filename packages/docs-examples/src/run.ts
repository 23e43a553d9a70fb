import { spawn } from 'node:child_process';

/** What a block printed and how it ended. */
export interface BlockRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runBlock}. */
export interface RunBlockOptions {
  /** The working directory; module resolution starts at the file itself. */
  readonly cwd: string;
  /** Added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Kill the child after this long (then `code` is `null`). @defaultValue 60000 */
  readonly timeoutMs?: number;
}

/**
 * Runs a block's module in a Node process as a reader would (`tsx`, with the workspace's source condition so
 * that `@birdtalk/*` imports resolve to the sources), and resolves with its output once it ended.
 */
export function runBlock(path: string, options: RunBlockOptions): Promise<BlockRun> {
  return new Promise<BlockRun>((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@birdtalk/source', '--import', 'tsx', path], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // A block that never ends is a broken example: stop it rather than the whole suite.
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
