// `pnpm demo`: runs the scripted BirdTalk conversation on a reference server in this process and prints its
// transcript. Exits 0 when everything worked, 1 with a "demo failed: …" line otherwise.
import { DEFAULT_DEMO_OPTIONS, runDemo } from './demo.js';

const timeoutMs = DEFAULT_DEMO_OPTIONS.timeoutMs;
// The demo has its own deadline; this one is the last resort should tearing down hang as well.
const hardStop = setTimeout(() => {
  process.stdout.write(`demo failed: still running after ${(timeoutMs + 10_000) / 1000} s\n`);
  process.exit(1);
}, timeoutMs + 10_000);
hardStop.unref();

const result = await runDemo({ timeoutMs, write: (line) => process.stdout.write(`${line}\n`) });
process.exit(result.exitCode);
