import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Logger } from '@birdtalk/runtime';
import { type ErrorContext, usageError } from './errors.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';
import { closest } from './suggest.js';

/** The flags every command takes. */
export const COMMON_OPTIONS = {
  server: { type: 'string' },
  home: { type: 'string' },
  insecure: { type: 'boolean' },
  pin: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The common flags, resolved. */
export interface Globals {
  readonly server: string | undefined;
  readonly pin: string | undefined;
  readonly insecure: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
}

/** What a command runs with. */
export interface CommandContext {
  readonly io: CliIo;
  readonly out: Output;
  readonly globals: Globals;
  /** The home directory (keys, state, the remembered server and account). */
  readonly home: string;
  readonly logger: Logger;
  /** Filled in as the command goes, so that a failure can name the server, the peer or the file. */
  readonly failure: { -readonly [K in keyof ErrorContext]: ErrorContext[K] };
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed command line of one command: its own flags and the common ones, and the positionals. */
export function parseCommand<const O extends Options>(argv: readonly string[], options: O) {
  const all = { ...COMMON_OPTIONS, ...options };
  try {
    return parseArgs({ args: [...argv], options: all, allowPositionals: true, strict: true });
  } catch (error) {
    throw withSuggestion(error, Object.keys(all));
  }
}

/** An unknown flag becomes a usage error that names the closest known one, when one is close. */
function withSuggestion(error: unknown, flags: readonly string[]): unknown {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error;
  const flag = /'(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
  if (flag === undefined) return error;
  const guess = closest(flag.replace(/^-+/, ''), flags);
  return usageError(
    guess === undefined
      ? `unknown flag ${flag}; run with --help for the flags`
      : `unknown flag ${flag}; did you mean --${guess}?`,
  );
}
