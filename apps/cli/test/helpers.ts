import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli.js';
import type { OutStream } from '../src/io.js';

/** The app's directory. */
export const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `node` arguments that run the CLI from source, as `pnpm birdtalk` does. */
export const sourceArgs = [
  '--conditions=@birdtalk/source',
  '--import',
  'tsx',
  join(appDir, 'src', 'main.ts'),
];

/** A reference server run by `birdtalk server` in a child process. */
export interface SpawnedServer {
  readonly url: string;
  readonly sha256: string | undefined;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** What the server logs (on stderr) for a request that would crash the real server. */
const HAZARD_WARNING = 'request would crash the real server';

/**
 * Spawns `birdtalk server --port 0 --strict …` and waits for its URL (and certificate) lines. Strict, as every
 * reference server of the test suite: `stop()` rejects when the server logged a hazard (a request that would
 * have crashed the real server), since the in-process hazard check cannot see into another process.
 */
export async function spawnServer(args: readonly string[] = []): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [...sourceArgs, 'server', '--port', '0', '--strict', ...args], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const wantCertificate = args.includes('--tls');
  const lines = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${stderr}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const complete = stdout.split('\n').filter((line) => line !== '');
      if (complete.length >= (wantCertificate ? 2 : 1) && stdout.endsWith('\n')) {
        clearTimeout(timer);
        resolve(complete);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${stderr}`));
    });
  });
  const url = lines[0] ?? '';
  const sha256 = lines[1]?.replace(/^certificate sha256 /, '');
  return {
    url,
    sha256,
    process: child,
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        // 'close' comes after the output streams ended, so stderr is complete.
        child.once('close', () => resolve());
        child.kill('SIGINT');
      });
      if (stderr.includes(HAZARD_WARNING))
        throw new Error(`the reference server recorded hazards:\n${stderr}`);
    },
  };
}

/** What one run of the CLI printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The stdout lines. */
  readonly lines: string[];
  /** The stdout lines parsed as JSON (with `--json`). */
  readonly records: Array<Record<string, unknown>>;
}

/** Options of an in-process run. */
export interface RunOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdin?: string;
  readonly cwd?: string;
  /** Aborting it acts like Ctrl-C. */
  readonly interrupt?: AbortSignal;
  /** Called with every stdout line as it is printed. */
  readonly onLine?: (line: string) => void;
  /** Pretend stderr is a terminal. */
  readonly tty?: boolean;
}

/** A stream that collects what is written, as text. */
class Collector implements OutStream {
  text = '';
  readonly isTTY: boolean;
  readonly #onLine: ((line: string) => void) | undefined;
  #partial = '';

  constructor(isTTY: boolean, onLine?: (line: string) => void) {
    this.isTTY = isTTY;
    this.#onLine = onLine;
  }

  write(chunk: string | Uint8Array): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
    this.text += text;
    if (this.#onLine !== undefined) {
      this.#partial += text;
      const parts = this.#partial.split('\n');
      this.#partial = parts.pop() ?? '';
      for (const line of parts) this.#onLine(line);
    }
    return true;
  }
}

/** Runs `birdtalk <argv>` in this process and collects its output. */
export async function cli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const stdout = new Collector(false, options.onLine);
  const stderr = new Collector(options.tty ?? false);
  const code = await runCli(argv, {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    interrupt: options.interrupt ?? new AbortController().signal,
  });
  return result(code, stdout.text, stderr.text);
}

/** Runs the CLI as a child process, the way a user does (from source, through tsx). */
export async function spawnCli(
  argv: readonly string[],
  options: {
    readonly env?: Readonly<Record<string, string>>;
    readonly signalAfterLine?: NodeJS.Signals;
    /** Called once, when the first line of standard output arrived. */
    readonly afterFirstLine?: () => void;
  } = {},
): Promise<CliRun> {
  let firstLine = false;
  const child = spawn(process.execPath, [...sourceArgs, ...argv], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (firstLine || !stdout.includes('\n')) return;
    firstLine = true;
    if (options.signalAfterLine !== undefined) child.kill(options.signalAfterLine);
    options.afterFirstLine?.();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number>((resolve) => child.on('exit', (exit) => resolve(exit ?? -1)));
  return result(code, stdout, stderr);
}

function result(code: number, stdout: string, stderr: string): CliRun {
  const lines = stdout.split('\n').filter((line) => line !== '');
  return {
    code,
    stdout,
    stderr,
    lines,
    get records() {
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

/** A temporary directory, removed by the returned function. */
export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `birdtalk-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
