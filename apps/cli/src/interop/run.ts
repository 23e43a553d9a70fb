import type { NodeTlsOptions } from '@birdtalk/client/node';
import type { Clock, Random } from '@birdtalk/runtime';
import { CHECKS, type Check, unregisterAll } from './checks.js';
import { createFrameLog } from './frame-log.js';
import { createWaits } from './waits.js';
import { newAccount, stopClient, token, type World } from './world.js';

/** Options of {@link runInterop}. */
export interface InteropOptions {
  /** `ws://…/ws` or `wss://…/ws`. */
  readonly server: string;
  readonly tls: NodeTlsOptions;
  /** A private, empty directory for the throwaway accounts' state (keys, delivery state). */
  readonly workDir: string;
  /** How long one step may wait for the server. @defaultValue 15000 */
  readonly stepTimeoutMs?: number;
  /** The quiet period after a delivery in which a duplicate would show. @defaultValue 300 */
  readonly quietMs?: number;
  /** The checks to run. @defaultValue {@link CHECKS} */
  readonly checks?: readonly Check[];
}

/** Collaborators of {@link runInterop}. */
export interface InteropDeps {
  readonly clock: Clock;
  readonly random: Random;
}

/** The outcome of one check. */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  /** What was observed, for a failed check. */
  readonly detail?: string;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}

/**
 * Runs the SDK's surface against a live server with three throwaway accounts, check by check, reporting each
 * result as it is known. Every check runs even after a failure (it then usually fails for want of what the
 * failed one set up). At the end every client is stopped, and the accounts are unregistered if the last check
 * could not do it.
 */
export async function runInterop(
  options: InteropOptions,
  deps: InteropDeps,
  report: (result: CheckResult) => void,
): Promise<CheckResult[]> {
  const prefix = `interop-${token(deps.random)}`;
  const world: World = {
    server: options.server,
    tls: options.tls,
    workDir: options.workDir,
    frames: createFrameLog(),
    waits: createWaits(deps.clock, options.stepTimeoutMs ?? 15_000, options.quietMs ?? 300),
    random: deps.random,
    accounts: {
      a: newAccount(deps.random, prefix, 'a', 'AES-CTR'),
      b: newAccount(deps.random, prefix, 'b', 'chacha20'),
      c: newAccount(deps.random, prefix, 'c', 'AES-CTR'),
    },
    groupId: undefined,
  };
  const results: CheckResult[] = [];
  for (const check of options.checks ?? CHECKS) {
    let result: CheckResult;
    try {
      await check.run(world);
      result = { name: check.name, ok: true };
    } catch (error) {
      result = { name: check.name, ok: false, detail: describe(error) };
    }
    results.push(result);
    report(result);
  }
  // Leave nothing behind, even when the clean-up check failed half-way.
  await unregisterAll(world).catch(() => undefined);
  for (const account of Object.values(world.accounts)) await stopClient(account).catch(() => undefined);
  return results;
}
