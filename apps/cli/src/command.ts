import type { CommandContext } from './context.js';
import { usageError } from './errors.js';

/** One `birdtalk` command. */
export interface Command {
  /** The word after `birdtalk`. */
  readonly name: string;
  /** One line for `birdtalk help`. */
  readonly summary: string;
  /** The usage text for `birdtalk <command> --help`. */
  readonly usage: string;
  /** Runs with the arguments after the command name; failures are thrown and reported by the caller. */
  run(ctx: CommandContext, argv: readonly string[]): Promise<void>;
}

/**
 * A user or group id from the command line: a positive whole number, kept as decimal text.
 *
 * @throws CliError `CLI_USAGE` for anything else.
 */
export function parseId(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw usageError(`${what} is required`);
  if (!/^[1-9][0-9]{0,18}$/.test(value))
    throw usageError(`${what} must be a positive whole number, not "${value}"`);
  return value;
}

/**
 * A count or duration from the command line.
 *
 * @throws CliError `CLI_USAGE` unless it is a number ≥ `min`.
 */
export function parseNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < min) {
    throw usageError(`--${flag} must be a number ≥ ${min}, not "${value}"`);
  }
  return number;
}

/**
 * Refuses leftover positionals.
 *
 * @throws CliError `CLI_USAGE` naming the first unexpected argument.
 */
export function noMorePositionals(positionals: readonly string[], from: number): void {
  const extra = positionals[from];
  if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`);
}
