#!/usr/bin/env node
// The `birdtalk` command line. Runs from source (`pnpm birdtalk …`) and as the built binary alike.
import { runCli } from './cli.js';

// `pnpm birdtalk …` runs this script from the workspace root, but the paths on its command line (files, --home,
// -o) are the caller's: pnpm names the directory it was started in as INIT_CWD.
const initCwd = process.env.INIT_CWD;
if (process.env.npm_lifecycle_event === 'birdtalk' && initCwd !== undefined && initCwd !== '')
  process.chdir(initCwd);

const interrupt = new AbortController();
let interrupted = 0;
const onSignal = (): void => {
  interrupted += 1;
  // A second Ctrl-C does not wait for a graceful stop.
  if (interrupted > 1) process.exit(130);
  interrupt.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  interrupt: interrupt.signal,
});
process.exitCode = code;
// Sockets and timers of a stopped client may linger a moment; the command is over.
setTimeout(() => process.exit(code), 200).unref();
