import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A bot running in a child process. */
export interface ChildBot {
  readonly process: ChildProcess;
  /** What it printed so far (stdout and stderr). */
  readonly output: () => string;
  /** Its exit: the signal that ended it, or its exit code. */
  readonly exited: Promise<NodeJS.Signals | number | null>;
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs a TypeScript bot script of this package in a child process, from source, with `env` added to this
 * process's environment; `cleanups` gets a function that kills it if still running and waits for its exit.
 */
export function spawnChildBot(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
  cleanups: Array<() => Promise<void>>,
): ChildBot {
  const child = spawn(
    process.execPath,
    ['--conditions=@birdtalk/source', '--import', 'tsx', script, ...args],
    {
      cwd: packageDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { process: child, output: () => output, exited };
}
