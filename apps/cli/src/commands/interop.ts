import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, systemRandom } from '@birdtalk/runtime';
import { type Command, noMorePositionals, parseNumber } from '../command.js';
import { resolveServer, tlsOptions } from '../connect.js';
import { parseCommand } from '../context.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { loadConfig } from '../home.js';
import { runInterop } from '../interop/run.js';

/** `birdtalk interop`: checks that a live server behaves as the SDK expects. */
export const interopCommand: Command = {
  name: 'interop',
  summary: 'check a live server against the SDK with throwaway accounts',
  usage: `usage: birdtalk interop --server <url> [--pin <sha256> | --insecure] [--timeout <ms>] [--json]

Registers three throwaway accounts and runs the SDK's whole surface through the public client API: key
exchange with both ciphers, fast re-login, login by id, following, live P2P and group delivery exactly once,
offline catch-up after a restart, history, receipts, recall, upload and signed download, group and friend
operations, logout, and the refusals (requests that crash the stock server are refused locally and never sent).
Nothing that would crash the real server is sent; at the end the group is dissolved and the accounts are
unregistered.

Prints one line per check ("ok <check>" or "FAILED <check>: <what was observed>"), then "N passed, M failed";
the exit code is 0 only when nothing failed.

  --timeout <ms>   how long one step waits for the server (default 15000)`,
  async run(ctx, argv) {
    const { values, positionals } = parseCommand(argv, { timeout: { type: 'string' } });
    noMorePositionals(positionals, 0);
    const stepTimeoutMs = parseNumber(values.timeout, 'timeout', 1);
    const config = await loadConfig(ctx.home);
    const server = resolveServer(ctx, config);
    const tls = tlsOptions(ctx, config, server);
    const workDir = await mkdtemp(join(tmpdir(), 'birdtalk-interop-'));
    let passed = 0;
    let failed = 0;
    try {
      await runInterop(
        { server, tls, workDir, ...(stepTimeoutMs === undefined ? {} : { stepTimeoutMs }) },
        { clock: systemClock, random: systemRandom },
        (result) => {
          if (result.ok) passed += 1;
          else failed += 1;
          ctx.out.result(
            {
              type: 'check',
              name: result.name,
              ok: result.ok,
              ...(result.ok ? {} : { detail: result.detail }),
            },
            result.ok ? `ok ${result.name}` : `FAILED ${result.name}: ${result.detail}`,
          );
        },
      );
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
    ctx.out.result({ type: 'summary', passed, failed }, `${passed} passed, ${failed} failed`);
    if (failed > 0) {
      throw new CliError(
        'CLI_INTEROP_FAILED',
        `${failed} interop check(s) failed on ${server}`,
        ExitCode.FAILURE,
      );
    }
  },
};
