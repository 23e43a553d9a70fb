import { parseArgs } from 'node:util';
import { createLogger, type Logger } from '@birdtalk/runtime';
import packageJson from '../package.json' with { type: 'json' };
import type { Command } from './command.js';
import { downloadCommand } from './commands/download.js';
import { findCommand } from './commands/find.js';
import { friendsCommand } from './commands/friends.js';
import { groupsCommand } from './commands/groups.js';
import { historyCommand } from './commands/history.js';
import { interopCommand } from './commands/interop.js';
import { listenCommand } from './commands/listen.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { registerCommand } from './commands/register.js';
import { sendCommand } from './commands/send.js';
import { serverCommand } from './commands/server.js';
import { uploadCommand } from './commands/upload.js';
import { whoamiCommand } from './commands/whoami.js';
import { isSha256 } from './connect.js';
import { COMMON_OPTIONS, type CommandContext, type Globals } from './context.js';
import { describeError, errorDetails, usageError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { resolveHome } from './home.js';
import type { CliIo } from './io.js';
import { createOutput, safeJson } from './output.js';
import { closest } from './suggest.js';

/** Every command, in the order `birdtalk help` lists them. */
export const COMMANDS: readonly Command[] = [
  serverCommand,
  registerCommand,
  loginCommand,
  whoamiCommand,
  logoutCommand,
  sendCommand,
  listenCommand,
  historyCommand,
  friendsCommand,
  groupsCommand,
  findCommand,
  uploadCommand,
  downloadCommand,
  interopCommand,
];

const COMMON_HELP = `common flags:
  --server <url>   ws://host:port/ws or wss://host:port/ws (env BIRDTALK_SERVER; remembered at login)
  --home <dir>     where keys and state live (env BIRDTALK_HOME; default ~/.config/birdtalk)
  --pin <sha256>   trust the server's certificate with this SHA-256 fingerprint (env BIRDTALK_PIN)
  --insecure       do not check the server's certificate at all (local experiments only)
  --json           machine-readable output: one JSON object per line
  --verbose, -v    log the protocol and show error details on stderr (env BIRDTALK_VERBOSE=1)
  --help, -h       this help`;

/** The overview `birdtalk help` prints. */
export function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `usage: birdtalk <command> [flags]\n\ncommands:\n${lines.join('\n')}\n\n${COMMON_HELP}\n\nexit codes: 0 ok, 1 failure, 2 usage error, 3 not logged in or login refused, 4 server unreachable or untrusted, 130 interrupted\nrun \`birdtalk <command> --help\` for a command's flags`;
}

/**
 * Runs one `birdtalk` command line and resolves with the process exit code. Every expected failure becomes one
 * line on stderr; nothing here throws.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const jsonRequested = argv.includes('--json');
  let out = createOutput(io.stdout, io.stderr, jsonRequested);
  let verbose = argv.includes('--verbose') || argv.includes('-v') || io.env.BIRDTALK_VERBOSE === '1';
  const failure: CommandContext['failure'] = {};
  try {
    if (argv[0] === '--version' || argv[0] === '-V') {
      io.stdout.write(`birdtalk ${packageJson.version}\n`);
      return ExitCode.OK;
    }
    const { globals, home, name, rest } = preParse(argv, io);
    verbose = globals.verbose;
    out = createOutput(io.stdout, io.stderr, globals.json);
    if (name === undefined || name === 'help') {
      const topic = name === 'help' ? rest.find((arg) => !arg.startsWith('-')) : undefined;
      const command = COMMANDS.find((candidate) => candidate.name === topic);
      const text = `${command === undefined ? overview() : usageOf(command)}\n`;
      if (name === undefined && !argv.includes('--help') && !argv.includes('-h')) {
        io.stderr.write(text);
        return ExitCode.USAGE;
      }
      io.stdout.write(text);
      return ExitCode.OK;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (command === undefined) {
      const guess = closest(
        name,
        COMMANDS.map((candidate) => candidate.name),
      );
      throw usageError(
        `unknown command "${name}"; ${guess === undefined ? 'run `birdtalk help`' : `did you mean "${guess}"?`}`,
      );
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${usageOf(command)}\n`);
      return ExitCode.OK;
    }
    if (globals.insecure) {
      out.warn(
        "--insecure: the server's certificate is not checked; anyone in between can read and change the traffic",
      );
    }
    const ctx: CommandContext = {
      io,
      out,
      globals,
      home,
      logger: createCliLogger(io, verbose),
      failure,
    };
    await command.run(ctx, rest);
    return ExitCode.OK;
  } catch (error) {
    const described = describeError(error, failure);
    out.error(described, verbose ? errorDetails(error) : []);
    return described.exitCode;
  }
}

function usageOf(command: Command): string {
  return `${command.usage}\n\n${COMMON_HELP}`;
}

/** Finds the command name and the common flags; the command parses the rest strictly. */
function preParse(
  argv: readonly string[],
  io: CliIo,
): { globals: Globals; home: string; name: string | undefined; rest: string[] } {
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: COMMON_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((token) => token.kind === 'positional');
  const rest = first === undefined ? [...argv] : argv.filter((_, index) => index !== first.index);
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  for (const flag of ['server', 'home', 'pin'] as const) {
    if (values[flag] === true) throw usageError(`--${flag} needs a value`);
  }
  const pin = text(values.pin);
  if (pin !== undefined && !isSha256(pin)) {
    throw usageError('--pin must be a SHA-256 fingerprint: 64 hex digits, with or without colons');
  }
  const globals: Globals = {
    server: text(values.server),
    pin,
    insecure: values.insecure === true || io.env.BIRDTALK_INSECURE === '1',
    json: values.json === true,
    verbose: values.verbose === true || io.env.BIRDTALK_VERBOSE === '1',
  };
  return {
    globals,
    home: resolveHome(text(values.home), io.env, io.cwd),
    name: first?.kind === 'positional' ? first.value : undefined,
    rest,
  };
}

/** The SDK's log: everything on stderr with `--verbose`, otherwise errors only. */
function createCliLogger(io: CliIo, verbose: boolean): Logger {
  if (!verbose) {
    return createLogger((record) => io.stderr.write(`birdtalk: ${record.message}\n`), { level: 'error' });
  }
  return createLogger(
    (record) => {
      const fields = Object.keys(record.fields).length === 0 ? '' : ` ${safeJson(record.fields)}`;
      io.stderr.write(`${record.level} ${record.message}${fields}\n`);
    },
    { level: 'debug' },
  );
}
