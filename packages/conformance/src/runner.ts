import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '@birdtalk/runtime';
import { ScenarioContext, type ScenarioDeps } from './context.js';
import { createScenarioCrypto } from './crypto.js';
import { unifiedDiff } from './diff.js';
import { caseOf } from './envelope.js';
import type { Scenario } from './scenarios/index.js';
import { createWsOpener } from './socket.js';
import { renderTranscript } from './transcript.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** `ws://…/ws` or `wss://…/ws` (certificates are not verified). */
  readonly url: string;
  readonly scenarios: readonly Scenario[];
  /** `compare` against `dir`, `record` into `dir`, or `print` the transcripts. */
  readonly mode: 'compare' | 'record' | 'print';
  /** The directory of `NAME.txt` transcripts (compare and record). */
  readonly dir?: string;
  /** Milliseconds a scenario waits for a reply it needs. @defaultValue 5000 */
  readonly timeoutMs?: number;
  /** Where output lines go. */
  readonly write: (text: string) => void;
  /** Where complaints go (a server that stopped answering). */
  readonly warn?: (text: string) => void;
}

/** The outcome of {@link runConformance}. */
export interface ConformanceResult {
  readonly passed: number;
  readonly failed: number;
  /** Whether the server stopped answering (the remaining scenarios were not run). */
  readonly serverGone: boolean;
  /** Each scenario's transcript (absent when not run). */
  readonly transcripts: ReadonlyMap<string, string>;
}

/** The default environment: the system clock, `ws` sockets, the SDK's crypto. */
export function defaultScenarioDeps(): ScenarioDeps {
  return { clock: systemClock, crypto: createScenarioCrypto(), openSocket: createWsOpener() };
}

/** Rejects after `ms` with a marker error, so a scenario that hangs ends with "scenario timed out". */
function withTimeout<T>(work: Promise<T>, ms: number, deps: ScenarioDeps): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = deps.clock.setTimeout(() => reject(new ScenarioTimeout()), ms);
    work.then(
      (value) => {
        deps.clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        deps.clock.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

class ScenarioTimeout extends Error {}

/** Runs one scenario on a server and returns its normalised transcript. */
export async function runScenario(
  url: string,
  scenario: Scenario,
  timeoutMs = 5_000,
  deps: ScenarioDeps = defaultScenarioDeps(),
): Promise<string> {
  const ctx = new ScenarioContext(url, scenario.name, timeoutMs, deps);
  let error: string | undefined;
  try {
    await withTimeout(scenario.run(ctx), 120_000, deps);
    await ctx.settle();
  } catch (cause) {
    error = cause instanceof ScenarioTimeout ? 'scenario timed out' : `scenario raised ${errorName(cause)}`;
  }
  await ctx.finish();
  return renderTranscript(ctx, error);
}

function errorName(cause: unknown): string {
  return cause instanceof Error ? cause.constructor.name || cause.name : typeof cause;
}

/** Whether the server still answers a Hello on a new connection. */
export async function serverAnswers(
  url: string,
  deps: ScenarioDeps = defaultScenarioDeps(),
): Promise<boolean> {
  const ctx = new ScenarioContext(url, 'alive', 5_000, deps);
  try {
    const connection = await ctx.connect('X');
    if (!connection.isOpen) return false;
    return caseOf(await connection.hello()) === 'hello';
  } catch {
    return false;
  } finally {
    await ctx.finish();
  }
}

/**
 * Runs scenarios in order on one server. In `compare` mode prints `NAME: same`, or `NAME: differs` and a unified
 * diff, per scenario, then the last line `N passed, M failed`. After a scenario the server must still answer a
 * Hello; if it does not, the remaining scenarios are not run (and count as failed when comparing).
 */
export async function runConformance(
  options: ConformanceOptions,
  deps: ScenarioDeps = defaultScenarioDeps(),
): Promise<ConformanceResult> {
  const { write, mode, dir } = options;
  if (mode !== 'print' && dir === undefined) throw new TypeError(`${mode} needs a directory`);
  if (mode === 'record' && dir !== undefined) mkdirSync(dir, { recursive: true });
  const transcripts = new Map<string, string>();
  let passed = 0;
  let failed = 0;
  let gone = false;
  for (const scenario of options.scenarios) {
    let text: string | undefined;
    if (!gone) {
      text = await runScenario(options.url, scenario, options.timeoutMs, deps);
      transcripts.set(scenario.name, text);
      if (!(await serverAnswers(options.url, deps))) {
        options.warn?.(`!! server not answering after scenario ${scenario.name}\n`);
        gone = true;
      }
    }
    if (mode === 'print') {
      write(text ?? `# scenario ${scenario.name}: not run\n`);
    } else if (mode === 'record') {
      if (text !== undefined) {
        writeFileSync(join(dir as string, `${scenario.name}.txt`), text);
        write(`recorded ${scenario.name}\n`);
      }
    } else {
      const path = join(dir as string, `${scenario.name}.txt`);
      if (text === undefined) {
        write(`${scenario.name}: not run (server gone)\n`);
        failed += 1;
      } else if (!existsSync(path)) {
        write(`${scenario.name}: no golden file\n`);
        failed += 1;
      } else {
        const golden = readFileSync(path, 'utf8');
        if (golden === text) {
          write(`${scenario.name}: same\n`);
          passed += 1;
        } else {
          write(`${scenario.name}: differs\n`);
          write(unifiedDiff(golden, text, `golden/${scenario.name}.txt`, `actual/${scenario.name}.txt`));
          failed += 1;
        }
      }
    }
  }
  if (mode === 'compare') write(`${passed} passed, ${failed} failed\n`);
  return { passed, failed, serverGone: gone, transcripts };
}
