import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Logger } from '@birdtalk/runtime';
import type { ErrorContext } from './errors.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';

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
  return parseArgs({
    args: [...argv],
    options: { ...COMMON_OPTIONS, ...options },
    allowPositionals: true,
    strict: true,
  });
}
