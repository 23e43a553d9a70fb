import { createInterface } from 'node:readline';
import type { CommandContext } from './context.js';
import { usageError } from './errors.js';

/** The password flags of `login` and `register`. */
export const PASSWORD_OPTIONS = {
  password: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
} as const;

/**
 * The password: `--password`, else the first line of standard input with `--password-stdin`, else
 * `$BIRDTALK_PASSWORD`. It is handed to the SDK and never printed, logged or stored.
 *
 * @throws CliError `CLI_USAGE` when there is none.
 */
export async function readPassword(
  ctx: CommandContext,
  values: { readonly password?: string | undefined; readonly 'password-stdin'?: boolean | undefined },
): Promise<string> {
  let password = values.password;
  if (password === undefined && values['password-stdin'] === true) password = await firstLine(ctx.io.stdin);
  password ??= ctx.io.env.BIRDTALK_PASSWORD;
  if (password === undefined || password === '') {
    throw usageError('a password is required: --password <p>, --password-stdin, or BIRDTALK_PASSWORD');
  }
  return password;
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) return line;
    return undefined;
  } finally {
    lines.close();
  }
}
