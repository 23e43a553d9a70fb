import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runConformance } from './runner.js';
import { documentedScenarios, realServerScenarios, type Scenario, scenarios } from './scenarios/index.js';

const USAGE = `usage: pnpm conformance --server URL [--compare DIR | --record DIR] [--set real|documented|all]
                        [--only NAME,...] [--timeout SECONDS] [--list]

  --compare DIR   compare each scenario's transcript with DIR/NAME.txt; the last line is "N passed, M failed"
  --record DIR    write DIR/NAME.txt per scenario (record only from a freshly started real server)
  (neither)       print the transcripts
  --set real      the 27 scenarios with golden transcripts from the real server (golden/real-653b489)
  --set documented  the scenarios written from the reference document (expected/reference)
  --set all       both (the default)
  --only a,b      run the named scenarios only (within the set)
  --list          list the scenarios and exit`;

/** Where the command line writes. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** The `pnpm conformance` command line; returns the exit status (0 ok, 1 differences, 2 usage or server gone). */
export async function main(argv: readonly string[], io: CliOutput = processOutput): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (values.list) {
    for (const scenario of scenarios) io.out(`${scenario.name}  ${scenario.description}\n`);
    return 0;
  }
  if (values.server === undefined || (values.compare !== undefined && values.record !== undefined)) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const sets: Record<string, readonly Scenario[]> = {
    real: realServerScenarios,
    documented: documentedScenarios,
    all: scenarios,
  };
  const set = sets[values.set ?? 'all'];
  if (set === undefined) {
    io.err(`--set is one of real, documented, all\n`);
    return 2;
  }
  let chosen = set;
  if (values.only !== undefined) {
    const wanted = values.only
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const missing = wanted.filter((name) => !set.some((scenario) => scenario.name === name));
    if (missing.length > 0) {
      io.err(`no such scenario: ${missing.join(', ')}\n`);
      return 2;
    }
    chosen = set.filter((scenario) => wanted.includes(scenario.name));
  }
  const timeoutSeconds = Number(values.timeout ?? '5');
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    io.err(`--timeout must be a positive number of seconds\n`);
    return 2;
  }
  const dir = values.compare ?? values.record;
  const result = await runConformance({
    url: values.server,
    scenarios: chosen,
    mode: values.compare !== undefined ? 'compare' : values.record !== undefined ? 'record' : 'print',
    ...(dir === undefined ? {} : { dir: resolve(dir) }),
    timeoutMs: timeoutSeconds * 1000,
    write: io.out,
    warn: io.err,
  });
  if (values.compare !== undefined) return result.failed > 0 ? 1 : 0;
  return result.serverGone ? 2 : 0;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      server: { type: 'string' },
      compare: { type: 'string' },
      record: { type: 'string' },
      only: { type: 'string' },
      set: { type: 'string' },
      timeout: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}
